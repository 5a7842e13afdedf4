"""Training cases run through the custody engine, and prose filled in from its answers.

A case holds what ``catbook.custody.audit`` takes (arrest, zone, foreign national or not,
the acts done and when, the moment of checking). A clock the audit does not follow from an
arrest (a rule of rules.yaml whose clock starts at another event, with a limit in hours) is
started where the case says and judged by ``catbook.custody.rule_deadline`` and
``catbook.custody.judge``: the limit, the reading of moments and the verdict rules are the
engine's, none is typed here.

Prose about a case never types a time or a verdict: it names what it means with a
placeholder, filled from the inputs and the engine's results:

``{arrest}``, ``{now}``                 the case's moments
``{done:RULE}``, ``{start:RULE}``       when an act was done / when a clock started
``{due:RULE}``                          the deadline the engine computes
``{status:RULE}``                       met, missed or pending
``{overrun:RULE}``                      how late ('2 h 00 min')
``{delay:RULE}``                        the end of a lawful delay the version in force allowed
``{outer:RULE}``, ``{outerstatus:RULE}``  the outer bound of a clock that starts at another act
                                        (as the engine computes it) and the verdict on it
``{immediately:RULE}``                  how long after the start of its clock the act came, the
                                        strict reading of "immédiatement"
``{limit:RULE}``                        the rule's limit as rules.yaml states it
``{figure:ID}``                         a figure of the pack's figures.csv, as a reader says it
``{verdict:CLAIM}``                     the book's verdict on a claim of the pack's claims.csv

Each may end with ``@label`` to name one of several cases of an exercise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from catbook import custody
from catbook.custody.moments import DEFAULT_ZONE, resolve_zone, to_utc
from catbook.training.common import TrainingDataError

CASE_KEYS = {"label", "arrested_at", "tz", "foreigner", "juvenile", "delay_authorised", "events", "now", "clocks"}
CLOCK_KEYS = {"start", "done"}
PLACEHOLDER = re.compile(
    r"\{(arrest|now|done|start|due|status|overrun|delay|outerstatus|outer|immediately|limit|figure|verdict)"
    r"(?::([a-z0-9-]+))?"
    r"(?:@([a-z0-9-]+))?\}")


@dataclass(frozen=True)
class Outcome:
    """One clock of one case, as computed: the engine's Finding, or the same for a rules.yaml clock."""

    rule: str
    title: str
    starts_at: datetime
    due: datetime
    done: datetime | None
    status: str | None          # None when the case has no moment of checking (deadlines only)
    overrun: timedelta | None
    lawful_delay_until: datetime | None
    upper_bound: bool
    basis: str
    source_lines: tuple[int, ...]
    computed_by: str            # "catbook.custody.audit", "catbook.custody.deadlines" or "rules.yaml"
    outer_due: datetime | None = None          # the outer bound (a clock starting at another act)
    outer_status: str | None = None            # the verdict against it
    immediately_late: timedelta | None = None  # time after "immédiatement", where the rule says it


@dataclass(frozen=True)
class Case:
    label: str
    arrested_at: str | None     # None: a case with rules.yaml clocks only (no arrest)
    tz: str = DEFAULT_ZONE
    foreigner: bool = False
    juvenile: bool = False
    delay_authorised: bool = False
    events: dict = field(default_factory=dict)
    now: str | None = None
    clocks: dict = field(default_factory=dict)   # rule id -> {start, done}

    def engine_inputs(self) -> dict:
        return {"arrested_at": self.arrested_at, "tz": self.tz, "foreigner": self.foreigner,
                "juvenile": self.juvenile, "delay_authorised": self.delay_authorised,
                "events": dict(self.events), "now": self.now}

    def zone(self):
        return resolve_zone(self.tz)

    def local(self, value) -> datetime:
        """An input moment as an aware local time in the case's zone."""
        return to_utc(value, self.zone(), "moment").astimezone(self.zone())


