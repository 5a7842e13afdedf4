"""Consistency audit of a report's own numbers: the pack's ``audit.csv``.

The checks are data: one row per check in the pack's ``audit-checks.yaml``, each of a
**kind** declared once in ``data/audit-check-kinds.yaml`` and implemented once here
(:data:`KIND_RUNNERS`). A row names its figures by ``figure_id`` together with the line
each must come from (a renumbered table fails loudly instead of auditing the wrong
number), the words it requires in a line (``claims``: "augmente chaque année" must be in
the line it cites), the kind's parameters, and jinja2 templates for what it shows.

Verdicts
--------
Every row carries a verdict of the book's one scale (``data/verdict-scale.yaml``) in
``status``, and says how it was reached in ``method``:

computed  the kind compares the numbers (or dates) and decides: the comparison holds ->
          ``supported``, it fails -> ``contradicted``.
judged    kind ``judged``: no comparison decides (different scope, missing base, a legal
          reference that must be read); the check only shows values and quotes, and the
          verdict and its reasoning are data, in the pack's ``audit-judgements.yaml``.

Descriptions carry no typed results: ``description_en``, ``reported_en`` and the
``judged`` rows' ``computed_en`` are templates filled from the figures and the kind's
computed values (a test holds that every number of a description is in the quoted lines
or computed). Each row's ``section`` (audit.csv column ``kind``) says what it is about,
one of the sections of ``data/audit-check-kinds.yaml``.

Columns of ``audit.csv``: :data:`AUDIT_COLUMNS`; source_lines (";"-separated, ascending),
para_no (the official paragraphs of those lines, ";"-separated, from paragraphs.csv).
Every loader takes its paths as arguments, defaulting to the pack of :mod:`catbook.paths`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Callable, Literal, Union

import jinja2
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from .figures import excerpt_pattern, load_figures, parse_french_number
from .paths import (AUDIT_CHECK_KINDS_YAML, AUDIT_CHECKS_YAML, AUDIT_CSV, AUDIT_JUDGEMENTS_YAML,
                    DATED_ACTS_CSV, FIGURES_CSV, PARAGRAPHS_CSV, VERDICT_SCALE_YAML)

JUDGEMENTS_YAML = AUDIT_JUDGEMENTS_YAML
AUDIT_COLUMNS = ["check_id", "section", "kind", "source_lines", "para_no", "description_en",
                 "computed", "reported", "status", "method", "reasoning_en"]
METHODS = {"computed", "judged"}
#: Verdicts a computed check gives: the comparison holds, or it fails.
COMPUTED_VERDICT = {True: "supported", False: "contradicted"}
DATED_ACTS_COLUMNS = ["act_id", "act_en", "event", "date_as_printed", "date_iso", "source_line", "quote_fr"]
_QUALIFIER = {"more-than": "more than ", "about": "about ", "nearly": "nearly "}


class AuditError(ValueError):
    """A check refers to a figure, a date or a claim that is not where it expects."""


class CheckRowError(AuditError):
    """A row of audit-checks.yaml that cannot be run: names the file, check, field and reason."""

    def __init__(self, file, check_id: str, field_name: str, reason: str):
        self.file, self.check_id, self.field, self.reason = Path(file).name, check_id, field_name, reason
        super().__init__(f"{self.file}: {check_id}: field {field_name}: {reason}")


def _shared_kinds(path=AUDIT_CHECK_KINDS_YAML) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _verdict_meanings() -> dict[str, str]:
    scale = yaml.safe_load(VERDICT_SCALE_YAML.read_text(encoding="utf-8"))
    return {v["id"]: " ".join(v["meaning_en"].split()) for v in scale["verdicts"]}


#: The one verdict scale (data/verdict-scale.yaml): id -> meaning, in display order.
VERDICT_MEANINGS = _verdict_meanings()
STATUSES = set(VERDICT_MEANINGS)
#: The check kinds (data/audit-check-kinds.yaml, kinds), each implemented once below.
CHECK_KINDS = tuple(k["id"] for k in _shared_kinds()["kinds"])
#: What a check is about (data/audit-check-kinds.yaml, sections): audit.csv's column kind.
KINDS = tuple(s["id"] for s in _shared_kinds()["sections"])


# ---------------------------------------------------------------------------
# The rows: one pydantic model per kind (extra="forbid")
# ---------------------------------------------------------------------------

class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Fig(_Model):
    """A figure of figures.csv and the line it must come from."""
    figure_id: str
    line: int = Field(gt=0)


class Claim(_Model):
    """Words the check requires in a line; ``numbers`` names words of them read as numbers."""
    line: int = Field(gt=0)
    words: str = Field(min_length=1)
    numbers: dict[str, str] = {}

    @model_validator(mode="after")
    def _numbers_in_words(self):
        for name, w in self.numbers.items():
            if not excerpt_pattern(w).search(self.words.replace("'", "\u2019")):
                raise ValueError(f"numbers.{name}: {w!r} is not in the words {self.words!r}")
        return self


class DateRef(_Model):
    """One dated event of an act (report/dated-acts.csv)."""
    act_id: str
    event: str


class Events(_Model):
    """The dated events of an act stated at one line, whose event starts with ``event_prefix``."""
    act_id: str
    event_prefix: str = ""
    line: int = Field(gt=0)


class _Check(_Model):
    check_id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    section: str
    claims: list[Claim] = []
    figures: dict[str, Union[Fig, list[Fig]]] = {}   # named, for the templates
    dates: dict[str, DateRef] = {}                   # named, for the templates
    description_en: str = Field(min_length=1)
    reported_en: str = Field(min_length=1)
    computed_note_en: str = ""                       # appended to the computed column

    @model_validator(mode="after")
    def _section_known(self):
        if self.section not in KINDS:
            raise ValueError(f"section {self.section!r} is not one of {list(KINDS)}")
        return self


class SumEqualsTotal(_Check):
    kind: Literal["sum-equals-total"]
    parts: list[Fig] = Field(min_length=1)
    total: Fig | None = None
    total_value: float | None = None
    tolerance: Union[float, Literal["printed-rounding"]] = 0

    @model_validator(mode="after")
    def _one_total(self):
        if (self.total is None) == (self.total_value is None):
            raise ValueError("give exactly one of total and total_value")
        return self


class Pair(_Model):
    part: list[Fig] = Field(min_length=1)
    whole: list[Fig] = Field(min_length=1)
    label_en: str = ""


class PartWithinWhole(_Check):
    kind: Literal["part-within-whole"]
    pairs: list[Pair] = Field(min_length=1)


class SameValueTwice(_Check):
    kind: Literal["same-value-twice"]
    a: Union[list[Fig], Events]
    b: Union[list[Fig], Events]


class _Series(_Check):
    series: list[Fig] = Field(min_length=2)
    labels: list[str] | None = None

    @model_validator(mode="after")
    def _labels_match(self):
        if self.labels is not None and len(self.labels) != len(self.series):
            raise ValueError(f"labels: {len(self.labels)} labels for {len(self.series)} figures")
        return self


class Monotone(_Series):
    kind: Literal["monotone"]
    direction: Literal["increasing", "decreasing"]
    strict: bool = True
    scale: float = 1
    unit: str = ""


class Bound(_Series):
    kind: Literal["bound"]
    bound: Fig
    side: Literal["above", "below"]


class Ratio(_Check):
    kind: Literal["ratio"]
    numerator: Fig
    denominator: Fig
    stated: float
    tolerance: float = 0


class ShareRecomputed(_Check):
    kind: Literal["share-recomputed"]
    counts: list[Fig] = Field(min_length=2)
    shares: list[Fig] = Field(min_length=2)
    decimals: int = Field(0, ge=0)

    @model_validator(mode="after")
    def _one_share_per_count(self):
        if len(self.counts) != len(self.shares):
            raise ValueError(f"shares: {len(self.shares)} shares for {len(self.counts)} counts")
        return self


class Occurrence(_Model):
    period: str
    line: int = Field(gt=0)
    words: str
    named: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _named_in_words(self):
        for w in self.named:
            if w not in self.words:
                raise ValueError(f"named: {w!r} is not in the words {self.words!r}")
        return self


class Occurrences(_Check):
    kind: Literal["occurrences"]
    per_period: int = Field(gt=0)
    occurrences: list[Occurrence] = Field(min_length=1)


class DateOrder(_Check):
    kind: Literal["date-order"]
    acts: list[str] = Field(min_length=1)
    events: list[str] = Field(min_length=2)
    relation: Literal["in-order", "same"] = "in-order"
    precision: Literal["day", "year"] = "day"


class DatesWithin(_Check):
    kind: Literal["dates-within"]
    act_id: str
    event_prefix: str = ""
    lines: list[int] = Field(min_length=1)
    tolerance_days: int = Field(ge=0)


class Judged(_Check):
    kind: Literal["judged"]
    computed_en: str = Field(min_length=1)


CheckRow = Annotated[Union[SumEqualsTotal, PartWithinWhole, SameValueTwice, Monotone, Bound, Ratio,
                           ShareRecomputed, Occurrences, DateOrder, DatesWithin, Judged],
                     Field(discriminator="kind")]
_ROW = TypeAdapter(CheckRow)


def load_checks(path=AUDIT_CHECKS_YAML) -> list[CheckRow]:
    """The rows of a pack's audit-checks.yaml, validated; a bad row raises :class:`CheckRowError`."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) != {"checks"} or not isinstance(data["checks"], list):
        raise CheckRowError(path, "-", "checks", "the file must hold one key, checks: a list of rows")
    rows, seen = [], set()
    for i, raw in enumerate(data["checks"]):
        cid = str(raw.get("check_id", f"checks[{i}]")) if isinstance(raw, dict) else f"checks[{i}]"
        kind = raw.get("kind") if isinstance(raw, dict) else None
        if kind not in CHECK_KINDS:
            raise CheckRowError(path, cid, "kind", f"{kind!r} is not one of {list(CHECK_KINDS)}")
        try:
            row = _ROW.validate_python(raw)
        except ValidationError as e:
            err = e.errors()[0]
            loc = [str(x) for x in err["loc"][1:]] or ["(row)"]
            raise CheckRowError(path, cid, ".".join(loc), err["msg"]) from None
        if row.check_id in seen:
            raise CheckRowError(path, cid, "check_id", "duplicate check id")
        seen.add(row.check_id)
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------
# Inputs: figures, dated acts, judgements, paragraphs
# ---------------------------------------------------------------------------

