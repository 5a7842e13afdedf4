"""catbook.book.site (`make site`): the publishable folder is self-contained, or it is refused.

Small folders are made here, one fault each; the real book's folder is checked by
tests/browser/test_published_site.py (built from the book `make book-check` wrote, served under a
sub-path)."""
from __future__ import annotations

from pathlib import Path

import pytest

from catbook.book import site

GOOD_PAGE = """<!DOCTYPE html><html><head>
<link rel="stylesheet" href="_static/book.css"><link rel="icon" href="_static/icon.svg">
<link rel="canonical" href="https://where.the.book.is/published/index.html">
<script src="_static/book.js"></script><style>body { background: url('_static/icon.svg'); }</style>
</head><body><a href="sub/page.html#p12">a page</a> <a href="#top">top</a>
<a href="https://www.ohchr.org/">a link to another site</a> <a href="mailto:x@y.z">mail</a>
<img src="data:image/png;base64,AAAA" alt=""><img srcset="_static/icon.svg 1x" alt=""></body></html>"""


def make_folder(root: Path, page: str = GOOD_PAGE) -> Path:
    (root / "_static").mkdir(parents=True)
    (root / "sub").mkdir()
    (root / "index.html").write_text(page, encoding="utf-8")
    (root / "sub" / "page.html").write_text('<a href="../index.html">home</a><a href="..">up</a>', encoding="utf-8")
    (root / "_static" / "book.css").write_text("@import 'more.css'; h1 { background: url(icon.svg) }", encoding="utf-8")
    (root / "_static" / "more.css").write_text("p { color: black }", encoding="utf-8")
    (root / "_static" / "icon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (root / "_static" / "book.js").write_text("var cdn = 'https://cdn.example.org/x.js';", encoding="utf-8")
    return root


def test_a_self_contained_folder_passes(tmp_path):
    assert site.check(make_folder(tmp_path / "html")) == []


@pytest.mark.parametrize("fault, expected", [
    ('<script src="https://cdn.example.org/lib.js"></script>', "loads https://cdn.example.org/lib.js from another host"),
    ('<link rel="stylesheet" href="//fonts.example.org/f.css">', "from another host"),
    ('<link rel="preload" href="https://fonts.example.org/f.woff2">', "from another host"),
    ('<img srcset="https://img.example.org/a.png 2x" alt="">', "from another host"),
    ('<iframe src="https://player.example.org/v"></iframe>', "from another host"),
    ('<div style="background: url(https://img.example.org/b.png)"></div>', "from another host"),
    ('<style>@import "https://fonts.example.org/c.css";</style>', "from another host"),
    ('<a href="/book/intro.html">root</a>', "starts at the host's root"),
    ('<script src="/_static/book.js"></script>', "starts at the host's root"),
    ('<a href="missing.html#p3">gone</a>', "names no file of the folder"),
    ('<img src="_static/missing.png" alt="">', "names no file of the folder"),
    ('<a href="../outside.html">out</a>', "leaves the site folder"),
    ('<base href="https://host/">', "has a <base> element"),
])
def test_each_fault_is_found(tmp_path, fault, expected):
    folder = make_folder(tmp_path / "html", GOOD_PAGE.replace("</body>", fault + "</body>"))
    problems = site.check(folder)
    assert len(problems) == 1 and expected in problems[0] and problems[0].startswith("index.html: "), problems


def test_a_style_sheet_loading_from_another_host_is_found(tmp_path):
    folder = make_folder(tmp_path / "html")
    (folder / "_static" / "more.css").write_text("@font-face { src: url('https://fonts.example.org/f.woff2') }")
    assert site.check(folder) == ["_static/more.css: loads https://fonts.example.org/f.woff2 from another host"]


def test_build_copies_what_a_host_needs_and_refuses_a_bad_folder(tmp_path):
    html = make_folder(tmp_path / "html")
    (html / ".buildinfo").write_text("# Sphinx build info", encoding="utf-8")
    (html / "_static" / "webpack-macros.html").write_text("{{ pathto('x', 1) }}", encoding="utf-8")
    out = tmp_path / "site"
    (out / "stale").mkdir(parents=True)
    assert site.build(html, out) == out
    assert (out / "index.html").read_text(encoding="utf-8") == GOOD_PAGE
    assert (out / "sub" / "page.html").is_file() and not (out / "stale").exists()
    assert not (out / ".buildinfo").exists() and not (out / "_static" / "webpack-macros.html").exists()
    (html / "sub" / "page.html").write_text('<script src="https://cdn.example.org/a.js"></script>', encoding="utf-8")
    with pytest.raises(site.SiteError, match="sub/page.html: loads https://cdn.example.org/a.js"):
        site.build(html, out)
    with pytest.raises(site.SiteError, match="no built book"):
        site.build(tmp_path / "nothing", out)
