"""Consistency audit of a report's own numbers: the pack's ``audit.csv``.

The checks are data, rows of the pack's ``audit-checks.yaml``; each row is of a **kind**
declared in ``data/audit-check-kinds.yaml`` and implemented once here, as a pydantic model
(extra="forbid") whose ``run`` compares. A row names its figures with the line each must
come from, the words it requires in a line (``claims``), the kind's parameters and jinja2
templates of what it shows, filled from computed values (never a typed result). A bad row
raises :class:`CheckRowError` naming the file, the check, the field and the reason.

``status`` is a verdict of ``data/verdict-scale.yaml``; ``method`` is ``computed`` (the kind
decides: holds -> supported, fails -> contradicted) or ``judged`` (kind ``judged`` only shows
values and quotes; verdict and reasoning are in the pack's ``audit-judgements.yaml``).
audit.csv's ``kind`` column is the row's ``section``. Loaders take their paths as arguments
(defaults: the pack of :mod:`catbook.pack.paths`), so any pack runs through the same code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Callable, ClassVar, Literal, Union

import jinja2
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from catbook.text.figures import FigureLookupError, excerpt_pattern, figure, load_figures, parse_french_number
from catbook.pack.paths import (
    AUDIT_CHECK_KINDS_YAML, AUDIT_CHECKS_YAML, AUDIT_CSV, AUDIT_JUDGEMENTS_YAML, DATED_ACTS_CSV, FIGURES_CSV, PARAGRAPHS_CSV, VERDICT_SCALE_YAML)

JUDGEMENTS_YAML = AUDIT_JUDGEMENTS_YAML
AUDIT_COLUMNS = ["check_id", "section", "kind", "source_lines", "para_no", "description_en",
                 "computed", "reported", "status", "method", "reasoning_en"]
METHODS = {"computed", "judged"}
#: Verdicts a computed check gives: the comparison holds, or it fails.
COMPUTED_VERDICT = {True: "supported", False: "contradicted"}
DATED_ACTS_COLUMNS = ["act_id", "act_en", "event", "date_as_printed", "date_iso", "source_line", "quote_fr"]
_QUALIFIER = {"more-than": "more than ", "about": "about ", "nearly": "nearly "}

_SCALE = yaml.safe_load(VERDICT_SCALE_YAML.read_text(encoding="utf-8"))
_SHARED = yaml.safe_load(AUDIT_CHECK_KINDS_YAML.read_text(encoding="utf-8"))
#: The one verdict scale (data/verdict-scale.yaml): id -> meaning, in display order.
VERDICT_MEANINGS = {v["id"]: " ".join(v["meaning_en"].split()) for v in _SCALE["verdicts"]}
STATUSES = set(VERDICT_MEANINGS)
#: The check kinds (data/audit-check-kinds.yaml, kinds), each a model below.
CHECK_KINDS = tuple(k["id"] for k in _SHARED["kinds"])
#: What a check is about (data/audit-check-kinds.yaml, sections): audit.csv's column kind.
KINDS = tuple(s["id"] for s in _SHARED["sections"])


class AuditError(ValueError):
    """A check, a judgement or a dated act that cannot be read or run."""


class CheckRowError(AuditError):
    """A row of audit-checks.yaml that cannot be run: names the file, check, field and reason."""

    def __init__(self, file, check_id: str, field_name: str, reason: str):
        self.file, self.check_id, self.field, self.reason = Path(file).name, check_id, field_name, reason
        super().__init__(f"{self.file}: {check_id}: field {field_name}: {reason}")


def _n(x: float) -> str:
    """A number for display: integers with space thousands separators, others to 2 places."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", " ")
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _sum(values) -> str:
    """'a + b + c = s', computed ('a' alone for one value)."""
    values = list(values)
    return _n(values[0]) if len(values) == 1 else " + ".join(map(_n, values)) + f" = {_n(sum(values))}"


_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
_ENV.filters.update(n=_n, g=lambda x: f"{x:g}", fr_number=parse_french_number)


