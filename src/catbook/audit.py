"""Consistency audit of the report's own numbers: ``data/audit.csv``.

Each check is code over ``data/figures.csv``: it selects figures by
``figure_id`` (and states the line each id must come from, so a renumbered
table fails loudly instead of auditing the wrong number), computes, and
compares with what the report says. Where the report makes a claim in words
("augmente chaque année", "diminué de moitié", "chaque trimestre"), the check
quotes the words and :func:`claim` verifies they are in the line.

Kinds of check: totals against their parts, percentages against their bases,
the same quantity stated in two places, year-on-year changes against the
trend the text claims, and "no cases" statements against statistics.

Status
------
consistent    the numbers agree (within the rounding the text uses).
inconsistent  they cannot all be right as printed.
unclear       the text does not give enough to decide (different scope,
              missing base, ambiguous period); ``description_en`` says why.

Columns of ``data/audit.csv``: check_id, section, source_lines (";"-separated,
ascending), para_no (the official paragraphs of those lines, ";"-separated, from the
corpus), description_en, computed, reported, status.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from .corpus import load_paragraphs
from .figures import excerpt_pattern, load_figures
from .paths import DATA
from .para_columns import para_no_value
from .source import line as source_line_text

AUDIT_CSV = DATA / "audit.csv"
AUDIT_COLUMNS = ["check_id", "section", "source_lines", "para_no", "description_en", "computed", "reported", "status"]
STATUSES = {"consistent", "inconsistent", "unclear"}


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

    def claim(self, line: int, excerpt: str) -> str:
        """Record a claim in words; it must be in the line."""
        if not excerpt_pattern(excerpt).search(source_line_text(line)):
            raise AuditError(f"audit: line {line} does not say {excerpt!r}")
        self.lines.add(line)
        return excerpt


@dataclass(frozen=True)
class Result:
    computed: str
    reported: str
    status: str
    description_en: str


Check = Callable[[Ctx], Result]
CHECKS: dict[str, Check] = {}


def check(check_id: str) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        if check_id in CHECKS:
            raise AuditError(f"audit: duplicate check id {check_id}")
        CHECKS[check_id] = fn
        return fn
    return register


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
        "consistent" if ok else "inconsistent",
        "Torture cases opened 2009-2012 (line 52) against the 36 said to concern Ministry of Internal "
        "Affairs officers (line 53): the part does not exceed the total; the rest (13) is not stated.")


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
        "consistent" if ok else "inconsistent",
        "Persons convicted of torture: custodial vs non-custodial sentences (lines 55-56), "
        "percentages recomputed from the counts.")


@check("amnesty-2011-released-breakdown")
def _(c: Ctx) -> Result:
    total = c.v("art-2-029", 107)
    parts = {"women": c.v("art-2-030", 107), "disabled": c.v("art-2-031", 107),
             "elderly": c.v("art-2-032", 107), "minors": c.v("art-2-033", 107),
             "served a quarter": c.v("art-2-034", 107)}
    s = sum(parts.values())
    return Result(
        f"{_sum(list(parts.values()))} (<= total)",
        f"more than {_n(total)} released ('dont' ...)",
        "consistent" if s <= total else "inconsistent",
        "Persons released under the 2011 amnesty: the categories listed after 'dont' do not exceed "
        "the total (they need not exhaust it).")


@check("probation-staff-increase")
def _(c: Ctx) -> Result:
    total = c.v("art-2-038", 120)
    parts = [c.v("art-2-039", 120), c.v("art-2-040", 120)]
    s = sum(parts)
    return Result(_sum(parts), _n(total), "consistent" if s == total else "inconsistent",
                  "Increase in probation (inspection unit) staff: 2010 + 2011 against the stated total.")


@check("extraditions-2008-2012-by-year")
def _(c: Ctx) -> Result:
    total = c.v("co2-unheaded-333-001", 338)
    ids = ["co2-unheaded-333-002", "co2-unheaded-333-003", "co2-unheaded-333-004",
           "co2-unheaded-333-005", "co2-unheaded-333-006"]
    parts = [c.v(i, 338) for i in ids]
    s = sum(parts)
    return Result(_sum(parts), _n(total),
                  "consistent" if s == total else "inconsistent",
                  "Persons extradited at foreign request: yearly counts 2008-2012 against the period total.")


@check("extradition-refusals-2008-2012-by-year")
def _(c: Ctx) -> Result:
    total = c.v("co2-unheaded-333-007", 339)
    ids = ["co2-unheaded-333-008", "co2-unheaded-333-009", "co2-unheaded-333-010",
           "co2-unheaded-333-011", "co2-unheaded-333-012"]
    parts = [c.v(i, 339) for i in ids]
    s = sum(parts)
    return Result(_sum(parts), _n(total),
                  "consistent" if s == total else "inconsistent",
                  "Extradition refusals: yearly counts 2008-2012 against the stated total.")


@check("uzbek-extraditions-2010-within-total")
def _(c: Ctx) -> Result:
    uz, y2010 = c.v("co2-unheaded-333-013", 341), c.v("co2-unheaded-333-004", 338)
    return Result(f"{_n(uz)} <= {_n(y2010)}", f"{_n(uz)} Uzbek nationals extradited in 2010",
                  "consistent" if uz <= y2010 else "inconsistent",
                  "The 29 Uzbek nationals extradited in 2010 fit within the 151 extraditions of 2010.")


@check("penitentiary-institutions-total")
def _(c: Ctx) -> Result:
    total, pen, sizo = c.v("co2-32-001", 462), c.v("co2-32-002", 462), c.v("co2-32-003", 462)
    return Result(_sum([pen, sizo]), _n(total),
                  "consistent" if pen + sizo == total else "inconsistent",
                  "Institutions of the penitentiary system: penitentiary institutions plus remand centres.")


@check("penitentiary-institutions-by-regime")
def _(c: Ctx) -> Result:
    pen = c.v("co2-32-002", 462)
    ids = ["co2-32-004", "co2-32-005", "co2-32-006", "co2-32-007", "co2-32-008", "co2-32-009", "co2-32-010"]
    parts = [c.v(i, 463) for i in ids]
    s = sum(parts)
    return Result(_sum(parts), f"{_n(pen)} penitentiary institutions",
                  "consistent" if s == pen else "inconsistent",
                  "Penitentiary institutions by type (line 463) against the 76 of line 462: the listed "
                  "types add up to one fewer.")


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
                  "'notamment', 'dont' breakdowns", "inconsistent" if bad else "consistent",
                  "Trafficking cases and prosecutions: each 'of which' figure against its total.")


@check("prison-population-breakdown-2013")
def _(c: Ctx) -> Result:
    total = c.v("art-2-023", 104)
    parts = [c.v("co2-32-012", 464), c.v("co2-32-013", 464), c.v("co2-32-014", 464), c.v("co2-32-015", 464)]
    s = sum(parts)
    return Result(f"{_sum(parts)} (<= {_n(total)}); women {_pct(parts[0], total):.1f} %",
                  "'dont' women, minors, foreigners, stateless",
                  "consistent" if s <= total else "inconsistent",
                  "Categories of prisoners on 1 January 2013 (line 464) against the population of line 104 "
                  "(line 464's own total is misprinted).")


# ---------------------------------------------------------------------------
# Percentages against their bases
# ---------------------------------------------------------------------------

@check("protection-orders-shares-2012")
def _(c: Ctx) -> Result:
    men, women, minors = c.v("co2-30-31-007", 448), c.v("co2-30-31-008", 448), c.v("co2-30-31-009", 448)
    s = men + women + minors
    hi = (men + 0.5) + (women + 0.05) + (minors + 0.05)
    return Result(f"{_n(men)} + {_n(women)} + {_n(minors)} = {s:.1f} %; at most {hi:.2f} % allowing for rounding",
                  "shares of protection orders against men, women and minors",
                  "inconsistent" if hi < 100 else "consistent",
                  "Protection orders 2012 by person (line 448): the three shares are presented as the whole "
                  "but leave 0.9 points unaccounted for, more than rounding can explain (minors may overlap "
                  "the other groups, or a category is missing).")


@check("complaints-share-unlawful-acts")
def _(c: Ctx) -> Result:
    p08, p11 = c.v("art-13-006", 184), c.v("art-13-007", 184)
    r08, r11 = c.v("art-13-001", 184), c.v("art-13-005", 184)
    c.claim(184, "a également baissé")
    return Result(f"5.4 % -> 3.2 % (falls); if the base is requests received: about {r08 * p08 / 100:.0f} (2008) "
                  f"and {r11 * p11 / 100:.0f} (2011) complaints",
                  "'a également baissé', 5,4 % in 2008 to 3,2 % in 2011",
                  "consistent" if p11 < p08 else "inconsistent",
                  "Share of complaints about unlawful acts by prison staff: the fall the text claims holds; "
                  "the base of the percentage is not stated and the series stops in 2011 while the request "
                  "counts run to 2012.")


# ---------------------------------------------------------------------------
# The same quantity stated in two places
# ---------------------------------------------------------------------------

@check("prison-population-2013-two-statements")
def _(c: Ctx) -> Result:
    a, b = c.v("art-2-023", 104), c.v("co2-32-011", 464)
    return Result(f"{_n(a)} (line 104) vs {_n(b)} (line 464)", "48 684 and '48 6864'",
                  "consistent" if a == b else "inconsistent",
                  "Prisoners held on 1 January 2013, stated twice: line 464 prints '48 6864', a misprint "
                  "(extra digit) of 48 684.")


@check("torture-cases-by-year-two-statements")
def _(c: Ctx) -> Result:
    a = [c.v(i, 52) for i in ("art-1-4-5-006", "art-1-4-5-007", "art-1-4-5-008", "art-1-4-5-009")]
    b = [c.v(i, 223) for i in ("cases-ngo-001", "cases-ngo-002", "cases-ngo-003", "cases-ngo-004")]
    return Result(f"line 52: {', '.join(map(_n, a))}; line 223: {', '.join(map(_n, b))}",
                  "torture cases opened 2009-2012", "consistent" if a == b else "inconsistent",
                  "Torture cases opened per year 2009-2012, stated in Part III (line 52) and Part V (line 223).")


@check("temporary-detention-centres-capacity-two-statements")
def _(c: Ctx) -> Result:
    a = [c.v("art-2-017", 95), c.v("art-2-018", 95), c.v("art-2-019", 96)]
    b = [c.v("co2-21-c-001", 377), c.v("co2-21-c-002", 377), c.v("co2-21-c-003", 377)]
    return Result(f"lines 95-96: {', '.join(map(_n, a))}; line 377: {', '.join(map(_n, b))}",
                  "Ust-Kamenogorsk, Taldykorgan, Kostanay capacities", "consistent" if a == b else "inconsistent",
                  "Capacities of the new temporary detention centres, stated in Part III and Part VI.")


@check("radiography-machines-31-two-statements")
def _(c: Ctx) -> Result:
    a, b = c.v("art-2-009", 82), c.v("co2-21-f-002", 387)
    c.claim(82, "ont été achetés")
    c.claim(386, "Il est prévu d'allouer")
    return Result(f"{_n(a)} bought since 2011 (line 82); {_n(b)} to be bought from the 2012 budget (line 387)",
                  "31 and 31", "unclear",
                  "The same number of X-ray machines is reported once as bought ('Salamatty Kazakhstan', "
                  "since 2011) and once as planned under the 2012 budget: either one purchase is reported "
                  "twice, as done and as planned, or there are two purchases of 31; the text does not say.")


@check("monitoring-commission-visits-2011-2012")
def _(c: Ctx) -> Result:
    v2011 = c.v("cases-ngo-018", 241)
    v2012, v2006 = c.v("co2-unheaded-275-003", 283), c.v("co2-unheaded-275-004", 283)
    c.claim(283, "augmente chaque année")
    return Result(f"2006: {_n(v2006)}; 2011: {_n(v2011)} (line 241); 2012: {_n(v2012)} (line 283)",
                  "'augmente chaque année'", "unclear",
                  "Visits by public monitoring commissions: line 241 gives 884 commission members' visits in "
                  "2011, line 283 gives 420 interventions and visits organised with the commissions in 2012 "
                  "and claims a yearly increase. If the two measure the same thing, 2012 is less than half "
                  "of 2011; the wording differs, so the text does not settle it. Line 283 compares only "
                  "with 2006, outside the reporting period.")


# ---------------------------------------------------------------------------
# Year-on-year changes against what the text claims
# ---------------------------------------------------------------------------

@check("prison-population-decrease-2009-2013")
def _(c: Ctx) -> Result:
    now, then, drop = c.v("art-2-023", 104), c.v("art-2-024", 104), c.v("art-2-025", 104)
    diff = then - now
    return Result(f"{_n(then)} - {_n(now)} = {_n(diff)}", f"decrease of {_n(drop)}",
                  "consistent" if abs(diff - drop) <= 500 else "inconsistent",
                  "Fall in the prison population 2009 to 1 January 2013: the stated decrease (13 000) is "
                  "1 316 short of the difference of the two stated populations (14 316).")


@check("prison-population-falls-every-year")
def _(c: Ctx) -> Result:
    c.claim(103, "chaque année, on observe une diminution")
    now, then = c.v("art-2-023", 104), c.v("art-2-024", 104)
    return Result(f"two points only: {_n(then)} (2009), {_n(now)} (2013-01-01)",
                  "'chaque année, on observe une diminution'", "unclear",
                  "The claim of a yearly fall in prisoners cannot be checked: only 2009 and 1 January 2013 "
                  "are given (the two points do fall).")


@check("specialised-institutions-funding-rises-every-year")
def _(c: Ctx) -> Result:
    c.claim(93, "D'année en année, le Gouvernement kazakh augmente les montants")
    y0910, y11, y12 = c.v("art-2-014", 93), c.v("art-2-015", 93), c.v("art-2-016", 93)
    series = [y0910, y0910, y11, y12]
    rises = all(b > a for a, b in zip(series, series[1:]))
    steps = ", ".join(f"{y}: {_n(v / 1e6)} M" for y, v in zip((2009, 2010, 2011, 2012), series))
    return Result(f"{steps} tenge; changes: " + ", ".join(_n((b - a) / 1e6) for a, b in zip(series, series[1:])) + " M",
                  "'D'année en année ... augmente les montants'", "consistent" if rises else "inconsistent",
                  "Funding of specialised institutions: the text says it rises year after year; the figures "
                  "it gives are flat in 2009-2010 and fall by 178 million tenge in 2012.")


@check("penitentiary-requests-fall")
def _(c: Ctx) -> Result:
    c.claim(184, "permettent de diminuer leur nombre")
    ids = [("art-13-001", "2008"), ("art-13-003", "2009"), ("art-13-004", "2010"),
           ("art-13-005", "2011"), ("art-13-002", "2012")]
    series = [c.v(i, 184) for i, _y in ids]
    falls = all(b < a for a, b in zip(series, series[1:]))
    return Result(", ".join(f"{y}: {_n(v)}" for (_i, y), v in zip(ids, series)) + " (falls every year)",
                  "'permettent de diminuer leur nombre'", "consistent" if falls else "inconsistent",
                  "Requests received by the Penitentiary System Committee 2008-2012 against the claimed fall.")


@check("temporary-detention-admissions")
def _(c: Ctx) -> Result:
    usual, y08, y12 = c.v("art-12-001", 161), c.v("art-12-002", 161), c.v("art-12-003", 161)
    ok = y12 <= usual <= y08 and y12 < y08
    return Result(f"2008: > {_n(y08)}; 2012: {_n(y12)}; 'year in, year out' nearly {_n(usual)} lies between",
                  "'bon an mal an, près de 38 000'; 'supérieur à 46 000 en 2008 ... 31 836 en 2012'",
                  "consistent" if ok else "inconsistent",
                  "Suspects placed in temporary detention centres: the typical yearly figure lies between the "
                  "2008 and 2012 figures, and the number fell as the text says.")


@check("torture-cases-rise-2009-2012")
def _(c: Ctx) -> Result:
    c.claim(51, "ont redoublé d'efforts pour enquêter sur les cas de torture")
    series = [c.v(i, 52) for i in ("art-1-4-5-006", "art-1-4-5-007", "art-1-4-5-008", "art-1-4-5-009")]
    rises = all(b > a for a, b in zip(series, series[1:]))
    return Result(", ".join(map(_n, series)) + (" (rises every year)" if rises else " (does not rise every year)"), "'ont redoublé d'efforts'",
                  "consistent" if rises else "inconsistent",
                  "Torture cases opened 2009-2012 against the claim of intensified investigation.")


@check("extradition-instructions-over-300-each-year")
def _(c: Ctx) -> Result:
    floor = c.v("co2-19-001", 363)
    series = [c.v(f"co2-19-00{k}", 363) for k in range(2, 7)]
    ok = all(x > floor for x in series)
    return Result(f"minimum {_n(min(series))} (2008-2012: {', '.join(map(_n, series))})",
                  f"more than {_n(floor)} each year", "consistent" if ok else "inconsistent",
                  "Extradition-related instructions executed each year against 'plus de 300 chaque année'.")


@check("family-murders-halved-2005-2012")
def _(c: Ctx) -> Result:
    c.claim(439, "a diminué de moitié")
    a, b = c.v("co2-30-31-003", 439), c.v("co2-30-31-004", 439)
    ratio = b / a
    return Result(f"{_n(b)} / {_n(a)} = {ratio:.3f}", "'diminué de moitié' (0.5)",
                  "consistent" if abs(ratio - 0.5) <= 0.05 else "inconsistent",
                  "Murders in the family sphere 2005 to 2012 against the claim that they halved.")


@check("stop-trafficking-operation-quarterly")
def _(c: Ctx) -> Result:
    c.claim(473, "mènent chaque trimestre l'opération de prévention")
    c.claim(473, "cette opération a été conduite en mai et en août")
    c.claim(474, "l'opération s'est déroulée en mai et en octobre")
    c.v("co2-32-029", 473)
    c.v("co2-32-030", 474)
    return Result("2 runs named in 2011 (May, August) and 2 in 2012 (May, October)",
                  "'chaque trimestre' (4 a year)", "inconsistent",
                  "The 'Stop trafficking' operation is said to run every quarter, but the report names two "
                  "runs a year, and the cases it uncovered (120+ in 2011, 130 in 2012) come from those two.")


# ---------------------------------------------------------------------------
# "No cases" statements against statistics
# ---------------------------------------------------------------------------

@check("no-torture-by-investigators-vs-cases")
def _(c: Ctx) -> Result:
    zero = c.v("co2-7-005", 272)
    mia = c.v("art-1-4-5-010", 53)
    total = sum(c.v(i, 52) for i in ("art-1-4-5-006", "art-1-4-5-007", "art-1-4-5-008", "art-1-4-5-009"))
    return Result(f"{_n(total)} torture cases 2009-2012, {_n(mia)} against Ministry of Internal Affairs officers",
                  f"{_n(zero)} torture cases involving investigators or inquiry officers, 2009-2012", "unclear",
                  "Line 272 says no torture case involving investigators was recorded in 2009-2012, while "
                  "lines 52-53 count 49 torture cases in the same years, 36 against Ministry of Internal "
                  "Affairs officers. Both can hold only if none of the 36 was an investigator or inquiry "
                  "officer; the report does not say which posts the accused held.")


@check("no-torture-in-temporary-detention-vs-cases")
def _(c: Ctx) -> Result:
    zero_tdc = c.v("co2-unheaded-275-007", 286)
    zero_spec = c.v("cases-ngo-021", 245)
    mia = c.v("art-1-4-5-010", 53)
    return Result(f"{_n(mia)} torture cases against Ministry of Internal Affairs officers 2009-2012",
                  f"{_n(zero_tdc)} cases in temporary detention and remand centres (line 286); "
                  f"{_n(zero_spec)} by staff of specialised institutions (line 245)", "unclear",
                  "Lines 245 and 286 state that no torture was recorded in temporary detention and remand "
                  "centres (period not given); the 36 cases against police officers (line 53) may concern "
                  "other premises, but the report gives no breakdown by place.")


@check("prison-staff-torture-cases-2010")
def _(c: Ctx) -> Result:
    pen2010 = c.v("co2-7-001", 258)
    all2010 = c.v("art-1-4-5-007", 52)
    total = sum(c.v(i, 52) for i in ("art-1-4-5-006", "art-1-4-5-007", "art-1-4-5-008", "art-1-4-5-009"))
    rest = total - c.v("art-1-4-5-010", 53)
    return Result(f"9 prison-staff cases in 2010 alone vs 13 cases against prison officers implied for "
                  f"2009-2012 ({_n(total)} - 36 = {_n(rest)}); 9 <= {_n(all2010)} torture cases in 2010",
                  "9 cases (torture, violence or abuse of office) concerning 21 prison officers in 2010",
                  "unclear",
                  "Line 258's 9 cases of 2010 mix torture (art. 347-1) with abuse of office (art. 308), so "
                  "they cannot be set against the torture-only counts of lines 52-53; if all were torture, "
                  "2010 alone would take 9 of the 13 prison-officer cases of 2009-2012.")


# ---------------------------------------------------------------------------
# Other statements the figures bear on
# ---------------------------------------------------------------------------

@check("refugee-applicants-from-afghanistan")
def _(c: Ctx) -> Result:
    afg = c.v("co2-unheaded-333-019", 351)
    refugees = c.v("co2-unheaded-333-015", 350)
    applicants = c.v("co2-unheaded-333-016", 350) + c.v("co2-unheaded-333-017", 350) + c.v("co2-unheaded-333-018", 350)
    c.claim(351, "La majorité des personnes ayant déposé une demande")
    return Result(f"applicants stated: 9 + 10 + 11 = {_n(applicants)}; refugees: {_n(refugees)}",
                  f"{_n(afg)} applicants from Afghanistan ('la majorité')", "unclear",
                  "484 Afghan applicants cannot be 'the majority' of the 9-30 applicants line 350 mentions; "
                  "it fits the 491 refugees (484/491 = 98.6 %), so the base is probably all refugees or all "
                  "applicants ever, which the text does not say.")


@check("sentences-vs-penalty-range")
def _(c: Ctx) -> Result:
    c.claim(48, "peines privatives de liberté d'une durée de cinq à dix ans")
    koriak = c.v("cases-ngo-005", 225) + c.v("cases-ngo-006", 225) / 12
    aoukenov = c.v("cases-ngo-008", 226) + c.v("cases-ngo-009", 226) / 12
    c.claim(225, "des alinéas a et d du paragraphe 2 de l'article 141-1 du Code pénal")
    c.claim(226, "au titre des alinéas a et d du paragraphe 2 de l'article 141-1")
    return Result(f"V. V. Koriak {koriak:g} years, R. Aoukenov {aoukenov:g} years (art. 141-1 para. 2)",
                  "torture punishable by 5 to 10 years' imprisonment (line 48)", "unclear",
                  "The two torture sentences of the Saran case (lines 225-226) are below the 5-10 year range "
                  "line 48 gives for torture. Line 357 gives only a maximum for para. 1 and line 358 a maximum "
                  "for paras 2-3, so the range of line 48 may be the aggravated one, and a court may go below "
                  "the minimum; the report does not explain.")


@check("monitoring-commissions-count-vs-regions")
def _(c: Ctx) -> Result:
    n = c.v("co2-unheaded-275-001", 282)
    members = c.v("co2-unheaded-275-002", 282)
    c.claim(242, "Il existe dans toutes les régions du pays des commissions de surveillance publique")
    c.claim(248, "dans les régions, les villes d'importance nationale et la capitale")
    return Result(f"{_n(n)} commissions, {members / n:.1f} members each on average",
                  "commissions in all regions, cities of national importance and the capital", "unclear",
                  "The regulation provides for commissions in the regions, the cities of national importance "
                  "and the capital; 14 commissions would leave some of these without one (Kazakhstan then had "
                  "14 regions plus Almaty and Astana: outside knowledge, not in the report).")


# ---------------------------------------------------------------------------

def run_audit(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Run every check; one row per check, in the order they are defined."""
    if figures is None:
        figures = load_figures()
    paras = load_paragraphs()
    section_of = dict(zip(paras.source_line.astype(int), paras.section))
    rows = []
    for check_id, fn in CHECKS.items():
        ctx = Ctx(figures)
        res = fn(ctx)
        if res.status not in STATUSES:
            raise AuditError(f"audit: {check_id} returned status {res.status!r}")
        lines = sorted(ctx.lines)
        sections = list(dict.fromkeys(section_of[n] for n in lines))
        rows.append({
            "check_id": check_id,
            "section": ";".join(sections),
            "source_lines": ";".join(map(str, lines)),
            "para_no": para_no_value(";".join(map(str, lines)), "lines"),
            "description_en": res.description_en,
            "computed": res.computed,
            "reported": res.reported,
            "status": res.status,
        })
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def write_audit(path=AUDIT_CSV) -> pd.DataFrame:
    df = run_audit()
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return df


if __name__ == "__main__":
    out = write_audit()
    print(out[["check_id", "status"]].to_string(index=False))
