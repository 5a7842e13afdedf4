"""catbook.book.launch: launch buttons only once the published repository is set; a rerun note on
every notebook page. Two tiny Jupyter Books are built (repository unset / set) and their
HTML read, and the project's own _config.yml is checked through Jupyter Book's reader."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from catbook.book import launch
from catbook.pack.paths import ROOT

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
SERVICES = {"binderhub_url": "https://mybinder.org", "colab_url": "https://colab.research.google.com",
            "jupyterhub_url": "https://jupyterhub.example.org"}
REPO = "https://github.com/some-owner/catbook"
# Addresses a launch button can have (the theme draws them as <a href> in the header).
LAUNCH_HREF = re.compile(r'href="(https://(?:mybinder\.org|colab\.research\.google\.com|jupyterhub\.example\.org)[^"]*)"')


def options(repository: str, **services) -> dict:
    return {"repository_url": repository, "launch_buttons": {"notebook_interface": "jupyterlab", **services}}


@pytest.mark.parametrize("unset", ["", "  ", launch.JUPYTER_BOOK_DEFAULT, "https://git.example.org/o/r",
                                   "https://example.com/owner/repo/"])
def test_no_launch_buttons_while_the_repository_is_unset(unset):
    opts = options(unset, **SERVICES)
    assert launch.published_repository(opts) is None
    assert launch.launch_buttons(opts) == {}
    assert launch.launch_services(opts) == []


def test_a_published_repository_turns_on_the_services_that_are_set():
    opts = options(REPO + "/", **SERVICES)
    assert launch.published_repository(opts) == REPO
    buttons = launch.launch_buttons(opts)
    assert buttons["binderhub_url"] == SERVICES["binderhub_url"] and buttons["colab_url"] == SERVICES["colab_url"]
    assert buttons["jupyterhub_url"] == ""  # an example address is no service
    assert launch.launch_services(opts) == ["Binder", "Colab"]
    assert launch.launch_buttons(options(REPO)) == {}  # a repository but no service: no button


@pytest.mark.parametrize("bad", ["github.com/owner/repo", "https://github.com/only-owner", "ftp://host/o/r"])
def test_a_repository_that_is_not_an_address_is_refused(bad):
    with pytest.raises(launch.LaunchConfigError, match="repository.url"):
        launch.published_repository(options(bad))


def test_the_projects_config_has_no_placeholder_and_no_button_until_published():
    """The book's _config.yml, as Jupyter Book turns it into Sphinx options."""
    from jupyter_book.config import get_final_config
    config, _ = get_final_config(user_yaml=ROOT / "_config.yml", cli_config={"latex_individualpages": False},
                                 sourcedir=ROOT)
    opts = config["html_theme_options"]
    raw = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "catbook.book.launch" in raw["sphinx"]["extra_extensions"]
    for key in launch.SERVICES:
        url = (opts.get("launch_buttons") or {}).get(key) or ""
        assert not url or not launch.is_placeholder(url), f"launch_buttons.{key} is a placeholder: {url}"
    if launch.published_repository(opts) is None:
        assert launch.launch_buttons(opts) == {}


# --- two tiny books, built ------------------------------------------------------------------------

def tiny_book(folder: Path, repository: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "_config.yml").write_text(yaml.safe_dump({
        "title": "Tiny", "only_build_toc_files": True, "execute": {"execute_notebooks": "off"},
        "repository": {"url": repository, "branch": "main"},
        "launch_buttons": {"notebook_interface": "jupyterlab", **SERVICES},
        "html": {"use_download_button": True},
        "sphinx": {"extra_extensions": ["catbook.book.launch"]},
    }), encoding="utf-8")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: chapter\n", encoding="utf-8")
    (folder / "intro.md").write_text("# Intro\n\nA prose page.\n", encoding="utf-8")
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# A chapter\n\nOpening text."},
             {"cell_type": "markdown", "metadata": {}, "source": "## First section\n\nMore text."}]
    (folder / "chapter.ipynb").write_text(json.dumps({
        "cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    done = subprocess.run([str(JUPYTER_BOOK), "build", str(folder), "--warningiserror"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return folder / "_build" / "html"


@pytest.fixture(scope="module")
def unset_book(tmp_path_factory):
    return tiny_book(tmp_path_factory.mktemp("unset") / "book", "")


@pytest.fixture(scope="module")
def published_book(tmp_path_factory):
    return tiny_book(tmp_path_factory.mktemp("published") / "book", REPO)


def rerun_note(page: str) -> str:
    m = re.search(r'<div[^>]*class="[^"]*catbook-rerun[^"]*"[^>]*>(.*?)</div>', page, re.S)
    assert m, "no rerun note on the notebook page"
    return re.sub(r"<[^>]+>", "", m.group(1))


def test_unset_repository_no_launch_button_and_a_rerun_note(unset_book):
    chapter = (unset_book / "chapter.html").read_text(encoding="utf-8")
    assert LAUNCH_HREF.findall(chapter) == []
    assert "example.org" not in chapter and "executablebooks/jupyter-book" not in chapter
    note = " ".join(rerun_note(chapter).split())
    assert "Rerun this chapter" in note and "make lab" in note and ".ipynb" in note and "download button" in note
    assert "launch button" not in note
    # One collapsed note (a dropdown), at the end of the chapter, after its last section.
    assert chapter.index("Opening text") < chapter.index('<section id="first-section"') < chapter.index("catbook-rerun")
    assert re.search(r'class="[^"]*dropdown[^"]*catbook-rerun|class="[^"]*catbook-rerun[^"]*dropdown', chapter)
    # The download button offers the notebook the note speaks of, and the file is there.
    assert 'href="_sources/chapter.ipynb"' in chapter and (unset_book / "_sources" / "chapter.ipynb").is_file()
    # Prose pages get no note.
    assert "catbook-rerun" not in (unset_book / "intro.html").read_text(encoding="utf-8")


def test_published_repository_draws_binder_and_colab(published_book):
    chapter = (published_book / "chapter.html").read_text(encoding="utf-8")
    hrefs = LAUNCH_HREF.findall(chapter)
    assert any(h.startswith("https://mybinder.org/v2/gh/some-owner/catbook/main") for h in hrefs), hrefs
    assert any(h.startswith("https://colab.research.google.com/github/some-owner/catbook/blob/main/chapter.ipynb")
               for h in hrefs), hrefs
    assert "jupyterhub.example.org" not in chapter
    note = " ".join(rerun_note(chapter).split())
    assert "Binder or Colab" in note and REPO in note and "make lab" in note