def _read_figures(path=FIGURES_CSV) -> pd.DataFrame:
    if Path(path) == FIGURES_CSV:
        return load_figures()
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    df["value"] = df["value"].astype(float)
    df["source_line"] = df["source_line"].astype(int)
    return df


def load_dated_acts(path=DATED_ACTS_CSV) -> pd.DataFrame:
    """Dated events of legal acts as the report prints them, each with its line and quote."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(df.columns) != DATED_ACTS_COLUMNS:
        raise AuditError(f"dated-acts: columns {list(df.columns)} are not {DATED_ACTS_COLUMNS}")
    for r in df.itertuples():
        for col in DATED_ACTS_COLUMNS:
            if not getattr(r, col):
                raise AuditError(f"dated-acts: {r.act_id or r.Index}: field {col} is empty")
        try:
            pd.Timestamp(r.date_iso)
        except ValueError as e:
            raise AuditError(f"dated-acts: {r.act_id}: field date_iso {r.date_iso!r} is not a date") from e
    df["source_line"] = df.source_line.astype(int)
    return df


class Judgement(_Model):
    status: str
    reasoning_en: str = ""


def load_judgements(path=JUDGEMENTS_YAML) -> dict[str, dict]:
    """Verdicts and reasoning of the judged checks, keyed by check_id."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    for cid, j in data.items():
        if not isinstance(j, dict) or j.get("status") not in STATUSES:
            raise AuditError(f"audit-judgements: {cid}: field status must be one of {sorted(STATUSES)}")
        if not str(j.get("reasoning_en") or "").strip():
            raise AuditError(f"audit-judgements: {cid}: field reasoning_en is required")
        Judgement.model_validate(j)
    return data


