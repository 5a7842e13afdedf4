"""data/cat-c-kaz-3/tables/*.csv: tidy topic tables, every value a figure of data/cat-c-kaz-3/figures.csv."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from catbook.judge import tidy
from catbook.text.figures import QUALIFIERS, UNITS, figure, load_figures
from catbook.pack.paths import FIGURES_CSV


@pytest.fixture(scope="module")
def built() -> dict[str, pd.DataFrame]:
    return tidy.build_tables()


@pytest.fixture(scope="module")
def figs_text() -> pd.DataFrame:
    return tidy.load_figures_text()


@pytest.fixture(scope="module")
def figs() -> pd.DataFrame:
    return load_figures().set_index("figure_id")


def _committed(name: str) -> pd.DataFrame:
    return pd.read_csv(tidy.TABLES_DIR / f"{name}.csv", dtype=str, keep_default_na=False)


# --- committed files ---------------------------------------------------------

@pytest.mark.parametrize("table", tidy.TABLES, ids=lambda t: t.name)
def test_committed_table_is_a_fresh_build(table, built):
    path = tidy.TABLES_DIR / f"{table.name}.csv"
    assert path.exists(), f"{path} is missing: run `python -m catbook.judge.tidy`"
    assert path.read_text(encoding="utf-8") == tidy.to_csv_text(built[table.name]), \
        f"{path} is stale: run `python -m catbook.judge.tidy`"


def test_no_stale_files_in_tables_dir():
    on_disk = {p.stem for p in tidy.TABLES_DIR.glob("*")}
    assert on_disk == {t.name for t in tidy.TABLES} | {tidy.RECONCILIATION_NAME}


def test_write_tables_writes_the_same_files(tmp_path):
    (tmp_path / "old_table.csv").write_text("x\n1\n", encoding="utf-8")
    written = tidy.write_tables(tmp_path)
    assert {p.name for p in tmp_path.iterdir()} == {f"{n}.csv" for n in written}
    for name, path in written.items():
        assert path.read_bytes() == (tidy.TABLES_DIR / f"{name}.csv").read_bytes()


# --- every value is its figure's value --------------------------------------

@pytest.mark.parametrize("table", tidy.TABLES, ids=lambda t: t.name)
def test_every_row_is_its_figure(table, figs_text, figs):
    df = _committed(table.name)
    assert list(df.columns) == table.columns
    assert len(df) > 0
    for row in df.itertuples(index=False):
        fig = figure(row.figure_id, figures=figs_text)
        for col in tidy.COPIED:
            if col != "figure_id":
                assert getattr(row, col) == fig[col], (table.name, row.figure_id, col)
        # the value as a number too (not only as text)
        assert float(row.value) == figs.loc[row.figure_id, "value"], (table.name, row.figure_id)
        assert int(row.source_line) == figs.loc[row.figure_id, "source_line"]
        assert row.unit in UNITS and row.qualifier in QUALIFIERS


@pytest.mark.parametrize("table", [t for t in tidy.TABLES if t.kind == tidy.BY_YEAR],
                         ids=lambda t: t.name)
def test_year_comes_from_the_period(table):
    df = _committed(table.name)
    for row in df.itertuples(index=False):
        assert row.year in row.period.split(";"), (table.name, row.figure_id)
    # one row per series and year, and a series is one measure in one unit
    assert not df.duplicated(["series", "year"]).any()
    assert (df.groupby("series").unit.nunique() == 1).all(), table.name


@pytest.mark.parametrize("table", tidy.TABLES, ids=lambda t: t.name)
def test_rows_are_exactly_the_picks(table):
    df = _committed(table.name)
    picked = [(lab.code, fid, line) for lab in table.labels for fid, line in lab.picks]
    got = list(df[[table.label_column, "figure_id", "source_line"]].drop_duplicates()
               .itertuples(index=False, name=None))
    assert sorted(got) == sorted((c, f, str(n)) for c, f, n in picked)


@pytest.mark.parametrize("table", [t for t in tidy.TABLES if t.kind == tidy.BREAKDOWN],
                         ids=lambda t: t.name)
def test_breakdown_parents_are_categories_of_the_table(table):
    df = _committed(table.name)
    parents = set(df.parent) - {""}
    assert parents <= set(df.category), table.name
    assert df.figure_id.is_unique


def test_a_figure_stated_for_two_years_gives_two_rows():
    df = _committed("funds_by_year")
    both = df[df.period == "2009;2010"]
    assert both.year.tolist() == ["2009", "2010"]
    assert both.figure_id.nunique() == 1 and both.value.nunique() == 1


def test_misprinted_values_are_kept_as_printed(figs):
    """Line 464's '48 6864' stays 486864 in the tidy table: figures are never corrected here."""
    df = _committed("prison_population_by_category")
    row = df[df.source_line == "464"].set_index("category").loc["all"]
    assert float(row.value) == figs.loc[row.figure_id, "value"]
    assert "48 6864" in row.note


