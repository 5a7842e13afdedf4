"""Printable handouts: a custody-clock card per rule and an exercise sheet per session (A4 PDF).

Made from the same sources as the book, never retyped: each card from its rule in
data/cat-c-kaz-3/custody/rules.yaml (with a worked example computed by the engine from an exercise of
data/cat-c-kaz-3/training/exercises.yaml), each sheet from the session's exercises. The HTML is
written next to the PDF, and the project's one Chromium printer (:mod:`catbook.pdf`: Debian's
Chromium through Playwright, the same flags as ``make pdf``) prints it on A4 into
``_build/handouts/`` (``make handouts``). A card must fit on one page: :func:`build`
refuses a card that does not (pages counted with pypdf).
"""
from __future__ import annotations

import contextlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from .. import custody, pdf
from ..custody.rules import Rule
from ..paths import ROOT
from ..source import SYMBOL
from . import clock
from .lang import LANGUAGES, Language, language
from .exercises import Course, load_exercises, render_exercise_html
from .glossary import load_glossary, sorted_terms

OUT_DIR = ROOT / "_build" / "handouts"

_CSS = """
@page { size: A4; margin: 14mm 15mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm; border-bottom: 0.4pt solid #777; }
p, li, td, th, blockquote { line-height: 1.32; }
p { margin: 0 0 1.8mm; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8pt; color: #444; margin: 0 0 1mm; }
.limit { display: flex; gap: 6mm; margin: 2mm 0 3mm; }
.limit > div { border: 0.8pt solid #111; border-radius: 2mm; padding: 2mm 3mm; flex: 1; }
.limit > div:first-child { flex: 0 0 auto; }
.limit .big { font-size: 20pt; font-weight: 700; }
.limit .label { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .06em; color: #444; }
blockquote { margin: 1mm 0 2mm 4mm; padding-left: 3mm; border-left: 1.2pt solid #777; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; font-size: 9pt; }
td, th { border: 0.4pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
.foot { margin-top: 4mm; font-size: 7.5pt; color: #444; border-top: 0.4pt solid #999; padding-top: 1.5mm; }
.exercise { break-inside: avoid; margin-bottom: 5mm; }
.meta { font-size: 8.5pt; color: #444; }
.answer-space { height: 38mm; border: 0.4pt dashed #999; border-radius: 1.5mm; }
.case { font-weight: 700; margin: 1mm 0; }
"""


def _page(title: str, body: str, lang: str = "en") -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{_CSS}</style></head><body>\n{body}\n</body></html>\n")


def _e(text: str) -> str:
    return html.escape(text)


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
    lang = lang or language("en")
    t = lang.t
    parts = [f"<p class='kicker'>{_e(t('card.kicker', symbol=SYMBOL, rule=rule.id))}</p>",
             f"<h1>{_e(lang.rule_text(rule, 'title'))}</h1>",
             "<div class='limit'>"
             f"<div><div class='label'>{_e(t('card.limit'))}</div><div class='big'>{_e(lang.rule_text(rule, 'limit'))}</div></div>"
             f"<div><div class='label'>{_e(t('card.starts'))}</div>{_e(t('start.' + rule.starts_from))}</div>"
             f"<div><div class='label'>{_e(t('card.who'))}</div>{_e(t('who.' + rule.applies_to))}</div>"
             "</div>",
             f"<h2>{_e(t('card.what'))}</h2>", f"<p>{_e(lang.rule_text(rule, 'description'))}</p>",
             f"<h2>{_e(t('card.words'))}</h2>",
             f"<blockquote lang='fr'>« {_e(rule.quote_fr)} » ({_e(t('sheet.line', n=rule.quote_line))})</blockquote>",
             f"<h2>{_e(t('card.basis'))}</h2>", f"<p>{_e(lang.rule_text(rule, 'basis'))}</p>"]
    versions = [v for v in rule.versions if v.valid_from or v.valid_to or v.lawful_delay or v.note]
    if versions:
        parts.append(f"<h2>{_e(t('card.in_force'))}</h2><ul>")
        for v in versions:
            item = f"<strong>{_e(lang.version_text(rule, v, 'label'))}</strong>"
            if v.lawful_delay:
                item += _e(t("card.delay", limit=lang.delay_label(rule.id, v.lawful_delay.duration.label),
                             description=lang.version_text(rule, v, "delay_description")))
            elif v.note:
                item += f": {_e(lang.version_text(rule, v, 'note'))}"
            parts.append(f"<li>{item}</li>")
        parts.append("</ul>")
    example = example_for(rule.id, course)
    if example:
        o = example.outcome
        parts.append(f"<h2>{_e(t('card.example'))}</h2>")
        parts.append(f"<p>{_e(t('card.example_start', number=example.number, exercise=example.exercise))} "
                     f"{_e(lang.when_with_offset(o.starts_at))}{_e(t('card.example_due'))} "
                     f"<strong>{_e(lang.when_with_offset(o.due))}</strong>"
                     + (_e(t("card.example_latest")) if o.upper_bound else "")
                     + (f"{_e(t('card.example_verdict'))} <strong>{_e(lang.status(o.status))}</strong>" if o.status else "")
                     + f"{_e(t('card.example_by', by=o.computed_by))}</p>")
    if rule.note:
        parts.append(f"<h2>{_e(t('card.open'))}</h2>")
        parts.append(f"<p>{_e(lang.rule_text(rule, 'note'))}</p>")
    lines = sorted(set(rule.source_lines).union(*(v.source_lines for v in rule.versions)))
    parts.append(f"<p class='foot'>{_e(t('card.foot', lines=', '.join(str(n) for n in lines), symbol=SYMBOL))}</p>")
    return _page(t("card.title", title=lang.rule_text(rule, "title")), "\n".join(parts), lang.code)


