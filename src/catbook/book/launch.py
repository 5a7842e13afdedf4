"""Launch buttons that lead somewhere, and a note on every chapter saying how to rerun it.

A Sphinx extension (``sphinx.extra_extensions`` of ``_config.yml``). One setting drives the
launch buttons: ``repository.url`` of ``_config.yml``, the published repository the book's
notebooks live in. While it is unset (empty, Jupyter Book's own default, or an example
address) no launch button is drawn, since a Binder, Colab or JupyterHub link would open
nothing. Once it is set, the services of ``launch_buttons`` whose address is set
(and not an example address) get a button on each notebook page.

Every notebook page also gets one collapsed note at its end, "Rerun this chapter": ``make lab``
in a copy of the project, or the notebook downloaded with the page's download button, and the
launch buttons when there are any. It is maintainers' material, so it stays out of the reader's
way: closed until opened (a sphinx-togglebutton dropdown), after the chapter's last section, and
left out of print (``_static/catbook-reader.css``). The note is added when the page is written
(``doctree-resolved``), so it follows the setting without rereading any page and the
notebooks themselves are never edited.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from docutils import nodes

#: What Jupyter Book puts in ``repository.url`` when a book does not set it.
JUPYTER_BOOK_DEFAULT = "https://github.com/executablebooks/jupyter-book"
#: Host names kept for examples: an address on one of them is a placeholder, never a service.
EXAMPLE_HOSTS = ("example.org", "example.com", "example.net", "example.edu")
#: The launch services of ``launch_buttons`` that are addresses.
SERVICES = ("binderhub_url", "jupyterhub_url", "colab_url", "deepnote_url", "jupyterlite_url")
#: The book page that explains publishing and rerunning (linked from the note when it exists).
PUBLISHING_DOC = "book/publishing"
NOTE_CLASS = "catbook-rerun"


class LaunchConfigError(ValueError):
    """``repository.url`` is set but is not the address of a repository (field and reason given)."""


def is_placeholder(url: str | None) -> bool:
    """True for an empty address, Jupyter Book's default repository or an example host."""
    url = (url or "").strip().rstrip("/")
    if not url or url == JUPYTER_BOOK_DEFAULT:
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in EXAMPLE_HOSTS)


def published_repository(theme_options: dict) -> str | None:
    """The published repository (``repository.url``), or None while it is unset."""
    url = (theme_options.get("repository_url") or "").strip().rstrip("/")
    if is_placeholder(url):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(parts.path.strip("/").split("/")) < 2:
        raise LaunchConfigError(
            f"repository.url: {url!r} is not the address of a repository (https://HOST/OWNER/NAME)")
    return url


def launch_buttons(theme_options: dict) -> dict:
    """The ``launch_buttons`` the theme should draw: none while the repository is unset;
    otherwise every service whose address is set and not an example address."""
    wanted = dict(theme_options.get("launch_buttons") or {})
    if published_repository(theme_options) is None:
        return {}
    for key in SERVICES:
        if key in wanted and is_placeholder(wanted[key]):
            wanted[key] = ""
    if not any(wanted.get(key) for key in SERVICES) and not wanted.get("thebe"):
        return {}
    return wanted


def launch_services(theme_options: dict) -> list[str]:
    """Readable names of the services that get a button, e.g. ["Binder", "Colab"]."""
    names = {"binderhub_url": "Binder", "jupyterhub_url": "JupyterHub", "colab_url": "Colab",
             "deepnote_url": "Deepnote", "jupyterlite_url": "JupyterLite"}
    buttons = launch_buttons(theme_options)
    return [names[key] for key in SERVICES if buttons.get(key)]


def _configure(app, config) -> None:
    """``config-inited``: keep only launch buttons that lead somewhere."""
    options = config.html_theme_options
    options["launch_buttons"] = launch_buttons(options)
    if published_repository(options) is None:
        # No repository: nothing (source links, launch links) may point at a default or example one.
        options["repository_url"] = ""


def _literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def rerun_note(repository: str | None, services: list[str], publishing_uri: str | None) -> nodes.admonition:
    """The "Rerun this chapter" note of a notebook page (collapsed: a dropdown admonition)."""
    note = nodes.admonition(classes=["note", "dropdown", NOTE_CLASS], ids=[NOTE_CLASS])
    note += nodes.title("", "Rerun this chapter")
    body = nodes.paragraph()
    body += nodes.Text("This page is a notebook, stored executed. To rerun it: in a copy of the project, ")
    body += _literal("make lab")
    body += nodes.Text(" opens it in JupyterLab with the project's environment; or download the notebook "
                       "with the page's download button (")
    body += _literal(".ipynb")
    body += nodes.Text(") and open it in a Jupyter where the project's packages are installed (")
    body += _literal("pip install -r requirements.txt")
    body += nodes.Text(" in the project's folder).")
    if repository and services:
        body += nodes.Text(f" The launch button at the top of the page opens it on {' or '.join(services)}, "
                           "from the published repository ")
        body += nodes.reference(repository, repository, refuri=repository)
        body += nodes.Text(".")
    if publishing_uri:
        body += nodes.Text(" See ")
        body += nodes.reference("", "Rerunning a chapter", internal=True, refuri=publishing_uri)
        body += nodes.Text(".")
    note += body
    return note


def _insert(doctree: nodes.document, note: nodes.Element) -> None:
    """At the end of the chapter, after its last section (the reader's text comes first)."""
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None:
        doctree += note
        return
    top += note


def _add_note(app, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the rerun note on every notebook page of an HTML build."""
    if app.builder.format != "html" or Path(app.env.doc2path(docname)).suffix != ".ipynb":
        return
    options = app.config.html_theme_options
    publishing = (app.builder.get_relative_uri(docname, PUBLISHING_DOC) + "#rerun"
                  if PUBLISHING_DOC in app.env.all_docs else None)
    _insert(doctree, rerun_note(published_repository(options), launch_services(options), publishing))


def setup(app):
    # After Jupyter Book has put _config.yml into html_theme_options, before the theme reads it.
    app.connect("config-inited", _configure, priority=900)
    app.connect("doctree-resolved", _add_note)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