# ---------------------------------------------------------------------------
# Formatting and templates
# ---------------------------------------------------------------------------

def _n(x: float) -> str:
    """A number for display: integers with space thousands separators, others to 2 places."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", " ")
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _sum(values) -> str:
    """'a + b + c = s', computed ('a' alone for one value)."""
    values = list(values)
    return _n(values[0]) if len(values) == 1 else " + ".join(map(_n, values)) + f" = {_n(sum(values))}"


def _lines(values) -> str:
    lines = sorted({v.line for v in values})
    return ("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines))


def _half_unit(written: str) -> float:
    """Half a unit of the last printed digit: '92' -> 0.5, '4,4' -> 0.05."""
    decimals = written.strip().partition(",")[2]
    return 0.5 * 10 ** -len(decimals)


_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
_ENV.filters.update(n=_n, g=lambda x: f"{x:g}", fr_number=parse_french_number)


class Value(float):
    """A figure's value, with its line, period, printed form and qualified display."""
    line: int
    period: str
    written: str
    qualified: str

    def __new__(cls, row: pd.Series):
        v = super().__new__(cls, float(row.value))
        v.line, v.period, v.written = int(row.source_line), str(row.period), str(row.value_as_written)
        v.qualified = _QUALIFIER.get(str(row.qualifier), "") + _n(float(row.value))
        return v