def test_tables_cover_the_time_series_the_audit_uses(built):
    """The series the audit checks year by year are here with every year it reads."""
    years = lambda name, series: built[name].loc[built[name].series == series, "year"].tolist()  # noqa: E731
    assert years("torture_cases_by_year", "cases-opened") == [2009, 2010, 2011, 2012]
    assert years("extradition_by_year", "extradited") == [2008, 2009, 2010, 2011, 2012]
    assert years("extradition_by_year", "refused") == [2008, 2009, 2010, 2011, 2012]
    assert years("penitentiary_requests_by_year", "requests-received") == [2008, 2009, 2010, 2011, 2012]
    assert years("detention_by_year", "released-by-prosecutors") == [2008, 2009, 2010, 2011, 2012]


# --- errors ------------------------------------------------------------------

def _with_pick(table: tidy.Table, figure_id: str, line: int) -> tidy.Table:
    lab = dataclasses.replace(table.labels[0], picks=((figure_id, line),))
    return dataclasses.replace(table, labels=(lab,))


def test_a_figure_on_another_line_fails_loudly():
    table = tidy.TABLES_BY_NAME["extradition_by_year"]
    with pytest.raises(tidy.TidyError, match="fig-co2-unheaded-333-002 is on line 338"):
        tidy.build_table(_with_pick(table, "fig-co2-unheaded-333-002", 339))


def test_an_unknown_figure_fails_loudly():
    table = tidy.TABLES_BY_NAME["extradition_by_year"]
    with pytest.raises(tidy.TidyError, match="not in figures.csv"):
        tidy.build_table(_with_pick(table, "co2-unheaded-333-999", 338))


def test_a_period_that_is_not_a_year_cannot_go_in_a_by_year_table():
    table = tidy.TABLES_BY_NAME["extradition_by_year"]
    with pytest.raises(tidy.TidyError, match="'2008-2012'"):
        tidy.build_table(_with_pick(table, "fig-co2-unheaded-333-001", 338))


def test_duplicate_keys_are_refused():
    table = tidy.TABLES_BY_NAME["extradition_by_year"]
    lab = table.labels[0]
    twice = dataclasses.replace(table, labels=(lab, lab))
    with pytest.raises(tidy.TidyError, match="duplicate key"):
        tidy.build_table(twice)


def test_data_readme_lists_every_table():
    readme = (tidy.TABLES_DIR.parent / "README.md").read_text(encoding="utf-8")
    missing = [t.name for t in tidy.TABLES if f"`tables/{t.name}.csv`" not in readme]
    assert not missing, "data/README.md does not describe these tables"


# --- the torture-case reconciliation -------------------------------------------

def test_reconciliation_committed_is_a_fresh_build(built):
    path = tidy.TABLES_DIR / f"{tidy.RECONCILIATION_NAME}.csv"
    assert path.read_text(encoding="utf-8") == tidy.to_csv_text(built[tidy.RECONCILIATION_NAME])


def test_reconciliation_rows_are_their_figures(figs_text):
    df = _committed(tidy.RECONCILIATION_NAME)
    for r in df.itertuples():
        fig = figure(r.figure_id, figures=figs_text)
        assert (r.value, r.source_line, r.quote_fr) == (fig.value, fig.source_line, fig.quote_fr)


