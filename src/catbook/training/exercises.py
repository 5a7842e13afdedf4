"""Scenario exercises (data/training/exercises.yaml): loaded, checked, computed, rendered.

The YAML holds facts, questions and the engine's inputs; this module runs every case
through ``catbook.custody`` and fills the prose from the results, so no deadline or
verdict on a page is typed by hand. :func:`render_page` writes one MyST page per session
(sphinx-exercise ``exercise``/``solution`` directives, the solution a dropdown), and
:func:`render_sheet_html` the same exercises as a printable sheet (``handouts``).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .. import custody
from ..claims import VERDICTS
from ..markdown import escape, line_ref
from ..source import line as report_line
from . import clock
from .common import (TRAINING_DIR, TYPED_TIME, TrainingDataError, claim_chapter, claim_ref, claims_df,
                     doc_ref, known_doc, when_with_offset)

EXERCISES_FILE = TRAINING_DIR / "exercises.yaml"
_KEYS = {"id", "session", "title", "articles", "rules", "use", "facts", "question", "cases", "show",
         "intended", "solution", "quotes", "basis", "claims", "misconceptions"}
_REQUIRED = {"id", "session", "title", "articles", "rules", "use", "facts", "question", "solution"}
_QUOTE_KEYS = {"line", "fr", "en"}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: A misconception's anchor in the session pages: a MyST target before its heading.
MISCONCEPTION_LABEL = "mis-{}"
PROSE_FIELDS = ("facts", "question", "solution")


@dataclass(frozen=True)
class Quote:
    line: int
    fr: str
    en: str


@dataclass(frozen=True)
class Session:
    number: int
    title: str

    @property
    def page(self) -> str:
        return f"session-{self.number}"

    @property
    def exercises_page(self) -> str:
        return f"exercises-{self.number}"


@dataclass(frozen=True)
class Exercise:
    id: str
    session: int
    number: str                    # "1.2": session, then position in the session
    title: str
    articles: tuple[int, ...]
    rules: tuple[str, ...]
    use: tuple[str, ...]
    facts: str
    question: str
    solution: str
    cases: dict[str, clock.Case] = field(default_factory=dict)
    show: tuple[str, ...] = ()
    intended: dict[str, dict[str, str]] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()
    basis: tuple[Quote, ...] = ()
    claims: tuple[str, ...] = ()
    misconceptions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"ex-{self.id}"

    @property
    def is_custody(self) -> bool:
        return bool(self.cases)

    def results(self) -> dict[str, dict[str, clock.Outcome]]:
        """Every case's clocks, computed now by the engine (label -> rule -> Outcome)."""
        return {label: clock.run(case) for label, case in self.cases.items()}

    def shown(self, outcomes: dict[str, clock.Outcome]) -> list[clock.Outcome]:
        if not self.show:
            return list(outcomes.values())
        return [outcomes[rule] for rule in self.show if rule in outcomes]

    def text(self, field_name: str, results=None, *, offsets: bool = False) -> str:
        """A prose field with its placeholders filled from the inputs and the engine."""
        results = self.results() if results is None else results
        return clock.fill(getattr(self, field_name), self.cases, results,
                          f"exercise {self.id}.{field_name}", offsets=offsets)


@dataclass(frozen=True)
class Course:
    sessions: tuple[Session, ...]
    exercises: tuple[Exercise, ...]

    def session(self, number: int) -> Session:
        return next(s for s in self.sessions if s.number == number)

    def of_session(self, number: int) -> list[Exercise]:
        return [e for e in self.exercises if e.session == number]

    def exercise(self, exercise_id: str) -> Exercise:
        for e in self.exercises:
            if e.id == exercise_id:
                return e
        raise KeyError(exercise_id)


def load_exercises(path: Path = EXERCISES_FILE) -> Course:
    """The course's sessions and exercises, validated (shape, ids, quotes, claims, placeholders)."""
    return _load(Path(path).resolve())


@lru_cache(maxsize=4)
def _load(path: Path) -> Course:
    where = path.name
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or set(raw) != {"sessions", "exercises"}:
        raise TrainingDataError(where, "expected exactly the keys 'sessions' and 'exercises'")
    sessions = tuple(Session(int(s["number"]), str(s["title"])) for s in raw["sessions"])
    if [s.number for s in sessions] != list(range(1, len(sessions) + 1)):
        raise TrainingDataError(f"{where}: sessions", "numbered 1, 2, ... in order")
    counters: dict[int, int] = {}
    exercises = []
    for i, entry in enumerate(raw["exercises"]):
        here = f"{where}: exercises[{i}]"
        if not isinstance(entry, dict):
            raise TrainingDataError(here, "expected a mapping")
        here = f"{where}: exercise {entry.get('id', i)}"
        session = entry.get("session")
        if session not in {s.number for s in sessions}:
            raise TrainingDataError(here, f"session {session!r} is not one of the sessions")
        counters[session] = counters.get(session, 0) + 1
        exercises.append(_exercise(entry, here, f"{session}.{counters[session]}"))
    ids = [e.id for e in exercises]
    if len(set(ids)) != len(ids):
        raise TrainingDataError(where, "exercise ids must be unique")
    if [e.session for e in exercises] != sorted(e.session for e in exercises):
        raise TrainingDataError(where, "exercises must be in session order")
    return Course(sessions, tuple(exercises))