# ---------------------------------------------------------------------------
# Running a row: what a kind may read, and what it returns
# ---------------------------------------------------------------------------

@dataclass
class Ctx:
    """What a check may read: figures, dated acts and line texts; it records the lines and
    figures used. Errors name the file, the check and the field."""
    file: str
    check_id: str
    figures: pd.DataFrame
    acts: pd.DataFrame
    line_text: Callable[[int], str]
    lines: set[int] = field(default_factory=set)
    used: list[str] = field(default_factory=list)

    def error(self, field_name: str, reason: str) -> CheckRowError:
        return CheckRowError(self.file, self.check_id, field_name, reason)

    def fig(self, ref: Fig, where: str) -> Value:
        hit = self.figures[self.figures.figure_id == ref.figure_id]
        if hit.empty:
            raise self.error(where, f"figure {ref.figure_id} is not in figures.csv")
        r = hit.iloc[0]
        if int(r.source_line) != ref.line:
            raise self.error(where, f"figure {ref.figure_id} is on line {r.source_line}, "
                                    f"the check expects line {ref.line}")
        self.lines.add(ref.line)
        self.used.append(ref.figure_id)
        return Value(r)

    def figs(self, refs: list[Fig], where: str) -> list[Value]:
        return [self.fig(ref, f"{where}[{i}]") for i, ref in enumerate(refs)]

    def events(self, act_id: str, where: str, prefix: str = "", line: int | None = None) -> pd.DataFrame:
        hit = self.acts[(self.acts.act_id == act_id) & self.acts.event.str.startswith(prefix)]
        if line is not None:
            hit = hit[hit.source_line == line]
        if hit.empty:
            raise self.error(where, f"dated-acts.csv has no event of act_id {act_id!r}"
                                    + (f" starting {prefix!r}" if prefix else "") + (f" at line {line}" if line else ""))
        self.lines.update(int(x) for x in hit.source_line)
        hit = hit.copy()
        hit["ts"] = hit.date_iso.map(pd.Timestamp)
        hit["name"] = hit.event.str.removeprefix(prefix)
        return hit

    def date(self, ref: DateRef, where: str) -> pd.Timestamp:
        hit = self.acts[(self.acts.act_id == ref.act_id) & (self.acts.event == ref.event)]
        if len(hit) != 1:
            raise self.error(where, f"dated-acts.csv has {len(hit)} rows for act_id {ref.act_id!r}, "
                                    f"event {ref.event!r}")
        self.lines.add(int(hit.iloc[0].source_line))
        return pd.Timestamp(hit.iloc[0].date_iso)

    def claim(self, line: int, words: str, where: str) -> str:
        """Record a claim in words; it must be in the line."""
        if not excerpt_pattern(words).search(self.line_text(line)):
            raise self.error(where, f"line {line} does not say {words!r}")
        self.lines.add(line)
        return words