def test_reconciliation_covers_every_place_the_brief_names(figs_text):
    lines = set(_committed(tidy.RECONCILIATION_NAME).source_line.astype(int))
    assert {52, 53, 55, 56, 44, 223, 225, 226, 233, 245, 258, 259, 260, 272, 286} <= lines
    torture = figs_text[(figs_text.topic == "torture-cases")]
    assert set(torture.index) <= set(_committed(tidy.RECONCILIATION_NAME).figure_id)


def test_reconciliation_agreement_is_computed():
    df = _committed(tidy.RECONCILIATION_NAME).set_index("figure_id")
    assert df.loc["fig-art-1-4-5-007", "agreement"] == "agrees"  # line 52 and line 223 both 13
    assert df.loc["fig-art-1-4-5-010", "agreement"] == "within"  # 36 of 49 in 2009-2012
    # line 258's 9 cases mix arts 347-1 and 308: never "within" the 13 torture cases of 2010
    assert df.loc["fig-co2-7-001", "agreement"] == "not-comparable"
    assert "prison-staff-torture-cases-2010" in df.loc["fig-co2-7-001", "comparison"]
    assert df.loc["fig-co2-7-005", "agreement"] == "in-tension"  # 0 against 36
    assert set(df.agreement) <= set(tidy.AGREEMENTS)


def test_reconciliation_detects_a_disagreement(figs_text):
    changed = figs_text.copy()
    changed["figure_id"] = changed.index
    changed.loc["fig-cases-ngo-002", "value"] = "14"
    df = tidy.build_reconciliation(changed).set_index("figure_id")
    assert df.loc["fig-art-1-4-5-007", "agreement"] == "differs"
    changed.loc["fig-art-1-4-5-010", "value"] = "60"
    assert tidy.build_reconciliation(changed).set_index("figure_id").loc["fig-art-1-4-5-010", "agreement"] == "exceeds"


def test_reconciliation_definition_errors_name_the_field(tmp_path):
    bad = tmp_path / "r.yaml"
    bad.write_text("title: t\nrows:\n  - {figure_id: fig-co2-7-001, line: 258, measure: visits, year: '2010', "
                   "agency: x, quantity: q}\n", encoding="utf-8")
    with pytest.raises(tidy.TidyError, match="measure"):
        tidy.build_reconciliation(path=bad)
    bad.write_text("title: t\nrows:\n  - {figure_id: fig-co2-7-001, line: 259, measure: persons, year: '2010', "
                   "agency: x, quantity: q}\n", encoding="utf-8")
    with pytest.raises(tidy.TidyError, match="line 258"):
        tidy.build_reconciliation(path=bad)
def test_interventions_are_not_visits(built):
    """Line 283 counts interventions: a unit of their own, never a visits series to add to."""
    mon = built["monitoring_by_year"]
    inter = mon[mon.figure_id.isin(["fig-co2-unheaded-275-003", "fig-co2-unheaded-275-004"])]
    assert set(inter.unit) == {"interventions"} and set(inter.series) == {"commission-interventions"}
    assert not inter.measure_en.str.contains("and visits").any()
    for series, rows in mon.groupby("series"):
        assert rows.unit.nunique() == 1, series   # no series mixes visits with interventions


def test_specialised_institutions_are_not_pre_trial(built):
    funds = built["funds_by_year"]
    spec = funds[funds.series == "specialised-institutions"]
    assert len(spec) == 4
    assert spec.measure_en.str.contains("établissements spécialisés").all()
    assert not spec.measure_en.str.contains("pre-trial").any()


