"""Self-check quizzes (<pack>/training/quizzes.yaml): answers computed, rendered as static HTML.

Every answer key is computed, not typed: a deadline by the custody engine, a verdict of
the engine or of <pack>/claims.csv, a number from <pack>/figures.csv or rules.yaml. The
correct choice of a legal-point question must carry a claim whose French quote contains
the words given as support, which the loader checks.

The HTML is self-contained: labelled inputs in a fieldset per question, a "Check answer"
button, feedback in an ``aria-live`` region, the answer and explanation in a ``<details>``
element (which also works without JavaScript), a scoped ``<style>`` and a small inline
script. Nothing is loaded from anywhere, and no kernel is needed.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from markupsafe import Markup

from catbook import custody
from catbook.pack.chapters import CHAPTERS
from catbook.training import clock
from catbook.training.common import (
    TRAINING_DIR, TYPED_TIME, TrainingDataError, claim_chapter, claim_href, claims_df, figures_df,
    line_href)
from catbook.training.lang import Language, language, translations
from catbook.training.clock import figure_text
from catbook.training.exercises import claim_prose
from catbook.text.templating import render

QUIZZES_FILE = TRAINING_DIR / "quizzes.yaml"
KINDS = ("deadline", "status", "verdict", "number", "choice")
_KEYS = {"id", "kind", "prompt", "case", "rule", "claim", "figure", "lawful_delay", "choices", "explain"}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KIND_LABELS = {"deadline": "date and time", "status": "one choice of 3", "verdict": "one choice of 6",
               "number": "a number", "choice": "one choice"}
#: Chapters whose article the course trains: every one must have a quiz.
ARTICLE_CHAPTERS = tuple(k for k in CHAPTERS if k.startswith("art-"))


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool = False
    why: str = ""
    claim: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Question:
    """One question with its answer computed: ``answer`` is what the page compares with.

    deadline: the local due time 'YYYY-MM-DDTHH:MM' in the case's zone; number: the value
    as an integer; status, verdict, choice: the index of the correct choice (as text).
    ``answer_text`` says the answer in words; ``sources`` are (kind, id or line) to link.
    """

    chapter: str
    id: str
    kind: str
    prompt: str
    answer: str
    answer_text: str
    explain: str = ""
    choices: tuple[Choice, ...] = ()
    quote_fr: str = ""
    quote_line: int | None = None
    claim: str = ""
    zone: str = ""
    unit: str = ""
    evidence_en: str = ""        # no longer set: the evidence is shown in the page's language (answer_text)

    @property
    def dom_id(self) -> str:
        return f"cq-{self.chapter}-{self.id}"


@lru_cache(maxsize=4)
def _load_file(path: Path) -> dict:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise TrainingDataError(path.name, "expected a mapping of chapter key to questions")
    for key in raw:
        if key not in CHAPTERS:
            raise TrainingDataError(path.name, f"{key!r} is not a chapter key")
    return raw


def load_quizzes(path: Path = QUIZZES_FILE, lang: Language | None = None) -> dict[str, tuple[Question, ...]]:
    """Every chapter's questions, validated, answers computed (chapter key -> questions)."""
    raw = _load_file(Path(path).resolve())
    return {key: _questions(key, entries, f"{Path(path).name}: {key}", lang) for key, entries in raw.items()}


def questions(chapter_key: str, path: Path = QUIZZES_FILE, lang: Language | None = None) -> tuple[Question, ...]:
    raw = _load_file(Path(path).resolve())
    if chapter_key not in raw:
        raise KeyError(f"no quiz for chapter {chapter_key!r}; quizzes exist for {', '.join(raw)}")
    return _questions(chapter_key, raw[chapter_key], f"{Path(path).name}: {chapter_key}", lang)