@dataclass(frozen=True)
class Outcome:
    """What a kind computes: the computed column, the comparison's outcome (None: judged),
    and the values its templates may use."""
    computed: str
    holds: bool | None
    values: dict


def _sum_equals_total(r: SumEqualsTotal, c: Ctx) -> Outcome:
    parts = c.figs(r.parts, "parts")
    total = c.fig(r.total, "total") if r.total else r.total_value
    tol = sum(_half_unit(v.written) for v in parts) if r.tolerance == "printed-rounding" else r.tolerance
    s = sum(parts)
    diff = total - s
    text = _sum(parts) + ("" if diff == 0 else f"; {_n(total)} - {_n(s)} = {_n(diff)}"
                          + (f" (tolerance {_n(tol)})" if tol else ""))
    return Outcome(text, abs(diff) <= tol + 1e-9,
                   dict(parts=parts, sum=s, total=total, difference=diff, tolerance=tol))


def _part_within_whole(r: PartWithinWhole, c: Ctx) -> Outcome:
    results = []
    for i, p in enumerate(r.pairs):
        part, whole = c.figs(p.part, f"pairs[{i}].part"), c.figs(p.whole, f"pairs[{i}].whole")
        ok = sum(part) <= sum(whole)
        results.append((p.label_en, part, whole, ok))
    text = "; ".join((f"{lab}: " if lab else "") + f"{_sum(pa)} {'<=' if ok else '>'} {_sum(wh)}"
                     for lab, pa, wh, ok in results)
    _, part, whole, _ = results[0]
    return Outcome(text, all(ok for *_, ok in results),
                   dict(parts=part, part=sum(part), whole=sum(whole), rest=sum(whole) - sum(part)))


def _side(spec, c: Ctx, where: str) -> tuple[str, list]:
    if isinstance(spec, Events):
        ev = c.events(spec.act_id, where, spec.event_prefix, spec.line)
        return f"line {spec.line}: " + ", ".join(ev.date_iso), list(zip(ev.name, ev.date_iso))
    vals = c.figs(spec, where)
    return f"{_lines(vals)}: " + ", ".join(map(_n, vals)), vals


def _same_value_twice(r: SameValueTwice, c: Ctx) -> Outcome:
    (ta, a), (tb, b) = _side(r.a, c, "a"), _side(r.b, c, "b")
    return Outcome(f"{ta}; {tb}", a == b, dict(a=a, b=b))


def _labels(r: _Series, values: list[Value]) -> list[str]:
    return r.labels or [v.period for v in values]


def _monotone(r: Monotone, c: Ctx) -> Outcome:
    vals = c.figs(r.series, "series")
    steps = [b - a for a, b in zip(vals, vals[1:])]
    sign = 1 if r.direction == "increasing" else -1
    holds = all(sign * d > 0 for d in steps) if r.strict else \
        all(sign * d >= 0 for d in steps) and vals[-1] != vals[0]
    shown = [(v.qualified if r.scale == 1 else _n(v / r.scale)) + r.unit for v in vals]
    changes = [d / r.scale for d in steps]
    text = (", ".join(f"{lab}: {s}" for lab, s in zip(_labels(r, vals), shown))
            + "; changes: " + ", ".join(_n(d) + r.unit for d in changes))
    return Outcome(text, holds, dict(series=vals, changes=changes))


