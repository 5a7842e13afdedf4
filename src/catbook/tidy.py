"""Tidy topic tables derived from ``data/figures.csv``: ``data/tables/*.csv``.

The figures table holds one row per number the report states, in reading order.
The tables here regroup some of those rows by topic, one observation per row,
so that a reader can plot or join them without reading ``measure_en``:

* **by-year tables** (``<topic>_by_year``): one row per ``series`` and ``year``;
  the year is read from the figure's ``period`` (a figure stated once for two
  years, period ``"2009;2010"``, gives one row per year, both citing it);
* **breakdowns** (``<topic>_by_<dimension>``): one row per ``category``, with the
  ``parent`` category it is a part of ("" for the whole), and the ``period`` as
  the figure gives it.

Numbers are never typed here. A table is a list of picks -- a figure id, the
line it must come from (as in :mod:`catbook.audit`: a renumbered figures table
fails loudly instead of filling a table with the wrong number) and the label
of its series or category. ``value``, ``unit``, ``qualifier``, ``period``,
``measure_en`` and ``note`` are copied from the figure's row as stored (the
value as its CSV text, so nothing is reformatted). Every row keeps the
``figure_id``, ``source_line`` and ``para_no`` (the official paragraph) it came from.

Totals stated by the report are rows like any other (``category`` ``all``);
nothing is summed here: whether parts add up is the audit's business
(:mod:`catbook.audit`). Values are as printed, even where a figure's ``note``
says they are wrong (the prison population of line 464 is "48 6864").

``python -m catbook.tidy`` writes every table (and removes stale CSVs from
``data/tables/``); a test proves the committed files equal a fresh build.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .figures import COLUMNS as FIGURE_COLUMNS
from .paths import DATA, FIGURES_CSV

TABLES_DIR = DATA / "tables"

BY_YEAR = "by-year"
BREAKDOWN = "breakdown"

#: Columns of a by-year table.
BY_YEAR_COLUMNS = ["series", "year", "value", "unit", "qualifier", "period", "measure_en",
                   "figure_id", "source_line", "para_no", "note"]
#: Columns of a breakdown.
BREAKDOWN_COLUMNS = ["category", "parent", "period", "value", "unit", "qualifier", "measure_en",
                     "figure_id", "source_line", "para_no", "note"]
#: Columns copied unchanged from the figure's row.
COPIED = ["value", "unit", "qualifier", "period", "measure_en", "figure_id", "source_line", "para_no", "note"]

_YEARS_RE = re.compile(r"^\d{4}(?:;\d{4})*$")


class TidyError(ValueError):
    """A table refers to a figure that is not where it expects, or cannot be tidied."""


@dataclass(frozen=True)
class Label:
    """A series (by-year table) or category (breakdown): its code and meaning."""
    code: str
    description: str
    picks: tuple[tuple[str, int], ...]  # (figure_id, source_line)
    parent: str = ""  # breakdowns only: the category this one is part of


@dataclass(frozen=True)
class Table:
    name: str
    kind: str  # BY_YEAR or BREAKDOWN
    title: str
    description: str
    labels: tuple[Label, ...]

    @property
    def columns(self) -> list[str]:
        return BY_YEAR_COLUMNS if self.kind == BY_YEAR else BREAKDOWN_COLUMNS

    @property
    def label_column(self) -> str:
        return "series" if self.kind == BY_YEAR else "category"

    @property
    def primary_key(self) -> list[str]:
        return ["series", "year"] if self.kind == BY_YEAR else ["figure_id"]

    @property
    def path(self) -> Path:
        return TABLES_DIR / f"{self.name}.csv"


def _ids(prefix: str, *nums: int) -> tuple[str, ...]:
    return tuple(f"{prefix}-{n:03d}" for n in nums)


def L(code: str, description: str, line: int, ids: tuple[str, ...] | str, parent: str = "") -> Label:  # noqa: N802
    """A label whose figures all come from one line."""
    if isinstance(ids, str):
        ids = (ids,)
    return Label(code, description, tuple((i, line) for i in ids), parent)


# ---------------------------------------------------------------------------
# The tables
# ---------------------------------------------------------------------------

TABLES: tuple[Table, ...] = (
    Table(
        "torture_cases_by_year", BY_YEAR,
        "Criminal cases concerning torture, by year",
        "Criminal cases opened concerning torture 2009-2012 as stated in part II (line 52) and "
        "restated in part V from the Prosecutor General's legal statistics (line 223), and the "
        "cases against prison staff of 2010-2012 (lines 258-260).",
        (
            L("cases-opened", "criminal cases opened concerning torture (line 52)", 52,
              _ids("art-1-4-5", 6, 7, 8, 9)),
            L("cases-opened-restated", "the same count restated in part V, citing the Prosecutor "
              "General's legal statistics committee (line 223)", 223, _ids("cases-ngo", 1, 2, 3, 4)),
            L("prison-staff-cases", "criminal cases against prison staff for torture, violence against "
              "detainees or abuse of office (Criminal Code arts 347-1 and 308)", 258, "co2-7-001"),
            L("prison-staff-officers-concerned", "prison officers concerned by those cases", 258, "co2-7-002"),
            L("prison-staff-convicted", "persons convicted in the cases opened against prison staff", 259,
              "co2-7-003"),
            L("officers-convicted-violence", "officers convicted for use of violence", 260, "co2-7-004"),
        ),
    ),
    Table(
        "extradition_by_year", BY_YEAR,
        "Extraditions, refusals and extradition orders, by year",
        "Persons extradited at the request of foreign authorities and persons whose extradition "
        "Kazakhstan refused, 2008-2012 (lines 338-339; the 2008-2012 totals stay in figures.csv), "
        "extraditions of Uzbek nationals to Uzbekistan (line 341) and the Prosecutor General's "
        "extradition-related instructions executed by the Penitentiary System Committee (line 363).",
        (
            L("extradited", "persons extradited at the request of foreign authorities", 338,
              _ids("co2-unheaded-333", 2, 3, 4, 5, 6)),
            L("refused", "persons whose extradition Kazakhstan refused", 339,
              _ids("co2-unheaded-333", 8, 9, 10, 11, 12)),
            L("extradited-to-uzbekistan", "Uzbek nationals extradited to Uzbekistan", 341,
              "co2-unheaded-333-013"),
            L("instructions-executed", "Prosecutor General's extradition-related instructions executed "
              "by the Penitentiary System Committee", 363, _ids("co2-19", 2, 3, 4, 5, 6)),
        ),
    ),
    Table(
        "detention_by_year", BY_YEAR,
        "Temporary detention: admissions and prosecutors' releases, by year",
        "Suspects placed in temporary detention centres (line 161) and persons released from them "
        "by prosecutors for lack of grounds for arrest (line 163).",
        (
            L("suspects-placed", "suspects placed in temporary detention centres", 161,
              _ids("art-12", 2, 3)),
            L("released-by-prosecutors", "persons released by prosecutors from temporary detention "
              "centres for lack of grounds for arrest", 163, _ids("art-12", 4, 5, 6, 7, 8)),
        ),
    ),
    Table(
        "penitentiary_requests_by_year", BY_YEAR,
        "Requests to the Penitentiary System Committee, by year",
        "Requests from individuals and legal entities received by the Penitentiary System "
        "Committee 2008-2012, and the share of complaints alleging unlawful acts by prison "
        "officers (line 184).",
        (
            L("requests-received", "requests received by the Penitentiary System Committee", 184,
              _ids("art-13", 1, 3, 4, 5, 2)),
            L("share-alleging-officer-misconduct", "share of complaints alleging unlawful acts by "
              "prison officers (percent)", 184, _ids("art-13", 6, 7)),
        ),
    ),
    Table(
        "funds_by_year", BY_YEAR,
        "Money allocated to detention, by year",
        "Funds allocated to specialised institutions ('établissements spécialisés', line 93: one amount "
        "stated for both 2009 and 2010, so two rows cite art-2-014), spending on diagnostic "
        "equipment for prison infirmaries (line 78) and the 2012 allocation for medical equipment "
        "(line 386), in tenge.",
        (
            L("specialised-institutions", "funds allocated to specialised institutions "
              "(établissements spécialisés)", 93, _ids("art-2", 14, 15, 16)),
            L("diagnostic-equipment", "spending on diagnostic equipment for prison infirmaries", 78,
              "art-2-006"),
            L("medical-equipment", "national budget allocation for medical equipment and quality of "
              "care in the prison system", 386, "co2-21-f-001"),
        ),
    ),
    Table(
        "monitoring_by_year", BY_YEAR,
        "Monitoring visits, checks and interventions in places of detention, by year",
        "Visits by NGOs and by members of public monitoring commissions (line 241), joint checks "
        "by Ministry of Internal Affairs officers and the 'Charter for Human Rights' foundation "
        "(line 244), and interventions organised with the public monitoring commissions "
        "(line 283: counted as interventions, a unit of their own, never added to visits).",
        (
            L("ngo-visits", "visits by NGOs to remand centres and prisons", 241, _ids("cases-ngo", 16, 17)),
            L("commission-member-visits", "visits to institutions by members of public monitoring "
              "commissions", 241, "cases-ngo-018"),
            L("joint-checks", "checks in Ministry of Internal Affairs bodies with the 'Charter for "
              "Human Rights' foundation", 244, "cases-ngo-019"),
            L("joint-checks-specialised", "of those, checks in specialised (temporary detention) "
              "institutions", 244, "cases-ngo-020"),
            L("commission-interventions", "interventions organised with the public monitoring "
              "commissions (not visits)", 283, _ids("co2-unheaded-275", 4, 3)),
        ),
    ),
    Table(
        "family_violence_by_year", BY_YEAR,
        "Family violence: offences, protection orders, police measures, by year",
        "Murders in the family sphere (line 439), protection orders and their enforcement "
        "(lines 447-451), police measures (line 452), women's requests and referrals (line 455), "
        "helpline calls (line 456) and awareness events (line 459).",
        (
            L("family-murders", "murders in the family sphere", 439, _ids("co2-30-31", 3, 4)),
            L("protection-orders-issued", "protection orders issued", 447, _ids("co2-30-31", 6, 5)),
            L("protection-orders-extended", "protection orders whose term was extended", 449,
              _ids("co2-30-31", 11, 10)),
            L("protection-order-breaches-penalised", "offenders given administrative penalties for "
              "breaching a protection order", 450, _ids("co2-30-31", 13, 12)),
            L("special-rules-of-conduct", "administrative offenders placed by courts under special "
              "rules of conduct", 451, _ids("co2-30-31", 15, 14)),
            L("preventive-interviews", "preventive interviews with perpetrators", 452,
              _ids("co2-30-31", 17, 16)),
            L("brought-to-police", "perpetrators brought to Ministry of Internal Affairs offices", 452,
              _ids("co2-30-31", 19, 18)),
            L("administrative-arrests", "persons placed under administrative arrest (Administrative "
              "Offences Code art. 620)", 452, _ids("co2-30-31", 21, 20)),
            L("women-turned-to-police", "women who turned to the Ministry of Internal Affairs about "
              "violations of their rights", 455, "co2-30-31-023"),
            L("women-referred-to-crisis-centres", "of those women, women referred to crisis centres",
              455, "co2-30-31-024"),
            L("helpline-calls", "calls received by the Astana police helpline", 456,
              _ids("co2-30-31", 26, 25)),
            L("awareness-presentations", "presentations on the new family-violence legislation", 459,
              _ids("co2-30-31", 29, 28)),
            L("awareness-round-tables", "round tables and trainings on family violence in enterprises "
              "and organisations", 459, _ids("co2-30-31", 31, 30)),
        ),
    ),
    Table(
        "trafficking_by_year", BY_YEAR,
        "Trafficking in human beings: criminal cases and prosecutions, by year",
        "Criminal cases related to trafficking and their subsets (line 470), persons prosecuted "
        "(line 472) and cases uncovered by the 'Stop trafficking' operation (lines 473-474).",
        (
            L("cases-related", "criminal cases related to trafficking in human beings opened", 470,
              _ids("co2-32", 16, 17)),
            L("cases-trafficking", "of those, cases for trafficking in human beings proper", 470,
              _ids("co2-32", 18, 19)),
            L("cases-sexual-exploitation", "of the trafficking cases, cases for sexual exploitation", 470,
              _ids("co2-32", 20, 21)),
            L("cases-minors", "criminal cases opened for trafficking in minors", 470, "co2-32-022"),
            L("cases-minors-sexual-exploitation", "cases of trafficking in minors for sexual "
              "exploitation", 470, _ids("co2-32", 23, 24)),
            L("persons-prosecuted", "persons prosecuted for trafficking-related offences", 472,
              _ids("co2-32", 26, 25)),
            L("officials-prosecuted", "of those, State officials", 472, _ids("co2-32", 28, 27)),
            Label("stop-trafficking-cases", "cases uncovered by the 'Stop trafficking' operation",
                  (("co2-32-029", 473), ("co2-32-030", 474))),
        ),
    ),
    Table(
        "penitentiary_institutions_by_type", BREAKDOWN,
        "Institutions of the penitentiary system, by type",
        "The 94 institutions of the penitentiary system (line 462) and the penitentiary "
        "institutions by regime or type (line 463). As printed, the types of line 463 add up "
        "to 75, not the 76 of line 462 (see data/audit.csv).",
        (
            L("all", "institutions of the penitentiary system", 462, "co2-32-001"),
            L("penitentiary-institutions", "penitentiary institutions (colonies, hospitals, prisons)",
              462, "co2-32-002", parent="all"),
            L("remand-centres", "remand centres (SIZO)", 462, "co2-32-003", parent="all"),
            L("ordinary-regime", "ordinary-regime institutions", 463, "co2-32-004",
              parent="penitentiary-institutions"),
            L("strict-regime", "strict-regime institutions", 463, "co2-32-005",
              parent="penitentiary-institutions"),
            L("special-regime", "special-regime institutions", 463, "co2-32-006",
              parent="penitentiary-institutions"),
            L("hospitals", "prison hospitals", 463, "co2-32-007", parent="penitentiary-institutions"),
            L("semi-open", "semi-open (colony-settlement) institutions", 463, "co2-32-008",
              parent="penitentiary-institutions"),
            L("correctional-centre", "correctional (educational) centre", 463, "co2-32-009",
              parent="penitentiary-institutions"),
            L("prison", "prison (tyurma)", 463, "co2-32-010", parent="penitentiary-institutions"),
        ),
    ),
    Table(
        "prison_population_by_category", BREAKDOWN,
        "Prison population, by category",
        "Convicted and remand prisoners held in 2009 and on 1 January 2013 (line 104), and on "
        "1 January 2013 by category (line 464). Line 464 prints the total as '48 6864' "
        "(486 864); line 104 gives 48 684 for the same date. Both are kept as printed.",
        (
            L("all", "convicted and remand prisoners held", 104, _ids("art-2", 24, 23)),
            L("all", "convicted and remand prisoners held (as printed on line 464)", 464, "co2-32-011"),
            L("women", "women", 464, "co2-32-012", parent="all"),
            L("minors", "minors", 464, "co2-32-013", parent="all"),
            L("foreigners", "foreigners", 464, "co2-32-014", parent="all"),
            L("stateless", "stateless persons", 464, "co2-32-015", parent="all"),
        ),
    ),
    Table(
        "releases_by_category", BREAKDOWN,
        "Releases and sentence reductions: humanisation law, 2011 amnesty, pardons",
        "Outcomes of the law of 18 January 2011 (line 105), of the amnesty law of 28 December "
        "2011 with the groups released (line 107), and presidential pardons 2008-2012 (line 108).",
        (
            L("decriminalised-released", "persons released because their offences were "
              "decriminalised (law of 18 January 2011)", 105, "art-2-026"),
            L("humanisation-sentence-reduced", "prisoners whose sentences were reduced (law of "
              "18 January 2011)", 105, "art-2-027"),
            L("humanisation-non-custodial", "persons whose sentence was changed to a non-custodial "
              "sanction (law of 18 January 2011)", 105, "art-2-028"),
            L("amnesty-released", "persons released under the 2011 amnesty", 107, "art-2-029"),
            L("amnesty-released-women", "women", 107, "art-2-030", parent="amnesty-released"),
            L("amnesty-released-disabled", "persons with disabilities", 107, "art-2-031",
              parent="amnesty-released"),
            L("amnesty-released-elderly", "elderly persons", 107, "art-2-032", parent="amnesty-released"),
            L("amnesty-released-minors", "minors", 107, "art-2-033", parent="amnesty-released"),
            L("amnesty-released-quarter-served", "convicts who had served at least a quarter of their "
              "sentence", 107, "art-2-034", parent="amnesty-released"),
            L("amnesty-sentence-reduced", "convicts whose sentence was reduced under the 2011 amnesty",
              107, "art-2-035"),
            L("pardoned", "convicts granted a presidential pardon", 108, "art-2-036"),
        ),
    ),
    Table(
        "torture_convictions_by_sentence", BREAKDOWN,
        "Persons convicted of torture, by kind of sentence",
        "Persons convicted of torture given actual imprisonment or a non-custodial sentence, as "
        "counts and as shares of all persons convicted (lines 55-56); the unit column tells "
        "counts from percentages.",
        (
            L("custodial", "sentenced to actual imprisonment", 55, _ids("art-1-4-5", 11, 12)),
            L("non-custodial", "given a suspended sentence or restriction of liberty", 56,
              _ids("art-1-4-5", 13, 14)),
        ),
    ),
    Table(
        "protection_orders_by_respondent", BREAKDOWN,
        "Protection orders of 2012, by respondent",
        "Shares of the protection orders issued in 2012 taken against men, women and minors "
        "(line 448); as printed they add up to 99.1 %.",
        (
            L("men", "against men", 448, "co2-30-31-007"),
            L("women", "against women", 448, "co2-30-31-008"),
            L("minors", "against minors", 448, "co2-30-31-009"),
        ),
    ),
    Table(
        "temporary_detention_centres_by_city", BREAKDOWN,
        "New temporary detention centres, by city",
        "Capacity (places) of the temporary detention centres built, under construction or "
        "planned, as stated in part II (line 95-96) and again in part VI (line 377).",
        (
            Label("ust-kamenogorsk", "Ust-Kamenogorsk (Oust-Kamenogorsk): completed",
                  (("art-2-017", 95), ("co2-21-c-001", 377))),
            Label("taldykorgan", "Taldykorgan (Taldykourgan): under construction",
                  (("art-2-018", 95), ("co2-21-c-002", 377))),
            Label("kostanay", "Kostanay (Kostanaï): planned, cost studies done",
                  (("art-2-019", 96), ("co2-21-c-003", 377))),
        ),
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------

def load_figures_text() -> pd.DataFrame:
    """figures.csv with every cell as its CSV text, indexed by figure_id."""
    df = pd.read_csv(FIGURES_CSV, dtype=str, keep_default_na=False, encoding="utf-8")
    if list(df.columns) != FIGURE_COLUMNS:
        raise TidyError(f"figures.csv: columns are {list(df.columns)}, expected {FIGURE_COLUMNS}")
    if not df.figure_id.is_unique:
        raise TidyError("figures.csv: figure_id is not unique")
    return df.set_index("figure_id", drop=False)


def _figure(figs: pd.DataFrame, table: str, figure_id: str, line: int) -> pd.Series:
    if figure_id not in figs.index:
        raise TidyError(f"tidy {table}: figure {figure_id} is not in figures.csv")
    row = figs.loc[figure_id]
    if int(row.source_line) != line:
        raise TidyError(f"tidy {table}: figure {figure_id} is on line {row.source_line}, "
                        f"the table expects line {line}")
    return row


def build_table(table: Table, figs: pd.DataFrame | None = None) -> pd.DataFrame:
    """One tidy table, every value copied from its figure's row."""
    if figs is None:
        figs = load_figures_text()
    rows = []
    for label in table.labels:
        for figure_id, line in label.picks:
            fig = _figure(figs, table.name, figure_id, line)
            copied = {c: fig[c] for c in COPIED}
            copied["source_line"] = int(fig.source_line)
            if table.kind == BY_YEAR:
                if not _YEARS_RE.match(fig.period):
                    raise TidyError(f"tidy {table.name}: figure {figure_id} has period "
                                    f"{fig.period!r}, not a year or ';'-separated years")
                for year in fig.period.split(";"):
                    rows.append({"series": label.code, "year": int(year), **copied})
            else:
                rows.append({"category": label.code, "parent": label.parent, **copied})
    df = pd.DataFrame(rows, columns=table.columns)
    if table.kind == BY_YEAR:
        order = {lab.code: i for i, lab in enumerate(table.labels)}
        df = df.sort_values(["series", "year"], key=lambda s: s.map(order) if s.name == "series" else s,
                            kind="stable").reset_index(drop=True)
    dupes = df.duplicated(table.primary_key)
    if dupes.any():
        raise TidyError(f"tidy {table.name}: duplicate key {table.primary_key} in rows "
                        f"{df[dupes].index.tolist()}")
    return df


