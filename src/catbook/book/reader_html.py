"""Reader tables and charts in the built HTML: a Sphinx extension (``_config.yml``
``sphinx: extra_extensions``).

Charts. myst-nb writes a notebook's image with no ``alt``, so the HTML writer puts the
image's file path there (``alt="../_images/9d9f5b….png"``). A chart drawn in a notebook that
imports ``catbook.notebook`` carries its description in its output's metadata
(``{"image/png": {"alt": …}}``, written by ``catbook.book.display``: title, axes, each bar's
label and value); myst-nb names the image file by the sha256 of its bytes, so at
``doctree-resolved`` each image of a notebook page is matched to its output and given that
``alt``. An image whose output has none (a notebook not re-executed since) is described by the
section it stands in ("Chart in the section …"), never by its path.

Row anchors. A reader table (``catbook.book.display.ReaderTable``) shows human headers, so
the anchors ``catbook.book.sphinx_ext`` gives rows by their column names (``figure_id``…) are
written by the table itself as ``data-row-anchor``; at ``html-page-context``, after
``sphinx_ext``, each becomes the row's ``id`` unless the page already has that id (the first
row showing an item gets it), the same rule as ``sphinx_ext.anchor_table_rows``.
"""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from docutils import nodes

ALT_KEY = "alt"


def notebook_alts(path: Path) -> dict[str, str]:
    """sha256 of each image output's bytes -> the ``alt`` its metadata carries."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, str] = {}
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) or []:
            data, meta = output.get("data") or {}, output.get("metadata") or {}
            for mime in ("image/png", "image/jpeg"):
                if mime in data:
                    alt = (meta.get(mime) or {}).get(ALT_KEY, "")
                    raw = data[mime]
                    raw = "".join(raw) if isinstance(raw, list) else raw
                    try:
                        digest = hashlib.sha256(base64.b64decode(raw)).hexdigest()
                    except (ValueError, TypeError):
                        continue
                    if alt:
                        out[digest] = str(alt)
    return out


def _section_title(node) -> str:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section) and parent.children and isinstance(parent[0], nodes.title):
            return parent[0].astext().strip()
        parent = parent.parent
    return ""


def describe_images(app, doctree, docname: str) -> None:
    """doctree-resolved: every image of a notebook page gets an ``alt`` that says what it shows."""
    source = Path(app.env.doc2path(docname))
    if source.suffix != ".ipynb":
        return
    alts = None
    for image in doctree.findall(nodes.image):
        alt = image.get("alt", "")
        if alt and not alt.endswith((".png", ".jpg", ".jpeg", ".svg")):
            continue
        if alts is None:
            alts = notebook_alts(source)
        stem = Path(str(image.get("uri", ""))).stem
        text = alts.get(stem)
        if not text:
            section = _section_title(image)
            text = f"Chart in the section “{section}”" if section else "Chart"
        image["alt"] = text


def anchor_reader_rows(html: str) -> str:
    """Each ``<tr data-row-anchor="…">`` gets that ``id`` unless the page already has it."""
    if "data-row-anchor" not in html:
        return html
    from catbook.book.sphinx_ext import _html, _soup
    soup = _soup(html)
    taken = {tag["id"] for tag in soup.find_all(id=True)}
    for row in soup.find_all("tr", attrs={"data-row-anchor": True}):
        anchor = row["data-row-anchor"]
        del row["data-row-anchor"]
        if row.get("id") or anchor in taken:
            continue
        row["id"] = anchor
        taken.add(anchor)
    return _html(soup)


def anchor_rows(app, pagename, templatename, context, doctree) -> None:
    """html-page-context (after ``sphinx_ext``): reader-table rows get their anchors."""
    body = context.get("body")
    if isinstance(body, str) and "data-row-anchor" in body:
        context["body"] = anchor_reader_rows(body)


def setup(app):
    app.connect("doctree-resolved", describe_images)
    app.connect("html-page-context", anchor_rows, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
