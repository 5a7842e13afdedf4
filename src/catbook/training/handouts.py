"""Printable handouts: a custody-clock card per rule and an exercise sheet per session (A4 PDF).

Made from the same sources as the book, never retyped: each card from its rule in
data/custody/rules.yaml (with a worked example computed by the engine from an exercise of
data/training/exercises.yaml), each sheet from the session's exercises. The HTML is
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
from ..custody.rules import ARREST, Rule
from ..paths import ROOT
from ..source import SYMBOL
from . import clock
from .common import when_with_offset
from .exercises import Course, load_exercises, render_exercise_html
from .glossary import load_glossary, sorted_terms

OUT_DIR = ROOT / "_build" / "handouts"

#: Words for what starts a clock that the rules data names only by an id.
START_WORDS = {
    ARREST: "the moment of actual arrest (to the minute)",
    "protocol": "the protocol of arrest being drawn up",
    "injury_found": "injuries being found on a detainee, or a complaint of injuries",
    "suspension_order": "the order removing an accused official from duty",
    "minimum_term_served": "the prisoner having served the part of the sentence the law requires",
    "parole_application": "the prisoner's application for parole or commutation",
    "protection_order": "the protection order being issued",
    "pretrial_detention": "detention during the preliminary investigation (the report does not say from when)",
    "placement": "the minor's placement in custody or pre-trial detention (or its extension)",
    "visit_start": "the start of the visit",
    "complaint_filed": "the complaint being handed in",
}
WHO_WORDS = {"all": "every person deprived of liberty", "foreigner": "a foreign national",
             "juvenile": "a minor", "detainee": "a person held in a place of detention",
             "accused-official": "an official accused of torture", "convict": "a convicted prisoner",
             "family-violence-offender": "a perpetrator of family violence"}

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


def card_html(rule: Rule, course: Course | None = None) -> str:
    parts = [f"<p class='kicker'>Custody clock card · {SYMBOL} · rule {_e(rule.id)}</p>",
             f"<h1>{_e(rule.title)}</h1>",
             "<div class='limit'>"
             f"<div><div class='label'>Limit</div><div class='big'>{_e(rule.duration.label)}</div></div>"
             f"<div><div class='label'>Clock starts at</div>{_e(START_WORDS.get(rule.starts_from, rule.starts_from.replace('_', ' ')))}</div>"
             f"<div><div class='label'>Protects or binds</div>{_e(WHO_WORDS.get(rule.applies_to, rule.applies_to))}</div>"
             "</div>",
             "<h2>What must be done</h2>", f"<p>{_e(rule.description)}</p>",
             "<h2>The report's words</h2>",
             f"<blockquote lang='fr'>« {_e(rule.quote_fr)} » (line {rule.quote_line})</blockquote>",
             "<h2>Legal basis, as the report gives it</h2>", f"<p>{_e(rule.basis)}</p>"]
    versions = [v for v in rule.versions if v.valid_from or v.valid_to or v.lawful_delay or v.note]
    if versions:
        parts.append("<h2>In force</h2><ul>")
        for v in versions:
            item = f"<strong>{_e(v.label)}</strong>"
            if v.lawful_delay:
                d = v.lawful_delay
                item += f": a longer delay of up to {_e(d.duration.label)} was allowed. {_e(d.description)}"
            elif v.note:
                item += f": {_e(v.note)}"
            parts.append(f"<li>{item}</li>")
        parts.append("</ul>")
    example = example_for(rule.id, course)
    if example:
        o = example.outcome
        parts.append("<h2>Worked example</h2>")
        parts.append(f"<p>Exercise {_e(example.number)} ({_e(example.exercise)}): the clock starts at "
                     f"{_e(when_with_offset(o.starts_at))}; the act is due by "
                     f"<strong>{_e(when_with_offset(o.due))}</strong>"
                     + (" (latest possible, no protocol time given)" if o.upper_bound else "")
                     + (f"; verdict in the exercise: <strong>{_e(o.status)}</strong>" if o.status else "")
                     + f". Computed by {_e(o.computed_by)}.</p>")
    if rule.note:
        parts.append("<h2>What the report leaves open</h2>")
        parts.append(f"<p>{_e(rule.note)}</p>")
    lines = sorted(set(rule.source_lines).union(*(v.source_lines for v in rule.versions)))
    parts.append(f"<p class='foot'>Generated from data/custody/rules.yaml by catbook.training. "
                 f"Report lines: {', '.join(str(n) for n in lines)} (French text of {SYMBOL}). The rules as the "
                 "report states them for 2008–2012; a teaching aid, not legal advice.</p>")
    return _page(f"Custody clock card: {rule.title}", "\n".join(parts))


def sheet_html(session: int, course: Course | None = None, *, with_solutions: bool = False) -> str:
    course = course or load_exercises()
    s = course.session(session)
    kind = "answer key" if with_solutions else "exercise sheet"
    head = (f"<p class='kicker'>{SYMBOL} · course for law-enforcement instructors · session {s.number}</p>"
            f"<h1>Session {s.number} {kind}: {_e(s.title)}</h1>")
    if with_solutions:
        head += ("<p class='meta'>Every time, deadline and verdict below is computed by the custody engine "
                 "from data/training/exercises.yaml.</p>")
    else:
        head += "<p class='meta'>Name: ______________________ Date: ____________</p>"
    body = "\n".join(render_exercise_html(e, with_solution=with_solutions) for e in course.of_session(session))
    return _page(f"Session {s.number} {kind}", head + body)


def glossary_html() -> str:
    rows = "".join(f"<tr><td>{_e(t.en)}</td><td lang='fr'>{_e(t.fr)}</td><td lang='ru'>{_e(t.ru)}</td>"
                   f"<td>{t.source_line}</td></tr>" for t in sorted_terms(load_glossary()))
    return _page("Glossary", f"<p class='kicker'>{SYMBOL} · course glossary</p><h1>Glossary: English, French, "
                 "Russian</h1><table><thead><tr><th>English</th><th>French (as in the report)</th>"
                 f"<th>Russian</th><th>line</th></tr></thead><tbody>{rows}</tbody></table>")


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

def build_card(rule_id: str, out_dir: Path = OUT_DIR, browser=None) -> Path:
    """One rule's card as HTML and PDF in ``out_dir/cards``; refuses a card longer than a page."""
    rule = custody.load_rules().rule(rule_id)
    folder = Path(out_dir) / "cards"
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"{rule.id}.html"
    page.write_text(card_html(rule), encoding="utf-8")
    with _browser(browser) as chromium:
        made = print_pdf(page, folder / f"{rule.id}.pdf", chromium)
    pages = pdf.page_count(made)
    if pages != 1:
        raise HandoutError(f"card {rule.id} takes {pages} pages; a card must fit on one")
    return made


def build(out_dir: Path = OUT_DIR, browser=None) -> list[Path]:
    """Every handout: a card per rule, an exercise sheet and an answer key per session, the glossary
    (one Chromium for all of them)."""
    out_dir = Path(out_dir)
    course = load_exercises()
    with _browser(browser) as chromium:
        made = [build_card(rule.id, out_dir, chromium) for rule in custody.load_rules().rules]
        for s in course.sessions:
            for with_solutions, name in ((False, "exercises"), (True, "answer-key")):
                page = out_dir / f"session-{s.number}-{name}.html"
                page.write_text(sheet_html(s.number, course, with_solutions=with_solutions), encoding="utf-8")
                made.append(print_pdf(page, page.with_suffix(".pdf"), chromium))
        page = out_dir / "glossary.html"
        page.write_text(glossary_html(), encoding="utf-8")
        made.append(print_pdf(page, page.with_suffix(".pdf"), chromium))
    return made