def test_table_definitions_come_from_data_and_bad_ones_are_named(tmp_path):
    import yaml
    from catbook.pack.paths import TABLE_DEFINITIONS_YAML
    raw = yaml.safe_load(TABLE_DEFINITIONS_YAML.read_text(encoding="utf-8"))
    assert [t.name for t in tidy.TABLES] == [t["name"] for t in raw["tables"]]
    for change, message in [
        (lambda r: r["tables"][0].update(colour="red"), r"tables\.0\.colour"),
        (lambda r: r["tables"][0].update(kind="by-month"), r"tables\.0\.kind"),
        (lambda r: r["tables"][0]["labels"][0].pop("line"), r"labels\[0\].*\.line"),
    ]:
        bad = yaml.safe_load(TABLE_DEFINITIONS_YAML.read_text(encoding="utf-8"))
        change(bad)
        path = tmp_path / "table-definitions.yaml"
        path.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
        with pytest.raises(tidy.TidyError, match=message):
            tidy.load_table_definitions(path)


def test_reconciliation_labels_are_whole():
    """No label cut at a comma (review 2026-12 §5.1): every agency with a '(' closes it."""
    df = _committed(tidy.RECONCILIATION_NAME)
    assert "penitentiary system (torture, violence or abuse of office)" in set(df.agency)
    assert not [a for a in df.agency if a.count("(") != a.count(")")]


def test_an_unquoted_comma_is_refused_naming_file_and_key(tmp_path):
    bad = tmp_path / "torture-reconciliation.yaml"
    bad.write_text("title: t\nrows:\n  - {figure_id: fig-co2-7-001, line: 258, measure: cases-opened, "
                   "year: '2010', agency: penitentiary system (torture, violence or abuse of office), "
                   "quantity: q}\n", encoding="utf-8")
    with pytest.raises(tidy.TidyError) as error:
        tidy.build_reconciliation(path=bad)
    assert error.value.file == "torture-reconciliation.yaml"
    assert error.value.field == "rows.0.violence or abuse of office)"
    assert "Extra inputs are not permitted" in error.value.reason


@pytest.mark.parametrize("text, field", [
    ("title: t\nrows:\n  - {figure_id: fig-co2-7-001, line: 258, measure: cases-opened, year: '2010', "
     "agency: x, quantity: q, part_off: [a]}\n", "rows.0.part_off"),
    ("title: t\nrows:\n  - {figure_id: fig-co2-7-001, line: 258, measure: cases-opened, year: 2010, "
     "agency: x, quantity: q}\n", "rows.0.year"),
    ("title: t\nrow:\n  - {figure_id: fig-co2-7-001}\n", "rows"),
    ("title: t\nrows:\n  - {figure_id: fig-co2-7-001, line: 258, measure: cases-opened, year: '2010', "
     "agency: x, quantity: q, months: {figure_id: fig-art-1-4-5-002, line: 44}}\n", "rows.0.months"),
])
def test_a_malformed_reconciliation_key_is_refused(tmp_path, text, field):
    bad = tmp_path / "torture-reconciliation.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(tidy.TidyError) as error:
        tidy.load_reconciliation_definition(bad)
    assert (error.value.file, error.value.field) == ("torture-reconciliation.yaml", field)


def test_sentences_keep_their_months():
    df = _committed(tidy.RECONCILIATION_NAME).set_index("figure_id")
    expected = {"fig-art-1-4-5-001": ("6 years 8 months", "80"), "fig-art-1-4-5-003": ("5 years", "60"),
                "fig-art-1-4-5-004": ("6 years 7 months", "79"), "fig-cases-ngo-005": ("3 years 6 months", "42"),
                "fig-cases-ngo-008": ("2 years 6 months", "30"), "fig-cases-ngo-011": ("5 years 6 months", "66")}
    for fid, (duration, months) in expected.items():
        assert (df.loc[fid, "duration"], df.loc[fid, "duration_months"]) == (duration, months), fid
    sentences = df[df.measure == "sentences"]
    assert set(sentences.index) == set(expected)
    # against the 5-10 year range of line 48: 2 years 6 months and 3 years 6 months fall below it,
    # 5 years 6 months is inside it, not at its floor
    below = {fid for fid, r in sentences.iterrows() if int(r.duration_months) < 5 * 12}
    assert below == {"fig-cases-ngo-005", "fig-cases-ngo-008"}