class Value(float):
    """A figure's value, with its line, period, printed form and qualified display."""

    def __new__(cls, row: pd.Series):
        v = super().__new__(cls, float(row.value))
        v.line, v.period = int(row.source_line), str(row.period)
        v.written = re.sub(r"[\u00a0\u202f]", " ", str(row.value_as_written))
        v.qualified = _QUALIFIER.get(str(row.qualifier), "") + _n(float(row.value))
        return v


@dataclass
class Ctx:
    """What a check may read (figures, dated acts, line texts); records the lines and figures
    it uses. Its errors name the file, the check and the field."""
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
        try:
            row = figure(ref.figure_id, line=ref.line, figures=self.figures)
        except FigureLookupError as e:
            raise self.error(where, f"figure {ref.figure_id}: {e.reason}"
                             if e.field == "source_line" else f"figure {ref.figure_id} is not in figures.csv") from None
        self.lines.add(ref.line)
        self.used.append(ref.figure_id)
        return Value(row)

    def figs(self, refs: list[Fig], where: str) -> list[Value]:
        return [self.fig(ref, f"{where}[{i}]") for i, ref in enumerate(refs)]

    def events(self, act_id: str, where: str, prefix: str = "", line: int | None = None) -> pd.DataFrame:
        """The dated events of an act (starting with ``prefix``, at ``line``); records their lines."""
        hit = self.acts[(self.acts.act_id == act_id) & self.acts.event.str.startswith(prefix)
                        & (self.acts.source_line == line if line else True)].copy()
        if hit.empty:
            raise self.error(where, f"dated-acts.csv has no event {prefix!r}... of act_id {act_id!r}"
                                    + (f" at line {line}" if line else ""))
        self.lines.update(int(x) for x in hit.source_line)
        hit["ts"], hit["name"] = hit.date_iso.map(pd.Timestamp), hit.event.str.removeprefix(prefix)
        return hit

    def claim(self, line: int, words: str, where: str) -> str:
        """Record a claim in words; it must be in the line."""
        if not excerpt_pattern(words).search(self.line_text(line)):
            raise self.error(where, f"line {line} does not say {words!r}")
        self.lines.add(line)
        return words


@dataclass(frozen=True)
class Outcome:
    """What a kind computes: the computed column, the comparison's outcome (None: judged)
    and the values its templates may use."""
    computed: str
    holds: bool | None
    values: dict


# ---------------------------------------------------------------------------
# The rows: what every check has, and one model per kind with its one implementation
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


class DateRef(_Model):
    act_id: str
    event: str


class Events(_Model):
    """The dated events of an act stated at one line whose event starts with ``event_prefix``."""
    act_id: str
    event_prefix: str = ""
    line: int = Field(gt=0)


class _Check(_Model):
    check_id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    section: Literal[KINDS]
    claims: list[Claim] = []
    figures: dict[str, Union[Fig, list[Fig]]] = {}   # named, for the templates
    dates: dict[str, DateRef] = {}                   # named, for the templates
    description_en: str = Field(min_length=1)
    reported_en: str = Field(min_length=1)
    computed_note_en: str = ""                       # appended to the computed column


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

    def run(self, c):
        parts = c.figs(self.parts, "parts")
        total = c.fig(self.total, "total") if self.total else self.total_value
        tol = self.tolerance if self.tolerance != "printed-rounding" else \
            sum(0.5 * 10 ** -len(v.written.partition(",")[2]) for v in parts)   # half the last digit
        s = sum(parts)
        diff = total - s
        text = _sum(parts) + ("" if diff == 0 else f"; {_n(total)} - {_n(s)} = {_n(diff)}"
                              + (f" (tolerance {_n(tol)})" if tol else ""))
        return Outcome(text, abs(diff) <= tol + 1e-9, dict(parts=parts, sum=s, total=total, difference=diff,
                                                           tolerance=tol))


class Pair(_Model):
    part: list[Fig] = Field(min_length=1)
    whole: list[Fig] = Field(min_length=1)
    label_en: str = ""


