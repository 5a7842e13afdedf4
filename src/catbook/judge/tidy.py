"""Tidy topic tables derived from the pack's ``figures.csv``: its ``tables/*.csv``.

The figures table holds one row per number the report states, in reading order.
The tables here regroup some of those rows by topic, one observation per row,
so that a reader can plot or join them without reading ``measure_en``:

* **by-year tables** (``<topic>_by_year``): one row per ``series`` and ``year``;
  the year is read from the figure's ``period`` (a figure stated once for two
  years, period ``"2009;2010"``, gives one row per year, both citing it);
* **breakdowns** (``<topic>_by_<dimension>``): one row per ``category``, with the
  ``parent`` category it is a part of ("" for the whole), and the ``period`` as
  the figure gives it.

Numbers are never typed here. The tables are defined in the pack's ``table-definitions.yaml``
(read by :func:`load_table_definitions`). A table is a list of picks -- a figure id, the
line it must come from (as in :mod:`catbook.judge.audit`: a renumbered figures table
fails loudly instead of filling a table with the wrong number) and the label
of its series or category. ``value``, ``unit``, ``qualifier``, ``period``,
``measure_en`` and ``note`` are copied from the figure's row as stored (the
value as its CSV text, so nothing is reformatted). Every row keeps the
``figure_id``, ``source_line`` and ``para_no`` (the official paragraph) it came from.

Totals stated by the report are rows like any other (``category`` ``all``);
nothing is summed here: whether parts add up is the audit's business
(:mod:`catbook.judge.audit`). Values are as printed, even where a figure's ``note``
says they are wrong (a number printed with a misplaced space stays as printed).

``python -m catbook.judge.tidy`` writes every table (and removes stale CSVs from
the pack's ``tables/``); a test proves the committed files equal a fresh build.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Literal
from pathlib import Path

import pandas as pd
from catbook.pack.datafile import DataFileError, StrictModel, load_yaml
from catbook.pack.paths import PACK, RECONCILIATION_YAML, TABLE_DEFINITIONS_YAML, TABLES_DIR


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


class TidyError(DataFileError):
    """A table refers to a figure that is not where it expects, or cannot be tidied; names the file or table."""


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


class _Pick(StrictModel):
    figure_id: str
    line: int


class _Label(StrictModel):
    code: str
    description: str
    parent: str = ""
    line: int | None = None
    figure_ids: list[str] = []
    picks: list[_Pick] = []


class _Table(StrictModel):
    name: str
    kind: Literal["by-year", "breakdown"]
    title: str
    description: str
    labels: list[_Label]


class _File(StrictModel):
    tables: list[_Table]


def load_table_definitions(path: Path = TABLE_DEFINITIONS_YAML) -> tuple[Table, ...]:
    """The tables of the pack's table-definitions.yaml; a bad entry raises TidyError naming it."""
    entries = load_yaml(path, _File, TidyError).tables
    tables = []
    for t in entries:
        labels = []
        for i, lab in enumerate(t.labels):
            where = f"{path.name}: {t.name}.labels[{i}] ({lab.code})"
            if bool(lab.picks) == bool(lab.figure_ids):
                raise TidyError(f"{where}: give either line and figure_ids, or picks")
            if lab.figure_ids and lab.line is None:
                raise TidyError(f"{where}.line: the line the figure ids come from is missing")
            if lab.parent and t.kind != BREAKDOWN:
                raise TidyError(f"{where}.parent: only a breakdown's categories have a parent")
            picks = (tuple((f, lab.line) for f in lab.figure_ids) if lab.figure_ids
                     else tuple((p.figure_id, p.line) for p in lab.picks))
            labels.append(Label(lab.code, lab.description, picks, lab.parent))
        tables.append(Table(t.name, t.kind, t.title, t.description, tuple(labels)))
    return tuple(tables)


TABLES: tuple[Table, ...] = load_table_definitions()
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------

def load_figures_text() -> pd.DataFrame:
    """figures.csv with every cell as its CSV text, indexed by figure_id (read and validated by
    catbook.pack.tables: header, unique ids, types)."""
    from catbook.pack import tables
    return tables.load("figures").set_index("figure_id", drop=False)


def _figure(figs: pd.DataFrame, table: str, figure_id: str, line: int) -> pd.Series:
    from catbook.text.figures import FigureLookupError, figure
    try:
        return figure(figure_id, line=line, figures=figs)
    except FigureLookupError as error:
        raise TidyError(f"tidy {table}: figure {error.figure_id}: {error.reason}") from None


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
# The torture-case reconciliation (defined in the pack's torture-reconciliation.yaml)
# ---------------------------------------------------------------------------

RECONCILIATION_NAME = "torture_reconciliation"
RECONCILIATION_MEASURES = ("cases-opened", "persons", "convictions", "sentences", "no-case")
#: What the computed ``agreement`` column can say.
AGREEMENTS = ("agrees", "differs", "within", "exceeds", "in-tension", "not-comparable", "single")
RECONCILIATION_COLUMNS = ["measure", "year", "agency", "quantity", "value", "unit", "qualifier",
                          "measure_en", "figure_id", "source_line", "para_no", "quote_fr",
                          "months_figure_id", "duration", "duration_months",
                          "agreement", "comparison"]


class _FigurePick(StrictModel):
    figure_id: str
    line: int


class _NotComparable(StrictModel):
    """A quantity this row looks like a part of but must not be set against, and why."""
    quantity: str
    reason: str


