"""Scenario exercises (<pack>/training/exercises.yaml): loaded, checked, computed, rendered.

The YAML holds facts, questions and the engine's inputs; this module runs every case
through ``catbook.custody`` and fills the prose from the results, so no deadline or
verdict on a page is typed by hand. :func:`render_page` writes one MyST page per session
(sphinx-exercise ``exercise``/``solution`` directives, the solution a dropdown), and
:func:`render_sheet_html` the same exercises as a printable sheet (``handouts``).
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from catbook import custody
from catbook.text.markdown import escape
from catbook.text.source import line as report_line
from catbook.training import clock
from catbook.training.common import (
    TRAINING_DIR, TYPED_TIME, TrainingDataError, claim_chapter, claim_ref, claims_df, known_doc)
from catbook.training.lang import Language, language, translations
from catbook.text.templating import render

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

    def prose(self, field_name: str, lang: Language | None = None) -> str:
        """A prose field (or the title) as written, in English or from ``<pack>/training/<lang>/``."""
        if lang is None or lang.code == "en":
            return getattr(self, field_name)
        try:
            return str(translations(lang.code, "exercises")["exercises"][self.id][field_name]).strip()
        except KeyError:
            raise TrainingDataError(f"{lang.code}/exercises.yaml", f"no {field_name} for {self.id}") from None

    def glosses(self, kind: str, lang: Language | None = None) -> list[str]:
        """The glosses of the quotes or basis (English 'en', or the translation's list, same order)."""
        quotes = getattr(self, kind)
        if lang is None or lang.code == "en":
            return [q.en for q in quotes]
        glosses = translations(lang.code, "exercises")["exercises"][self.id].get(kind, [])
        if len(glosses) != len(quotes):
            raise TrainingDataError(f"{lang.code}/exercises.yaml", f"{self.id}.{kind}: {len(glosses)} glosses "
                                    f"for {len(quotes)} quotes")
        return [str(g).strip() for g in glosses]

    def text(self, field_name: str, results=None, *, offsets: bool = False, lang: Language | None = None) -> str:
        """A prose field with its placeholders filled from the inputs and the engine."""
        results = self.results() if results is None else results
        return clock.fill(self.prose(field_name, lang), self.cases, results,
                          f"exercise {self.id}.{field_name}", offsets=offsets, lang=lang)


@dataclass(frozen=True)
class Course:
    sessions: tuple[Session, ...]
    exercises: tuple[Exercise, ...]

    def session(self, number: int) -> Session:
        return next(s for s in self.sessions if s.number == number)

    def session_title(self, number: int, lang: Language | None = None) -> str:
        if lang is None or lang.code == "en":
            return self.session(number).title
        return str(translations(lang.code, "exercises")["sessions"][number]["title"])

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


# --- the claims register in another language -----------------------------------------------

#: What of a claim the pages show, and the key of its translation in ``<pack>/training/<lang>/claims.yaml``.
CLAIM_FIELDS = {"summary_en": "summaries", "evidence_en": "evidence"}


def claim_prose(claim_id: str, field: str, lang) -> str:
    """A claim's summary or evidence (``field``: a column of claims.csv, ``summary_en`` or
    ``evidence_en``) in the page's language: the register's English for English pages, else
    ``<pack>/training/<lang>/claims.yaml`` (refused, naming file and entry, when missing)."""
    table = claims_df()
    rows = table[table.claim_id == claim_id]
    if rows.empty:
        raise TrainingDataError("claims.csv", f"no claim {claim_id!r}")
    if lang is None or lang.code == "en":
        return str(rows[field].iat[0])
    where = f"{lang.code}/claims.yaml"
    try:
        raw = translations(lang.code, "claims")
    except FileNotFoundError:
        raise TrainingDataError(where, "missing: the claims' summaries and evidence in this language") from None
    key = CLAIM_FIELDS[field]
    if not isinstance(raw, dict) or not set(raw) <= set(CLAIM_FIELDS.values()):
        raise TrainingDataError(where, f"expected the keys {sorted(CLAIM_FIELDS.values())}")
    text = (raw.get(key) or {}).get(claim_id)
    if not text or not str(text).strip():
        raise TrainingDataError(f"{where}: {key}.{claim_id}", "missing: shown on a page in this language")
    return " ".join(str(text).split())


# --- the page (MyST) ---------------------------------------------------------------------------

def doc_ref(name: str, lang: Language) -> str:
    """A MyST ``{doc}`` link to a tool or chapter, titled in ``lang``, from that language's pages."""
    from catbook.training.common import TOOLS, doc_ref as ref
    title = lang.tool_title(name) if name in TOOLS else lang.chapter_title(name)
    return ref(name, from_dir=lang.doc_dir, title=title)


def _articles(articles: tuple[int, ...], lang: Language) -> str:
    if len(articles) == 1:
        return lang.t("ex.article", n=articles[0])
    return lang.t("ex.articles", list=", ".join(str(a) for a in articles[:-1]), last=articles[-1])


def _verdict_words(o: clock.Outcome, lang: Language) -> tuple[str, str]:
    """The verdict of a clock and what follows it (lateness, outer bound, 'immédiatement')."""
    rest = ""
    if o.overrun is not None:
        rest += f" ({lang.t('table.late', duration=lang.duration(o.overrun))})"
    return lang.status(o.status) if o.status else "", rest


def _outer_words(o: clock.Outcome, lang: Language, strong) -> str:
    out = ""
    if o.outer_status is not None:
        out += "; " + lang.t("table.outer", due=lang.when_with_offset(o.outer_due),
                             status=strong(lang.status(o.outer_status)))
    if o.immediately_late:
        out += "; " + lang.t("table.immediately", duration=lang.duration(o.immediately_late))
    return out


def _outcome_rows_md(outcomes: list[clock.Outcome], lang: Language) -> str:
    judged = any(o.status is not None for o in outcomes)
    names = ["clock", "starts", "due"] + (["done", "verdict"] if judged else [])
    head = "| " + " | ".join(lang.t(f"table.{n}") for n in names) + " |\n|" + "---|" * len(names) + "\n"
    rows = []
    for o in outcomes:
        due = lang.when_with_offset(o.due) + (lang.t("table.latest_md") if o.upper_bound else "")
        cells = [escape(lang.rule_text(custody.load_rules().rule(o.rule), "title")),
                 lang.when_with_offset(o.starts_at), due]
        if judged:
            done = lang.when_with_offset(o.done) if o.done else lang.t("table.not_done")
            status, rest = _verdict_words(o, lang)
            verdict = (f"**{status}**" if status else "") + rest + _outer_words(o, lang, lambda w: f"**{w}**")
            cells += [done, verdict]
        rows.append("| " + " | ".join(cells) + " |")
    return head + "\n".join(rows) + "\n"


def _delays_md(outcomes: list[clock.Outcome], lang: Language) -> str:
    notes = [f"- `{o.rule}`: " + lang.t("ex.delay_note", until=lang.when_with_offset(o.lawful_delay_until))
             for o in outcomes if o.lawful_delay_until is not None]
    return ("\n" + "\n".join(notes) + "\n") if notes else ""


def _quote_md(q: Quote, gloss: str, lang: Language) -> str:
    return f"> « {escape(q.fr)} » ({lang.line_ref(q.line)})\n>\n> *{escape(gloss)}*\n"


def _claims_md(claim_ids: tuple[str, ...], lang: Language) -> str:
    table = claims_df().set_index("claim_id")
    items = []
    for claim_id in claim_ids:
        row = table.loc[claim_id]
        summary = escape(claim_prose(claim_id, "summary_en", lang))  # ru: <pack>/training/ru/claims.yaml
        items.append(f"- {claim_ref(claim_id)} ({lang.line_ref(int(row.source_line))}): "
                     f"{summary} *{lang.t('ex.verdict')}: {lang.claim_verdict(row.verdict)}.*")
    return "\n".join(items) + "\n"


def _computed_by(outcomes: list[clock.Outcome], lang: Language) -> str:
    sources = sorted({o.computed_by for o in outcomes})
    return lang.t("ex.and").join(lang.t(f"ex.by.{s}") for s in sources)


def render_exercise(exercise: Exercise, lang: Language | None = None) -> str:
    lang = lang or language("en")
    results = exercise.results()
    uses = ", ".join(doc_ref(name, lang) for name in exercise.use)
    rules = ", ".join(f"`{r}`" for r in exercise.rules)
    meta = (f"*{_articles(exercise.articles, lang)}{lang.t('ex.of_convention')}"
            + (lang.t("ex.rules", rules=rules) if rules else "") + "*")
    out = [f"## {exercise.number} {escape(exercise.prose('title', lang))}\n",
           f"```{{exercise}}\n:label: {lang_label(exercise.label, lang)}\n:nonumber:\n",
           f"{meta}\n",
           f"**{lang.t('ex.facts')}** {escape(exercise.text('facts', results, lang=lang))}\n",
           f"**{lang.t('ex.question')}** {escape(exercise.text('question', results, lang=lang))}\n",
           f"**{lang.t('ex.use')}** {uses}.\n", "```\n",
           f"```{{solution}} {lang_label(exercise.label, lang)}\n:class: dropdown\n"
           f":label: {lang_label('sol-' + exercise.id, lang)}\n"]
    if exercise.is_custody:
        all_shown = []
        out.append(f"**{lang.t('ex.computed')}**\n")
        for label, outcomes in results.items():
            shown = exercise.shown(outcomes)
            all_shown += shown
            if len(results) > 1:
                case = exercise.cases[label]
                out.append(f"*{lang.t('ex.case')} `{label}`*, {lang.t('ex.arrest_at')} "
                           f"{lang.when_with_offset(case.local(case.arrested_at))}"
                           if case.arrested_at else f"*{lang.t('ex.case')} `{label}`*")
                out.append("")
            out.append(_outcome_rows_md(shown, lang) + _delays_md(shown, lang))
        out.append(lang.t("ex.computed_by", by=_computed_by(all_shown, lang), id=exercise.id) + "\n")
    out.append(f"**{lang.t('ex.answer')}** {escape(exercise.text('solution', results, lang=lang))}\n")
    if exercise.quotes:
        out.append(f"**{lang.t('ex.report_words')}**\n")
        out += [_quote_md(q, g, lang) for q, g in zip(exercise.quotes, exercise.glosses("quotes", lang))]
    basis = _basis_md(exercise, lang)
    if basis:
        out.append(f"**{lang.t('ex.legal_basis')}**\n\n" + basis)
    if exercise.claims:
        out.append(f"**{lang.t('ex.book_found')}**\n\n" + _claims_md(exercise.claims, lang))
    if exercise.misconceptions:
        refs = ", ".join(f"{{ref}}`{lang_label('mis-' + m, lang)}`" for m in exercise.misconceptions)
        out.append(f"**{lang.t('ex.misconception')}** {refs}.\n")
    out.append("```\n")
    return "\n".join(out)


def lang_label(label: str, lang: Language) -> str:
    """A page's label in a language: English as is, others prefixed ('ru-ex-night-arrest')."""
    return label if lang.code == "en" else f"{lang.code}-{label}"


def _basis_md(exercise: Exercise, lang: Language) -> str:
    items = [f"- « {escape(q.fr)} » ({lang.line_ref(q.line)}): *{escape(g)}*"
             for q, g in zip(exercise.basis, exercise.glosses("basis", lang))]
    book = custody.load_rules()
    for rule_id in exercise.rules:
        rule = book.rule(rule_id)
        items.append(f"- `{rule.id}` ({lang.rule_text(rule, 'limit')}): {escape(lang.rule_text(rule, 'basis'))} "
                     f"({lang.line_ref(rule.quote_line)}: « {escape(rule.quote_fr)} »)")
    return ("\n".join(items) + "\n") if items else ""


def render_page(session: int, course: Course | None = None, lang: Language | None = None) -> str:
    lang = lang or language("en")
    course = course or load_exercises()
    s = course.session(session)
    exercises = course.of_session(session)
    calculator = posixpath.relpath("book/calculator", lang.doc_dir) if lang.code == "en" else "calculator"
    intro = (f"# {lang.t('ex.page_title', n=s.number)}\n\n*{escape(course.session_title(s.number, lang))}*\n\n"
             f"{lang.t('ex.generated_note')}\n"
             + lang.t("ex.intro", count=lang.plural(len(exercises), "exercise"), n=s.number, page=s.page,
                      calculator=calculator) + "\n")
    return intro + "\n" + "\n".join(render_exercise(e, lang) for e in exercises)


# --- the printable sheet (HTML) ----------------------------------------------------------------

def _outcome_rows(outcomes: list[clock.Outcome], lang: Language) -> dict:
    """The clocks of one case as the sheet's table shows them (columns, and a row per clock)."""
    judged = any(o.status is not None for o in outcomes)
    rows = []
    for o in outcomes:
        row = {"title": lang.rule_text(custody.load_rules().rule(o.rule), "title"),
               "due": lang.when_with_offset(o.due) + (lang.t("table.latest_html") if o.upper_bound else ""),
               "delay": (lang.t("table.lawful_delay_html", until=lang.when_with_offset(o.lawful_delay_until))
                         if o.lawful_delay_until is not None else "")}
        if judged:
            status, rest = _verdict_words(o, lang)
            row["done"] = lang.when_with_offset(o.done) if o.done else lang.t("table.not_done")
            row["verdict"] = status + rest + _outer_words(o, lang, lambda w: w)
        rows.append(row)
    return {"columns": ["clock", "due"] + (["done", "verdict"] if judged else []), "judged": judged, "rows": rows}


def render_exercise_html(exercise: Exercise, *, with_solution: bool, lang: Language | None = None) -> str:
    """One exercise of a printed sheet (``page_templates/handouts/exercise.html``)."""
    lang = lang or language("en")
    results = exercise.results()
    cases = [{"label": label if len(results) > 1 else "", **_outcome_rows(exercise.shown(outcomes), lang)}
             for label, outcomes in results.items()] if with_solution else []
    return render("handouts/exercise.html", exercise=exercise, lang=lang, with_solution=with_solution,
                  title=exercise.prose("title", lang), articles=_articles(exercise.articles, lang),
                  rules=", ".join(exercise.rules), facts=exercise.text("facts", results, lang=lang),
                  question=exercise.text("question", results, lang=lang), cases=cases,
                  solution=exercise.text("solution", results, lang=lang) if with_solution else "",
                  quotes=exercise.quotes + exercise.basis)
