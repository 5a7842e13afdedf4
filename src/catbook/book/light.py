"""Sphinx extension: light pages. Every page of the book fetches at most
``catbook.book.page_weight.MAX_COLD_BYTES`` when a browser opens it cold (issue 23, point 8).

Registered by ``catbook.book.sphinx_ext`` (``app.setup_extension``). One build-finished step,
run after every other step that writes pages (priority 990), on the written build:

* **No icon script.** pydata-sphinx-theme loads ``scripts/fontawesome.js`` (1.45 MB: every
  Font Awesome icon as SVG data, to turn each ``<i class="fa-solid fa-bars">`` into an inline
  ``<svg>``) in the head of every page. Its own style sheet already draws the same icons from
  the Font Awesome web font (``.fa-solid`` sets the font, ``.fa-bars:before`` the glyph), which
  every page loads anyway for the theme's admonition and navigation icons. The script is taken
  out of every page's head and out of the build: the header icons and toggles are the font's.
* **The search index only on the search page.** The theme puts ``searchtools.js``,
  ``language_data.js`` and ``searchindex.js`` (about 0.5 MB) in every page's head for its
  "search as you type", which the book leaves off (``search_as_you_type`` false): the search
  box of every page sends its words to ``search.html``, the one page that keeps them.
* **No source maps.** Every ``*.map`` file is deleted, and the ``sourceMappingURL`` line that
  names it is taken off the end of its script or style sheet.
* **Only the style rules the book uses.** In the style sheets of the theme and the extensions
  (every ``.css`` under ``_static`` but the book's own ``catbook*``), a rule is dropped when one
  of the classes its selector requires is named nowhere in the build: in no page and in no
  script a page loads (a class name is looked for as a word of their text, so a class that a script
  writes is kept; classes inside ``:not()``, ``:is()``, ``:where()``, ``:has()`` are never
  required; Bootstrap's ``bs-*`` classes, which its script composes, are always kept). The
  theme's 400 KB sheet keeps about 170 KB: the icons of Font Awesome's 2,000 that a page shows,
  the components the theme draws.
* **The icon font subset.** Each Font Awesome web font is cut to the glyphs the remaining style
  sheets name (``content: "\\f0c9"`` and the theme's ``--pst-icon-*`` strings), written as WOFF
  next to it (``fa-solid-900.subset.woff``, a few KB instead of 156 KB), and its ``@font-face``
  points at that file.

Pages are read with Python's HTML parser (the positions of the ``<script>`` elements of the
head, cut out of the text as written; no page is re-serialised); style sheets with tinycss2.
Each step is idempotent, so an incremental build (which copies the theme's files again and
writes only the changed pages) ends in the same state.
"""
from __future__ import annotations

import io
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import tinycss2

#: Scripts of the head that only the search page needs (paths relative to the build's root).
SEARCH_SCRIPTS = ("_static/searchtools.js", "_static/language_data.js", "searchindex.js")
#: The theme's icon script (replaced by the icon font the theme's style sheet already names).
ICON_SCRIPT = "_static/scripts/fontawesome.js"
#: The page that keeps the search scripts.
SEARCH_PAGE = "search.html"
#: The search index itself: on the search page it loads only once a search is made (a query in
#: the address), after the search scripts have run; they queue the query until it arrives.
SEARCH_INDEX = "searchindex.js"
_LAZY_INDEX = ('<script>document.addEventListener("DOMContentLoaded", () => {{'
               ' if (!new URLSearchParams(location.search).get("q")) return;'
               ' const s = document.createElement("script"); s.src = "{src}"; document.head.appendChild(s); }});'
               '</script>')