def parse_case(raw: object, where: str, default_label: str = "main") -> Case:
    if not isinstance(raw, dict) or not set(raw) <= CASE_KEYS or not ({"arrested_at", "clocks"} & set(raw)):
        raise TrainingDataError(where, f"a case needs arrested_at or clocks, and keys among {sorted(CASE_KEYS)}")
    clocks = raw.get("clocks") or {}
    book = custody.load_rules()
    for rule_id, clock in clocks.items():
        if not isinstance(clock, dict) or not {"start"} <= set(clock) <= CLOCK_KEYS:
            raise TrainingDataError(f"{where}.clocks.{rule_id}", "needs start (and may have done)")
        try:
            rule = book.rule(rule_id)
        except KeyError:
            raise TrainingDataError(f"{where}.clocks", f"unknown rule {rule_id!r}") from None
        if rule.computable:
            raise TrainingDataError(f"{where}.clocks.{rule_id}",
                                    "a custody clock of the engine goes in events, not clocks")
        try:
            rule.duration.as_timedelta()
        except ValueError as err:
            raise TrainingDataError(f"{where}.clocks.{rule_id}", f"the limit makes no clock: {err}") from None
    if "arrested_at" not in raw and any(raw.get(k) for k in ("events", "foreigner", "juvenile", "delay_authorised")):
        raise TrainingDataError(where, "events and the person's flags need an arrest (arrested_at)")
    for flag in ("foreigner", "juvenile", "delay_authorised"):
        if not isinstance(raw.get(flag, False), bool):
            raise TrainingDataError(f"{where}.{flag}", "must be true or false")
    arrested = raw.get("arrested_at")
    return Case(label=str(raw.get("label", default_label)), arrested_at=None if arrested is None else str(arrested),
                tz=raw.get("tz", DEFAULT_ZONE), foreigner=raw.get("foreigner", False),
                juvenile=raw.get("juvenile", False), delay_authorised=raw.get("delay_authorised", False),
                events={k: (None if v is None else str(v)) for k, v in (raw.get("events") or {}).items()},
                now=None if raw.get("now") is None else str(raw["now"]),
                clocks={k: {"start": str(v["start"]), "done": None if v.get("done") is None else str(v["done"])}
                        for k, v in clocks.items()})


def run(case: Case) -> dict[str, Outcome]:
    """Every clock of the case, computed: rule id -> Outcome, in the engine's order (by due time)."""
    book = custody.load_rules()
    out: dict[str, Outcome] = {}
    if case.arrested_at is None:
        pass
    elif case.now is not None:
        inputs = case.engine_inputs()
        for f in custody.audit(inputs.pop("arrested_at"), inputs.pop("events"), **inputs):
            out[f.rule] = Outcome(f.rule, book.rule(f.rule).title, f.deadline.starts_at, f.due, f.actual,
                                  f.status, f.overrun, f.deadline.lawful_delay_until,
                                  f.deadline.is_upper_bound, f.basis, tuple(f.source_lines),
                                  "catbook.custody.audit", f.deadline.outer_due, f.outer_status,
                                  f.immediately_late)
    else:
        if any(v is not None for v in case.events.values()):
            raise TrainingDataError(f"case {case.label}", "acts done need a moment of checking (now)")
        for d in custody.deadlines(case.arrested_at, tz=case.tz, foreigner=case.foreigner,
                                   juvenile=case.juvenile, delay_authorised=case.delay_authorised):
            out[d.rule] = Outcome(d.rule, book.rule(d.rule).title, d.starts_at, d.due, None, None, None,
                                  d.lawful_delay_until, d.is_upper_bound, d.basis, tuple(d.source_lines),
                                  "catbook.custody.deadlines", d.outer_due)
    for rule_id, clock in case.clocks.items():
        out[rule_id] = rule_clock(rule_id, clock["start"], case, clock.get("done"))
    return out


def rule_clock(rule_id: str, start, case: Case, done=None) -> Outcome:
    """A clock of rules.yaml that the engine's audit does not follow, judged by the engine."""
    try:
        deadline = custody.rule_deadline(rule_id, start, tz=case.tz)
        finding = None if done is None and case.now is None else custody.judge(deadline, done, now=case.now)
    except custody.CustodyInputError as err:
        raise TrainingDataError(f"clocks[{rule_id}].{err.field}", err.reason) from None
    status, overrun, actual = (None, None, None) if finding is None else (finding.status, finding.overrun,
                                                                            finding.actual)
    return Outcome(rule_id, custody.load_rules().rule(rule_id).title, deadline.starts_at, deadline.due, actual,
                   status, overrun, None, False, deadline.basis, tuple(deadline.source_lines), "rules.yaml")


# --- prose ------------------------------------------------------------------------------------