# ---------------------------------------------------------------------------
# The torture-case reconciliation (defined in data/torture-reconciliation.yaml)
# ---------------------------------------------------------------------------

RECONCILIATION_YAML = DATA / "torture-reconciliation.yaml"
RECONCILIATION_NAME = "torture_reconciliation"
RECONCILIATION_MEASURES = ("cases-opened", "persons", "convictions", "sentences", "no-case")
#: What the computed ``agreement`` column can say.
AGREEMENTS = ("agrees", "differs", "within", "exceeds", "in-tension", "single")
RECONCILIATION_COLUMNS = ["measure", "year", "agency", "quantity", "value", "unit", "qualifier",
                          "measure_en", "figure_id", "source_line", "para_no", "quote_fr",
                          "agreement", "comparison"]


def load_reconciliation_definition(path: Path = RECONCILIATION_YAML) -> list[dict]:
    """The rows of the reconciliation definition, each field checked."""
    import yaml
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = data.get("rows") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not rows:
        raise TidyError(f"{path.name}: no 'rows' list")
    for i, row in enumerate(rows):
        for key in ("figure_id", "line", "measure", "year", "agency", "quantity"):
            if key not in row:
                raise TidyError(f"{path.name}: row {i}: field {key!r} missing")
        if row["measure"] not in RECONCILIATION_MEASURES:
            raise TidyError(f"{path.name}: row {i}: field 'measure' is {row['measure']!r}, "
                            f"expected one of {RECONCILIATION_MEASURES}")
        for key in ("part_of", "stands_against"):
            if not isinstance(row.get(key, []), list):
                raise TidyError(f"{path.name}: row {i}: field {key!r} must be a list")
    return rows