class PartWithinWhole(_Check):
    kind: Literal["part-within-whole"]
    pairs: list[Pair] = Field(min_length=1)

    def run(self, c):
        got = [(p.label_en, c.figs(p.part, f"pairs[{i}].part"), c.figs(p.whole, f"pairs[{i}].whole"))
               for i, p in enumerate(self.pairs)]
        ok = [sum(pa) <= sum(wh) for _, pa, wh in got]
        text = "; ".join((f"{lab}: " if lab else "") + f"{_sum(pa)} {'<=' if k else '>'} {_sum(wh)}"
                         for (lab, pa, wh), k in zip(got, ok))
        _, part, whole = got[0]
        return Outcome(text, all(ok), dict(parts=part, part=sum(part), whole=sum(whole),
                                           rest=sum(whole) - sum(part)))


class SameValueTwice(_Check):
    kind: Literal["same-value-twice"]
    a: Union[list[Fig], Events]
    b: Union[list[Fig], Events]

    def run(self, c):
        shown, got = [], []
        for name, spec in (("a", self.a), ("b", self.b)):
            if isinstance(spec, Events):
                ev = c.events(spec.act_id, name, spec.event_prefix, spec.line)
                shown.append(f"line {spec.line}: " + ", ".join(ev.date_iso))
                got.append(list(zip(ev.name, ev.date_iso)))
            else:
                vals = c.figs(spec, name)
                lines = sorted({v.line for v in vals})
                shown.append(f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}: "
                             + ", ".join(map(_n, vals)))
                got.append(vals)
        return Outcome("; ".join(shown), got[0] == got[1], dict(a=got[0], b=got[1]))


class _Series(_Check):
    series: list[Fig] = Field(min_length=2)
    labels: list[str] | None = None    # default: the figures' periods

    @model_validator(mode="after")
    def _labels_match(self):
        if self.labels is not None and len(self.labels) != len(self.series):
            raise ValueError(f"labels: {len(self.labels)} labels for {len(self.series)} figures")
        return self

    def _values(self, c):
        vals = c.figs(self.series, "series")
        return vals, self.labels or [v.period for v in vals]


class Monotone(_Series):
    kind: Literal["monotone"]
    direction: Literal["increasing", "decreasing"]
    strict: bool = True       # every step; else never back, and the last differs from the first
    scale: float = 1
    unit: str = ""

    def run(self, c):
        vals, labels = self._values(c)
        steps = [(b - a) * (1 if self.direction == "increasing" else -1) for a, b in zip(vals, vals[1:])]
        holds = all(d > 0 for d in steps) if self.strict else all(d >= 0 for d in steps) and vals[-1] != vals[0]
        changes = [(b - a) / self.scale for a, b in zip(vals, vals[1:])]
        shown = [(v.qualified if self.scale == 1 else _n(v / self.scale)) + self.unit for v in vals]
        return Outcome(", ".join(f"{lab}: {s}" for lab, s in zip(labels, shown)) + "; changes: "
                       + ", ".join(_n(d) + self.unit for d in changes), holds, dict(series=vals, changes=changes))


class Bound(_Series):
    kind: Literal["bound"]
    bound: Fig
    side: Literal["above", "below"]

    def run(self, c):
        (vals, labels), bound = self._values(c), c.fig(self.bound, "bound")
        above = self.side == "above"
        extreme = min(vals) if above else max(vals)
        return Outcome(f"{'minimum' if above else 'maximum'} {_n(extreme)} against {_n(bound)} ("
                       + ", ".join(f"{lab}: {_n(v)}" for lab, v in zip(labels, vals)) + ")",
                       extreme > bound if above else extreme < bound, dict(series=vals, bound=bound))


