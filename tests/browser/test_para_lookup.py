"""Official paragraph numbers in the built book, in Chromium: the #para-N anchors and the look-up.

On the report's page (book/report-text.html) a reader types a paragraph number or a range
and reaches it; in the claims index the same field filters the claims to those paragraphs.
Both forms follow ``catbook.text.corpus.paragraph_range`` (the oracle here): a valid entry goes
to (or filters by) the same paragraphs, a bad one shows the same reason next to the field,
and what was typed stays in it.
"""
from __future__ import annotations

import re

import pytest

from catbook.book.claims_index import ClaimsIndex
from catbook.text.corpus import ParagraphRangeError, load_paragraphs, paragraph_lines, paragraph_range

REPORT = "/book/report-text.html"
INDEX = "/notebooks/claims-index.html"
TYPED = ["232", "46–96", "46-96", " 107 ", "1", "387", "", "abc", "0", "388", "96–46", "4.5", "para. 5",
         "12–400"]


def _oracle(text: str):
    try:
        return {"range": list(paragraph_range(text))}
    except ParagraphRangeError as err:
        return {"error": err.reason}


JS_RANGE = """([text, total]) => { try { return {range: window.catbookParagraphRange(text, total)}; }
  catch (e) { return {error: e.message}; } }"""


@pytest.fixture
def report(page, book_url):
    page.goto(book_url + REPORT, wait_until="load")
    return page


def test_every_official_paragraph_has_its_anchor_at_its_first_line(report):
    ids = set(report.eval_on_selector_all("[id^=para-]", "els => els.map(e => e.id)"))
    assert {f"para-{n}" for n in range(1, 388)} <= ids
    line_ids = set(report.eval_on_selector_all("[id^=p]", "els => els.map(e => e.id)"))
    assert {f"p{n}" for n in range(1, 489)} <= line_ids  # the line anchors stay
    # The anchor sits where the paragraph is printed with its number, as the document does.
    text = report.locator("#para-107").evaluate(
        "el => (el.closest('p') || el.nextElementSibling || el.parentElement).innerText")
    assert "107." in text and "line 147" in text


@pytest.mark.parametrize("typed", TYPED)
def test_the_page_reads_an_entry_as_the_library_does(report, typed):
    got = report.evaluate(JS_RANGE, [typed, 387])
    assert got == _oracle(typed)


@pytest.mark.parametrize("typed, first, last", [("232", 232, 232), ("46–96", 46, 96), ("107", 107, 107)])
def test_typing_a_paragraph_reaches_it(report, typed, first, last):
    report.fill("#para-lookup-input", typed)
    report.press("#para-lookup-input", "Enter")
    report.wait_for_function(f"() => location.hash === '#para-{first}'")
    target = report.locator(f"#para-{first}")
    target.wait_for(state="attached")
    # The paragraph is on screen: its first line's text is in the viewport.
    top = report.evaluate(f"() => document.getElementById('p{paragraph_lines(first)[0]}')"
                          ".getBoundingClientRect().top")
    assert 0 <= top < report.viewport_size["height"]
    status = report.inner_text("#para-lookup-status")
    assert str(first) in status and str(last) in status
    assert report.inner_text("#para-lookup-error") == ""
    assert report.input_value("#para-lookup-input") == typed


@pytest.mark.parametrize("typed", ["abc", "0", "400", "96–46", ""])
def test_a_bad_entry_is_named_next_to_the_field_and_kept(report, typed):
    report.fill("#para-lookup-input", typed)
    report.click("#para-lookup button[type=submit]")
    error = report.locator("#para-lookup-error")
    error.wait_for(state="visible")
    assert _oracle(typed)["error"] in error.inner_text()
    assert report.input_value("#para-lookup-input") == typed
    assert report.get_attribute("#para-lookup-input", "aria-invalid") == "true"
    assert report.evaluate("() => location.hash") == ""
    # The error is next to the field, in the same form, and announced.
    assert report.evaluate("() => document.getElementById('para-lookup-error').closest('form').id") == "para-lookup"
    assert report.get_attribute("#para-lookup-error", "role") == "alert"


def test_a_corrected_entry_clears_the_error(report):
    report.fill("#para-lookup-input", "999")
    report.press("#para-lookup-input", "Enter")
    assert report.inner_text("#para-lookup-error") != ""
    report.fill("#para-lookup-input", "5")
    report.press("#para-lookup-input", "Enter")
    report.wait_for_function("() => location.hash === '#para-5'")
    assert report.inner_text("#para-lookup-error") == ""
    assert report.get_attribute("#para-lookup-input", "aria-invalid") is None


