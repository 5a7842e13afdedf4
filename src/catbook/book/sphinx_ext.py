"""A small Sphinx extension for the book's HTML: no thebe when it is off, no duplicate
inline scripts, and an anchor on every table row that shows a figure, claim or check.

Loaded from ``_config.yml`` (``sphinx: extra_extensions: [catbook.book.sphinx_ext]``).

Thebe. Jupyter Book 1.0.4 always loads ``sphinx_thebe``, whatever ``launch_buttons:
thebe`` says. sphinx-thebe then adds an inline script ``const THEBE_JS_URL = ...`` (a URL
on unpkg.com), ``sphinx-thebe.js``/``.css`` and a ``text/x-thebe-config`` block to every
page. The inline script is added after the HTML builder is set up, so Sphinx 7.4 holds it
twice (once as ``_JavaScript(None)``, once as ``_JavaScript('')``, which do not compare
equal) and writes it twice: the browser reports "Identifier 'THEBE_JS_URL' has already
been declared" on every page. With thebe off this extension disconnects sphinx-thebe's
handlers (nothing of thebe reaches a page) and, for every other extension that adds an
inline script late (sphinx-togglebutton's ``togglebuttonSelector``), writes each inline
script once.

Anchors. Tables of figures, claims and audit checks are pandas tables in notebook
outputs; a row gets ``id="fig-<figure_id>"``, ``id="claim-<claim_id>"`` or
``id="check-<check_id>"`` unless the page already has that id (a claim shown in full by
``catbook.book.display.claim_markdown`` carries its own ``claim-<id>`` target), so a figure
can be linked as ``notebooks/art-02-prevention.html#fig-art-2-014``.

Accessibility (WCAG 2.5.3 "label in name", axe ``label-content-name-mismatch``). Controls
whose accessible name does not contain their visible text: myst-nb's hidden-code toggle
(``<summary aria-label="Toggle hidden content">`` showing "Show code cell source") loses the
aria-label, so it is named by what it shows; the theme's search button and colour-mode
switch are overridden by the templates in ``catbook/templates/`` (added to
``templates_path``), each of which says what it changes. The sidebar's expand/collapse
toggles of pages with sub-pages (a ``<summary>`` holding only an icon) are given a name
(axe ``summary-name``).

Calculators. Each kernel-free custody calculator on a page (a ``<div
data-catbook-calculator="custody">``, in a chapter the HTML view of
``catbook.book.calculator_cell``) is given the relative addresses of the calculator page
(``data-calculator-page``, config ``catbook_calculator_page``) and of the report's text
(``data-report-page``, config ``catbook_report_page``) unless it names them itself, so a
chapter's calculator links its report lines and can open its case in the calculator page.

Root page. ``index.html`` is a redirect to the first page (sphinx-external-toc writes a bare
``<meta http-equiv="Refresh">`` line when the file is missing). This extension writes it
first, as a small complete page: language, title, the book's icon (without one Chromium asks
for ``/favicon.ico`` and gets a 404) and a link for readers whose browser does not follow
the redirect (the Jinja2 template ``page_templates/redirect.html``).

Parsing. Page bodies and the sidebar are read and changed with an HTML parser
(BeautifulSoup over Python's ``html.parser``), never with regular expressions; a fragment
nothing changes in is returned as it came, and a changed one is written back with its
attributes in their order.
"""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

from catbook.pack.paths import PACKAGE_DIR
from catbook.text.markdown import ROW_ANCHORS
from catbook.text.templating import render


_THEBE_HANDLERS = {"init_thebe_core", "update_thebe_context"}
TEMPLATES = PACKAGE_DIR / "templates"
_SUMMARY = '<summary aria-label="Toggle hidden content">'


def _add_templates(app, config) -> None:
    """config-inited: the book's overrides of theme components come before the theme's own."""
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path.append(str(TEMPLATES))


def thebe_enabled(config) -> bool:
    options = getattr(config, "html_theme_options", None) or {}
    return bool((options.get("launch_buttons") or {}).get("thebe"))


def _drop_thebe(app) -> None:
    """builder-inited: with thebe off, sphinx-thebe adds nothing to pages."""
    if thebe_enabled(app.config):
        return
    for event, listeners in list(app.events.listeners.items()):
        for listener in list(listeners):
            handler = listener.handler
            if (getattr(handler, "__module__", "") == "sphinx_thebe"
                    and getattr(handler, "__name__", "") in _THEBE_HANDLERS):
                app.disconnect(listener.id)


def _script_key(script) -> tuple:
    attrs = getattr(script, "attributes", {}) or {}
    return (getattr(script, "filename", script) or "", getattr(script, "priority", 500),
            tuple(sorted(attrs.items())))


def clean_assets(app, pagename, templatename, context, doctree) -> None:
    """html-page-context: each script written once; no thebe asset when thebe is off."""
    no_thebe = not thebe_enabled(app.config)
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        seen, keep = set(), []
        for script in scripts:
            key = _script_key(script)
            name = key[0]
            if key in seen or (no_thebe and ("sphinx-thebe" in name or "THEBE_JS_URL" in str(key[2]))):
                continue
            seen.add(key)
            keep.append(script)
        scripts[:] = keep
    css = context.get("css_files")
    if no_thebe and isinstance(css, list):
        css[:] = [c for c in css if "sphinx-thebe" not in (getattr(c, "filename", c) or "")]
    toctree = context.get("generate_toctree_html")
    if callable(toctree) and not getattr(toctree, "_catbook", False):
        context["generate_toctree_html"] = _named_toggles(toctree)
    body = context.get("body")
    if isinstance(body, str):
        body = body.replace(_SUMMARY, "<summary>")
        if _CALCULATOR_MARKER in body:
            body = link_calculators(body, _relative_uri(app, pagename, app.config.catbook_calculator_page),
                                    _relative_uri(app, pagename, app.config.catbook_report_page))
        if "<table" in body:
            body = anchor_table_rows(body)
        context["body"] = body


