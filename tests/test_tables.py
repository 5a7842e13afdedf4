"""catbook.pack.tables: one CSV loader, validating each pack table by its schema file at load."""
from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from catbook.judge import claims
from catbook.text import corpus, figures
from catbook.book import datapackage
from catbook.pack import tables
from catbook.pack.paths import PACK, SCHEMAS_DIR
from catbook.pack.tables import TableError


def _copy(tmp_path: Path, name: str) -> Path:
    src = tables.table_paths()[name]
    dst = tmp_path / src.name
    dst.write_bytes(src.read_bytes())
    return dst


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_table_of_the_pack_loads_valid():
    for name, path in tables.table_paths().items():
        if name in datapackage.PENDING and not path.exists():
            continue
        df = tables.load(name)
        assert list(df.columns) == [f["name"] for f in tables.schema(name)["schema"]["fields"]], name


def test_every_table_has_one_schema_and_a_loader_path():
    names = set(datapackage.table_names())
    assert names == set(tables.table_paths())
    shared = {p.name.removesuffix(".schema.yaml") for p in SCHEMAS_DIR.glob("*.schema.yaml")}
    own = {p.name.removesuffix(".schema.yaml") for p in (PACK / "schemas").glob("*.schema.yaml")}
    assert not shared & own
    assert (shared - {"tidy-by-year", "tidy-breakdown"}) | own <= names


def test_shared_schemas_name_no_report():
    """The facts of a report come from its report.yaml, never from the shared schema files."""
    from catbook.pack.report import report
    r = report()
    facts = [r.symbol, r.state, r.source.file, r.previous_observations.symbol,
             r.previous_observations.short_name, r.previous_observations.section_prefix,
             f"{r.period.first_year}-{r.period.last_year}", figures.language().name, PACK.name]
    for path in SCHEMAS_DIR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for fact in facts:
            assert fact not in text, (path.name, fact)


# (table, first cell of the row broken, column, bad value, frictionless error type)
BAD_CELLS = {
    "figures-value-not-a-number": ("figures", "fig-art-2-014,", "value", "many", "type-error"),
    "figures-unit-outside-enum": ("figures", "fig-art-2-014,", "unit", "dollars", "constraint-error"),
    "figures-duplicate-id": ("figures", "fig-art-2-015,", "figure_id", "fig-art-2-014", "unique-error|primary-key"),
    "claims-kind-outside-enum": ("claims", "art-2-001,", "kind", "opinion", "constraint-error"),
    "claims-line-not-an-integer": ("claims", "art-2-001,", "source_line", "fifty", "type-error"),
    "claims-duplicate-id": ("claims", "art-2-002,", "claim_id", "art-2-001", "unique-error|primary-key"),
    "paragraphs-boolean": ("paragraphs", "p58,", "is_heading", "Nope", "type-error"),
    "paragraphs-part-outside-enum": ("paragraphs", "p58,", "part", "XIV", "constraint-error"),
    "paragraphs-duplicate-id": ("paragraphs", "p58,", "para_id", "p57", "unique-error|primary-key"),
}


@pytest.mark.parametrize("case", BAD_CELLS)
def test_a_bad_cell_raises_the_typed_error_naming_file_row_and_field(case, tmp_path):
    name, start, column, value, etype = BAD_CELLS[case]
    path = _copy(tmp_path, name)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    i = df.index[df.iloc[:, 0] == start.rstrip(",")][0]
    df.loc[i, column] = value
    df.to_csv(path, index=False, lineterminator="\n")
    row = i + 2  # frictionless counts the header as row 1
    with pytest.raises(TableError) as err:
        tables.load(name, path)
    e = err.value
    assert isinstance(e, ValueError)
    assert e.file == path.name and e.row == row
    assert e.field == column, str(e)
    assert any(t in e.reason for t in etype.split("|")) and path.name in str(e) and f"row {row}" in str(e)


def test_a_renamed_column_is_named(tmp_path):
    path = _copy(tmp_path, "figures")
    _edit(path, "figure_id,section", "figure,section")
    with pytest.raises(TableError, match="label") as err:
        tables.load("figures", path)
    assert err.value.field == "figure"


def test_the_loaders_raise_it_for_their_pack_file(tmp_path, monkeypatch):
    path = _copy(tmp_path, "claims")
    _edit(path, ",not-checkable,law-or-intent,", ",plausible,law-or-intent,")
    monkeypatch.setattr(claims, "CLAIMS_CSV", path)
    with pytest.raises(TableError) as err:
        claims.load_claims()
    assert err.value.field == "verdict"


def test_a_fixed_file_is_validated_again(tmp_path):
    path = _copy(tmp_path, "figures")
    good = path.read_text(encoding="utf-8")
    tables.load("figures", path)
    path.write_text(good.replace(",tenge,exact,", ",dollars,exact,", 1), encoding="utf-8")
    with pytest.raises(TableError):
        tables.load("figures", path)
    path.write_text(good, encoding="utf-8")
    assert len(tables.load("figures", path)) == len(figures.load_figures())


def test_load_time_is_printed(capsys):
    """Not asserted: the cost of validating at load (first call) and of the cache (second)."""
    tables._validated.cache_clear()
    out = []
    for label, loader in (("paragraphs", corpus.load_paragraphs), ("figures", figures.load_figures),
                          ("claims", claims.load_claims)):
        times = []
        for _ in range(2):
            t = time.perf_counter()
            loader()
            times.append(time.perf_counter() - t)
        out.append(f"{label}: first {times[0]:.3f} s, cached {times[1]:.3f} s")
    with capsys.disabled():
        print("\n" + "\n".join(out))


def test_one_figure_lookup():
    row = figures.figure("fig-art-2-014")
    assert row.figure_id == "fig-art-2-014" and isinstance(row.value, float)
    assert figures.figure("fig-art-2-014", line=row.source_line).value == row.value
    with pytest.raises(figures.FigureLookupError) as err:
        figures.figure("fig-art-2-014", line=row.source_line + 1)
    assert err.value.field == "source_line"
    with pytest.raises(figures.FigureLookupError) as err:
        figures.figure("no-such-figure-001")
    assert err.value.field == "figure_id" and isinstance(err.value, ValueError)
    some = figures.load_figures().head(3)
    assert list(figures.figures_by_id(list(some.figure_id)[::-1]).figure_id) == list(some.figure_id)[::-1]
