"""The built book as a self-contained folder for any static host (``make site``).

    python -m catbook.book.site                       # _build/html -> _build/site/
    python -m catbook.book.site --html _build/check/_build/html --out /tmp/site

:func:`build` copies the HTML build (without Sphinx's build record) and :func:`check` proves
the copy is self-contained, or :func:`build` refuses it:

* nothing loads from another host: no script, style sheet, font, image, frame or media
  whose address names a host (``https://…``, ``//…``), in the pages, their ``style``
  attributes and ``<style>`` blocks, or the CSS files (``url(…)``, ``@import``);
* every address is relative (no ``/…`` and no ``<base>``), so the folder works from any
  sub-path of a host (``https://host/some/path/``) and from the disk (``file://``);
* every relative address (loads and links, ``<a href>`` too) names a file of the folder.

Links to other sites (``<a href="https://…">``, a citation's source) are links, not loads,
and are allowed. JavaScript is not parsed: what the pages ask for when they run is checked
by the browser tests (``tests/browser``, every request of a page).
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from catbook.pack.paths import ROOT

HTML = ROOT / "_build" / "html"
OUT = ROOT / "_build" / "site"
#: Files of the HTML build a host does not need: Sphinx's record of the build's configuration,
#: and the themes' Jinja macro files that Sphinx copies into _static/ (templates, not pages).
NOT_PUBLISHED = (".buildinfo", "webpack-macros.html", "sbt-webpack-macros.html")
#: ``<link rel=…>`` values that make a browser fetch the address.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                "prefetch", "manifest", "mask-icon"}
#: Attributes that load their address, by tag (``srcset`` handled apart).
LOADING_ATTRS = {"script": ("src",), "img": ("src",), "iframe": ("src",), "frame": ("src",),
                 "source": ("src",), "audio": ("src",), "video": ("src", "poster"),
                 "track": ("src",), "embed": ("src",), "object": ("data",), "input": ("src",)}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I)


class SiteError(ValueError):
    """The folder is not self-contained: each problem names the file, the address and why."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = "\n  ".join(problems[:20]) + ("\n  …" if len(problems) > 20 else "")
        super().__init__(f"{len(problems)} problem(s):\n  {shown}")


class _Addresses(HTMLParser):
    """(kind, address) of a page: kind is "load" or "link"; plus <style> text and <base>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.css: list[str] = []
        self.base = False
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "base":
            self.base = True
        if tag == "style":
            self._in_style = True
        if "style" in a:
            self.css.append(a["style"])
        for attr in LOADING_ATTRS.get(tag, ()):
            if a.get(attr):
                self.found.append(("load", a[attr]))
        if a.get("srcset"):
            self.found += [("load", part.split()[0]) for part in a["srcset"].split(",") if part.strip()]
        if tag == "link" and a.get("href"):
            rels = set(a.get("rel", "").lower().split())
            self.found.append(("load" if rels & LOADING_RELS else "link", a["href"]))
        if tag in ("a", "area") and a.get("href"):
            self.found.append(("link", a["href"]))

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.css.append(data)


def css_addresses(css: str) -> list[str]:
    """Every ``url(…)`` and ``@import`` address of a style sheet."""
    return [m.group(2) if m.group(2) is not None else m.group(4) for m in _CSS_URL.finditer(css)]


def _problem(folder: Path, page: Path, kind: str, address: str) -> str | None:
    """Why ``address`` (found in ``page``) breaks a self-contained folder, or None."""
    address = address.strip()
    parts = urlsplit(address)
    if parts.scheme in ("data", "blob", "about", "mailto", "tel", "javascript"):
        return None
    where = page.relative_to(folder).as_posix()
    if parts.scheme or parts.netloc:
        if kind == "load":
            return f"{where}: loads {address} from another host"
        return None  # a link to another site
    if not parts.path:
        return None  # "#anchor" or "?query" on the same page
    if parts.path.startswith("/"):
        return f"{where}: {address} starts at the host's root (breaks under a sub-path)"
    target = (page.parent / unquote(parts.path)).resolve()
    if not target.is_relative_to(folder.resolve()):
        return f"{where}: {address} leaves the site folder"
    if target.is_dir():
        target = target / "index.html"
    if not target.exists():
        return f"{where}: {address} names no file of the folder"
    return None


def check(folder: Path) -> list[str]:
    """Every way the folder is not self-contained (empty list: it is)."""
    folder = Path(folder)
    problems: list[str] = []
    if not (folder / "index.html").is_file():
        return [f"{folder}: no index.html"]
    for page in sorted(folder.rglob("*.html")):
        parser = _Addresses()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        if parser.base:
            problems.append(f"{page.relative_to(folder).as_posix()}: has a <base> element")
        found = parser.found + [("load", a) for css in parser.css for a in css_addresses(css)]
        problems += filter(None, (_problem(folder, page, kind, address) for kind, address in found))
    for sheet in sorted(folder.rglob("*.css")):
        for address in css_addresses(sheet.read_text(encoding="utf-8", errors="replace")):
            problems.append(_problem(folder, sheet, "load", address))
    return [p for p in problems if p]


def build(html: Path = HTML, out: Path = OUT) -> Path:
    """Copy the HTML build ``html`` to ``out`` (replacing it) and check the copy; raises
    :class:`SiteError` if it is not self-contained."""
    html, out = Path(html), Path(out)
    if not (html / "index.html").is_file():
        raise SiteError([f"{html}: no built book (run `make book`)"])
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(html, out, ignore=lambda d, names: [n for n in names if n in NOT_PUBLISHED])
    problems = check(out)
    if problems:
        raise SiteError(problems)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m catbook.book.site", description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, default=HTML, help="the built book (default: _build/html)")
    parser.add_argument("--out", type=Path, default=OUT, help="the folder to publish (default: _build/site)")
    args = parser.parse_args(argv)
    try:
        out = build(args.html, args.out)
    except SiteError as err:
        print(f"catbook.book.site: {err}", file=sys.stderr)
        return 1
    files = [f for f in out.rglob("*") if f.is_file()]
    size = sum(f.stat().st_size for f in files)
    print(f"{out}: {len(files)} files, {size / 1e6:.1f} MB, self-contained; copy the folder to any static host")
    return 0


if __name__ == "__main__":
    sys.exit(main())