_CALCULATOR_MARKER = 'data-catbook-calculator="custody"'
_ANCHOR_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


class _AsWritten(HTMLFormatter):
    """Serialise attributes in the order the page wrote them (bs4 sorts them by default)."""
    def attributes(self, tag):
        return list(tag.attrs.items())


_AS_WRITTEN = _AsWritten(entity_substitution=EntitySubstitution.substitute_xml, void_element_close_prefix=None)


def _soup(html: str) -> BeautifulSoup:
    """The fragment parsed by Python's own HTML parser (no lxml)."""
    return BeautifulSoup(html, "html.parser")


def _html(soup: BeautifulSoup) -> str:
    return soup.decode(formatter=_AS_WRITTEN)


def _relative_uri(app, pagename: str, docname: str) -> str:
    """The address of ``docname`` as a link from ``pagename`` ("" if the book has no such page)."""
    if not docname or docname not in app.env.found_docs:
        return ""
    return app.builder.get_relative_uri(pagename, docname)


def link_calculators(html: str, calculator_page: str, report_page: str) -> str:
    """Add ``data-calculator-page`` / ``data-report-page`` to each calculator that lacks them."""
    soup, changed = _soup(html), False
    for div in soup.find_all("div", attrs={"data-catbook-calculator": "custody"}):
        for name, value in (("data-calculator-page", calculator_page), ("data-report-page", report_page)):
            if value and not div.has_attr(name):
                div[name], changed = value, True
    return _html(soup) if changed else html


def name_toggles(html: str) -> str:
    """Give each sidebar sub-page toggle a name: ``<summary aria-label="Pages under X">``."""
    soup, changed = _soup(html), False
    for details in soup.find_all("details"):
        link = details.find_previous_sibling()
        summary = details.find("summary", recursive=False)
        if (summary is None or summary.has_attr("aria-label") or link is None or link.name != "a"
                or "reference" not in (link.get("class") or [])):
            continue
        summary["aria-label"], changed = f"Pages under {link.get_text().strip()}", True
    return _html(soup) if changed else html


def _named_toggles(generate):
    """Wrap the theme's sidebar generator: its expand/collapse toggles (``<summary>`` holding
    only a chevron icon) have no accessible name (axe ``summary-name``, WCAG 4.1.2)."""
    def wrapper(*args, **kwargs):
        out = generate(*args, **kwargs)
        return type(out)(name_toggles(str(out))) if isinstance(out, str) else out
    wrapper._catbook = True
    return wrapper


def _column_names(thead: Tag) -> list[str]:
    """A pandas table's column names, read from every header row (an indexed table has two)."""
    names: list[str] = []
    for row in thead.find_all("tr"):
        for i, cell in enumerate(row.find_all(["th", "td"], recursive=False)):
            text = cell.get_text().strip()
            if i >= len(names):
                names.append(text)
            elif not names[i]:
                names[i] = text
    return names


def anchor_table_rows(html: str) -> str:
    """Give each table row that shows a figure/claim/check id an anchor (first one per page)."""
    soup, changed = _soup(html), False
    taken = {tag["id"] for tag in soup.find_all(id=True)}
    for table in soup.find_all("table"):
        thead, tbody = table.find("thead"), table.find("tbody")
        if thead is None or tbody is None:
            continue
        columns = [(i, ROW_ANCHORS[n]) for i, n in enumerate(_column_names(thead)) if n in ROW_ANCHORS]
        for row in tbody.find_all("tr", recursive=False) if columns else ():
            if row.attrs:
                continue
            cells = [c.get_text().strip() for c in row.find_all(["th", "td"], recursive=False)]
            for i, prefix in columns:
                if i < len(cells) and _ANCHOR_ID.fullmatch(cells[i]) and prefix + cells[i] not in taken:
                    row["id"] = prefix + cells[i]
                    taken.add(row["id"])
                    changed = True
                    break
    return _html(soup) if changed else html


def write_index(app, exception) -> None:
    """build-finished: index.html redirects to the root page, with a title, language and icon."""
    if exception or app.builder.name != "html" or app.config.root_doc == "index":
        return
    favicon = app.config.html_favicon or ""
    Path(app.outdir, "index.html").write_text(render(
        "redirect.html", lang=app.config.language or "en", title=app.config.html_title or app.config.project or "",
        target=f"{app.config.root_doc}.html",
        icon=Path(favicon).name if favicon and "://" not in favicon else ""), encoding="utf-8")


def setup(app):
    app.add_config_value("catbook_calculator_page", "book/calculator", "html")
    app.add_config_value("catbook_report_page", "book/report-text", "html")
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", _drop_thebe, priority=900)
    app.connect("html-page-context", clean_assets, priority=900)
    app.connect("build-finished", write_index, priority=400)  # before sphinx-external-toc's
    app.setup_extension("catbook.book.light")  # light pages: no icon script, search index on search.html only
    app.setup_extension("catbook.book.search")  # search: "141-1" as one term, phrases first, no code in snippets
    return {"parallel_read_safe": True, "parallel_write_safe": True}