class _ReconciliationRow(StrictModel):
    figure_id: str
    line: int
    measure: Literal["cases-opened", "persons", "convictions", "sentences", "no-case"]
    year: str
    agency: str
    quantity: str
    part_of: list[str] = []
    stands_against: list[str] = []
    #: sentences only: the figure giving the months part of the same sentence (same line).
    months: _FigurePick | None = None
    not_comparable_with: _NotComparable | None = None


class _ReconciliationFile(StrictModel):
    title: str
    rows: list[_ReconciliationRow]


assert _ReconciliationRow.model_fields["measure"].annotation.__args__ == RECONCILIATION_MEASURES


def load_reconciliation_definition(path: Path = RECONCILIATION_YAML) -> list[_ReconciliationRow]:
    """The rows of the reconciliation definition, read through a strict model: an unknown key (a
    value YAML split at a comma leaves one), a missing one or a wrong type raises TidyError naming
    the file, the row and the field."""
    rows = load_yaml(path, _ReconciliationFile, TidyError).rows
    if not rows:
        raise TidyError(file=path.name, field="rows", reason="no rows")
    for i, row in enumerate(rows):
        if row.months is not None and row.measure != "sentences":
            raise TidyError(file=path.name, field=f"rows.{i}.months", reason="only a sentence has a months part")
        if row.months is not None and row.months.line != row.line:
            raise TidyError(file=path.name, field=f"rows.{i}.months.line",
                            reason=f"the months part must come from the sentence's own line {row.line}")
        if row.not_comparable_with is not None and row.part_of:
            raise TidyError(file=path.name, field=f"rows.{i}.not_comparable_with",
                            reason="a row cannot be both part_of and not comparable with a quantity")
    return rows


def _num(text: str) -> float:
    return float(text)


def _duration(years: int, months: int) -> str:
    """'6 years 8 months', '5 years', '1 year 1 month'."""
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts) or "0 months"


def build_reconciliation(figs: pd.DataFrame | None = None,
                         path: Path = RECONCILIATION_YAML) -> pd.DataFrame:
    """The reconciliation table: one row per place, with whether places agree (computed).

    A sentence keeps its months: ``value`` is the figure's years part (as stored), ``duration`` the
    whole sentence as the report gives it ("6 years 8 months") and ``duration_months`` its exact
    length in months, read from the months figure named by ``months``.
    """
    if figs is None:
        figs = load_figures_text()
    spec = load_reconciliation_definition(path)
    rows = []
    for d in spec:
        fig = _figure(figs, RECONCILIATION_NAME, d.figure_id, d.line)
        months_id, duration, total = "", "", ""
        if d.measure == "sentences":
            if fig.unit != "years":
                raise TidyError(f"{RECONCILIATION_NAME}: {d.figure_id}: a sentence's figure must be in "
                                f"years, not {fig.unit!r}")
            years, months = int(_num(fig.value)), 0
            if d.months is not None:
                mfig = _figure(figs, RECONCILIATION_NAME, d.months.figure_id, d.months.line)
                if mfig.unit != "months":
                    raise TidyError(f"{RECONCILIATION_NAME}: {d.figure_id}: months figure "
                                    f"{mfig.figure_id} is in {mfig.unit!r}, not months")
                months_id, months = mfig.figure_id, int(_num(mfig.value))
            duration, total = _duration(years, months), years * 12 + months
        rows.append({"measure": d.measure, "year": d.year, "agency": d.agency,
                     "quantity": d.quantity, "value": fig.value, "unit": fig.unit,
                     "qualifier": fig.qualifier, "measure_en": fig.measure_en,
                     "figure_id": fig.figure_id, "source_line": int(fig.source_line),
                     "para_no": fig.para_no, "quote_fr": fig.quote_fr,
                     "months_figure_id": months_id, "duration": duration, "duration_months": total,
                     "part_of_": list(d.part_of), "against_": list(d.stands_against),
                     "apart_": d.not_comparable_with})
    df = pd.DataFrame(rows)
    if df.figure_id.duplicated().any():
        raise TidyError(f"{RECONCILIATION_NAME}: a figure is picked twice")
    first = df.drop_duplicates("quantity").set_index("quantity")
    agreement, comparison = [], []
    for r in df.itertuples():
        same = df[(df.quantity == r.quantity) & (df.figure_id != r.figure_id)]
        if len(same):
            others = ", ".join(f"{o.figure_id} (line {o.source_line}: {o.value})" for o in same.itertuples())
            ok = all(_num(o.value) == _num(r.value) and o.duration_months == r.duration_months
                     for o in same.itertuples())
            agreement.append("agrees" if ok else "differs")
            comparison.append(f"same quantity as {others}: {'agrees' if ok else 'differs'}")
        elif r.apart_ is not None:
            q = r.apart_.quantity
            if q not in first.index:
                raise TidyError(f"{RECONCILIATION_NAME}: {r.figure_id}: field 'not_comparable_with' "
                                f"names unknown quantity {q!r}")
            agreement.append("not-comparable")
            comparison.append(f"not comparable with {q} ({first.loc[q].value}, line "
                              f"{first.loc[q].source_line}): {r.apart_.reason}")
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
        elif r.duration:
            agreement.append("single")
            comparison.append(f"given in one place only; the sentence is {r.duration} "
                              f"= {r.duration_months} months"
                              + (f" (years {r.figure_id} + months {r.months_figure_id})"
                                 if r.months_figure_id else ""))
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
        print(f"wrote {path.relative_to(PACK.parent)}: {n} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
