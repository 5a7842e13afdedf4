"""Consistency audit of the report's own numbers: ``data/cat-c-kaz-3/audit.csv``.

Each check is code over ``data/cat-c-kaz-3/figures.csv``: it selects figures by
``figure_id`` (and states the line each id must come from, so a renumbered
table fails loudly instead of auditing the wrong number), computes, and
compares with what the report says. Where the report makes a claim in words
("augmente chaque année", "diminué de moitié", "chaque trimestre"), the check
quotes the words and :func:`claim` verifies they are in the line.

Kinds of check: totals against their parts, percentages against their bases,
the same quantity stated in two places, year-on-year changes against the
trend the text claims, and "no cases" statements against statistics.

Verdicts
--------
Every row carries a verdict of the book's one scale (``data/verdict-scale.yaml``) in
``status``, and says how it was reached in ``method``:

computed  the check's code compares the numbers (or dates) and decides: the comparison
          holds -> ``supported``, it fails -> ``contradicted``.
judged    no comparison decides (different scope, missing base, a legal reference that
          must be read); the verdict and its reasoning are data, in
          ``data/cat-c-kaz-3/audit-judgements.yaml`` keyed by check_id, never typed here.

Descriptions carry no typed results: every number in ``description_en`` is either in the
quoted lines or formatted from the check's computed values (a test holds this).

Kinds of check (``kind``): total-vs-parts, percentage, same-value-twice, trend, no-cases,
statement, date-order, legal-reference.

Columns of ``data/cat-c-kaz-3/audit.csv``: :data:`AUDIT_COLUMNS`; source_lines (";"-separated,
ascending), para_no (the official paragraphs of those lines, ";"-separated, from the
corpus).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pandas as pd
import yaml

from .corpus import load_paragraphs
from .figures import excerpt_pattern, load_figures, parse_french_number
from .paths import AUDIT_CSV, AUDIT_JUDGEMENTS_YAML, DATED_ACTS_CSV, VERDICT_SCALE_YAML
from .para_columns import para_no_value
from .source import line as source_line_text

JUDGEMENTS_YAML = AUDIT_JUDGEMENTS_YAML
AUDIT_COLUMNS = ["check_id", "section", "kind", "source_lines", "para_no", "description_en",
                 "computed", "reported", "status", "method", "reasoning_en"]
KINDS = ("total-vs-parts", "percentage", "same-value-twice", "trend", "no-cases", "statement",
         "date-order", "legal-reference")
METHODS = {"computed", "judged"}
#: Verdicts a computed check gives: the comparison holds, or it fails.
COMPUTED_VERDICT = {True: "supported", False: "contradicted"}


def _verdict_meanings() -> dict[str, str]:
    scale = yaml.safe_load(VERDICT_SCALE_YAML.read_text(encoding="utf-8"))
    return {v["id"]: " ".join(v["meaning_en"].split()) for v in scale["verdicts"]}


#: The one verdict scale (data/verdict-scale.yaml): id -> meaning, in display order.
VERDICT_MEANINGS = _verdict_meanings()
STATUSES = set(VERDICT_MEANINGS)


class AuditError(ValueError):
    """A check refers to a figure or a claim that is not where it expects."""


@dataclass
class Ctx:
    """What a check may read: figures by id, and claims by line; it records both."""
    figures: pd.DataFrame
    lines: set[int] = field(default_factory=set)
    used: list[str] = field(default_factory=list)

    def row(self, figure_id: str, line: int) -> pd.Series:
        hit = self.figures[self.figures.figure_id == figure_id]
        if hit.empty:
            raise AuditError(f"audit: figure {figure_id} is not in figures.csv")
        r = hit.iloc[0]
        if int(r.source_line) != line:
            raise AuditError(
                f"audit: figure {figure_id} is on line {r.source_line}, the check expects line {line}")
        self.lines.add(line)
        self.used.append(figure_id)
        return r

    def v(self, figure_id: str, line: int) -> float:
        """The value of a figure."""
        return float(self.row(figure_id, line).value)

    def date(self, act_id: str, event: str) -> pd.Timestamp:
        """The ISO date of an event of a dated act (data/cat-c-kaz-3/report/dated-acts.csv); records its line."""
        acts = load_dated_acts()
        hit = acts[(acts.act_id == act_id) & (acts.event == event)]
        if len(hit) != 1:
            raise AuditError(f"audit: dated-acts.csv has {len(hit)} rows for act_id {act_id!r}, event {event!r}")
        r = hit.iloc[0]
        self.lines.add(int(r.source_line))
        return pd.Timestamp(r.date_iso)

    def dates(self, act_id: str) -> pd.DataFrame:
        """All dated events of an act, lines recorded."""
        acts = load_dated_acts()
        hit = acts[acts.act_id == act_id]
        if hit.empty:
            raise AuditError(f"audit: dated-acts.csv has no act_id {act_id!r}")
        self.lines.update(int(x) for x in hit.source_line)
        return hit

    def claim(self, line: int, excerpt: str) -> str:
        """Record a claim in words; it must be in the line."""
        if not excerpt_pattern(excerpt).search(source_line_text(line)):
            raise AuditError(f"audit: line {line} does not say {excerpt!r}")
        self.lines.add(line)
        return excerpt


@dataclass(frozen=True)
class Result:
    """What a check returns. ``holds`` is the comparison's outcome (computed checks), or
    None: no comparison decides, and the verdict is read from the judgements file."""
    computed: str
    reported: str
    holds: bool | None
    description_en: str


Check = Callable[[Ctx], Result]
CHECKS: dict[str, Check] = {}
KIND_OF: dict[str, str] = {}
_current_kind = [KINDS[0]]


def _kind(kind: str) -> None:
    """Checks registered after this call are of ``kind``."""
    if kind not in KINDS:
        raise AuditError(f"audit: kind {kind!r} is not one of {KINDS}")
    _current_kind[0] = kind


def check(check_id: str, kind: str | None = None) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        if check_id in CHECKS:
            raise AuditError(f"audit: duplicate check id {check_id}")
        CHECKS[check_id] = fn
        KIND_OF[check_id] = kind or _current_kind[0]
        return fn
    return register


DATED_ACTS_COLUMNS = ["act_id", "act_en", "event", "date_as_printed", "date_iso", "source_line", "quote_fr"]


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
    """Verdicts and reasoning of the judged checks, keyed by check_id."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for cid, j in data.items():
        if not isinstance(j, dict) or j.get("status") not in STATUSES:
            raise AuditError(f"audit-judgements: {cid}: field status must be one of {sorted(STATUSES)}")
        if not str(j.get("reasoning_en") or "").strip():
            raise AuditError(f"audit-judgements: {cid}: field reasoning_en is required")
    return data


