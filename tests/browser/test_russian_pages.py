"""The Russian pages of the built book read as Russian: the theme's words in Russian, every word
left in Latin script marked with its language, dates as Russian writes them (issue 24).

Reads the built HTML with BeautifulSoup (no browser): ``book_dir`` is the book that
``make book-check`` built, or $BOOK_HTML.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from catbook.book.languages import theme_words
from catbook.book.latin import russian_pages, unmarked_words
from catbook.training.lang import language

ROOT = Path(__file__).resolve().parents[2]
RU_MD = sorted((ROOT / "book" / "instructors" / "ru").glob("*.md"))
#: A date that ends in «г.» followed by a full stop: the bug of review R9.
DOUBLE_STOP = re.compile(r"г\.\.")


def _pages(book_dir: Path) -> list[Path]:
    pages = russian_pages(book_dir)
    assert pages, f"no Russian pages under {book_dir}"
    return pages


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_no_russian_page_carries_unmarked_latin_script_words(book_dir):
    """Outside code, identifiers and the allowlist, every Latin-script word on a Russian page is
    inside an element marked with its language (lang="en", lang="fr", ...)."""
    left = {p.relative_to(book_dir).as_posix(): Counter(unmarked_words(p.read_text(encoding="utf-8")))
            for p in _pages(book_dir)}
    left = {page: dict(words.most_common(10)) for page, words in left.items() if words}
    assert left == {}, f"unmarked Latin-script words (run benchmarks/count_latin_ru.py): {left}"


def test_every_russian_page_is_russian_and_shows_the_theme_in_russian(book_dir):
    words = theme_words("ru")
    for path in _pages(book_dir):
        soup = _soup(path)
        assert soup.html.get("lang") == "ru", path.name
        assert words["book_title"] in soup.title.string, path.name
        text = " ".join(soup.get_text(" ").split())
        for english in ("Skip to main content", "Back to top", "previous", "By The catbook project"):
            assert english not in text, (path.name, english)
        assert words["text"]["Back to top"] in text and words["text"]["Skip to main content"] in text
        scripts = " ".join(s.get_text() for s in soup.find_all("script", src=False))
        assert "Click to show" not in scripts and "Click to hide" not in scripts, path.name


def test_hidden_solutions_open_with_a_russian_button(book_dir):
    soup = _soup(book_dir / "book" / "instructors" / "ru" / "exercises-1.html")
    scripts = " ".join(s.get_text() for s in soup.find_all("script", src=False))
    assert f"'{theme_words('ru')['scripts']['Click to show']}'" in scripts


def test_french_quotes_are_marked_french_and_english_kept_is_marked_english(book_dir):
    soup = _soup(book_dir / "book" / "instructors" / "ru" / "exercises-1.html")
    french = [el.get_text() for el in soup.find_all(attrs={"lang": "fr"})]
    assert any("garde à vue" in t for t in french)
    quotes = [q for bq in soup.select("article blockquote") for q in re.findall(r"«([^«»]+)»", bq.get_text())]
    assert quotes
    for q in quotes:
        if re.search(r"[A-Za-zéà]{3}", q):
            assert any(q.strip() in f or f.strip() in q for f in french), q


def test_links_to_english_pages_with_english_titles_are_marked_english(book_dir):
    soup = _soup(book_dir / "book" / "instructors" / "ru" / "session-1.html")
    english = [a for a in soup.select("a[href]") if a["href"].startswith("../")
               and not a["href"].startswith("../ru/") and not re.search(r"[а-яё]", a.get_text(), re.I)
               and re.search(r"[A-Za-z]{3}", a.get_text())]
    assert english
    for a in english:
        assert (a.get("lang") == "en" or a.find_parent(attrs={"lang": "en"}) is not None
                or a.find(attrs={"lang": "en"}) is not None), a


def test_the_switch_is_in_the_header_of_both_versions(book_dir):
    for name in ("session-1", "exercises-2", "quizzes", "glossary"):
        for path, own, other in ((book_dir / "book/instructors/ru" / f"{name}.html", "ru", "en"),
                                 (book_dir / "book/instructors" / f"{name}.html", "en", "ru")):
            soup = _soup(path)
            switch = soup.select(".bd-header-article .catbook-language-switch")
            assert len(switch) == 1, path
            current = switch[0].select_one("[aria-current=page]")
            assert current.get_text() == language(own).t("page.language_name") and current["lang"] == own
            link = switch[0].select_one("a")
            assert link.get_text() == language(other).t("page.language_name")
            assert link["hreflang"] == other and link["lang"] == other
            assert (path.parent / link["href"]).resolve().is_file()


@pytest.mark.parametrize("path", RU_MD, ids=[p.name for p in RU_MD])
def test_no_date_ends_in_a_doubled_full_stop_in_the_sources(path):
    assert not DOUBLE_STOP.search(path.read_text(encoding="utf-8"))


def test_dates_on_the_built_russian_pages_are_written_as_russian_writes_them(book_dir):
    """«1 марта 2012 г. в 23:40»: no «г..», no time before the date, no «в» before the date."""
    months = "|".join(language("ru").strings["months"])
    time_first = re.compile(rf"\d\d:\d\d, \d{{1,2}} (?:{months}) \d{{4}}")
    in_before_date = re.compile(rf"(?<![\w-])[вВ] \d{{1,2}} (?:{months}) \d{{4}} г\. в \d\d:\d\d")
    dated = 0
    for path in _pages(book_dir):
        text = " ".join(_soup(path).get_text(" ").split())
        assert not DOUBLE_STOP.search(text), path.name
        assert not time_first.search(text), (path.name, time_first.search(text))
        assert not in_before_date.search(text), (path.name, in_before_date.search(text))
        dated += len(re.findall(rf"\d{{1,2}} (?:{months}) \d{{4}} г\. в \d\d:\d\d", text))
    assert dated > 50


def test_every_page_of_a_pair_keeps_its_doctype(book_dir):
    for path in _pages(book_dir) + [book_dir / "book" / "instructors" / "session-1.html"]:
        assert path.read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE html>"), path


# --- the functions, on small pages (no build needed) --------------------------------------------

_PAGE = ('<!DOCTYPE html><html lang="ru"><head><title>Занятие — Reading CAT/C/KAZ/3</title></head><body>'
         '<a href="#main">Skip to main content</a><article><p>Лицо задержано (garde à vue) '
         '1 марта 2012 г. в 23:40 (UTC+06:00), Asia/Almaty, CAT/C/KAZ/3: « La garde à vue débute '
         'au moment de l’arrestation » — см. <a href="../session-1.html">The custody clock</a>, '
         '<code>catbook.custody</code>, Aut dedere aut judicare.</p></article>'
         '<button title="Toggle primary sidebar"></button></body></html>')


def test_unmarked_words_are_counted_and_symbols_allowed():
    words = unmarked_words(_PAGE)
    assert "CAT" not in words and "Asia" not in words and "UTC" not in words and "catbook" not in words
    assert {"garde", "vue", "La", "The", "custody", "Aut", "Skip", "Toggle"} <= set(words)


def test_the_rewrite_leaves_no_unmarked_word_and_marks_each_language():
    from catbook.book.languages import rewrite_page
    html = rewrite_page(_PAGE, "book/instructors/ru/session-1", "", "Reading CAT/C/KAZ/3")
    assert unmarked_words(html) == []
    soup = BeautifulSoup(html, "html.parser")
    langs = {el.get_text(): el["lang"] for el in soup.find_all(attrs={"lang": True}) if el.name != "html"}
    assert langs["garde à vue"] == "fr" and langs["The custody clock"] == "en"
    assert langs["Aut dedere aut judicare"] == "la"
    assert any(t.startswith("La garde à vue débute") and v == "fr" for t, v in langs.items())
    assert theme_words("ru")["book_title"] in soup.title.string
    assert html.startswith("<!DOCTYPE html>")
    assert rewrite_page(html, "book/instructors/ru/session-1", "", "Reading CAT/C/KAZ/3") == html
