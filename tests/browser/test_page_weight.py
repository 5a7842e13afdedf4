"""Every page of the book, with the local files it loads, weighs at most 1.0 MB cold.

Sizes, not times, so the test is deterministic. Every page is weighed from the files its HTML
names (``catbook.book.page_weight.weights_static``); the heaviest is then loaded in Chromium,
which also counts what style sheets and scripts load in turn (fonts), and so is every page
below. ``benchmarks/bench_site.py`` prints the figures for every page as Chromium loads it. (The
earlier rule, at most 1.5 x the lightest page, held while every page carried the same 2.8 MB of
theme files; ARCHITECTURE.md, "Page weight", says why it was retired.)
"""
from __future__ import annotations

from catbook.book import page_weight


def test_no_page_names_more_than_the_limit_in_its_html(book_dir):
    pages = page_weight.reading_pages(book_dir)
    assert len(pages) > 10
    weights = page_weight.weights_static(book_dir, pages)
    too_heavy = {p: w for p, (w, _) in weights.items() if w > page_weight.MAX_COLD_BYTES}
    assert not too_heavy, too_heavy


def test_the_heaviest_page_loads_what_its_html_names_within_the_limit(book_dir, book_url, browser):
    pages = page_weight.reading_pages(book_dir)
    static = page_weight.weights_static(book_dir, pages)
    heaviest, lightest, _ = page_weight.extremes(static)
    loaded = page_weight.weights_browser(book_dir, [heaviest, lightest], browser, book_url)
    assert loaded[heaviest][0] >= static[heaviest][0] * 0.9, "Chromium loads what the HTML names"
    assert loaded[heaviest][0] <= page_weight.MAX_COLD_BYTES, loaded
    assert loaded[lightest][0] <= loaded[heaviest][0], loaded


def test_the_pages_with_a_calculator_are_within_the_limit_in_chromium(book_dir, book_url, browser):
    """A calculator loads its rules when it mounts (page_weight.CALCULATORS_READY): counted too."""
    pages = page_weight.reading_pages(book_dir)
    with_calculator = [p for p in pages if 'data-catbook-calculator="custody"' in (book_dir / p).read_text(encoding="utf-8")]
    assert "book/calculator.html" in with_calculator and "notebooks/custody-clock.html" in with_calculator
    loaded = page_weight.weights_browser(book_dir, with_calculator, browser, book_url)
    assert {p: w for p, (w, _) in loaded.items() if w > page_weight.MAX_COLD_BYTES} == {}


# -- issue 23: light pages, a limit in bytes as Chromium loads each page cold ----------------

def test_every_reading_page_weighs_at_most_the_limit_cold_in_chromium(book_dir, book_url, browser):
    """Every page a reader opens, with every local file Chromium fetches for it (a fresh
    context: nothing cached), weighs at most ``page_weight.MAX_COLD_BYTES`` (1.0 MB)."""
    pages = page_weight.reading_pages(book_dir)
    loaded = page_weight.weights_browser(book_dir, pages, browser, book_url)
    assert len(loaded) == len(pages) > 10
    over = page_weight.over_limit(loaded)
    assert not over, f"pages above {page_weight.MAX_COLD_BYTES:,} bytes cold: {over}"


def test_no_page_loads_the_icon_script_or_the_search_index_but_search(book_dir):
    """The theme's 1.45 MB icon script is out of the build; the search scripts and the index
    are in the head of the search page only; no source map is shipped."""
    assert not (book_dir / "_static" / "scripts" / "fontawesome.js").exists()
    assert not list(book_dir.rglob("*.map")), "source maps in the build"
    for rel in page_weight.pages_of(book_dir):
        html = (book_dir / rel).read_text(encoding="utf-8")
        assert "fontawesome.js" not in html, rel
        if rel != "search.html":
            assert "searchindex.js" not in html and "searchtools.js" not in html, rel
    assert "searchindex.js" in (book_dir / "search.html").read_text(encoding="utf-8")


def test_the_header_icons_are_drawn_without_the_icon_script(reader, book_url):
    """The header's icons (menu, search, colour mode, contents) are drawn by the theme's icon
    font, cut to the glyphs the book uses: each has a glyph and a size."""
    page = reader.new_page()
    try:
        page.goto(f"{book_url}/book/intro.html", wait_until="load")
        page.wait_for_function("document.fonts.status === 'loaded'")
        drawn = page.evaluate("""() => Array.from(document.querySelectorAll(
              '.bd-header-article i.fa-solid, .bd-header-article i.fas, .bd-header i.fa-solid'))
            .filter(i => i.offsetParent !== null)
            .map(i => ({cls: i.className, glyph: getComputedStyle(i, '::before').content,
                        font: getComputedStyle(i).fontFamily, width: i.getBoundingClientRect().width}))""")
        loaded = page.evaluate("Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family)")
    finally:
        page.close()
    assert len(drawn) >= 3, drawn
    for icon in drawn:
        assert icon["glyph"] not in ("none", "normal", '""'), icon
        assert "Font Awesome" in icon["font"] and icon["width"] > 0, icon
    assert any("Font Awesome" in family for family in loaded), loaded