def _translated(key: str, entry: dict, lang: Language, where: str) -> dict:
    """The entry with its prose (prompt, explain, choices' text and why) in ``lang``; all else as is."""
    if lang.code == "en":
        return entry
    try:
        prose = translations(lang.code, "quizzes")[key][entry["id"]] or {}
    except KeyError:
        raise TrainingDataError(f"{lang.code}/quizzes.yaml", f"no question {key}/{entry['id']}") from None
    out = dict(entry)
    for name in ("prompt", "explain"):
        if name in entry:
            out[name] = prose.get(name) or ""
            if not out[name]:
                raise TrainingDataError(f"{lang.code}/quizzes.yaml", f"{key}/{entry['id']}: no {name}")
    if "choices" in entry:
        texts = prose.get("choices") or []
        if len(texts) != len(entry["choices"]):
            raise TrainingDataError(f"{lang.code}/quizzes.yaml", f"{key}/{entry['id']}: {len(texts)} choices "
                                    f"for {len(entry['choices'])}")
        out["choices"] = [{**c, "text": t["text"], **({"why": t["why"]} if "why" in c else {}),
                           "order": c["text"]} for c, t in zip(entry["choices"], texts)]
    return out


def _questions(key: str, entries: object, where: str, lang: Language | None = None) -> tuple[Question, ...]:
    if not isinstance(entries, list) or not entries:
        raise TrainingDataError(where, "expected a non-empty list of questions")
    lang = lang or language("en")
    out = [_question(key, _translated(key, entry, lang, where), f"{where}[{i}]", lang)
           for i, entry in enumerate(entries)]
    ids = [q.id for q in out]
    if len(set(ids)) != len(ids):
        raise TrainingDataError(where, "question ids must be unique within a chapter")
    return tuple(out)


def _case(entry: dict, where: str) -> tuple[dict, dict]:
    if "case" not in entry or "rule" not in entry:
        raise TrainingDataError(where, f"a {entry['kind']} question needs case and rule")
    case = clock.parse_case(entry["case"], f"{where}.case")
    cases = {case.label: case}
    return cases, {case.label: clock.run(case)}


def _fill(text: str, cases: dict, results: dict, where: str, lang: Language) -> str:
    typed = TYPED_TIME.search(text)
    if typed:
        raise TrainingDataError(where, f"typed time {typed.group(0)!r}: use a placeholder")
    return clock.fill(text, cases, results, where, lang=lang).strip()