def _bound(r: Bound, c: Ctx) -> Outcome:
    vals, bound = c.figs(r.series, "series"), c.fig(r.bound, "bound")
    above = r.side == "above"
    holds = all(v > bound if above else v < bound for v in vals)
    extreme = min(vals) if above else max(vals)
    text = (f"{'minimum' if above else 'maximum'} {_n(extreme)} against {_n(bound)} ("
            + ", ".join(f"{lab}: {_n(v)}" for lab, v in zip(_labels(r, vals), vals)) + ")")
    return Outcome(text, holds, dict(series=vals, bound=bound, extreme=extreme))


def _ratio(r: Ratio, c: Ctx) -> Outcome:
    num, den = c.fig(r.numerator, "numerator"), c.fig(r.denominator, "denominator")
    ratio = num / den
    return Outcome(f"{_n(num)} / {_n(den)} = {ratio:.3f} against {r.stated:g}",
                   abs(ratio - r.stated) <= r.tolerance + 1e-9, dict(ratio=ratio, stated=r.stated))


def _share_recomputed(r: ShareRecomputed, c: Ctx) -> Outcome:
    counts, shares = c.figs(r.counts, "counts"), c.figs(r.shares, "shares")
    total = sum(counts)
    pct = [100.0 * x / total for x in counts]
    holds = all(round(p, r.decimals) == s for p, s in zip(pct, shares)) and abs(sum(shares) - 100) < 1e-9
    text = _sum(counts) + "; " + ", ".join(f"{_n(x)}/{_n(total)} = {p:.{r.decimals + 1}f} %"
                                          for x, p in zip(counts, pct))
    return Outcome(text, holds, dict(counts=counts, shares=shares, total=total, recomputed=pct))


def _occurrences(r: Occurrences, c: Ctx) -> Outcome:
    for i, o in enumerate(r.occurrences):
        c.claim(o.line, o.words, f"occurrences[{i}].words")
    holds = all(len(o.named) >= r.per_period for o in r.occurrences)
    text = "; ".join(f"{len(o.named)} named in {o.period} ({', '.join(o.named)})" for o in r.occurrences)
    return Outcome(text, holds, dict(per_period=r.per_period))


def _gap(later: pd.Timestamp, earlier: pd.Timestamp, precision: str) -> str:
    years = later.year - earlier.year
    return f"{years} years" if precision == "year" or abs(years) >= 1 and abs((later - earlier).days) >= 365 \
        else f"{(later - earlier).days} days"


def _date_order(r: DateOrder, c: Ctx) -> Outcome:
    key = (lambda t: t.year) if r.precision == "year" else (lambda t: t)
    rows, findings, at = [], [], {}
    for act in r.acts:
        ev = c.events(act, "acts").set_index("event")
        missing = [e for e in r.events if e not in ev.index]
        if missing:
            raise c.error("events", f"act {act!r} has no event {missing[0]!r} in dated-acts.csv")
        ts = {e: ev.loc[e, "ts"] for e in r.events}
        at.setdefault(act, ts)
        shown = {e: (str(ts[e].year) if r.precision == "year" else ev.loc[e, "date_iso"]) for e in r.events}
        bad = None
        for a, b in zip(r.events, r.events[1:]):
            ok = key(ts[a]) <= key(ts[b]) if r.relation == "in-order" else key(ts[a]) == key(ts[b])
            if not ok:
                bad = (a, b)
                break
        line = f"{act}: " + ", ".join(f"{e} {shown[e]}" for e in r.events)
        if bad:
            a, b = bad
            if r.relation == "in-order":
                gap = f"{b} {_gap(ts[a], ts[b], r.precision)} before {a}"
                findings.append(f"{ev.act_en.iloc[0]}: {b} {shown[b]}, {_gap(ts[a], ts[b], r.precision)} "
                                f"before {a} ({shown[a]})")
            else:
                gap = f"{b} {_gap(ts[b], ts[a], r.precision)} after {a}"
                findings.append(f"{ev.act_en.iloc[0]}: {b} {shown[b]}, {_gap(ts[b], ts[a], r.precision)} "
                                f"after {a} ({shown[a]})")
            line += f" (out of order: {gap})" if r.relation == "in-order" else f" (not the same: {gap})"
        rows.append(line)
    return Outcome("; ".join(rows), not findings, dict(findings=findings, at=at[r.acts[0]], dates=at))