#: Assets of Sphinx extensions that a page needs only when it shows what they serve: the page's
#: HTML marker -> the head's scripts and style sheets (build paths) it can do without otherwise.
#: Copy buttons serve code blocks (the reader pages show none: code inputs are removed);
#: sphinx-design's tabs serve its tab sets and cards.
OPTIONAL_ASSETS = {
    'class="highlight': ("_static/clipboard.min.js", "_static/copybutton.js", "_static/copybutton.css"),
    'class="sd-': ("_static/design-tabs.js", "_static/sphinx-design.min.css"),
}
#: Style sheets never purged: the book's own, written by hand (a name starting with this).
OWN_CSS_PREFIX = "catbook"
#: Classes always kept: Bootstrap's script composes them (``bs-tooltip-${placement}``).
KEEP_CLASS_PREFIXES = ("bs-",)
#: Where the theme's Font Awesome web fonts are, under ``_static``.
ICON_FONTS = "vendor/fontawesome/webfonts"
_SKIP_DIRS = {"_static", "_sources", "_images", "jupyter_execute"}
_WORD = re.compile(r"-?[^\W\d][\w-]*")
_SELECTOR_FUNCTIONS = {"not", "is", "where", "has", "matches", "-webkit-any", "-moz-any"}
_NESTED_AT_RULES = {"media", "supports", "layer", "container", "document"}


# -- pages: the head's scripts -----------------------------------------------------------------

class _HeadScripts(HTMLParser):
    """(start, end, src) of every ``<script src>`` and style-sheet ``<link href>`` element
    before ``</head>``, as offsets."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self._lines = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._lines.append(i + 1)
        self.found: list[tuple[int, int, str]] = []
        self._open: tuple[int, str] | None = None
        self.done = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not self.done:
            src = dict(attrs).get("src")
            self._open = (self._offset(), src) if src else None
        elif tag == "link" and not self.done and dict(attrs).get("rel") == "stylesheet" and dict(attrs).get("href"):
            start = self._offset()
            self.found.append((start, self.text.index(">", start) + 1, dict(attrs)["href"]))
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag):
        if tag == "head":
            self.done = True
        elif tag == "script" and self._open and not self.done:
            start, src = self._open
            end = self.text.index(">", self._offset()) + 1
            self.found.append((start, end, src))
            self._open = None


def _head(text: str) -> str:
    """The page up to the end of its head (the rest is never parsed: pages weigh up to 0.5 MB)."""
    end = text.find("</head>")
    return text if end < 0 else text[:end + len("</head>")]


def _target(src: str, page: str) -> str:
    """The build path a script's ``src`` names from ``page`` (both relative to the root)."""
    path = src.split("?", 1)[0].split("#", 1)[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def unwanted_scripts(page: str, body: str = "") -> set[str]:
    """Build paths of the head's scripts and style sheets ``page`` (relative to the root) should
    not load: the icon script; the search scripts except on the search page; the optional
    assets whose marker ``body`` (the page after its head) does not hold."""
    out = {ICON_SCRIPT} | (set() if page == SEARCH_PAGE else set(SEARCH_SCRIPTS))
    for marker, assets in OPTIONAL_ASSETS.items():
        if marker not in body:
            out |= set(assets)
    return out


def lighten_head(text: str, page: str) -> str:
    """The page without the scripts and style sheets :func:`unwanted_scripts` names; on the
    search page the index loads once a search is made."""
    head = _head(text)
    parser = _HeadScripts(head)
    parser.feed(head)
    drop = unwanted_scripts(page, text[len(head):])
    cuts = [(start, end, None) for start, end, src in parser.found if _target(src, page) in drop]
    if page == SEARCH_PAGE:
        cuts += [(start, end, _LAZY_INDEX.format(src=src)) for start, end, src in parser.found
                 if _target(src, page) == SEARCH_INDEX]
    for start, end, instead in sorted(cuts, reverse=True):
        if instead is None:  # the element, and the line break after it
            text = text[:start] + text[end:].removeprefix("\n")
        else:
            text = text[:start] + instead + text[end:]
    return text


def book_pages(out: Path) -> list[Path]:
    """Every HTML page of the build (not those under _static, _sources and the like)."""
    return sorted(p for p in out.rglob("*.html") if not _SKIP_DIRS & set(p.relative_to(out).parts[:-1]))


# -- source maps ------------------------------------------------------------------------------

def drop_source_maps(out: Path) -> list[Path]:
    """Delete every ``*.map`` and the ``sourceMappingURL`` line naming it; the deleted maps."""
    maps = sorted(out.rglob("*.map"))
    for path in maps:
        path.unlink()
    for path in [*out.glob("_static/**/*.js"), *out.glob("_static/**/*.css")]:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        lines = text.rstrip("\n").split("\n")
        last = lines[-1].strip()
        if last.startswith(("//# sourceMappingURL=", "/*# sourceMappingURL=")):
            path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8", errors="surrogateescape")
    return maps


# -- style sheets: the rules the build uses --------------------------------------------------

def _required_classes(selector: list) -> set[str]:
    """Classes a selector (tinycss2 tokens) requires: not those inside functional pseudo-classes."""
    found: set[str] = set()
    previous = None
    for token in selector:
        if token.type == "literal" and token.value == "." and previous is None:
            previous = token
            continue
        if previous is not None and token.type == "ident":
            found.add(token.value)
        previous = None
        if token.type == "function" and token.lower_name not in _SELECTOR_FUNCTIONS:
            found |= _required_classes(token.arguments)
    return found


def _split_selectors(prelude: list) -> list[list]:
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return selectors


def purge_rules(nodes: list, used) -> tuple[str, bool]:
    """The rules of a style sheet (tinycss2 nodes) whose selectors may match, as CSS text."""
    out: list[str] = []
    changed = False
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = _split_selectors(node.prelude)
            keep = [s for s in selectors if all(used(c) for c in _required_classes(s))]
            if len(keep) != len(selectors):
                changed = True
            if keep:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in keep)
                out.append(f"{prelude}{{{tinycss2.serialize(node.content)}}}")
        elif node.type == "at-rule" and node.lower_at_keyword in _NESTED_AT_RULES and node.content is not None:
            inner, inner_changed = purge_rules(
                tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True), used)
            changed |= inner_changed
            if inner:
                out.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}{{{inner}}}")
            else:
                changed = True
        elif node.type in ("whitespace", "comment"):
            continue
        else:
            out.append(node.serialize())
    return "".join(out), changed


