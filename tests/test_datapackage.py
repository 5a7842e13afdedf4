"""data/cat-c-kaz-3/datapackage.json: current, complete, and valid under frictionless (which catches bad rows)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from catbook.judge import audit, claims, recommendations, tidy
from catbook.book import datapackage
from catbook.text import figures
from catbook.pack.paths import PACK as DATA

frictionless = pytest.importorskip("frictionless")


@pytest.fixture(scope="module")
def descriptor() -> dict:
    return json.loads(datapackage.PACKAGE_JSON.read_text(encoding="utf-8"))


def _resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def _constraint(descriptor: dict, resource: str, field: str, key: str):
    fields = _resource(descriptor, resource)["schema"]["fields"]
    return next(f for f in fields if f["name"] == field)["constraints"][key]


# --- the descriptor ----------------------------------------------------------

def test_committed_descriptor_is_current():
    assert datapackage.PACKAGE_JSON.read_text(encoding="utf-8") == datapackage.render(), \
        "data/cat-c-kaz-3/datapackage.json is stale: run `python -m catbook.book.datapackage`"


def test_descriptor_is_valid_frictionless_metadata(descriptor):
    errors = [e.note for e in frictionless.Package.metadata_validate(descriptor)]
    assert not errors


def test_every_csv_in_data_is_a_resource(descriptor):
    described = {r["path"] for r in descriptor["resources"]}
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*.csv")}
    assert on_disk - described == set(), "CSV files in data/ that datapackage.json does not describe"


def test_every_resource_file_exists_unless_pending(descriptor):
    missing = {r["name"] for r in descriptor["resources"] if not (DATA / r["path"]).exists()}
    assert missing <= datapackage.PENDING


def test_every_tidy_table_is_a_resource_with_foreign_key_to_figures(descriptor):
    for table in tidy.TABLES:
        res = next(r for r in descriptor["resources"] if r["path"] == f"tables/{table.name}.csv")
        assert [f["name"] for f in res["schema"]["fields"]] == table.columns
        assert res["schema"]["primaryKey"] == table.primary_key
        fk = res["schema"]["foreignKeys"][0]
        assert fk["reference"]["resource"] == "figures" and "figure_id" in fk["fields"]


def test_vocabularies_come_from_their_modules(descriptor):
    assert _constraint(descriptor, "claims", "kind", "enum") == list(claims.KINDS)
    assert _constraint(descriptor, "claims", "verdict", "enum") == list(claims.VERDICTS)
    assert _constraint(descriptor, "figures", "topic", "enum") == list(figures.TOPICS)
    assert set(_constraint(descriptor, "figures", "unit", "enum")) == figures.UNITS
    assert set(_constraint(descriptor, "figures", "qualifier", "enum")) == figures.QUALIFIERS
    assert set(_constraint(descriptor, "audit", "status", "enum")) == audit.STATUSES
    assert _constraint(descriptor, "recommendations", "assessment", "enum") == list(recommendations.ASSESSMENTS)


def test_source_text_is_pinned_by_its_sha256(descriptor):
    from catbook.text.source import SOURCE_SHA256
    assert _resource(descriptor, "report-text")["hash"] == f"sha256:{SOURCE_SHA256}"


# --- validation --------------------------------------------------------------

def test_package_is_valid():
    result = datapackage.validate()
    assert result.valid, "\n" + result.summary()
    assert set(result.skipped) <= datapackage.PENDING


def _copy_data(tmp_path: Path) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst, ignore=shutil.ignore_patterns("custody"))
    for p in dst.rglob("*"):
        if p.is_file():
            p.chmod(0o644)
    return dst


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file, text, replacement, resource, error type, field or None)
BREAKAGES = {
    "unit-outside-vocabulary": ("figures.csv", ",tenge,exact,", ",dollars,exact,",
                                "figures", "constraint-error", "unit"),
    "verdict-outside-vocabulary": ("claims.csv", ",not-checkable,", ",plausible,",
                                   "claims", "constraint-error", "verdict"),
    "duplicate-figure-id": ("figures.csv", "\nfig-art-2-024,", "\nfig-art-2-023,",
                            "figures", "primary-key", None),
    "section-not-the-line's": ("figures.csv", "\nfig-art-2-023,art-2,", "\nfig-art-2-023,art-7,",
                               "figures", "foreign-key", None),
    "tidy-value-not-the-figure's": ("tables/funds_by_year.csv", ",2011,900000000,", ",2011,900000001,",
                                    "funds-by-year", "foreign-key", None),
    "line-outside-the-report": ("figures.csv", ",479,", ",4790,",
                                "figures", "constraint-error", "source_line"),
    "empty-required-status": ("audit.csv", ",supported,computed,\n", ",,computed,\n", "audit", "constraint-error", "status"),
    "not-a-boolean": ("report/paragraphs.csv", ",False,", ",Nope,",
                      "paragraphs", "type-error", "section_inferred"),
    "renamed-column": ("report/paragraphs.csv", "para_id,source_line", "para,source_line",
                       "paragraphs", "incorrect-label", None),
    "edited-source-text": ("source/cat-c-kaz-3.fr.txt", "Kazakhstan", "Kazakstan",
                           "report-text", "hash-count", None),
}


@pytest.mark.parametrize("case", BREAKAGES)
def test_a_broken_copy_is_reported_invalid(case, tmp_path):
    rel, old, new, resource, etype, field = BREAKAGES[case]
    data = _copy_data(tmp_path)
    _edit(data / rel, old, new)
    result = datapackage.validate(data / "datapackage.json")
    assert not result.valid
    hits = [e for e in result.errors() if e["resource"] == resource
            and (etype is None or e["type"] == etype) and (field is None or e["field"] == field)]
    assert hits, result.summary()


def test_a_missing_table_is_an_error_not_a_skip(tmp_path):
    data = _copy_data(tmp_path)
    (data / "figures.csv").unlink()
    result = datapackage.validate(data / "datapackage.json")
    assert not result.valid and "figures" not in result.skipped


RECOMMENDATIONS_OK = (
    "co2_paragraph,section,answer_lines,para_no,heading_in_text,topic_en,assessment,reason_en\n"
    "16,co2-16,338-339,272-273,True,Extradition and non-refoulement,partly-implemented,Some requests answered.\n"
    "8,,,,False,A topic,insufficient-information,No answer found.\n"
)


def test_recommendations_are_skipped_while_missing_and_validated_once_present(tmp_path):
    data = _copy_data(tmp_path)
    rec = data / "recommendations.csv"
    rec.unlink(missing_ok=True)
    assert datapackage.validate(data / "datapackage.json").skipped == ["recommendations"]
    rec.write_text(RECOMMENDATIONS_OK, encoding="utf-8")
    result = datapackage.validate(data / "datapackage.json")
    assert result.valid and result.skipped == [], result.summary()
    for old, new, field in [("partly-implemented", "half-answered", "assessment"),
                            ("\n8,", "\n16,", "co2_paragraph")]:
        rec.write_text(RECOMMENDATIONS_OK.replace(old, new), encoding="utf-8")
        result = datapackage.validate(data / "datapackage.json")
        assert any(e["resource"] == "recommendations" and (e["field"] == field or e["type"] == "primary-key")
                   for e in result.errors()), (field, result.summary())