def _quotes(raw: object, where: str) -> tuple[Quote, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise TrainingDataError(where, "expected a list of {line, fr, en}")
    out = []
    for i, q in enumerate(raw):
        here = f"{where}[{i}]"
        if not isinstance(q, dict) or set(q) != _QUOTE_KEYS:
            raise TrainingDataError(here, "expected exactly line, fr, en")
        text = report_line(int(q["line"]))
        if not q["fr"] or q["fr"] not in text:
            raise TrainingDataError(f"{here}.fr", f"not a verbatim substring of line {q['line']}: {q['fr']!r}")
        out.append(Quote(int(q["line"]), q["fr"], str(q["en"]).strip()))
    return tuple(out)


def _exercise(entry: dict, where: str, number: str) -> Exercise:
    unknown, missing = set(entry) - _KEYS, _REQUIRED - set(entry)
    if unknown or missing:
        raise TrainingDataError(where, f"unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    if not _SLUG.match(str(entry["id"])):
        raise TrainingDataError(f"{where}.id", "a lower-case slug")
    book = custody.load_rules()
    known_rules = {r.id for r in book.rules}
    rules = tuple(entry["rules"] or ())
    for rule in rules:
        if rule not in known_rules:
            raise TrainingDataError(f"{where}.rules", f"unknown rule {rule!r}")
    for name in entry["use"]:
        if not known_doc(name):
            raise TrainingDataError(f"{where}.use", f"{name!r} is neither a tool nor a chapter key")
    raw_cases = entry.get("cases") or []
    cases: dict[str, clock.Case] = {}
    for i, raw in enumerate(raw_cases):
        case = clock.parse_case(raw, f"{where}.cases[{i}]")
        if case.label in cases:
            raise TrainingDataError(f"{where}.cases", f"duplicate label {case.label!r}")
        cases[case.label] = case
    intended = entry.get("intended") or {}
    if intended and set(intended) <= known_rules | {r.replace("_", "-") for r in known_rules} \
            and len(cases) == 1:
        intended = {next(iter(cases)): intended}
    for label, statuses in intended.items():
        if label not in cases:
            raise TrainingDataError(f"{where}.intended", f"no case {label!r}")
        for rule, status in statuses.items():
            if status not in custody.STATUSES:
                raise TrainingDataError(f"{where}.intended.{label}.{rule}", f"{status!r} is not a verdict")
    claims = tuple(entry.get("claims") or ())
    table = claims_df()
    for claim_id in claims:
        if claim_chapter(table, claim_id) is None:
            raise TrainingDataError(f"{where}.claims", f"{claim_id!r} is not a claim shown on a chapter page")
    exercise = Exercise(
        id=entry["id"], session=int(entry["session"]), number=number, title=str(entry["title"]),
        articles=tuple(int(a) for a in entry["articles"]), rules=rules, use=tuple(entry["use"]),
        facts=str(entry["facts"]).strip(), question=str(entry["question"]).strip(),
        solution=str(entry["solution"]).strip(), cases=cases, show=tuple(entry.get("show") or ()),
        intended={k: dict(v) for k, v in intended.items()},
        quotes=_quotes(entry.get("quotes"), f"{where}.quotes"),
        basis=_quotes(entry.get("basis"), f"{where}.basis"), claims=claims,
        misconceptions=tuple(entry.get("misconceptions") or ()),
    )
    if not exercise.is_custody and not (exercise.quotes or exercise.basis):
        raise TrainingDataError(where, "a legal-point exercise must quote the report (quotes or basis)")
    for name in PROSE_FIELDS:
        typed = TYPED_TIME.search(getattr(exercise, name))
        if typed:
            raise TrainingDataError(f"{where}.{name}", f"typed time {typed.group(0)!r}: use a placeholder")
    results = exercise.results()  # raises CustodyInputError for an input the engine refuses
    for name in PROSE_FIELDS:
        exercise.text(name, results)  # raises for a placeholder that names nothing
    for rule in exercise.show:
        if not any(rule in outcomes for outcomes in results.values()):
            raise TrainingDataError(f"{where}.show", f"no case has a clock {rule!r}")
    return exercise


# --- the page (MyST) ---------------------------------------------------------------------------

_GENERATED_NOTE = ("```{note}\nGenerated by `python -m catbook.training pages` from "
                   "`data/training/exercises.yaml`; do not edit by hand. Every time, deadline and "
                   "verdict in a solution is computed by the custody engine (`catbook.custody`) "
                   "from the inputs in that file; every quote is checked against the report's line.\n```\n")


def _articles(articles: tuple[int, ...]) -> str:
    if len(articles) == 1:
        return f"Article {articles[0]}"
    return "Articles " + ", ".join(str(a) for a in articles[:-1]) + f" and {articles[-1]}"


def _status_md(status: str | None) -> str:
    return "" if status is None else f"**{status}**"


def _outcome_rows_md(outcomes: list[clock.Outcome]) -> str:
    judged = any(o.status is not None for o in outcomes)
    head = "| clock | starts | due | done | verdict |\n|---|---|---|---|---|\n" if judged else \
        "| clock | starts | due |\n|---|---|---|\n"
    rows = []
    for o in outcomes:
        due = when_with_offset(o.due) + (" (latest possible: no protocol time given)" if o.upper_bound else "")
        cells = [escape(o.title), when_with_offset(o.starts_at), due]
        if judged:
            done = when_with_offset(o.done) if o.done else "not done"
            verdict = _status_md(o.status)
            if o.overrun is not None:
                verdict += f" ({custody.messages.format_duration(o.overrun)} late)"
            if o.outer_status is not None:
                verdict += f"; outer bound {when_with_offset(o.outer_due)}: {_status_md(o.outer_status)}"
            if o.immediately_late:
                verdict += (f"; read as 'immédiatement', {custody.messages.format_duration(o.immediately_late)}"
                            " after the arrest")
            cells += [done, verdict]
        rows.append("| " + " | ".join(cells) + " |")
    return head + "\n".join(rows) + "\n"


def _delays_md(outcomes: list[clock.Outcome]) -> str:
    notes = [f"- `{o.rule}`: the version in force on the date of the arrest allowed a longer delay in "
             f"exceptional circumstances, until {when_with_offset(o.lawful_delay_until)}."
             for o in outcomes if o.lawful_delay_until is not None]
    return ("\n" + "\n".join(notes) + "\n") if notes else ""


def _quote_md(q: Quote) -> str:
    return f"> « {escape(q.fr)} » ({line_ref(q.line)})\n>\n> *{escape(q.en)}*\n"


def _claims_md(claim_ids: tuple[str, ...]) -> str:
    table = claims_df().set_index("claim_id")
    items = []
    for claim_id in claim_ids:
        row = table.loc[claim_id]
        items.append(f"- {claim_ref(claim_id)} ({line_ref(int(row.source_line))}): "
                     f"{escape(row.summary_en)} *Verdict: {VERDICTS[row.verdict]}.*")
    return "\n".join(items) + "\n"


def _computed_by(outcomes: list[clock.Outcome]) -> str:
    sources = sorted({o.computed_by for o in outcomes})
    names = {"catbook.custody.audit": "the custody engine's audit (`catbook.custody.audit`)",
             "catbook.custody.deadlines": "the custody engine (`catbook.custody.deadlines`)",
             "rules.yaml": "the limit of `data/custody/rules.yaml`, with the engine's reading of times "
                           "and verdicts (a clock the engine's audit does not follow)"}
    return " and ".join(names[s] for s in sources)


def render_exercise(exercise: Exercise) -> str:
    results = exercise.results()
    uses = ", ".join(doc_ref(name) for name in exercise.use)
    rules = ", ".join(f"`{r}`" for r in exercise.rules)
    meta = f"*{_articles(exercise.articles)} of the Convention" + (f" · rules {rules}" if rules else "") + "*"
    out = [f"## {exercise.number} {escape(exercise.title)}\n",
           f"```{{exercise}}\n:label: {exercise.label}\n:nonumber:\n",
           f"{meta}\n",
           f"**Facts.** {escape(exercise.text('facts', results))}\n",
           f"**Question.** {escape(exercise.text('question', results))}\n",
           f"**Use.** {uses}.\n", "```\n",
           f"```{{solution}} {exercise.label}\n:class: dropdown\n:label: sol-{exercise.id}\n"]
    if exercise.is_custody:
        all_shown = []
        out.append("**Computed.**\n")
        for label, outcomes in results.items():
            shown = exercise.shown(outcomes)
            all_shown += shown
            if len(results) > 1:
                out.append(f"*Case `{label}`*, arrest at "
                           f"{when_with_offset(exercise.cases[label].local(exercise.cases[label].arrested_at))}"
                           if exercise.cases[label].arrested_at else f"*Case `{label}`*")
                out.append("")
            out.append(_outcome_rows_md(shown) + _delays_md(shown))
        out.append(f"Computed by {_computed_by(all_shown)}, from the inputs of exercise "
                   f"`{exercise.id}` in `data/training/exercises.yaml`.\n")
    out.append(f"**Answer.** {escape(exercise.text('solution', results))}\n")
    if exercise.quotes:
        out.append("**The report's words.**\n")
        out += [_quote_md(q) for q in exercise.quotes]
    basis = _basis_md(exercise)
    if basis:
        out.append("**Legal basis, as the report gives it.**\n\n" + basis)
    if exercise.claims:
        out.append("**What the book found about these statements.**\n\n" + _claims_md(exercise.claims))
    if exercise.misconceptions:
        refs = ", ".join(f"{{ref}}`mis-{m}`" for m in exercise.misconceptions)
        out.append(f"**Misconception this exercise addresses:** {refs}.\n")
    out.append("```\n")
    return "\n".join(out)


def _basis_md(exercise: Exercise) -> str:
    items = [f"- « {escape(q.fr)} » ({line_ref(q.line)}): *{escape(q.en)}*" for q in exercise.basis]
    book = custody.load_rules()
    for rule_id in exercise.rules:
        rule = book.rule(rule_id)
        items.append(f"- `{rule.id}` ({rule.duration.label}): {escape(rule.basis)} "
                     f"({line_ref(rule.quote_line)}: « {escape(rule.quote_fr)} »)")
    return ("\n".join(items) + "\n") if items else ""


def render_page(session: int, course: Course | None = None) -> str:
    course = course or load_exercises()
    s = course.session(session)
    exercises = course.of_session(session)
    intro = (f"# Session {s.number} exercises\n\n*{escape(s.title)}*\n\n{_GENERATED_NOTE}\n"
             f"These {len(exercises)} exercises go with {{doc}}`session {s.number} <{s.page}>`. Each sets "
             "out facts and a question; the solution is hidden until you open it. Work the custody "
             "cases with the {doc}`calculator <../calculator>` first, then compare. Times are local "
             "time in the zone of the case, with the UTC offset in the solutions; clocks are counted "
             "in real elapsed hours, and an act done exactly at its deadline is on time.\n")
    return intro + "\n" + "\n".join(render_exercise(e) for e in exercises)


# --- the printable sheet (HTML) ----------------------------------------------------------------

def _outcome_rows_html(outcomes: list[clock.Outcome]) -> str:
    judged = any(o.status is not None for o in outcomes)
    head = "<tr><th scope='col'>clock</th><th scope='col'>due</th>" + \
        ("<th scope='col'>done</th><th scope='col'>verdict</th>" if judged else "") + "</tr>"
    rows = []
    for o in outcomes:
        due = when_with_offset(o.due) + (" (latest possible)" if o.upper_bound else "")
        cells = [f"{html.escape(o.title)}", html.escape(due)]
        if judged:
            verdict = o.status or ""
            if o.overrun is not None:
                verdict += f" ({custody.messages.format_duration(o.overrun)} late)"
            if o.outer_status is not None:
                verdict += f"; outer bound {when_with_offset(o.outer_due)}: {o.outer_status}"
            if o.immediately_late:
                verdict += (f"; read as 'immédiatement', {custody.messages.format_duration(o.immediately_late)}"
                            " after the arrest")
            cells += [html.escape(when_with_offset(o.done)) if o.done else "not done",
                      f"<strong>{html.escape(verdict)}</strong>"]
        if o.lawful_delay_until is not None:
            cells[1] += f"<br><small>lawful delay then allowed until {html.escape(when_with_offset(o.lawful_delay_until))}</small>"
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f"<table class='clocks'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def render_exercise_html(exercise: Exercise, *, with_solution: bool) -> str:
    results = exercise.results()
    parts = [f"<section class='exercise'><h2>{exercise.number} {html.escape(exercise.title)}</h2>",
             f"<p class='meta'>{_articles(exercise.articles)} of the Convention"
             + (" · rules " + ", ".join(exercise.rules) if exercise.rules else "") + "</p>",
             f"<p><strong>Facts.</strong> {html.escape(exercise.text('facts', results))}</p>",
             f"<p><strong>Question.</strong> {html.escape(exercise.text('question', results))}</p>"]
    if not with_solution:
        parts.append("<div class='answer-space' aria-hidden='true'></div>")
    else:
        for label, outcomes in results.items():
            if len(results) > 1:
                parts.append(f"<p class='case'>Case {html.escape(label)}</p>")
            parts.append(_outcome_rows_html(exercise.shown(outcomes)))
        parts.append(f"<p><strong>Answer.</strong> {html.escape(exercise.text('solution', results))}</p>")
        for q in exercise.quotes + exercise.basis:
            parts.append(f"<blockquote lang='fr'>« {html.escape(q.fr)} » (line {q.line})</blockquote>")
    parts.append("</section>")
    return "\n".join(parts)
