"""Printable handouts: a custody-clock card per rule and an exercise sheet per session (A4 PDF).

Made from the same sources as the book, never retyped: each card from its rule in
<pack>/custody/rules.yaml (with a worked example computed by the engine from an exercise of
<pack>/training/exercises.yaml), each sheet from the session's exercises. The HTML is
written next to the PDF, and the project's one Chromium printer (:mod:`catbook.book.pdf`: Debian's
Chromium through Playwright, the same flags as ``make pdf``) prints it on A4 into
``_build/handouts/`` (``make handouts``). The pages and their A4 stylesheet are the templates
of ``page_templates/handouts/``. A card must fit on one page: :func:`build`
refuses a card that does not (pages counted with pypdf).
"""
from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from catbook import custody
from catbook.text import printer as pdf
from catbook.custody.rules import Rule
from catbook.pack.paths import ROOT
from catbook.text.source import SYMBOL
from catbook.training import clock
from catbook.training.lang import LANGUAGES, Language, language
from catbook.training.exercises import Course, load_exercises, render_exercise_html
from catbook.training.glossary import load_glossary, sorted_terms
from catbook.text.templating import render

OUT_DIR = ROOT / "_build" / "handouts"

# --- cards ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Example:
    exercise: str
    number: str
    outcome: clock.Outcome


def example_for(rule_id: str, course: Course | None = None) -> Example | None:
    """An exercise that computes this rule's clock (first one mainly about it), with the engine's outcome."""
    course = course or load_exercises()
    candidates = [ex for ex in course.exercises if ex.rules[:1] == (rule_id,)] + \
        [ex for ex in course.exercises if rule_id in ex.rules[1:]]
    for ex in candidates:
        for label, outcomes in ex.results().items():
            if rule_id in outcomes:
                return Example(ex.id if len(ex.cases) == 1 else f"{ex.id}, case {label}", ex.number,
                               outcomes[rule_id])
    return None


def card_html(rule: Rule, course: Course | None = None, lang: Language | None = None) -> str:
    """A rule's card (``page_templates/handouts/card.html``)."""
    lang = lang or language("en")
    t = lang.t
    versions = [{"label": lang.version_text(rule, v, "label"),
                 "delay": t("card.delay", limit=lang.delay_label(rule.id, v.lawful_delay.duration.label),
                            description=lang.version_text(rule, v, "delay_description")) if v.lawful_delay else "",
                 "note": lang.version_text(rule, v, "note") if v.note else ""}
                for v in rule.versions if v.valid_from or v.valid_to or v.lawful_delay or v.note]
    lines = sorted(set(rule.source_lines).union(*(v.source_lines for v in rule.versions)))
    return render("handouts/card.html", lang=lang, t=t, rule=rule, symbol=SYMBOL, versions=versions,
                  example=example_for(rule.id, course), lines=", ".join(str(n) for n in lines),
                  title=t("card.title", title=lang.rule_text(rule, "title")))


def sheet_html(session: int, course: Course | None = None, *, with_solutions: bool = False,
               lang: Language | None = None) -> str:
    """A session's exercise sheet or answer key (``page_templates/handouts/sheet.html``)."""
    lang = lang or language("en")
    course = course or load_exercises()
    s = course.session(session)
    title = lang.t("sheet.title", n=s.number, kind=lang.t("sheet.key" if with_solutions else "sheet.sheet"))
    exercises = [Markup(render_exercise_html(e, with_solution=with_solutions, lang=lang))
                 for e in course.of_session(session)]
    return render("handouts/sheet.html", lang=lang, symbol=SYMBOL, session=s, title=title,
                  session_title=course.session_title(s.number, lang), with_solutions=with_solutions,
                  exercises=exercises)


def glossary_html(lang: Language | None = None) -> str:
    """The glossary sheet (``page_templates/handouts/glossary.html``): the page's language first."""
    lang = lang or language("en")
    first = "en" if lang.code == "en" else "ru"
    columns = [(first, ""), ("fr", "fr"), ("ru" if first == "en" else "en", "ru" if first == "en" else "en")]
    return render("handouts/glossary.html", lang=lang, symbol=SYMBOL, title=lang.t("glossary.sheet_title"),
                  columns=columns, terms=sorted_terms(load_glossary(), lang.code))


# --- printing -----------------------------------------------------------------------------------

#: The handouts' own CSS sets the page (``@page``: A4 and its margins); no header or footer.
PDF_OPTIONS = {"format": "A4", "print_background": True, "prefer_css_page_size": True}


class HandoutError(RuntimeError):
    """Chromium is missing or failed, or a handout does not have the pages it must have."""


def print_pdf(html_file: Path, pdf_file: Path, browser) -> Path:
    """Print an HTML file to an A4 PDF with the book's Chromium (``browser``, from :func:`catbook.book.pdf.chromium`)."""
    try:
        return pdf.print_to_pdf(browser, Path(html_file).resolve().as_uri(), Path(pdf_file), PDF_OPTIONS)
    except pdf.PdfError as err:
        raise HandoutError(f"chromium could not print {html_file}: {err}") from err


@contextlib.contextmanager
def _browser(browser=None):
    """``browser`` if given, else the project's Chromium for the length of the block."""
    if browser is not None:
        yield browser
        return
    try:
        with pdf.chromium() as started:
            yield started
    except pdf.PdfError as err:
        raise HandoutError(str(err)) from err


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


# --- build --------------------------------------------------------------------------------------

def build_card(rule_id: str, out_dir: Path = OUT_DIR, browser=None, lang: Language | None = None) -> Path:
    """One rule's card as HTML and PDF in ``out_dir/cards``; refuses a card longer than a page."""
    lang = lang or language("en")
    rule = custody.load_rules().rule(rule_id)
    folder = Path(out_dir) / "cards"
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"{rule.id}.html"
    page.write_text(card_html(rule, lang=lang), encoding="utf-8")
    with _browser(browser) as chromium:
        made = print_pdf(page, folder / f"{rule.id}.pdf", chromium)
    pages = pdf.page_count(made)
    if pages != 1:
        raise HandoutError(f"card {rule.id} ({lang.code}) takes {pages} pages; a card must fit on one")
    return made


def build(out_dir: Path = OUT_DIR, browser=None) -> list[Path]:
    """Every handout, in every language: a card per rule, an exercise sheet and an answer key per
    session, the glossary (one Chromium for all of them). English in ``out_dir``, Russian in
    ``out_dir/ru``."""
    course = load_exercises()
    made = []
    with _browser(browser) as chromium:
        for code in LANGUAGES:
            lang = language(code)
            folder = Path(out_dir) if code == "en" else Path(out_dir) / code
            folder.mkdir(parents=True, exist_ok=True)
            made += [build_card(rule.id, folder, chromium, lang) for rule in custody.load_rules().rules]
            for s in course.sessions:
                for with_solutions, name in ((False, "exercises"), (True, "answer-key")):
                    page = folder / f"session-{s.number}-{name}.html"
                    page.write_text(sheet_html(s.number, course, with_solutions=with_solutions, lang=lang),
                                    encoding="utf-8")
                    made.append(print_pdf(page, page.with_suffix(".pdf"), chromium))
            page = folder / "glossary.html"
            page.write_text(glossary_html(lang), encoding="utf-8")
            made.append(print_pdf(page, page.with_suffix(".pdf"), chromium))
    return made