def fill(text: str, cases: dict[str, Case], results: dict[str, dict[str, Outcome]], where: str,
         *, offsets: bool = False, lang=None) -> str:
    """``text`` with every placeholder replaced by the value it names (see the module's doc),
    in the words of ``lang`` (a ``catbook.training.lang.Language``; English by default)."""
    from catbook.training.lang import language
    lang = lang or language("en")
    show = lang.when_with_offset if offsets else lang.when
    format_duration = lang.duration

    def value(m: re.Match) -> str:
        what, rule_id, label = m.group(1), m.group(2), m.group(3)
        if what == "figure":
            return figure_text(rule_id, where, lang)
        if what == "verdict":
            return verdict_text(rule_id, where, lang)
        if label is None:
            if len(cases) != 1:
                raise TrainingDataError(where, f"{m.group(0)}: several cases, say which with @label")
            label = next(iter(cases))
        if label not in cases:
            raise TrainingDataError(where, f"{m.group(0)}: no case {label!r}")
        case, outcome_of = cases[label], results[label]
        if what == "arrest":
            if case.arrested_at is None:
                raise TrainingDataError(where, f"{m.group(0)}: the case has no arrest")
            return show(case.local(case.arrested_at))
        if what == "now":
            if case.now is None:
                raise TrainingDataError(where, f"{m.group(0)}: the case has no moment of checking")
            return show(case.local(case.now))
        if rule_id is None:
            raise TrainingDataError(where, f"{m.group(0)}: name a rule ({{{what}:RULE}})")
        if what == "limit":
            try:
                return lang.rule_text(custody.load_rules().rule(rule_id), "limit")
            except KeyError:
                raise TrainingDataError(where, f"{m.group(0)}: unknown rule") from None
        if rule_id not in outcome_of:
            raise TrainingDataError(where, f"{m.group(0)}: case {label!r} has no clock {rule_id}")
        o = outcome_of[rule_id]
        if what == "done":
            if o.done is None:
                raise TrainingDataError(where, f"{m.group(0)}: the act was not done")
            return show(o.done)
        if what == "start":
            return show(o.starts_at)
        if what == "due":
            return show(o.due)
        if what == "status":
            if o.status is None:
                raise TrainingDataError(where, f"{m.group(0)}: no verdict without a moment of checking")
            return lang.status(o.status)
        if what == "overrun":
            if o.overrun is None:
                raise TrainingDataError(where, f"{m.group(0)}: no overrun")
            return format_duration(o.overrun)
        if what in ("outer", "outerstatus"):
            if o.outer_due is None:
                raise TrainingDataError(where, f"{m.group(0)}: the clock has no outer bound")
            if what == "outer":
                return show(o.outer_due)
            if o.outer_status is None:
                raise TrainingDataError(where, f"{m.group(0)}: no verdict without a moment of checking")
            return lang.status(o.outer_status)
        if what == "immediately":
            if o.immediately_late is None:
                raise TrainingDataError(where, f"{m.group(0)}: the report says no 'immédiatement' of this clock")
            return format_duration(o.immediately_late)
        if o.lawful_delay_until is None:  # delay
            raise TrainingDataError(where, f"{m.group(0)}: no lawful delay applies")
        return show(o.lawful_delay_until)

    return PLACEHOLDER.sub(value, text)


def placeholders(text: str) -> list[tuple[str, str | None, str | None]]:
    return [m.groups() for m in PLACEHOLDER.finditer(text)]


def figure_text(figure_id: str | None, where: str, lang=None) -> str:
    """A figure as a reader says it: qualifier and number with thousands separators ('more than 44,000')."""
    from catbook.training.common import figures_df
    from catbook.training.lang import language
    lang = lang or language("en")
    from catbook.text.figures import FigureLookupError, figure
    try:
        row = figure(figure_id, figures=figures_df())
    except FigureLookupError:
        raise TrainingDataError(where, f"{{figure:{figure_id}}}: no such figure in the pack's figures.csv") from None
    value = float(row.value)
    number = f"{value:,.0f}" if value == int(value) else f"{value:,}"
    number = number.translate(str.maketrans({",": lang.t("number.thousands"), ".": lang.t("number.decimal")}))
    return lang.t(f"qualifier.{row.qualifier}") + number


def verdict_text(claim_id: str | None, where: str, lang=None) -> str:
    from catbook.training.common import claims_df
    from catbook.training.lang import language
    lang = lang or language("en")
    rows = claims_df()[claims_df().claim_id == claim_id]
    if rows.empty:
        raise TrainingDataError(where, f"{{verdict:{claim_id}}}: no such claim in claims.csv")
    return lang.claim_verdict(rows.verdict.iat[0])