def class_in_build(corpus: str):
    """A test: is this class named anywhere in the build's pages and scripts (as a word of
    their text: letters, digits, ``_`` and ``-``)?"""
    words = set(_WORD.findall(corpus))

    def used(name: str) -> bool:
        return name.startswith(KEEP_CLASS_PREFIXES) or name in words
    return used


def loaded_text(out: Path, pages: list[Path]) -> str:
    """The text of every page and of every script a page or a loaded script names (by its file
    name): not a script that nothing loads, such as the widget manager kept for Jupyter."""
    text = [p.read_text(encoding="utf-8", errors="replace") for p in pages]
    scripts = {p: p.read_text(encoding="utf-8", errors="replace") for p in (out / "_static").rglob("*.js")}
    named = "\n".join(text)
    loaded: set[Path] = set()
    while True:
        new = {p for p in scripts if p not in loaded and p.name in named}
        if not new:
            return "\n".join([*text, *(scripts[p] for p in sorted(loaded))])
        loaded |= new
        named = "\n".join(scripts[p] for p in new)


def purged_sheets(out: Path) -> list[Path]:
    static = out / "_static"
    return sorted(p for p in static.rglob("*.css")
                  if not p.name.startswith(OWN_CSS_PREFIX)
                  and not any(part.startswith(OWN_CSS_PREFIX) for part in p.relative_to(static).parts[:-1]))


def purge_css(out: Path, pages: list[Path]) -> dict[str, tuple[int, int]]:
    """Purge the theme's and extensions' style sheets; {sheet: (bytes before, after)}."""
    used = class_in_build(loaded_text(out, pages))
    sizes = {}
    for sheet in purged_sheets(out):
        text = sheet.read_text(encoding="utf-8")
        css, changed = purge_rules(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), used)
        if changed:
            sheet.write_text(css + "\n", encoding="utf-8")
        sizes[sheet.relative_to(out).as_posix()] = (len(text.encode()), sheet.stat().st_size)
    return sizes


# -- the icon font ----------------------------------------------------------------------------

def _strings(nodes) -> set[str]:
    """Every string value in a list of tinycss2 nodes, at any depth."""
    found: set[str] = set()
    for node in nodes or ():
        if node.type == "string":
            found.add(node.value)
        for attr in ("prelude", "content", "arguments"):
            value = getattr(node, attr, None)
            if isinstance(value, list):
                found |= _strings(value)
    return found


def _font_urls(rule) -> list[str]:
    urls = []
    for token in rule.content or ():
        if token.type == "url":
            urls.append(token.value)
        elif token.type == "function" and token.lower_name == "url":
            urls += [t.value for t in token.arguments if t.type == "string"]
    return urls


