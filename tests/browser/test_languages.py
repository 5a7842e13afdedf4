"""The Russian pages of the instructors' part in Chromium: lang="ru", the switch between the two
versions of each page (catbook.book.languages), and a Russian quiz answered in the browser."""
from __future__ import annotations

import pytest

from catbook.training import quizzes
from catbook.training.lang import language

PAIRS = [("book/instructors/session-1", "book/instructors/ru/session-1"),
         ("book/instructors/exercises-2", "book/instructors/ru/exercises-2"),
         ("book/instructors/quiz-art-11", "book/instructors/ru/quiz-art-11"),
         ("book/calculator", "book/instructors/ru/calculator")]


@pytest.mark.parametrize("english, russian", PAIRS, ids=[p[1] for p in PAIRS])
def test_each_version_links_to_the_other_and_says_its_language(page, book_url, book_dir, english, russian):
    """The switch «Русский / English» sits in the article's header of both versions, visible."""
    page.goto(f"{book_url}/{russian}.html", wait_until="load")
    assert page.get_attribute("html", "lang") == "ru"
    assert page.locator(".bd-header-article .catbook-language-switch").is_visible()
    current = page.locator(".catbook-language-switch [aria-current=page]")
    assert current.inner_text() == language("ru").t("page.language_name")
    switch = page.locator(".catbook-language-switch a")
    assert switch.count() == 1 and switch.is_visible()
    assert switch.inner_text() == language("en").t("page.language_name")
    assert switch.get_attribute("hreflang") == "en"
    switch.click()
    page.wait_for_load_state("load")
    assert page.url == f"{book_url}/{english}.html"
    assert page.get_attribute("html", "lang") == "en"
    back = page.locator(".catbook-language-switch a")
    assert back.is_visible()
    assert back.inner_text() == language("ru").t("page.language_name") and back.get_attribute("lang") == "ru"
    back.click()
    page.wait_for_load_state("load")
    assert page.url == f"{book_url}/{russian}.html"


def test_the_switch_stays_visible_on_a_phone(browser, book_url):
    ctx = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        pg = ctx.new_page()
        pg.goto(f"{book_url}/book/instructors/ru/session-1.html", wait_until="load")
        assert pg.locator(".catbook-language-switch a").is_visible()
    finally:
        ctx.close()


def test_russian_solution_button_is_russian(page, book_url):
    """sphinx-togglebutton writes its hint ("Click to show") from a global of the page's scripts."""
    from catbook.book.languages import theme_words
    page.goto(f"{book_url}/book/instructors/ru/exercises-1.html", wait_until="load")
    hint = page.locator("[data-toggle-hint]").first
    assert hint.get_attribute("data-toggle-hint") == theme_words("ru")["scripts"]["Click to show"]


def test_russian_quiz_checks_the_engines_answer_in_russian(page, book_url):
    ru = language("ru")
    q = next(q for q in quizzes.questions("art-11", lang=ru) if q.kind == "status")
    page.goto(f"{book_url}/book/instructors/ru/quiz-art-11.html", wait_until="load")
    box = page.locator(f"#{q.dom_id}")
    box.locator(".cq-check").click()
    assert box.locator(".cq-feedback").inner_text() == ru.t("quiz.choose")
    box.locator(f"#{q.dom_id}-{q.answer}").check()
    box.locator(".cq-check").click()
    assert box.locator(".cq-feedback").inner_text() == ru.t("quiz.correct")
    assert box.locator(f"label[for={q.dom_id}-{q.answer}]").inner_text() in \
        {ru.status(s) for s in ("met", "missed", "pending")}