def _n(x: float) -> str:
    """A number for display: integers with space thousands separators, others to 2 places."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", " ")
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _sum(values: list[float]) -> str:
    """'a + b + c = s', computed."""
    return " + ".join(map(_n, values)) + f" = {_n(sum(values))}"


def _pct(part: float, whole: float) -> float:
    return 100.0 * part / whole


# ---------------------------------------------------------------------------
# Totals against their parts
# ---------------------------------------------------------------------------

_kind("total-vs-parts")

@check("torture-cases-2009-2012-by-agency")
def _(c: Ctx) -> Result:
    years = [c.v("art-1-4-5-006", 52), c.v("art-1-4-5-007", 52), c.v("art-1-4-5-008", 52), c.v("art-1-4-5-009", 52)]
    mia = c.v("art-1-4-5-010", 53)
    c.claim(53, "le restant contre des agents pénitentiaires")
    total = sum(years)
    ok = mia <= total
    return Result(
        f"{_sum(years)} cases; remainder against prison officers = {_n(total - mia)}",
        f"{_n(mia)} against Ministry of Internal Affairs officers, 'the rest' against prison officers",
        (ok),
        f"Torture cases opened 2009-2012 (line 52) against the {_n(mia)} said to concern Ministry of "
        f"Internal Affairs officers (line 53): the part does not exceed the total; the rest "
        f"({_n(total - mia)}) is not stated.")


@check("torture-convictions-custodial-share")
def _(c: Ctx) -> Result:
    prison, p_pct = c.v("art-1-4-5-011", 55), c.v("art-1-4-5-012", 55)
    other, o_pct = c.v("art-1-4-5-013", 56), c.v("art-1-4-5-014", 56)
    total = prison + other
    a, b = _pct(prison, total), _pct(other, total)
    ok = round(a) == p_pct and round(b) == o_pct and p_pct + o_pct == 100
    return Result(
        f"{_sum([prison, other])} convicted; {_n(prison)}/{_n(total)} = {a:.1f} %, "
        f"{_n(other)}/{_n(total)} = {b:.1f} %",
        f"{_n(p_pct)} % and {_n(o_pct)} %",
        (ok),
        "Persons convicted of torture: custodial vs non-custodial sentences (lines 55-56), "
        "percentages recomputed from the counts.")


@check("amnesty-2011-released-breakdown")
def _(c: Ctx) -> Result:
    c.claim(106, "Le 28 décembre 2011, une loi d'amnistie a été adoptée")
    total = c.v("art-2-029", 107)
    parts = {"women": c.v("art-2-030", 107), "disabled": c.v("art-2-031", 107),
             "elderly": c.v("art-2-032", 107), "minors": c.v("art-2-033", 107),
             "served a quarter": c.v("art-2-034", 107)}
    s = sum(parts.values())
    return Result(
        f"{_sum(list(parts.values()))} (<= total)",
        f"more than {_n(total)} released ('dont' ...)",
        (s <= total),
        "Persons released under the 2011 amnesty: the categories listed after 'dont' do not exceed "
        "the total (they need not exhaust it).")


@check("probation-staff-increase")
def _(c: Ctx) -> Result:
    total = c.v("art-2-038", 120)
    parts = [c.v("art-2-039", 120), c.v("art-2-040", 120)]
    s = sum(parts)
    return Result(_sum(parts), _n(total), (s == total),
                  "Increase in probation (inspection unit) staff: 2010 + 2011 against the stated total.")


@check("extraditions-2008-2012-by-year")
def _(c: Ctx) -> Result:
    total = c.v("co2-unheaded-333-001", 338)
    ids = ["co2-unheaded-333-002", "co2-unheaded-333-003", "co2-unheaded-333-004",
           "co2-unheaded-333-005", "co2-unheaded-333-006"]
    parts = [c.v(i, 338) for i in ids]
    s = sum(parts)
    return Result(_sum(parts), _n(total),
                  (s == total),
                  "Persons extradited at foreign request: yearly counts 2008-2012 against the period total.")


@check("extradition-refusals-2008-2012-by-year")
def _(c: Ctx) -> Result:
    total = c.v("co2-unheaded-333-007", 339)
    ids = ["co2-unheaded-333-008", "co2-unheaded-333-009", "co2-unheaded-333-010",
           "co2-unheaded-333-011", "co2-unheaded-333-012"]
    parts = [c.v(i, 339) for i in ids]
    s = sum(parts)
    return Result(_sum(parts), _n(total),
                  (s == total),
                  "Extradition refusals: yearly counts 2008-2012 against the stated total.")


@check("uzbek-extraditions-2010-within-total")
def _(c: Ctx) -> Result:
    uz, y2010 = c.v("co2-unheaded-333-013", 341), c.v("co2-unheaded-333-004", 338)
    return Result(f"{_n(uz)} <= {_n(y2010)}", f"{_n(uz)} Uzbek nationals extradited in 2010",
                  (uz <= y2010),
                  "The 29 Uzbek nationals extradited in 2010 fit within the 151 extraditions of 2010.")


@check("penitentiary-institutions-total")
def _(c: Ctx) -> Result:
    total, pen, sizo = c.v("co2-32-001", 462), c.v("co2-32-002", 462), c.v("co2-32-003", 462)
    return Result(_sum([pen, sizo]), _n(total),
                  (pen + sizo == total),
                  "Institutions of the penitentiary system: penitentiary institutions plus remand centres.")


@check("penitentiary-institutions-by-regime")
def _(c: Ctx) -> Result:
    pen = c.v("co2-32-002", 462)
    ids = ["co2-32-004", "co2-32-005", "co2-32-006", "co2-32-007", "co2-32-008", "co2-32-009", "co2-32-010"]
    parts = [c.v(i, 463) for i in ids]
    s = sum(parts)
    return Result(_sum(parts), f"{_n(pen)} penitentiary institutions",
                  (s == pen),
                  f"Penitentiary institutions by type (line 463) against the {_n(pen)} of line 462: the "
                  f"listed types add up to {_n(s)}.")


@check("trafficking-subsets")
def _(c: Ctx) -> Result:
    pairs = [  # (part, whole, label)
        ("co2-32-018", "co2-32-016", "trafficking proper <= all trafficking-related, 2011"),
        ("co2-32-019", "co2-32-017", "trafficking proper <= all trafficking-related, 2012"),
        ("co2-32-020", "co2-32-018", "sexual exploitation <= trafficking proper, 2011"),
        ("co2-32-021", "co2-32-019", "sexual exploitation <= trafficking proper, 2012"),
        ("co2-32-023", "co2-32-022", "minors, sexual exploitation <= minors, 2011"),
        ("co2-32-027", "co2-32-025", "officials <= persons prosecuted, 2012"),
        ("co2-32-028", "co2-32-026", "officials <= persons prosecuted, 2011"),
    ]
    lines = {"co2-32-025": 472, "co2-32-026": 472, "co2-32-027": 472, "co2-32-028": 472}
    bad = [lab for p, w, lab in pairs if c.v(p, lines.get(p, 470)) > c.v(w, lines.get(w, 470))]
    return Result("all parts within their totals" if not bad else "exceeds: " + "; ".join(bad),
                  "'notamment', 'dont' breakdowns", not (bad),
                  "Trafficking cases and prosecutions: each 'of which' figure against its total.")


@check("prison-population-breakdown-2013")
def _(c: Ctx) -> Result:
    total = c.v("art-2-023", 104)
    parts = [c.v("co2-32-012", 464), c.v("co2-32-013", 464), c.v("co2-32-014", 464), c.v("co2-32-015", 464)]
    s = sum(parts)
    return Result(f"{_sum(parts)} (<= {_n(total)}); women {_pct(parts[0], total):.1f} %",
                  "'dont' women, minors, foreigners, stateless",
                  (s <= total),
                  "Categories of prisoners on 1 January 2013 (line 464) against the population of line 104 "
                  "(line 464's own total is misprinted).")


# ---------------------------------------------------------------------------
# Percentages against their bases
# ---------------------------------------------------------------------------

_kind("percentage")

@check("protection-orders-shares-2012")
def _(c: Ctx) -> Result:
    men, women, minors = c.v("co2-30-31-007", 448), c.v("co2-30-31-008", 448), c.v("co2-30-31-009", 448)
    s = men + women + minors
    hi = (men + 0.5) + (women + 0.05) + (minors + 0.05)
    return Result(f"{_n(men)} + {_n(women)} + {_n(minors)} = {s:.1f} % (100 - {s:.1f} = {100 - s:.1f} points "
                  f"missing); at most {hi:.2f} % allowing for rounding",
                  "shares of protection orders against men, women and minors",
                  not (hi < 100),
                  f"Protection orders 2012 by person (line 448): the three shares are presented as the whole "
                  f"but leave {100 - s:.1f} points unaccounted for, more than rounding can explain (minors may overlap "
                  "the other groups, or a category is missing).")


@check("complaints-share-unlawful-acts")
def _(c: Ctx) -> Result:
    p08, p11 = c.v("art-13-006", 184), c.v("art-13-007", 184)
    r08, r11 = c.v("art-13-001", 184), c.v("art-13-005", 184)
    c.claim(184, "a également baissé")
    return Result(f"5.4 % -> 3.2 % (falls); if the base is requests received: about {r08 * p08 / 100:.0f} (2008) "
                  f"and {r11 * p11 / 100:.0f} (2011) complaints",
                  "'a également baissé', 5,4 % in 2008 to 3,2 % in 2011",
                  (p11 < p08),
                  "Share of complaints about unlawful acts by prison staff: the fall the text claims holds; "
                  "the base of the percentage is not stated and the series stops in 2011 while the request "
                  "counts run to 2012.")


# ---------------------------------------------------------------------------
# The same quantity stated in two places
# ---------------------------------------------------------------------------

_kind("same-value-twice")

@check("prison-population-2013-two-statements")
def _(c: Ctx) -> Result:
    a, b = c.v("art-2-023", 104), c.v("co2-32-011", 464)
    return Result(f"{_n(a)} (line 104) vs {_n(b)} (line 464)", "48 684 and '48 6864'",
                  (a == b),
                  "Prisoners held on 1 January 2013, stated twice: line 464 prints '48 6864', a misprint "
                  "(extra digit) of 48 684.")


@check("torture-cases-by-year-two-statements")
def _(c: Ctx) -> Result:
    a = [c.v(i, 52) for i in ("art-1-4-5-006", "art-1-4-5-007", "art-1-4-5-008", "art-1-4-5-009")]
    b = [c.v(i, 223) for i in ("cases-ngo-001", "cases-ngo-002", "cases-ngo-003", "cases-ngo-004")]
    return Result(f"line 52: {', '.join(map(_n, a))}; line 223: {', '.join(map(_n, b))}",
                  "torture cases opened 2009-2012", (a == b),
                  "Torture cases opened per year 2009-2012, stated in Part III (line 52) and Part V (line 223).")


@check("temporary-detention-centres-capacity-two-statements")
def _(c: Ctx) -> Result:
    a = [c.v("art-2-017", 95), c.v("art-2-018", 95), c.v("art-2-019", 96)]
    b = [c.v("co2-21-c-001", 377), c.v("co2-21-c-002", 377), c.v("co2-21-c-003", 377)]
    return Result(f"lines 95-96: {', '.join(map(_n, a))}; line 377: {', '.join(map(_n, b))}",
                  "Ust-Kamenogorsk, Taldykorgan, Kostanay capacities", (a == b),
                  "Capacities of the new temporary detention centres, stated in Part III and Part VI.")


@check("radiography-machines-31-two-statements")
def _(c: Ctx) -> Result:
    a, b = c.v("art-2-009", 82), c.v("co2-21-f-002", 387)
    c.claim(82, "ont été achetés")
    c.claim(386, "Il est prévu d'allouer")
    return Result(f"{_n(a)} bought since 2011 (line 82); {_n(b)} to be bought from the 2012 budget (line 387)",
                  "31 and 31", None,
                  "X-ray machines for prisons: the number reported as bought under 'Salamatty Kazakhstan' "
                  "(line 82) against the number to be bought from the 2012 budget (lines 386-387).")


@check("monitoring-commission-visits-2011-2012")
def _(c: Ctx) -> Result:
    v2011 = c.v("cases-ngo-018", 241)
    v2012, v2006 = c.v("co2-unheaded-275-003", 283), c.v("co2-unheaded-275-004", 283)
    c.claim(283, "augmente chaque année")
    return Result(f"2006: {_n(v2006)}; 2011: {_n(v2011)} (line 241); 2012: {_n(v2012)} (line 283)",
                  "'augmente chaque année'", None,
                  "Visits and interventions with the public monitoring commissions: the yearly increase line "
                  "283 claims, against the counts of lines 241 and 283.")


# ---------------------------------------------------------------------------
# Year-on-year changes against what the text claims
# ---------------------------------------------------------------------------

_kind("trend")

@check("prison-population-decrease-2009-2013")
def _(c: Ctx) -> Result:
    now, then, drop = c.v("art-2-023", 104), c.v("art-2-024", 104), c.v("art-2-025", 104)
    diff = then - now
    return Result(f"{_n(then)} - {_n(now)} = {_n(diff)}; {_n(diff)} - {_n(drop)} = {_n(diff - drop)}",
                  f"decrease of {_n(drop)}",
                  (abs(diff - drop) <= 500),
                  f"Fall in the prison population 2009 to 1 January 2013: the stated decrease ({_n(drop)}) is "
                  f"{_n(diff - drop)} short of the difference of the two stated populations ({_n(diff)}).")


@check("prison-population-falls-every-year")
def _(c: Ctx) -> Result:
    c.claim(103, "chaque année, on observe une diminution")
    now, then = c.v("art-2-023", 104), c.v("art-2-024", 104)
    return Result(f"two points only: {_n(then)} (2009), {_n(now)} (2013-01-01)",
                  "'chaque année, on observe une diminution'", None,
                  "The yearly fall in prisoners line 103 claims, against the populations line 104 gives.")


@check("specialised-institutions-funding-rises-every-year")
def _(c: Ctx) -> Result:
    c.claim(93, "D'année en année, le Gouvernement kazakh augmente les montants")
    y0910, y11, y12 = c.v("art-2-014", 93), c.v("art-2-015", 93), c.v("art-2-016", 93)
    series = [y0910, y0910, y11, y12]
    rises = all(b > a for a, b in zip(series, series[1:]))
    steps = ", ".join(f"{y}: {_n(v / 1e6)} M" for y, v in zip((2009, 2010, 2011, 2012), series))
    return Result(f"{steps} tenge; changes: " + ", ".join(_n((b - a) / 1e6) for a, b in zip(series, series[1:])) + " M",
                  "'D'année en année ... augmente les montants'", (rises),
                  f"Funding of specialised institutions: the text says it rises year after year; the figures "
                  f"it gives change by {', '.join(_n((b - a) / 1e6) for a, b in zip(series, series[1:]))} "
                  f"million tenge from one year to the next (2009-2012).")


@check("penitentiary-requests-fall")
def _(c: Ctx) -> Result:
    c.claim(184, "permettent de diminuer leur nombre")
    ids = [("art-13-001", "2008"), ("art-13-003", "2009"), ("art-13-004", "2010"),
           ("art-13-005", "2011"), ("art-13-002", "2012")]
    series = [c.v(i, 184) for i, _y in ids]
    falls = all(b < a for a, b in zip(series, series[1:]))
    return Result(", ".join(f"{y}: {_n(v)}" for (_i, y), v in zip(ids, series)) + " (falls every year)",
                  "'permettent de diminuer leur nombre'", (falls),
                  "Requests received by the Penitentiary System Committee 2008-2012 against the claimed fall.")


@check("temporary-detention-admissions")
def _(c: Ctx) -> Result:
    usual, y08, y12 = c.v("art-12-001", 161), c.v("art-12-002", 161), c.v("art-12-003", 161)
    ok = y12 <= usual <= y08 and y12 < y08
    return Result(f"2008: > {_n(y08)}; 2012: {_n(y12)}; 'year in, year out' nearly {_n(usual)} lies between",
                  "'bon an mal an, près de 38 000'; 'supérieur à 46 000 en 2008 ... 31 836 en 2012'",
                  (ok),
                  "Suspects placed in temporary detention centres: the typical yearly figure lies between the "
                  "2008 and 2012 figures, and the number fell as the text says.")


@check("torture-cases-rise-2009-2012")
def _(c: Ctx) -> Result:
    c.claim(51, "ont redoublé d'efforts pour enquêter sur les cas de torture")
    series = [c.v(i, 52) for i in ("art-1-4-5-006", "art-1-4-5-007", "art-1-4-5-008", "art-1-4-5-009")]
    rises = all(b > a for a, b in zip(series, series[1:]))
    return Result(", ".join(map(_n, series)) + (" (rises every year)" if rises else " (does not rise every year)"), "'ont redoublé d'efforts'",
                  (rises),
                  "Torture cases opened 2009-2012 against the claim of intensified investigation.")


@check("extradition-instructions-over-300-each-year")
def _(c: Ctx) -> Result:
    floor = c.v("co2-19-001", 363)
    series = [c.v(f"co2-19-00{k}", 363) for k in range(2, 7)]
    ok = all(x > floor for x in series)
    return Result(f"minimum {_n(min(series))} (2008-2012: {', '.join(map(_n, series))})",
                  f"more than {_n(floor)} each year", (ok),
                  "Extradition-related instructions executed each year against 'plus de 300 chaque année'.")


@check("family-murders-halved-2005-2012")
def _(c: Ctx) -> Result:
    c.claim(439, "a diminué de moitié")
    a, b = c.v("co2-30-31-003", 439), c.v("co2-30-31-004", 439)
    ratio = b / a
    return Result(f"{_n(b)} / {_n(a)} = {ratio:.3f}", "'diminué de moitié' (0.5)",
                  (abs(ratio - 0.5) <= 0.05),
                  "Murders in the family sphere 2005 to 2012 against the claim that they halved.")


@check("stop-trafficking-operation-quarterly")
def _(c: Ctx) -> Result:
    c.claim(473, "mènent chaque trimestre l'opération de prévention")
    quarters = 4
    runs = {2011: ("mai", "août"), 2012: ("mai", "octobre")}
    c.claim(473, f"cette opération a été conduite en {runs[2011][0]} et en {runs[2011][1]}")
    c.claim(474, f"l'opération s'est déroulée en {runs[2012][0]} et en {runs[2012][1]}")
    f11, f12 = c.row("co2-32-029", 473), c.row("co2-32-030", 474)
    found = [("more than " if r.qualifier == "more-than" else "") + _n(float(r.value)) for r in (f11, f12)]
    holds = all(len(months) >= quarters for months in runs.values())
    return Result("; ".join(f"{len(m)} runs named in {y} ({', '.join(m)})" for y, m in runs.items()),
                  f"'chaque trimestre' ({quarters} a year)", holds,
                  f"The 'Stop trafficking' operation is said to run every quarter; the runs the report names "
                  f"in each year are counted against {quarters}. The cases it uncovered ({found[0]} in 2011, "
                  f"{found[1]} in 2012) come from the runs named.")


# ---------------------------------------------------------------------------
# "No cases" statements against statistics
# ---------------------------------------------------------------------------

_kind("no-cases")

@check("no-torture-by-investigators-vs-cases")
def _(c: Ctx) -> Result:
    zero = c.v("co2-7-005", 272)
    mia = c.v("art-1-4-5-010", 53)
    total = sum(c.v(i, 52) for i in ("art-1-4-5-006", "art-1-4-5-007", "art-1-4-5-008", "art-1-4-5-009"))
    return Result(f"{_n(total)} torture cases 2009-2012, {_n(mia)} against Ministry of Internal Affairs officers",
                  f"{_n(zero)} torture cases involving investigators or inquiry officers, 2009-2012", None,
                  "Line 272's statement that no torture case involving investigators or inquiry officers was "
                  "recorded in 2009-2012, against the torture cases of lines 52-53.")


@check("no-torture-in-temporary-detention-vs-cases")
def _(c: Ctx) -> Result:
    zero_tdc = c.v("co2-unheaded-275-007", 286)
    zero_spec = c.v("cases-ngo-021", 245)
    mia = c.v("art-1-4-5-010", 53)
    return Result(f"{_n(mia)} torture cases against Ministry of Internal Affairs officers 2009-2012",
                  f"{_n(zero_tdc)} cases in temporary detention and remand centres (line 286); "
                  f"{_n(zero_spec)} by staff of specialised institutions (line 245)", None,
                  "The statements of lines 245 and 286 that no torture was recorded in temporary detention "
                  "and remand centres, against the cases against police officers of line 53.")


@check("prison-staff-torture-cases-2010")
def _(c: Ctx) -> Result:
    pen2010 = c.v("co2-7-001", 258)
    all2010 = c.v("art-1-4-5-007", 52)
    total = sum(c.v(i, 52) for i in ("art-1-4-5-006", "art-1-4-5-007", "art-1-4-5-008", "art-1-4-5-009"))
    rest = total - c.v("art-1-4-5-010", 53)
    return Result(f"9 prison-staff cases in 2010 alone vs 13 cases against prison officers implied for "
                  f"2009-2012 ({_n(total)} - 36 = {_n(rest)}); 9 <= {_n(all2010)} torture cases in 2010",
                  "9 cases (torture, violence or abuse of office) concerning 21 prison officers in 2010",
                  None,
                  "Line 258's cases of 2010 concerning prison officers, against the prison-officer share of the "
                  "torture cases of lines 52-53.")


# ---------------------------------------------------------------------------
# Other statements the figures bear on
# ---------------------------------------------------------------------------

_kind("statement")

@check("refugee-applicants-from-afghanistan")
def _(c: Ctx) -> Result:
    afg = c.v("co2-unheaded-333-019", 351)
    refugees = c.v("co2-unheaded-333-015", 350)
    applicants = c.v("co2-unheaded-333-016", 350) + c.v("co2-unheaded-333-017", 350) + c.v("co2-unheaded-333-018", 350)
    c.claim(351, "La majorité des personnes ayant déposé une demande")
    return Result(f"applicants stated: 9 + 10 + 11 = {_n(applicants)}; refugees: {_n(refugees)}",
                  f"{_n(afg)} applicants from Afghanistan ('la majorité')", None,
                  "Applicants from Afghanistan said to be 'the majority' (line 351), against the applicants "
                  "and refugees of line 350.")


@check("sentences-vs-penalty-range")
def _(c: Ctx) -> Result:
    c.claim(48, "peines privatives de liberté d'une durée de cinq à dix ans")
    koriak = c.v("cases-ngo-005", 225) + c.v("cases-ngo-006", 225) / 12
    aoukenov = c.v("cases-ngo-008", 226) + c.v("cases-ngo-009", 226) / 12
    c.claim(225, "des alinéas a et d du paragraphe 2 de l'article 141-1 du Code pénal")
    c.claim(226, "au titre des alinéas a et d du paragraphe 2 de l'article 141-1")
    return Result(f"V. V. Koriak {koriak:g} years, R. Aoukenov {aoukenov:g} years (art. 141-1 para. 2)",
                  "torture punishable by 5 to 10 years' imprisonment (line 48)", None,
                  "The torture sentences of the Saran case (lines 225-226) against the range line 48 gives "
                  "for torture.")


@check("monitoring-commissions-count-vs-regions")
def _(c: Ctx) -> Result:
    n = c.v("co2-unheaded-275-001", 282)
    members = c.v("co2-unheaded-275-002", 282)
    c.claim(242, "Il existe dans toutes les régions du pays des commissions de surveillance publique")
    c.claim(248, "dans les régions, les villes d'importance nationale et la capitale")
    return Result(f"{_n(n)} commissions, {members / n:.1f} members each on average",
                  "commissions in all regions, cities of national importance and the capital", None,
                  "The number of public monitoring commissions (line 282) against the territorial units in "
                  "which the regulation provides for them (lines 242, 248).")


# ---------------------------------------------------------------------------
# Dates of legal acts (data/cat-c-kaz-3/report/dated-acts.csv), compared by code
# ---------------------------------------------------------------------------

_kind("date-order")


def _d(ts: pd.Timestamp, printed: str) -> str:
    return f"{printed} ({ts.date().isoformat() if len(printed) > 4 else ts.year})"


@check("registration-before-publication")
def _(c: Ctx) -> Result:
    acts = ("mia-order-385-2002", "mia-order-232-2011", "mia-order-233-2011")
    rows, bad = [], []
    for act in acts:
        ev = c.dates(act).set_index("event")
        adopted, registered, published = (pd.Timestamp(ev.loc[e, "date_iso"]) for e in ("adopted", "registered", "published"))
        in_order = adopted <= registered <= published
        rows.append(f"{act}: adopted {ev.loc['adopted', 'date_iso']}, registered {ev.loc['registered', 'date_iso']}, "
                    f"published {ev.loc['published', 'date_iso']}" + ("" if in_order else
                    f" (out of order: published {registered.year - published.year} years before registration)"))
        if not in_order:
            gap = registered.year - published.year
            bad.append(f"{ev.act_en.iloc[0]} is published in {published.year}, {gap} years before its registration "
                       f"({registered.date().isoformat()})")
    return Result("; ".join(rows), "dates of adoption, registration in the State Register and publication "
                  "(lines 312-315)", not bad,
                  "Ministerial orders on temporary detention and reception centres: adoption, then "
                  "registration in the State Register of normative legal acts, then publication, as the "
                  "report dates them. " + ("; ".join(bad) + "." if bad else "All in order."))


def _signatures(c: Ctx, line: int) -> pd.DataFrame:
    d = c.dates("joint-order-torture-complaints")
    d = d[d.source_line == line].copy()
    d["ts"] = d.date_iso.map(pd.Timestamp)
    d["signer"] = d.event.str.removeprefix("signed: ")
    return d


@check("joint-order-signature-dates")
def _(c: Ctx) -> Result:
    tolerance_days = 365  # co-signatures of one joint order further apart than a year
    parts, holds = [], True
    for line in (29, 414):
        d = _signatures(c, line)
        median = d.ts.sort_values().iloc[len(d) // 2]
        off = d[(d.ts - median).abs().dt.days > tolerance_days]
        holds = holds and off.empty
        parts.append(f"line {line}: median signature {median.date().isoformat()}; " + (
            "; ".join(f"{r.signer} {r.ts.date().isoformat()} is {(r.ts - median).days} days later" for r in off.itertuples())
            if not off.empty else "all within a year"))
    d29 = _signatures(c, 29)
    return Result(f"{len(d29)} signatures; " + "; ".join(parts),
                  "; ".join(f"{r.signer}: {r.date_as_printed}" for r in d29.itertuples()), holds,
                  f"The joint order on verifying torture complaints (lines 29 and 414) is signed by "
                  f"{len(d29)} heads of agencies; their dates are compared with the median signature date.")


@check("joint-order-dates-two-statements", kind="same-value-twice")
def _(c: Ctx) -> Result:
    a, b = _signatures(c, 29), _signatures(c, 414)
    same = list(zip(a.signer, a.date_iso)) == list(zip(b.signer, b.date_iso))
    return Result("line 29: " + ", ".join(a.date_iso) + "; line 414: " + ", ".join(b.date_iso),
                  "the five order numbers and dates, in lines 29 and 414", same,
                  "The co-signature dates of the joint order as line 29 gives them, against the list of "
                  "legal acts at line 414: the outlying date is printed the same way in both places.")


@check("offence-added-vs-counted-since-entry-into-force")
def _(c: Ctx) -> Result:
    added = c.date("aoc-art-79-5", "added")
    counted = c.date("aoc-art-79-5", "counted since entry into force")
    return Result(f"added {added.year}; counted 'since entry into force' from {counted.year}: "
                  f"{counted.year - added.year} years of the offence not counted",
                  "'complété en 2008' (line 437); 'Depuis l'entrée en vigueur ... entre 2010 et 2012' (line 438)",
                  added.year == counted.year,
                  f"Article 79-5 of the Code of Administrative Offences, added in {added.year} (line 437), "
                  f"against the prosecutions counted 'since entry into force' from {counted.year} (line 438).")


# ---------------------------------------------------------------------------
# Legal references that must be read (verdicts in data/cat-c-kaz-3/audit-judgements.yaml)
# ---------------------------------------------------------------------------

_kind("legal-reference")


@check("opcat-ratification-deadline")
def _(c: Ctx) -> Result:
    ratified = c.date("opcat-ratification", "ratified")
    deadline = c.date("opcat-ratification", "deadline: national preventive mechanism")
    months = (deadline.year - ratified.year) * 12 + deadline.month - ratified.month
    return Result(f"ratified {ratified.strftime('%Y-%m')}; deadline {deadline.date().isoformat()}: "
                  f"{months} months later", "'ratifié ... en juin 2008', 'avant le 21 novembre 2009' (line 203)",
                  None,
                  "The ratification of the Optional Protocol and the deadline for the national preventive "
                  "mechanism it set, both at line 203.")


@check("repealed-72-hour-rule-two-articles")
def _(c: Ctx) -> Result:
    a = c.claim(199, "Le paragraphe 3 de l'article 38 du Code de procédure pénale")
    b = c.claim(304, "a supprimé le paragraphe 3 de l'article 138 du Code de procédure pénale")
    for line in (199, 304):
        c.claim(line, "soixante-douze heures")
        c.claim(line, "loi du 18 janvier 2011")
    return Result("same law (18 January 2011), same paragraph 3, same 72-hour delay before informing relatives; "
                  "article 38 (line 199) against article 138 (line 304)", f"'{a}'; '{b}'", None,
                  "The rule allowing 72 hours before relatives are told of an arrest, repealed by the law of "
                  "18 January 2011, as lines 199 and 304 place it in the Code of Criminal Procedure.")


@check("torture-penalty-range-two-statements")
def _(c: Ctx) -> Result:
    w48 = ("cinq", "dix")
    w357, w358 = "cinq", "dix"
    c.claim(48, f"peines privatives de liberté d'une durée de {w48[0]} à {w48[1]} ans")
    c.claim(357, f"passibles d'une peine d'emprisonnement maximale de {w357} ans")
    c.claim(358, f"passibles d'une peine d'emprisonnement maximale de {w358} ans")
    lo48, hi48 = (int(parse_french_number(w)) for w in w48)
    max1, max23 = int(parse_french_number(w357)), int(parse_french_number(w358))
    return Result(f"line 48: {lo48}-{hi48} years; lines 357-358: at most {max1} (para. 1), at most {max23} "
                  f"(paras 2-3); maxima agree: {hi48 == max23}; line 48's minimum equals para. 1's maximum: "
                  f"{lo48 == max1}", "'cinq à dix ans' (line 48); 'maximale de cinq ans', 'maximale de dix ans' "
                  "(lines 357-358)", None,
                  "The penalty for torture (article 141-1 of the Criminal Code) as line 48 states it, against "
                  "lines 357-358.")


# ---------------------------------------------------------------------------

def run_audit(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Run every check; one row per check, in the order they are defined."""
    if figures is None:
        figures = load_figures()
    paras = load_paragraphs()
    section_of = dict(zip(paras.source_line.astype(int), paras.section))
    judgements = load_judgements()
    extra = set(judgements) - set(CHECKS)
    if extra:
        raise AuditError(f"audit-judgements: check_id {sorted(extra)} is not a check")
    rows = []
    for check_id, fn in CHECKS.items():
        ctx = Ctx(figures)
        res = fn(ctx)
        if res.holds is None:
            if check_id not in judgements:
                raise AuditError(f"audit-judgements: judged check {check_id} has no judgement")
            status, method = judgements[check_id]["status"], "judged"
            reasoning = " ".join(str(judgements[check_id]["reasoning_en"]).split())
        else:
            if check_id in judgements:
                raise AuditError(f"audit-judgements: {check_id} is computed; it takes no judgement")
            status, method, reasoning = COMPUTED_VERDICT[bool(res.holds)], "computed", ""
        lines = sorted(ctx.lines)
        sections = list(dict.fromkeys(section_of[n] for n in lines))
        rows.append({
            "check_id": check_id,
            "section": ";".join(sections),
            "kind": KIND_OF[check_id],
            "source_lines": ";".join(map(str, lines)),
            "para_no": para_no_value(";".join(map(str, lines)), "lines"),
            "description_en": res.description_en,
            "computed": res.computed,
            "reported": res.reported,
            "status": status,
            "method": method,
            "reasoning_en": reasoning,
        })
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def write_audit(path=AUDIT_CSV) -> pd.DataFrame:
    df = run_audit()
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return df


if __name__ == "__main__":
    out = write_audit()
    print(out[["check_id", "method", "status"]].to_string(index=False))
