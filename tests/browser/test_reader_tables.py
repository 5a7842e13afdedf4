"""Reader tables in the built book (issue 23, point 3): human headers, no index column, whole
numbers for counts, the key column first and in view, cards on a phone, charts described by
their ``alt`` text, and the questions page linking every related item.

The HTML is read with BeautifulSoup; two checks open Chromium: the tracker's key column at
1366 px, and reader tables as cards at 390 px.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)+")
TRACKER = "notebooks/recommendations.html"


def _pages(book_dir: Path) -> list[Path]:
    return [p for p in sorted(book_dir.rglob("*.html"))
            if not p.relative_to(book_dir).as_posix().startswith("_")
            and p.name not in ("genindex.html", "search.html", "index.html")]


@lru_cache(maxsize=None)
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _reader_tables(book_dir: Path):
    for page in _pages(book_dir):
        for table in _soup(page).find_all("table", class_="reader-table"):
            yield page.relative_to(book_dir).as_posix(), table


def test_reader_tables_have_human_headers_no_index_and_whole_counts(book_dir):
    tables = list(_reader_tables(book_dir))
    assert tables, "no reader table in the book"
    bad = []
    for rel, table in tables:
        heads = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
        # An id used as a header (a report section such as "co2-7") is kept as the data writes it;
        # only the first header may be empty (the row labels of a one-row table).
        bad += [f"{rel}: header {h!r}" for i, h in enumerate(heads)
                if (not h and i) or SNAKE.fullmatch(h) or (h and h[0].islower() and "-" not in h)]
        if table.find("tbody").find("th"):
            bad.append(f"{rel}: an index column ({heads[:2]})")
        for td in table.find("tbody").find_all("td"):
            text = td.get_text(" ", strip=True)
            if re.fullmatch(r"-?\d+\.0", text):
                bad.append(f"{rel}: count {text!r} under {td.get('data-label')!r}")
            if td.get("data-label") not in heads:
                bad.append(f"{rel}: a cell labelled {td.get('data-label')!r}, not a header")
    assert not bad, "\n".join(bad[:30])


def test_no_table_in_the_book_shows_a_snake_case_header(book_dir):
    """Outside the reader tables too (pandas' own tables, Markdown tables): no ``topic_en``."""
    bad = []
    for page in _pages(book_dir):
        for table in _soup(page).find_all("table"):
            thead = table.find("thead")
            for th in thead.find_all("th") if thead else ():
                if SNAKE.fullmatch(th.get_text(" ", strip=True)):
                    bad.append(f"{page.relative_to(book_dir)}: {th.get_text(strip=True)}")
    assert not bad, "\n".join(bad[:30])


def test_the_tracker_table_puts_the_assessment_first(book_dir):
    soup = _soup(book_dir / TRACKER)
    firsts = [t.find("thead").find("th").get_text(strip=True) for t in soup.find_all("table", class_="reader-table")]
    assert "Assessment" in firsts, firsts
    for t in soup.find_all("table", class_="reader-table"):
        if t.find("thead").find("th").get_text(strip=True) == "Assessment":
            badges = t.select("tbody tr td:first-child span.catbook-grade")
            assert len(badges) == len(t.select("tbody tr"))


def test_every_chart_says_what_it_shows(book_dir):
    images, bad = 0, []
    for page in _pages(book_dir):
        rel = page.relative_to(book_dir).as_posix()
        if not rel.startswith("notebooks/"):
            continue
        for img in _soup(page).find_all("img"):
            images += 1
            alt = img.get("alt", "")
            if not alt.strip() or re.search(r"\.(png|jpe?g|svg)$", alt) or "_images/" in alt:
                bad.append(f"{rel}: alt={alt!r}")
    assert images, "no chart in the chapters?"
    assert not bad, "\n".join(bad)


def test_every_related_item_of_a_question_is_a_link_that_lands(book_dir):
    from catbook.judge.questions import load_questions, related_places
    page = book_dir / "book" / "questions.html"
    soup = _soup(page)
    where = related_places()
    bad = []
    for q in load_questions().itertuples():
        target = soup.find(id=q.question_id)
        assert target is not None, q.question_id
        block_soup = next((p for p in target.find_all_next("p") if "Requested:" in p.get_text()), None)
        assert block_soup is not None, q.question_id
        for rid in filter(None, (x.strip() for x in q.related.split(";"))):
            links = [a for a in block_soup.find_all("a") if a.get_text(strip=True) == rid]
            if not links:
                bad.append(f"{q.question_id}: {rid} ({where[rid][0]}) is not a link")
                continue
            href = links[0]["href"]
            path, _, anchor = href.partition("#")
            dest = (page.parent / path).resolve() if path else page
            if not dest.is_file() or (anchor and _soup(dest).find(id=anchor) is None):
                bad.append(f"{q.question_id}: {rid} -> {href} does not land")
    assert not bad, "\n".join(bad[:30])


# -- in Chromium ---------------------------------------------------------------------------------

@pytest.fixture
def wide(browser):
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB")
    ctx.set_default_timeout(15_000)
    yield ctx.new_page()
    ctx.close()


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                              device_scale_factor=2, locale="en-GB")
    ctx.set_default_timeout(15_000)
    yield ctx.new_page()
    ctx.close()


KEY_COLUMN = """() => {
  const th = Array.from(document.querySelectorAll('table.reader-table thead th:first-child'))
    .find(h => h.textContent.trim() === 'Assessment');
  if (!th) return null;
  const table = th.closest('table'), wrap = table.closest('.reader-table-wrap') || table.parentElement;
  const cell = table.querySelector('tbody tr td:first-child');
  const r = th.getBoundingClientRect(), c = cell.getBoundingClientRect();
  return {left: r.left, right: r.right, cellRight: c.right, width: innerWidth,
          docScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          wrapScroll: wrap.scrollWidth - wrap.clientWidth, tableRight: table.getBoundingClientRect().right};
}"""


def test_the_tracker_key_column_is_in_view_at_1366(wide, book_url):
    wide.goto(f"{book_url}/{TRACKER}", wait_until="load")
    wide.locator("table.reader-table").first.scroll_into_view_if_needed()
    state = wide.evaluate(KEY_COLUMN)
    assert state, "no tracker table with the assessment first"
    assert 0 <= state["left"] and state["right"] <= state["width"] and state["cellRight"] <= state["width"], state
    # The whole table fits its column: nothing to scroll sideways.
    assert state["wrapScroll"] <= 1 and state["docScroll"] <= 1, state


CARDS = """() => Array.from(document.querySelectorAll('table.reader-table, table.claims-index')).slice(0, 6).map(t => {
  const row = t.querySelector('tbody tr:not([hidden])'), cell = row.querySelector('td');
  const before = getComputedStyle(cell, '::before').content;
  return {row: getComputedStyle(row).display, head: getComputedStyle(t.querySelector('thead')).position,
          label: before, dataLabel: cell.dataset.label || t.querySelector('thead th').textContent.trim(),
          over: t.getBoundingClientRect().right - innerWidth};
})"""


@pytest.mark.parametrize("rel", [TRACKER, "notebooks/claims-index.html"])
def test_rows_become_cards_on_a_phone(phone, book_url, rel):
    phone.goto(f"{book_url}/{rel}", wait_until="load")
    tables = phone.evaluate(CARDS)
    assert tables, f"no reader table on {rel}"
    for t in tables:
        assert t["row"] == "block" and t["head"] == "absolute", t
        assert t["label"].strip('"') == t["dataLabel"], t
        assert t["over"] <= 1, f"a table wider than the phone: {t}"
