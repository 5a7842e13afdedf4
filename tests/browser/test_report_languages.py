""""The report, line by line" in the browser: French and English side by side, one language alone."""
from __future__ import annotations

import pytest

from catbook.text.corpus import load_paragraphs
from catbook.text.translation import english

PAGE = "book/report-text.html"


def _visible(page, selector: str) -> int:
    return page.evaluate(
        "sel => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null).length",
        selector)


def test_every_line_shows_french_beside_its_english(page, book_url):
    page.goto(f"{book_url}/{PAGE}", wait_until="load")
    rows = page.evaluate("""() => [...document.querySelectorAll('.tr-row')].map(r => ({
        id: r.id,
        fr: r.querySelector('.tr-fr[lang="fr"]') !== null,
        en: (r.querySelector('.tr-en[lang="en"]') || {}).textContent || ''}))""")
    corpus = load_paragraphs()
    expected = [f"p{r.source_line}" for r in corpus.itertuples() if r.text.strip() and not r.is_heading]
    by_id = {r["id"]: r for r in rows}
    assert set(expected) <= set(by_id), "lines without a row"
    assert all(by_id[i]["fr"] for i in expected)
    # The English shown is the translation table's, for a line chosen in each part of the report.
    for n in (2, 104, 295, 452):
        assert english(n).split(" ")[0] in by_id[f"p{n}"]["en"]
    # Side by side on a wide screen: the English column starts to the right of the French.
    left_fr, left_en = page.evaluate(
        "() => { const r = document.getElementById('p295');"
        " return [r.querySelector('.tr-fr').getBoundingClientRect().left,"
        " r.querySelector('.tr-en').getBoundingClientRect().left]; }")
    assert left_en > left_fr + 100
    assert "unofficial translation" in page.inner_text(".bd-article")


@pytest.mark.parametrize("choice, fr_shown, en_shown", [
    ("fr", True, False),
    ("en", False, True),
    ("both", True, True),
])
def test_a_reader_can_show_either_language_alone(page, book_url, choice, fr_shown, en_shown):
    page.goto(f"{book_url}/{PAGE}#p295", wait_until="load")
    if choice != "both":
        page.check(f'input[name="tr-show"][value="{choice}"]')
    assert bool(_visible(page, ".tr-row .tr-fr")) is fr_shown
    assert bool(_visible(page, ".tr-row .tr-en")) is en_shown
    # The line's anchor still leads to its row, whatever language is shown.
    page.goto(f"{book_url}/{PAGE}#p296", wait_until="load")
    assert page.evaluate("() => document.querySelector(':target').id") == "p296"
