"""The prose of generated pages is the pack's (pages/*.md), with neutral defaults; report.yaml's new fields."""
from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from catbook.pack import pack_pages, paths
from catbook.pack.pack_pages import DEFAULTS, pack_text
from catbook.pack.report import report


def test_the_pack_prose_is_rendered_with_the_report_and_its_files():
    text = pack_text("external.md")
    assert f"{report().state}'s laws" in text
    assert f"`{paths.rel(paths.EXTERNAL_CSV)}`" in text and "{{" not in text


def test_a_pack_without_pages_gets_the_neutral_defaults(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "PAGES_DIR", tmp_path)
    for template in sorted(DEFAULTS.glob("*.md")):
        mine = (paths.PACK / "pages" / template.name).read_text(encoding="utf-8")
        default = pack_text(template.name, notice="N.", language="French", kinds="k", translated=True,
                            previous=report().previous_observations, first=1, last=2)
        assert "{{" not in default and default.strip()
        assert "2008" not in default and "Kazakh" not in template.read_text(encoding="utf-8")
        assert mine != template.read_text(encoding="utf-8")


def test_a_name_the_page_does_not_pass_fails_the_build(tmp_path, monkeypatch):
    (tmp_path / "x.md").write_text("{{ nobody }}", encoding="utf-8")
    monkeypatch.setattr(paths, "PAGES_DIR", tmp_path)
    with pytest.raises(UndefinedError):
        pack_text("x.md")


def test_rel_cites_files_inside_the_repository_relative_and_others_whole(tmp_path):
    assert paths.rel(paths.CLAIMS_CSV) == f"data/{paths.PACK.name}/claims.csv"
    assert paths.rel(tmp_path / "a.csv") == (tmp_path / "a.csv").resolve().as_posix()


def test_the_answered_paragraphs_of_the_previous_observations():
    previous = report().previous_observations
    assert previous.answered_paragraphs is not None
    assert list(previous.paragraph_range)[0] == previous.answered_paragraphs.first
    assert list(previous.paragraph_range)[-1] == previous.answered_paragraphs.last