def _dates_within(r: DatesWithin, c: Ctx) -> Outcome:
    parts, holds, first = [], True, None
    for i, line in enumerate(r.lines):
        d = c.events(r.act_id, f"lines[{i}]", r.event_prefix, line)
        first = d if first is None else first
        median = d.ts.sort_values().iloc[len(d) // 2]
        off = d[(d.ts - median).abs().dt.days > r.tolerance_days]
        holds = holds and off.empty
        parts.append(f"line {line}: median {median.date().isoformat()}; " + (
            "; ".join(f"{e.name} {e.ts.date().isoformat()} is {abs((e.ts - median).days)} days "
                      + ("later" if e.ts > median else "earlier")
                      for e in off.itertuples())
            if not off.empty else f"all within {r.tolerance_days} days"))
    events = [dict(name=e.name, printed=e.date_as_printed, date=e.date_iso) for e in first.itertuples()]
    return Outcome(f"{len(first)} dates; " + "; ".join(parts), holds, dict(events=events, count=len(first)))


def _judged(r: Judged, c: Ctx) -> Outcome:
    return Outcome("", None, {})


#: The one implementation of each check kind.
KIND_RUNNERS: dict[str, Callable[[_Check, Ctx], Outcome]] = {
    "sum-equals-total": _sum_equals_total, "part-within-whole": _part_within_whole,
    "same-value-twice": _same_value_twice, "monotone": _monotone, "bound": _bound, "ratio": _ratio,
    "share-recomputed": _share_recomputed, "occurrences": _occurrences, "date-order": _date_order,
    "dates-within": _dates_within, "judged": _judged,
}
if set(KIND_RUNNERS) != set(CHECK_KINDS):
    raise AuditError(f"audit-check-kinds.yaml: kinds {sorted(CHECK_KINDS)} are not the implemented "
                     f"{sorted(KIND_RUNNERS)}")


@dataclass(frozen=True)
class CheckResult:
    """A row of audit.csv before its verdict, and the figures it read."""
    check: _Check
    computed: str
    reported: str
    description_en: str
    holds: bool | None
    lines: tuple[int, ...]
    used: tuple[str, ...]


def _render(c: Ctx, field_name: str, template: str, context: dict) -> str:
    try:
        return re.sub(r"[ \t\r\n]+", " ", _ENV.from_string(template).render(**context)).strip()
    except jinja2.TemplateError as e:
        raise c.error(field_name, f"template: {e}") from None


def run_check(row: _Check, c: Ctx) -> CheckResult:
    """Run one row: its claims, its named figures and dates, its kind; fill its templates."""
    context: dict = {"claims": [cl.words for cl in row.claims]}
    for i, cl in enumerate(row.claims):
        c.claim(cl.line, cl.words, f"claims[{i}]")
        for name, w in cl.numbers.items():
            context[name] = parse_french_number(w)
    for name, ref in row.figures.items():
        context[name] = c.figs(ref, f"figures.{name}") if isinstance(ref, list) else c.fig(ref, f"figures.{name}")
    for name, ref in row.dates.items():
        context[name] = c.date(ref, f"dates.{name}")
    out = KIND_RUNNERS[row.kind](row, c)
    context.update(out.values)
    if isinstance(row, Judged):
        computed = _render(c, "computed_en", row.computed_en, context)
    else:
        computed = out.computed
    if row.computed_note_en:
        computed += "; " + _render(c, "computed_note_en", row.computed_note_en, context)
    return CheckResult(row, computed, _render(c, "reported_en", row.reported_en, context),
                       _render(c, "description_en", row.description_en, context), out.holds,
                       tuple(sorted(c.lines)), tuple(c.used))


def _read_paragraphs(path) -> pd.DataFrame:
    p = pd.read_csv(path, dtype=str, keep_default_na=False)
    p["source_line"] = p.source_line.astype(int)
    return p


def check_results(figures: pd.DataFrame | None = None, *, checks_path=AUDIT_CHECKS_YAML,
                  figures_path=FIGURES_CSV, dated_acts: pd.DataFrame | None = None,
                  dated_acts_path=DATED_ACTS_CSV, paragraphs_path=PARAGRAPHS_CSV) -> list[CheckResult]:
    """Run every row of a pack's audit-checks.yaml, in file order."""
    figures = _read_figures(figures_path) if figures is None else figures
    acts = load_dated_acts(dated_acts_path) if dated_acts is None else dated_acts
    text_of = dict(zip(*_read_paragraphs(paragraphs_path)[["source_line", "text"]].T.values))
    line_text = lambda n: text_of.get(int(n), "")
    return [run_check(row, Ctx(Path(checks_path).name, row.check_id, figures, acts, line_text))
            for row in load_checks(checks_path)]


def run_audit(figures: pd.DataFrame | None = None, *, checks_path=AUDIT_CHECKS_YAML,
              judgements_path=JUDGEMENTS_YAML, figures_path=FIGURES_CSV, dated_acts: pd.DataFrame | None = None,
              dated_acts_path=DATED_ACTS_CSV, paragraphs_path=PARAGRAPHS_CSV) -> pd.DataFrame:
    """Run every check; one row per check, in the order of audit-checks.yaml."""
    results = check_results(figures, checks_path=checks_path, figures_path=figures_path, dated_acts=dated_acts,
                            dated_acts_path=dated_acts_path, paragraphs_path=paragraphs_path)
    paras = _read_paragraphs(paragraphs_path)
    section_of = dict(zip(paras.source_line, paras.section))
    para_of = {n: int(p) for n, p in zip(paras.source_line, paras.para_no) if str(p).strip()}
    judgements = load_judgements(judgements_path)
    extra = set(judgements) - {r.check.check_id for r in results}
    if extra:
        raise AuditError(f"audit-judgements: check_id {sorted(extra)} is not a check")
    rows = []
    for res in results:
        cid = res.check.check_id
        if res.holds is None:
            if cid not in judgements:
                raise AuditError(f"audit-judgements: judged check {cid} has no judgement")
            status, method = judgements[cid]["status"], "judged"
            reasoning = " ".join(str(judgements[cid]["reasoning_en"]).split())
        else:
            if cid in judgements:
                raise AuditError(f"audit-judgements: {cid} is computed; it takes no judgement")
            status, method, reasoning = COMPUTED_VERDICT[bool(res.holds)], "computed", ""
        rows.append({
            "check_id": cid,
            "section": ";".join(dict.fromkeys(section_of[n] for n in res.lines)),
            "kind": res.check.section,
            "source_lines": ";".join(map(str, res.lines)),
            "para_no": ";".join(map(str, sorted({para_of[n] for n in res.lines if n in para_of}))),
            "description_en": res.description_en,
            "computed": res.computed,
            "reported": res.reported,
            "status": status,
            "method": method,
            "reasoning_en": reasoning,
        })
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def write_audit(path=AUDIT_CSV, **paths) -> pd.DataFrame:
    df = run_audit(**paths)
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return df


if __name__ == "__main__":
    out = write_audit()
    print(out[["check_id", "method", "status"]].to_string(index=False))
