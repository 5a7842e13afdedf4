"""The one Jinja2 environment of the book's HTML (catbook.text.templating)."""
import html

import pytest
from jinja2.exceptions import UndefinedError
from markupsafe import Markup

from catbook.text import templating
from catbook.book.calculator_cell import calculator_html
from catbook.judge.claims import load_claims
from catbook.book.claims_index import html_index
from catbook.book.para_lookup import form

TRICKY = "L'avocat & « le conseil » <b>\"dès\"</b>"


def test_a_missing_value_fails_loudly():
    with pytest.raises(UndefinedError, match="'button' is undefined"):
        templating.render("para-lookup/form.html", prefix="p", label="L", total=3)
    with pytest.raises(UndefinedError, match="'reason' is undefined"):
        templating.environment().from_string("<p>{{ reason }}</p>").render()
    with pytest.raises(UndefinedError):  # a test on a missing value fails too, not only printing it
        templating.environment().from_string("{% if zone %}x{% endif %}").render()
    with pytest.raises(UndefinedError):  # so does a macro called without an argument it uses
        templating.macros("custody/widget.html").error("bad")


def test_autoescape_is_html_escape_with_quotes():
    env = templating.environment()
    out = env.from_string('<a title="{{ v }}">{{ v }}</a>{{ v|e }}').render(v=TRICKY)
    escaped = html.escape(TRICKY, quote=True)
    assert escaped == "L&#x27;avocat &amp; « le conseil » &lt;b&gt;&quot;dès&quot;&lt;/b&gt;"
    assert out == f'<a title="{escaped}">{escaped}</a>{escaped}'
    # markup already made (a rendered fragment, Markup) goes in as it is; |text leaves quotes alone
    assert env.from_string("{{ m }}|{{ v|text }}").render(m=Markup("<b>x</b>"), v=TRICKY) == (
        "<b>x</b>|" + html.escape(TRICKY, quote=False))


def test_fragments_escape_what_they_are_given():
    page = form("p", TRICKY, 12, button="Go & see")
    assert f'<label for="p-input">{html.escape(TRICKY)}</label>' in page
    assert '<button type="submit">Go &amp; see</button>' in page
    assert 'data-paragraphs="12"' in page and "(a number from 1 to 12, or a range such as 46–96)" in page
    cell = calculator_html({"arrested_at": "2012-03-01 09:00", "tz": "Asia/Almaty"}, TRICKY)
    assert f"worked case ({html.escape(TRICKY)}) computes" in cell
    assert "data-case=\"{&quot;name&quot;: &quot;L&#x27;avocat &amp; « le conseil »" in cell


def test_claims_index_escapes_the_report_words_as_html_escape_does():
    claims = load_claims()
    page = html_index(claims)
    tricky = [s for s in claims.summary_en if set(s) & set("'\"&<>")]
    assert tricky, "the summaries have apostrophes, quotes or ampersands to escape"
    for summary in tricky:  # the summary opens its cell; the reasoning may follow in a "Why" expander
        assert f"<td>{html.escape(summary, quote=True)}" in page
    for quote in claims.quote_fr:
        assert f'<td lang="fr">{html.escape(quote, quote=True)}</td>' in page
    assert page.count("<tr data-chapter=") == len(claims)


def test_quizzes_escape_their_data_as_html_escape_does():
    from catbook.training import quizzes
    seen = 0
    for key, questions in quizzes.load_quizzes().items():
        page = quizzes.render_html(key)
        for q in questions:
            for text in (q.prompt, q.explain, q.answer_text):
                if text and set(text) & set("'\"&"):
                    assert html.escape(text, quote=True) in page
                    seen += 1
    assert seen