def subset_icon_fonts(out: Path) -> dict[str, tuple[int, int]]:
    """Cut each Font Awesome web font to the glyphs the style sheets name; point its
    ``@font-face`` at the subset. {font: (bytes before, after)}."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    static = out / "_static"
    sheets = sorted(static.rglob("*.css"))
    parsed = {s: tinycss2.parse_stylesheet(s.read_text(encoding="utf-8"), skip_comments=True) for s in sheets}
    # the icons' code points: Font Awesome draws each icon at a code point of the Private Use Area
    chars = {ch for nodes in parsed.values() for text in _strings(nodes) for ch in text
             if 0xE000 <= ord(ch) <= 0xF8FF}
    sizes: dict[str, tuple[int, int]] = {}
    for sheet, nodes in parsed.items():
        changed = False
        pieces = []
        for node in nodes:
            if node.type == "at-rule" and node.lower_at_keyword == "font-face":
                # the TrueType file of the face (reading WOFF2 would need Brotli)
                ttfs = [u for u in _font_urls(node) if u.split("?")[0].endswith(".ttf")]
                font = (sheet.parent / ttfs[0].split("?")[0]).resolve() if ttfs else None
                if font and font.is_file() and font.parent == (static / ICON_FONTS).resolve():
                    target = font.with_name(font.stem + ".subset.woff")
                    ttf = TTFont(font)
                    codepoints = sorted({ord(c) for c in chars} & set(ttf.getBestCmap() or {}))
                    options = subset.Options()
                    options.flavor = "woff"
                    options.layout_features = ["*"]
                    subsetter = subset.Subsetter(options)
                    subsetter.populate(unicodes=codepoints)
                    subsetter.subset(ttf)
                    buffer = io.BytesIO()
                    ttf.flavor = "woff"
                    ttf.save(buffer)
                    target.write_bytes(buffer.getvalue())
                    sizes[font.relative_to(out.resolve()).as_posix()] = (font.stat().st_size, target.stat().st_size)
                    url = posixpath.relpath(target.relative_to(static.resolve()).as_posix(),
                                            sheet.parent.resolve().relative_to(static.resolve()).as_posix() or ".")
                    pieces.append(_font_face(node, f'url({url}) format("woff")'))
                    changed = True
                    continue
            pieces.append(node.serialize())
        if changed:
            sheet.write_text("".join(pieces), encoding="utf-8")
    return sizes


def _font_face(rule, src: str) -> str:
    """The ``@font-face`` rule with its ``src`` replaced."""
    declarations = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
    body = []
    for d in declarations:
        if d.type != "declaration":
            continue
        value = src if d.lower_name == "src" else tinycss2.serialize(d.value).strip()
        body.append(f"{d.name}:{value}{' !important' if d.important else ''}")
    return "@font-face{" + ";".join(body) + "}"


# -- the step ---------------------------------------------------------------------------------

def lighten(out: Path) -> dict:
    """Every step on the written build at ``out``; what each did (for the log and the tests)."""
    out = Path(out)
    pages = book_pages(out)
    changed = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        new = lighten_head(text, path.relative_to(out).as_posix())
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    for path in (out / ICON_SCRIPT, out / (ICON_SCRIPT + ".LICENSE.txt")):  # the script and its licence note
        path.unlink(missing_ok=True)
    maps = drop_source_maps(out)
    css = purge_css(out, pages)
    fonts = subset_icon_fonts(out)
    return {"pages": changed, "maps": len(maps), "css": css, "fonts": fonts}


def _build_finished(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    from sphinx.util import logging
    done = lighten(Path(app.outdir))
    before = sum(b for b, _ in done["css"].values()) + sum(b for b, _ in done["fonts"].values())
    after = sum(a for _, a in done["css"].values()) + sum(a for _, a in done["fonts"].values())
    logging.getLogger(__name__).info(
        f"catbook.book.light: {done['pages']} pages lightened, {done['maps']} source maps dropped, "
        f"style sheets and icon fonts {before // 1024} KB -> {after // 1024} KB")


def setup(app):
    app.connect("build-finished", _build_finished, priority=990)  # after every step that writes pages
    return {"parallel_read_safe": True, "parallel_write_safe": True}