def _question(key: str, entry: object, where: str, lang: Language) -> Question:
    if not isinstance(entry, dict) or "kind" not in entry or "id" not in entry:
        raise TrainingDataError(where, "a question needs id and kind")
    where = f"{where} ({entry['id']})"
    kind = entry["kind"]
    if kind not in KINDS:
        raise TrainingDataError(f"{where}.kind", f"{kind!r} is not one of {KINDS}")
    unknown = set(entry) - _KEYS
    if unknown:
        raise TrainingDataError(where, f"unknown keys {sorted(unknown)}")
    if not _SLUG.match(str(entry["id"])):
        raise TrainingDataError(f"{where}.id", "a lower-case slug")
    cases, results = {}, {}
    if kind in ("deadline", "status"):
        cases, results = _case(entry, where)
    prompt = _fill(str(entry.get("prompt", "")), cases, results, f"{where}.prompt", lang)
    explain = _fill(str(entry.get("explain", "")), cases, results, f"{where}.explain", lang)
    common = {"chapter": key, "id": entry["id"], "kind": kind, "explain": explain}
    book = custody.load_rules()

    if kind in ("deadline", "status"):
        rule_id = entry["rule"]
        outcomes = next(iter(results.values()))
        if rule_id not in outcomes:
            raise TrainingDataError(f"{where}.rule", f"the case has no clock {rule_id!r}")
        o = outcomes[rule_id]
        rule = book.rule(rule_id)
        lines = {"quote_fr": rule.quote_fr, "quote_line": rule.quote_line}
        if not prompt:
            raise TrainingDataError(where, "needs a prompt")
        if kind == "deadline":
            return Question(**common, prompt=prompt, answer=o.due.strftime("%Y-%m-%dT%H:%M"),
                            answer_text=lang.t("quiz.deadline_answer", due=lang.when_with_offset(o.due),
                                               rule=rule_id, limit=lang.rule_text(rule, "limit")),
                            zone=next(iter(cases.values())).tz, **lines)
        if o.status is None:
            raise TrainingDataError(f"{where}.case", "a status question needs a moment of checking (now)")
        choices = tuple(Choice(lang.status(s), correct=(s == o.status)) for s in custody.STATUSES)
        return Question(**common, prompt=prompt, choices=choices,
                        answer=str(custody.STATUSES.index(o.status)),
                        answer_text=lang.t("quiz.status_answer", status=lang.status(o.status),
                                           due=lang.when_with_offset(o.due), rule=rule_id), **lines)

    if kind == "verdict":
        claim_id = entry.get("claim")
        table = claims_df()
        rows = table[table.claim_id == claim_id]
        if rows.empty or claim_chapter(table, claim_id) is None:
            raise TrainingDataError(f"{where}.claim", f"{claim_id!r} is not a claim shown on a chapter page")
        row = rows.iloc[0]
        from catbook.judge.claims import VERDICTS
        labels = list(VERDICTS)
        prompt = prompt or lang.t("quiz.verdict_prompt")
        verdict = lang.claim_verdict(row.verdict)
        return Question(**common, prompt=prompt, claim=claim_id,
                        choices=tuple(Choice(lang.claim_verdict(v), correct=(v == row.verdict)) for v in labels),
                        answer=str(labels.index(row.verdict)),
                        answer_text=f"{verdict}. {claim_prose(claim_id, 'evidence_en', lang)}",
                        quote_fr=row.quote_fr, quote_line=int(row.source_line))

    if kind == "number":
        sources = [k for k in ("figure", "rule", "lawful_delay") if k in entry]
        if len(sources) != 1 or not prompt:
            raise TrainingDataError(where, "a number question needs a prompt and one of figure, rule, lawful_delay")
        if "figure" in entry:
            from catbook.text.figures import FigureLookupError, figure
            try:
                row = figure(entry["figure"], figures=figures_df())
            except FigureLookupError:
                raise TrainingDataError(f"{where}.figure", f"no figure {entry['figure']!r}") from None
            value, unit = float(row.value), lang.unit(str(row.unit))
            text = lang.t("quiz.figure_answer", figure=figure_text(row.figure_id, where, lang), unit=unit,
                          id=row.figure_id)
            quote_fr, quote_line = row.quote_fr, int(row.source_line)
        else:
            rule_id = entry.get("rule") or entry.get("lawful_delay")
            try:
                rule = book.rule(rule_id)
            except KeyError:
                raise TrainingDataError(where, f"unknown rule {rule_id!r}") from None
            if "rule" in entry:
                duration = rule.duration
                quote_fr, quote_line = rule.quote_fr, rule.quote_line
            else:
                delays = [v for v in rule.versions if v.lawful_delay]
                if not delays:
                    raise TrainingDataError(f"{where}.lawful_delay", f"rule {rule_id} has no lawful delay")
                duration = delays[0].lawful_delay.duration
                quote_fr, quote_line = delays[0].quote_fr, delays[0].quote_line
            if duration.amount is None:
                raise TrainingDataError(where, f"rule {rule_id} states no number ({duration.label})")
            value, unit = float(duration.amount), lang.unit(duration.unit)
            label = lang.rule_text(rule, "limit") if "rule" in entry else lang.delay_label(rule_id, duration.label)
            text = lang.t("quiz.rule_answer", limit=label, rule=rule_id)
        if value != int(value):
            raise TrainingDataError(where, "number questions take whole numbers")
        return Question(**common, prompt=prompt, answer=str(int(value)), answer_text=text, unit=unit,
                        quote_fr=quote_fr, quote_line=quote_line)

    # choice
    raw_choices = entry.get("choices")
    if not prompt or not isinstance(raw_choices, list) or len(raw_choices) < 2:
        raise TrainingDataError(where, "a choice question needs a prompt and at least two choices")
    choices = []
    for i, c in enumerate(raw_choices):
        here = f"{where}.choices[{i}]"
        if not isinstance(c, dict) or "text" not in c or not set(c) <= {"text", "correct", "why", "support", "order"}:
            raise TrainingDataError(here, "expected text, and correct+support or why")
        support = c.get("support") or {}
        choices.append((str(c.get("order", c["text"])).strip(),
                        Choice(str(c["text"]).strip(), bool(c.get("correct")), str(c.get("why", "")).strip(),
                               support.get("claim", ""), support.get("quote", ""))))
    # Shown in a fixed order that does not depend on where the file puts the right answer (the
    # English text's order, in every language).
    choices.sort(key=lambda c: hashlib.sha256(f"{key}/{entry['id']}/{c[0]}".encode()).hexdigest())
    choices = [c for _, c in choices]
    correct = [i for i, c in enumerate(choices) if c.correct]
    if len(correct) != 1:
        raise TrainingDataError(where, "exactly one choice must be correct")
    right = choices[correct[0]]
    table = claims_df()
    rows = table[table.claim_id == right.claim]
    if rows.empty or claim_chapter(table, right.claim) is None:
        raise TrainingDataError(f"{where}: correct choice", f"support claim {right.claim!r} is not a claim shown "
                                "on a chapter page")
    if not right.quote or right.quote not in rows.quote_fr.iat[0]:
        raise TrainingDataError(f"{where}: correct choice", f"support quote is not in claim {right.claim}: "
                                f"{right.quote!r}")
    for c in choices:
        if c.claim and not c.correct:
            raise TrainingDataError(where, "only the correct choice carries support")
    return Question(**common, prompt=prompt, choices=tuple(choices), answer=str(correct[0]),
                    answer_text=right.text, claim=right.claim, quote_fr=right.quote,
                    quote_line=int(rows.source_line.iat[0]))