# -- the claims index ------------------------------------------------------------------------

def _shown(page):
    return page.eval_on_selector_all("#claims-index tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.para)")


@pytest.fixture
def claims_index(page, book_url):
    page.goto(book_url + INDEX, wait_until="load")
    page.wait_for_selector("#claims-index [data-count]")
    return page


@pytest.mark.parametrize("typed", ["107", "46–96", "232"])
def test_the_claims_index_filters_by_paragraph(claims_index, typed):
    expected = ClaimsIndex().for_paragraphs(typed)
    claims_index.fill("#claims-para-input", typed)
    claims_index.press("#claims-para-input", "Enter")
    shown = _shown(claims_index)
    assert sorted(map(int, shown)) == sorted(expected.para_no.astype(int))
    assert re.match(rf"{len(expected)} of {len(ClaimsIndex().df)} claims shown", claims_index.inner_text("[data-count]"))
    first = paragraph_range(typed)[0]
    assert claims_index.get_attribute("#claims-para-status a", "href") == f"../book/report-text.html#para-{first}"
    # Clearing the field shows every claim again.
    claims_index.fill("#claims-para-input", "")
    assert len(_shown(claims_index)) == len(ClaimsIndex().df)


def test_the_claims_index_names_a_bad_entry_and_keeps_it(claims_index):
    claims_index.fill("#claims-para-input", "5000")
    claims_index.press("#claims-para-input", "Enter")
    assert _oracle("5000")["error"] in claims_index.inner_text("#claims-para-error")
    assert claims_index.input_value("#claims-para-input") == "5000"
    assert len(_shown(claims_index)) == len(ClaimsIndex().df)  # no filter from a bad entry


def test_the_claims_index_links_each_claim_to_its_paragraph(claims_index):
    paras = load_paragraphs().set_index("source_line").para_no
    rows = claims_index.eval_on_selector_all(
        "#claims-index tbody tr", "rows => rows.map(r => [r.cells[2].innerText, r.cells[3].querySelector('a').getAttribute('href')])")
    for line, href in rows:
        assert href == f"../book/report-text.html#para-{paras[int(line)]}"


def test_the_claims_index_keeps_its_filters_in_the_address(claims_index, book_url, page):
    claims_index.select_option("select[data-filter=verdict]", "contradicted")
    claims_index.fill("#claims-index input[data-filter=text]", "garde a vue")
    assert "verdict=contradicted" in claims_index.url and "q=garde+a+vue" in claims_index.url
    shown = claims_index.inner_text("[data-count]")
    # The address, opened afresh, gives the same view.
    page.goto(claims_index.url, wait_until="load")
    page.wait_for_selector("#claims-index [data-count]")
    assert page.input_value("select[data-filter=verdict]") == "contradicted"
    assert page.input_value("#claims-index input[data-filter=text]") == "garde a vue"
    assert page.inner_text("[data-count]") == shown
    verdicts = page.eval_on_selector_all("#claims-index tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.verdict)")
    assert set(verdicts) <= {"contradicted"}


def test_the_claims_index_text_filter_ignores_accents(claims_index):
    counts = {}
    for typed in ("garde à vue", "garde a vue", "GARDE A VUE"):
        claims_index.fill("#claims-index input[data-filter=text]", typed)
        counts[typed] = claims_index.inner_text("[data-count]")
    assert len(set(counts.values())) == 1, counts
    assert not counts["garde a vue"].startswith("0 of"), counts


def test_the_claims_index_says_why_and_colours_each_verdict(claims_index):
    rows = claims_index.eval_on_selector_all("#claims-index tbody tr", """rows => rows.map(r => {
        const badge = r.cells[0].querySelector('.catbook-grade');
        return [r.dataset.verdict, badge ? badge.className : '', getComputedStyle(badge).backgroundColor,
                !!r.querySelector('details.claim-why p')]; })""")
    assert rows and all(f"catbook-grade-{v}" in cls for v, cls, _, _ in rows)
    colours = {v: bg for v, _, bg, _ in rows}
    assert colours["contradicted"] != colours["supported"]
    assert sum(why for *_, why in rows) >= 0.9 * len(rows)
