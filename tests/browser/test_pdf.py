"""The PDF handouts (`make pdf`, ``catbook.book.pdf``): printed by Chromium from the built book.

One chapter and the whole book are printed from ``book_dir`` (served by ``book_url``) with
the session's Chromium, into a temporary folder, and read back with pypdf (pinned in
requirements.txt, as ``catbook.book.pdf`` does). Checks: A4 pages, a plausible number of them, the
chapter's own French words in its PDF's text, every page of the book in the whole-book PDF
(its page count is the sum of the pages'), and no link to the temporary server left in a
handout.
"""
from __future__ import annotations

import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from catbook.book import pdf
from catbook.text import printer

CHAPTER = "notebooks/art-02-prevention"
A4_POINTS = (595.3, 841.9)  # 210 x 297 mm; Chromium rounds A4 to 8.27 x 11.7 in


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


class _Quotes(HTMLParser):
    """Text of the report quotes (blockquotes opening with «) in a page's article."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.quotes: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "blockquote":
            self.depth += 1
            if self.depth == 1:
                self.quotes.append("")

    def handle_endtag(self, tag):
        if tag == "blockquote" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.quotes[-1] += data


def french_quote(html_page: Path, words: int = 8) -> str:
    """The first words of the first French quote (« ... ») the page shows."""
    parser = _Quotes()
    parser.feed(html_page.read_text(encoding="utf-8"))
    for quote in parser.quotes:
        text = _norm(quote)
        if text.startswith("«"):
            return " ".join(text.lstrip("« ").split()[:words])
    raise AssertionError(f"{html_page}: no French quote (« ... ») on the page")


def is_a4(path: Path) -> bool:
    sizes = printer.page_sizes(path)
    assert sizes, f"{path}: no pages"
    return all(abs(got - want) < 2 for size in sizes for got, want in zip(size, A4_POINTS))


@pytest.fixture(scope="module")
def printed(browser, book_url, book_dir, tmp_path_factory):
    """The whole book printed once for this module: {docname: pdf, "book": whole book,
    "_pages": the pages of _toc.yml in order}."""
    out = tmp_path_factory.mktemp("pdf")
    pages = pdf.toc_pages()
    made = pdf.build(book_dir, out, pages, browser=browser, base_url=book_url, log=lambda *_: None)
    made["_pages"] = pages
    return made


def test_toc_pages_are_the_books_pages(book_dir):
    pages = pdf.toc_pages()
    assert pages[0] == "book/intro" and CHAPTER in pages
    assert len(pages) == len(set(pages))
    missing = [p for p in pages if not (book_dir / f"{p}.html").is_file()]
    assert not missing, f"pages of _toc.yml not in the build: {missing}"


def test_one_chapter_pdf(browser, book_url, book_dir, tmp_path):
    out = pdf.print_page(browser, f"{book_url}/{CHAPTER}.html", tmp_path / "chapter.pdf")
    pages = printer.page_count(out)
    assert 5 <= pages <= 200, f"{CHAPTER}: {pages} pages"
    assert is_a4(out)
    text = printer.pdf_text(out)
    quote = french_quote(book_dir / f"{CHAPTER}.html")
    assert _norm(quote) in _norm(text), f"{CHAPTER}: the quote {quote!r} is not in the PDF's text"
    assert "garde à vue" in text
    # The chapter's title, English prose and a claim id are there too.
    assert "Article 2" in text and "art-2-001" in text
    # Hidden code cells are not printed.
    assert "Show code cell source" not in text and "import pandas" not in text


def test_whole_book_pdf(printed, book_dir):
    pages = printed["_pages"]  # _toc.yml as it was when the book was printed
    assert set(printed) == set(pages) | {"book", "_pages"}
    counts = {p: printer.page_count(printed[p]) for p in pages}
    assert all(n >= 1 for n in counts.values()), counts
    total = printer.page_count(printed["book"])
    assert total == sum(counts.values()), f"whole book {total} pages, pages add up to {sum(counts.values())}"
    assert len(pages) <= total <= 60 * len(pages) + 200, f"{total} pages for {len(pages)} pages of HTML"
    assert is_a4(printed["book"])
    # The chapter's French is in the book, at the chapter's place, and the report's symbol on
    # the book's first page (the text of those pages only: reading all of it took 20 s).
    start = sum(counts[p] for p in pages[:pages.index(CHAPTER)])
    text = _norm(printer.pdf_text(printed["book"], range(start, start + counts[CHAPTER])))
    assert _norm(french_quote(book_dir / f"{CHAPTER}.html")) in text
    assert "CAT/C/KAZ/3" in printer.pdf_text(printed["book"], range(counts[pages[0]]))


def test_handouts_do_not_link_to_the_local_server(printed, book_url):
    port = book_url.rsplit(":", 1)[-1].encode()
    for name, path in printed.items():
        if name == "_pages":
            continue
        data = path.read_bytes()
        assert b"127.0.0.1:" + port not in data, f"{path.name} links to the temporary server"