# --- HTML ----------------------------------------------------------------------------------------

def _line_link(n: int, root: str, lang: Language) -> dict:
    """The line's link and its official paragraph's (as ``markdown.line_ref`` shows them), for
    the template's ``line_link``."""
    from catbook.text.corpus import para_of_line
    from catbook.text.markdown import SEP, para_anchor
    para = para_of_line(n)
    return {"line_href": line_href(n, root), "line_label": lang.line_label(n), "sep": SEP,
            "para_href": f"{root}book/report-text.html#{para_anchor(para)}" if para is not None else "",
            "para_label": lang.para_label(para) if para is not None else ""}


def render_html(chapter_key: str, root: str = "../", lang: Language | None = None) -> str:
    """The quiz of a chapter as one self-contained HTML block (links relative to ``root``)."""
    lang = lang or language("en")
    qs = questions(chapter_key, lang=lang)
    suffix = "" if lang.code == "en" else f"-{lang.code}"
    container = f"catbook-quiz-{chapter_key}{suffix}"
    script = {f"{name}_js": Markup(json.dumps(lang.t(f"quiz.{name}"), ensure_ascii=False))
              for name in ("enter_date", "enter_number", "choose", "correct", "not_quite", "try_again")}
    return render("quiz/quiz.html", container=container, container_js=Markup(json.dumps(container)),
                  chapter_key=chapter_key, questions=qs, lang=lang,
                  line=lambda n: _line_link(n, root, lang),
                  claim_href=lambda claim: claim_href(claims_df(), claim, root), **script)


def plain_text(chapter_key: str) -> str:
    qs = questions(chapter_key)
    lines = [f"Self-check quiz, {CHAPTERS[chapter_key].title}: {len(qs)} questions"]
    for i, q in enumerate(qs, 1):
        lines.append(f"{i}. [{KIND_LABELS[q.kind]}] {q.prompt}")
        if q.kind == "verdict":
            lines.append(f"   « {q.quote_fr} » (line {q.quote_line})")
        for j, c in enumerate(q.choices):
            lines.append(f"   {chr(ord('a') + j)}) {c.text}")
    return "\n".join(lines)


@dataclass
class Quiz:
    """A chapter's quiz for a notebook: HTML in the book, the questions as plain text for nbval."""

    chapter_key: str
    root: str = "../"
    questions: tuple[Question, ...] = field(init=False)

    def __post_init__(self):
        if self.chapter_key not in CHAPTERS:
            raise KeyError(f"quiz: no chapter {self.chapter_key!r}; known: {', '.join(CHAPTERS)}")
        self.questions = questions(self.chapter_key)

    def _repr_html_(self) -> str:
        return render_html(self.chapter_key, self.root)

    def __repr__(self) -> str:
        return plain_text(self.chapter_key)
