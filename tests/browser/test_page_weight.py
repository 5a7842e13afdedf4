"""Every page of the book, with the local files it loads, weighs at most 1.5 x the lightest (issue #12).

Sizes, not times, so the test is deterministic. Every page is weighed from the files its HTML
names (``catbook.book.page_weight.weights_static``); the heaviest and the lightest of those are then
loaded in Chromium, which also counts what style sheets and scripts load in turn (fonts), and
the ratio must hold there too. ``benchmarks/bench_site.py`` prints the figures for every page
as Chromium loads it.
"""
from __future__ import annotations

from catbook.book import page_weight


def test_no_page_weighs_more_than_the_allowed_multiple_of_the_lightest(book_dir):
    pages = page_weight.reading_pages(book_dir)
    assert len(pages) > 10
    weights = page_weight.weights_static(book_dir, pages)
    heaviest, lightest, ratio = page_weight.extremes(weights)
    too_heavy = {p: w for p, (w, _) in weights.items() if w > page_weight.MAX_RATIO * weights[lightest][0]}
    assert ratio <= page_weight.MAX_RATIO, (heaviest, lightest, too_heavy)


def test_the_extremes_hold_as_chromium_loads_them(book_dir, book_url, browser):
    pages = page_weight.reading_pages(book_dir)
    static = page_weight.weights_static(book_dir, pages)
    heaviest, lightest, _ = page_weight.extremes(static)
    loaded = page_weight.weights_browser(book_dir, [heaviest, lightest], browser, book_url)
    assert loaded[heaviest][0] >= static[heaviest][0] * 0.9, "Chromium loads what the HTML names"
    assert loaded[heaviest][0] <= page_weight.MAX_RATIO * loaded[lightest][0], loaded


def test_the_pages_with_a_calculator_are_within_the_limit_in_chromium(book_dir, book_url, browser):
    pages = page_weight.reading_pages(book_dir)
    lightest = page_weight.extremes(page_weight.weights_static(book_dir, pages))[1]
    with_calculator = [p for p in pages if 'data-catbook-calculator="custody"' in (book_dir / p).read_text(encoding="utf-8")]
    assert "book/calculator.html" in with_calculator and "notebooks/custody-clock.html" in with_calculator
    loaded = page_weight.weights_browser(book_dir, [lightest, *with_calculator], browser, book_url)
    floor = loaded[lightest][0]
    assert {p: w for p, (w, _) in loaded.items() if w > page_weight.MAX_RATIO * floor} == {}