def _num(text: str) -> float:
    return float(text)


def build_reconciliation(figs: pd.DataFrame | None = None,
                         path: Path = RECONCILIATION_YAML) -> pd.DataFrame:
    """The reconciliation table: one row per place, with whether places agree (computed)."""
    if figs is None:
        figs = load_figures_text()
    spec = load_reconciliation_definition(path)
    rows = []
    for d in spec:
        fig = _figure(figs, RECONCILIATION_NAME, d["figure_id"], int(d["line"]))
        rows.append({"measure": d["measure"], "year": str(d["year"]), "agency": d["agency"],
                     "quantity": d["quantity"], "value": fig.value, "unit": fig.unit,
                     "qualifier": fig.qualifier, "measure_en": fig.measure_en,
                     "figure_id": fig.figure_id, "source_line": int(fig.source_line),
                     "para_no": fig.para_no, "quote_fr": fig.quote_fr,
                     "part_of_": d.get("part_of", []), "against_": d.get("stands_against", [])})
    df = pd.DataFrame(rows)
    if df.figure_id.duplicated().any():
        raise TidyError(f"{RECONCILIATION_NAME}: a figure is picked twice")
    first = df.drop_duplicates("quantity").set_index("quantity")
    agreement, comparison = [], []
    for r in df.itertuples():
        same = df[(df.quantity == r.quantity) & (df.figure_id != r.figure_id)]
        if len(same):
            others = ", ".join(f"{o.figure_id} (line {o.source_line}: {o.value})" for o in same.itertuples())
            ok = all(_num(o.value) == _num(r.value) for o in same.itertuples())
            agreement.append("agrees" if ok else "differs")
            comparison.append(f"same quantity as {others}: {'agrees' if ok else 'differs'}")
        elif r.part_of_:
            missing = [q for q in r.part_of_ if q not in first.index]
            if missing:
                raise TidyError(f"{RECONCILIATION_NAME}: {r.figure_id}: field 'part_of' names "
                                f"unknown quantities {missing}")
            whole = sum(_num(first.loc[q].value) for q in r.part_of_)
            ok = _num(r.value) <= whole
            agreement.append("within" if ok else "exceeds")
            comparison.append(f"part of {' + '.join(r.part_of_)} = {whole:g}: "
                              f"{'within' if ok else 'exceeds'} it")
        elif r.against_:
            missing = [i for i in r.against_ if i not in set(df.figure_id)]
            if missing:
                raise TidyError(f"{RECONCILIATION_NAME}: {r.figure_id}: field 'stands_against' "
                                f"names figures not in the table {missing}")
            counted = df.set_index("figure_id").loc[r.against_]
            total = sum(_num(v) for v in counted.value)
            agreement.append("in-tension" if total > _num(r.value) else "agrees")
            comparison.append(f"states {r.value}; {total:g} cases counted in an overlapping scope at "
                              + ", ".join(f"{i} (line {counted.loc[i].source_line})" for i in r.against_))
        else:
            agreement.append("single")
            comparison.append("given in one place only")
    df["agreement"] = agreement
    df["comparison"] = comparison
    return df[RECONCILIATION_COLUMNS]


def build_tables() -> dict[str, pd.DataFrame]:
    """Every table, by name (the topic tables and the torture-case reconciliation)."""
    figs = load_figures_text()
    tables = {t.name: build_table(t, figs) for t in TABLES}
    tables[RECONCILIATION_NAME] = build_reconciliation(figs)
    return tables


def to_csv_text(df: pd.DataFrame) -> str:
    """The CSV text a table is committed as (UTF-8, '\\n' line ends, like figures.csv)."""
    return df.to_csv(index=False, lineterminator="\n")


def write_tables(directory: Path = TABLES_DIR) -> dict[str, Path]:
    """Write every table to ``directory``; remove CSVs there that no table writes."""
    directory.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name, df in build_tables().items():
        path = directory / f"{name}.csv"
        path.write_text(to_csv_text(df), encoding="utf-8", newline="")
        written[name] = path
    for stale in directory.glob("*.csv"):
        if stale.stem not in written:
            stale.unlink()
    return written


def main() -> int:
    written = write_tables()
    for name, path in written.items():
        n = sum(1 for _ in path.open(encoding="utf-8")) - 1
        print(f"wrote {path.relative_to(DATA.parent)}: {n} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