def sheet_html(session: int, course: Course | None = None, *, with_solutions: bool = False,
               lang: Language | None = None) -> str:
    lang = lang or language("en")
    course = course or load_exercises()
    s = course.session(session)
    kind = lang.t("sheet.key" if with_solutions else "sheet.sheet")
    head = (f"<p class='kicker'>{_e(lang.t('sheet.kicker', symbol=SYMBOL, n=s.number))}</p>"
            f"<h1>{_e(lang.t('sheet.title', n=s.number, kind=kind))}: {_e(course.session_title(s.number, lang))}</h1>")
    head += f"<p class='meta'>{_e(lang.t('sheet.computed' if with_solutions else 'sheet.name'))}</p>"
    body = "\n".join(render_exercise_html(e, with_solution=with_solutions, lang=lang)
                     for e in course.of_session(session))
    return _page(lang.t("sheet.title", n=s.number, kind=kind), head + body, lang.code)


def glossary_html(lang: Language | None = None) -> str:
    lang = lang or language("en")
    terms = sorted_terms(load_glossary(), lang.code)
    if lang.code == "en":
        cols = [("en", ""), ("fr", " lang='fr'"), ("ru", " lang='ru'")]
    else:
        cols = [("ru", ""), ("fr", " lang='fr'"), ("en", " lang='en'")]
    rows = "".join("<tr>" + "".join(f"<td{attr}>{_e(getattr(t, c))}</td>" for c, attr in cols)
                   + f"<td>{t.source_line}</td></tr>" for t in terms)
    head = "".join(f"<th>{_e(lang.t('glossary.col.' + c))}</th>" for c, _ in cols)
    return _page(lang.t("glossary.sheet_title"),
                 f"<p class='kicker'>{_e(lang.t('glossary.kicker', symbol=SYMBOL))}</p>"
                 f"<h1>{_e(lang.t('glossary.sheet_heading'))}</h1><table><thead><tr>{head}"
                 f"<th>{_e(lang.t('glossary.col.line'))}</th></tr></thead><tbody>{rows}</tbody></table>", lang.code)


# --- printing -----------------------------------------------------------------------------------

#: The handouts' own CSS sets the page (``@page``: A4 and its margins); no header or footer.
PDF_OPTIONS = {"format": "A4", "print_background": True, "prefer_css_page_size": True}


class HandoutError(RuntimeError):
    """Chromium is missing or failed, or a handout does not have the pages it must have."""


def print_pdf(html_file: Path, pdf_file: Path, browser) -> Path:
    """Print an HTML file to an A4 PDF with the book's Chromium (``browser``, from :func:`catbook.pdf.chromium`)."""
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