class Ratio(_Check):
    kind: Literal["ratio"]
    numerator: Fig
    denominator: Fig
    stated: float
    tolerance: float = 0

    def run(self, c):
        num, den = c.fig(self.numerator, "numerator"), c.fig(self.denominator, "denominator")
        return Outcome(f"{_n(num)} / {_n(den)} = {num / den:.3f} against {self.stated:g}",
                       abs(num / den - self.stated) <= self.tolerance + 1e-9,
                       dict(ratio=num / den, stated=self.stated))


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

    def run(self, c):
        counts, shares = c.figs(self.counts, "counts"), c.figs(self.shares, "shares")
        pct = [100.0 * x / sum(counts) for x in counts]
        holds = all(round(p, self.decimals) == s for p, s in zip(pct, shares)) and abs(sum(shares) - 100) < 1e-9
        return Outcome(_sum(counts) + "; " + ", ".join(f"{_n(x)}/{_n(sum(counts))} = {p:.{self.decimals + 1}f} %"
                                                      for x, p in zip(counts, pct)),
                       holds, dict(counts=counts, shares=shares, recomputed=pct))


class Occurrence(_Model):
    period: str
    line: int = Field(gt=0)
    words: str
    named: list[str] = Field(min_length=1)   # each must be in the words


class Occurrences(_Check):
    kind: Literal["occurrences"]
    per_period: int = Field(gt=0)
    occurrences: list[Occurrence] = Field(min_length=1)

    def run(self, c):
        for i, o in enumerate(self.occurrences):
            for w in [o.words, *o.named]:
                c.claim(o.line, w, f"occurrences[{i}]")
        return Outcome("; ".join(f"{len(o.named)} named in {o.period} ({', '.join(o.named)})"
                                 for o in self.occurrences),
                       all(len(o.named) >= self.per_period for o in self.occurrences),
                       dict(per_period=self.per_period))


class DateOrder(_Check):
    kind: Literal["date-order"]
    acts: list[str] = Field(min_length=1)
    events: list[str] = Field(min_length=2)
    relation: Literal["in-order", "same"] = "in-order"
    precision: Literal["day", "year"] = "day"

    def run(self, c):
        year = self.precision == "year"
        rows, findings, at = [], [], {}
        for act in self.acts:
            ev = c.events(act, "acts").set_index("event")
            if missing := [e for e in self.events if e not in ev.index]:
                raise c.error("events", f"act {act!r} has no event {missing[0]!r} in dated-acts.csv")
            ts = at.setdefault(act, {e: ev.loc[e, "ts"] for e in self.events})
            shown = {e: str(ts[e].year) if year else ev.loc[e, "date_iso"] for e in self.events}
            key = {e: ts[e].year if year else ts[e] for e in self.events}
            rows.append(f"{act}: " + ", ".join(f"{e} {shown[e]}" for e in self.events))
            bad = next(((a, b) for a, b in zip(self.events, self.events[1:])
                        if not (key[a] <= key[b] if self.relation == "in-order" else key[a] == key[b])), None)
            if bad:
                a, b = bad
                days = abs((ts[a] - ts[b]).days)
                gap = f"{abs(ts[a].year - ts[b].year)} years" if year or days >= 365 else f"{days} days"
                where = "before" if ts[b] < ts[a] else "after"
                rows[-1] += f" ({'out of order' if self.relation == 'in-order' else 'not the same'}: " \
                            f"{b} {gap} {where} {a})"
                findings.append(f"{ev.act_en.iloc[0]}: {b} {shown[b]}, {gap} {where} {a} ({shown[a]})")
        return Outcome("; ".join(rows), not findings, dict(findings=findings, at=at[self.acts[0]], dates=at))


class DatesWithin(_Check):
    kind: Literal["dates-within"]
    act_id: str
    event_prefix: str = ""
    lines: list[int] = Field(min_length=1)
    tolerance_days: int = Field(ge=0)

    def run(self, c):
        parts, holds, first = [], True, None
        for i, line in enumerate(self.lines):
            d = c.events(self.act_id, f"lines[{i}]", self.event_prefix, line)
            first = d if first is None else first
            median = d.ts.sort_values().iloc[len(d) // 2]
            off = d[(d.ts - median).abs().dt.days > self.tolerance_days]
            holds = holds and off.empty
            parts.append(f"line {line}: median {median.date().isoformat()}; " + (
                "; ".join(f"{e.name} {e.ts.date().isoformat()} is {abs((e.ts - median).days)} days "
                          + ("later" if e.ts > median else "earlier") for e in off.itertuples())
                or f"all within {self.tolerance_days} days"))
        events = [dict(name=e.name, printed=e.date_as_printed, date=e.date_iso) for e in first.itertuples()]
        return Outcome(f"{len(first)} dates; " + "; ".join(parts), holds, dict(events=events, count=len(first)))


class Judged(_Check):
    kind: Literal["judged"]
    computed_en: str = Field(min_length=1)

    def run(self, c):
        return Outcome("", None, {})


_KIND_MODELS = (SumEqualsTotal, PartWithinWhole, SameValueTwice, Monotone, Bound, Ratio, ShareRecomputed,
                Occurrences, DateOrder, DatesWithin, Judged)
CheckRow = Annotated[Union[_KIND_MODELS], Field(discriminator="kind")]
_ROW = TypeAdapter(CheckRow)
if {m.model_fields["kind"].annotation.__args__[0] for m in _KIND_MODELS} != set(CHECK_KINDS):
    raise AuditError(f"audit-check-kinds.yaml: kinds {sorted(CHECK_KINDS)} are not the implemented ones")


# ---------------------------------------------------------------------------
# Loading and running
# ---------------------------------------------------------------------------

def load_checks(path=AUDIT_CHECKS_YAML) -> list[_Check]:
    """The rows of a pack's audit-checks.yaml, validated; a bad row raises :class:`CheckRowError`."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) != {"checks"} or not isinstance(data["checks"], list):
        raise CheckRowError(path, "-", "checks", "the file must hold one key, checks: a list of rows")
    rows, seen = [], set()
    for i, raw in enumerate(data["checks"]):
        raw = raw if isinstance(raw, dict) else {}
        cid = str(raw.get("check_id", f"checks[{i}]"))
        if raw.get("kind") not in CHECK_KINDS:
            raise CheckRowError(path, cid, "kind", f"{raw.get('kind')!r} is not one of {list(CHECK_KINDS)}")
        try:
            row = _ROW.validate_python(raw)
        except ValidationError as e:
            err = e.errors()[0]
            loc = "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in err["loc"][1:]).lstrip(".")
            raise CheckRowError(path, cid, loc or "(row)", err["msg"]) from None
        if row.check_id in seen:
            raise CheckRowError(path, cid, "check_id", "duplicate check id")
        seen.add(row.check_id)
        rows.append(row)
    return rows


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


def load_judgements(path=JUDGEMENTS_YAML) -> dict[str, dict]:
    """Verdicts and reasoning of the judged checks, keyed by check_id (none if no file)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {} if Path(path).exists() else {}
    for cid, j in data.items():
        if not isinstance(j, dict) or j.get("status") not in STATUSES:
            raise AuditError(f"audit-judgements: {cid}: field status must be one of {sorted(STATUSES)}")
        if not str(j.get("reasoning_en") or "").strip():
            raise AuditError(f"audit-judgements: {cid}: field reasoning_en is required")
        if set(j) - {"status", "reasoning_en"}:
            raise AuditError(f"audit-judgements: {cid}: field {sorted(set(j) - {'status', 'reasoning_en'})[0]} "
                             "is not one of status, reasoning_en")
    return data


def _read_csv(path, **types) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return df.astype(types)


@dataclass(frozen=True)
class CheckResult:
    """A row of audit.csv before its verdict, and the lines and figures it read."""
    check: _Check
    computed: str
    reported: str
    description_en: str
    holds: bool | None
    lines: tuple[int, ...]
    used: tuple[str, ...]


def run_check(row: _Check, c: Ctx) -> CheckResult:
    """Run one row: its claims, its named figures and dates, its kind; fill its templates."""
    context: dict = {"claims": [cl.words for cl in row.claims]}
    for i, cl in enumerate(row.claims):
        c.claim(cl.line, cl.words, f"claims[{i}]")
        for name, w in cl.numbers.items():
            c.claim(cl.line, w, f"claims[{i}].numbers.{name}")
            context[name] = parse_french_number(w)
    for name, ref in row.figures.items():
        context[name] = c.figs(ref, f"figures.{name}") if isinstance(ref, list) else c.fig(ref, f"figures.{name}")
    for name, ref in row.dates.items():
        hit = c.acts[(c.acts.act_id == ref.act_id) & (c.acts.event == ref.event)]
        if len(hit) != 1:
            raise c.error(f"dates.{name}", f"dated-acts.csv has {len(hit)} rows for {ref.act_id!r}, {ref.event!r}")
        c.lines.add(int(hit.iloc[0].source_line))
        context[name] = pd.Timestamp(hit.iloc[0].date_iso)
    out = row.run(c)
    context.update(out.values)

    def render(field_name: str) -> str:
        try:
            text = _ENV.from_string(getattr(row, field_name)).render(**context)
        except jinja2.TemplateError as e:
            raise c.error(field_name, f"template: {e}") from None
        return re.sub(r"[ \t\r\n]+", " ", text).strip()

    computed = render("computed_en") if isinstance(row, Judged) else out.computed
    if row.computed_note_en:
        computed += "; " + render("computed_note_en")
    return CheckResult(row, computed, render("reported_en"), render("description_en"), out.holds,
                       tuple(sorted(c.lines)), tuple(c.used))


def check_results(figures: pd.DataFrame | None = None, *, checks_path=AUDIT_CHECKS_YAML, figures_path=FIGURES_CSV,
                  dated_acts: pd.DataFrame | None = None, dated_acts_path=DATED_ACTS_CSV,
                  paragraphs_path=PARAGRAPHS_CSV) -> list[CheckResult]:
    """Run every row of a pack's audit-checks.yaml, in file order."""
    if figures is None:
        figures = load_figures() if Path(figures_path) == FIGURES_CSV else \
            _read_csv(figures_path, value=float, source_line=int)
    if dated_acts is None:   # a pack may have no dated acts
        dated_acts = load_dated_acts(dated_acts_path) if Path(dated_acts_path).exists() else \
            pd.DataFrame({c: pd.Series(dtype=int if c == "source_line" else str) for c in DATED_ACTS_COLUMNS})
    acts = dated_acts
    paras = _read_csv(paragraphs_path, source_line=int)
    text_of = dict(zip(paras.source_line, paras.text))
    return [run_check(row, Ctx(Path(checks_path).name, row.check_id, figures, acts, lambda n: text_of.get(n, "")))
            for row in load_checks(checks_path)]


def run_audit(figures: pd.DataFrame | None = None, *, judgements_path=JUDGEMENTS_YAML,
              paragraphs_path=PARAGRAPHS_CSV, **paths) -> pd.DataFrame:
    """Run every check; one row per check, in the order of audit-checks.yaml. ``paths``:
    checks_path, figures_path, dated_acts (a table) or dated_acts_path (see check_results)."""
    results = check_results(figures, paragraphs_path=paragraphs_path, **paths)
    paras = _read_csv(paragraphs_path, source_line=int)
    section_of = dict(zip(paras.source_line, paras.section))
    para_of = {n: int(p) for n, p in zip(paras.source_line, paras.para_no) if p.strip()}
    judgements = load_judgements(judgements_path)
    if extra := set(judgements) - {r.check.check_id for r in results}:
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
        rows.append({"check_id": cid, "section": ";".join(dict.fromkeys(section_of[n] for n in res.lines)),
                     "kind": res.check.section, "source_lines": ";".join(map(str, res.lines)),
                     "para_no": ";".join(map(str, sorted({para_of[n] for n in res.lines if n in para_of}))),
                     "description_en": res.description_en, "computed": res.computed, "reported": res.reported,
                     "status": status, "method": method, "reasoning_en": reasoning})
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def write_audit(path=AUDIT_CSV, **paths) -> pd.DataFrame:
    df = run_audit(**paths)
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return df


if __name__ == "__main__":
    out = write_audit()
    print(out[["check_id", "method", "status"]].to_string(index=False))
