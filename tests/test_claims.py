"""The claims register: verbatim quotes, agreed vocabularies, Article 2 covered completely."""
import pandas as pd
import pytest

from catbook.judge import claims
from catbook.pack import tables
from catbook.pack.tables import TableError
from catbook.text.corpus import load_paragraphs
from catbook.text.source import line


@pytest.fixture(scope="module")
def df():
    return claims.load_claims()


def test_every_quote_is_verbatim(df):
    for row in df.itertuples():
        assert row.quote_fr in line(row.source_line), row.claim_id


def test_ids_are_unique_and_follow_their_section(df):
    assert df.claim_id.is_unique
    assert (df.apply(lambda r: r.claim_id.startswith(r.section + "-"), axis=1)).all()


def test_article_2_is_covered_completely(df):
    paras = load_paragraphs()
    body = paras[(paras.section == "art-2") & ~paras.is_heading & paras.text.str.strip().ne("")]
    claimed = set(df[df.section == "art-2"].source_line)
    # Lines that only introduce a list carry no claim of their own.
    uncovered = set(body.source_line) - claimed
    lead_ins = {n for n in uncovered if line(n).rstrip().endswith(":")}
    assert uncovered - lead_ins == set()


def test_every_verdict_has_reasoning_and_valid_evidence_lines(df):
    assert df.evidence_en.str.strip().ne("").all()
    for value in df.evidence_lines:
        for n in claims.evidence_lines(value):
            assert 1 <= n <= 488


def test_contradicted_claims_cite_the_contradicting_lines_or_figures(df):
    contradicted = df[df.verdict == "contradicted"]
    assert len(contradicted) > 0
    cited = (contradicted.evidence_lines.str.strip().ne("") | contradicted.figure_ids.str.strip().ne("")
             | contradicted.evidence_en.str.contains("line"))
    assert cited.all(), contradicted[~cited].claim_id.tolist()


def _row(**overrides):
    base = {"claim_id": "art-2-999", "section": "art-2", "source_line": 104, "para_no": "82",
            "quote_fr": "48\xa0684\xa0condamnés", "gloss_en": "g", "summary_en": "s",
            "kind": "statistic", "legal_basis": "", "verdict": "supported",
            "check_kind": "statements", "figure_ids": "",
            "evidence_en": "because", "evidence_lines": "464"}
    base.update(overrides)
    return pd.DataFrame([base])


@pytest.mark.parametrize("overrides, field", [
    ({"quote_fr": "48\xa0684\xa0condamnées"}, "quote_fr"),
    ({"verdict": "true"}, "verdict"),
    ({"section": "art-6"}, "section"),
    ({"para_no": "83"}, "para_no"),
    ({"evidence_en": "  "}, "evidence_en"),
])
def test_a_broken_row_is_named_with_its_field(overrides, field):
    with pytest.raises(claims.ClaimsError) as err:
        claims.validate(_row(**overrides))
    assert err.value.field == field
    assert isinstance(err.value, ValueError)
    assert "art-2-999" in str(err.value)


@pytest.mark.parametrize("column, value", [("kind", "opinion"), ("verdict", "true"), ("check_kind", "hunch"),
                                           ("source_line", "x"), ("claim_id", "intro-001")])
def test_a_cell_the_schema_refuses_is_named_at_load(column, value, tmp_path, monkeypatch):
    df = tables.load("claims")
    df.loc[3, column] = value
    path = tmp_path / "claims.csv"
    df.to_csv(path, index=False)
    monkeypatch.setattr(claims, "CLAIMS_CSV", path)
    with pytest.raises(TableError) as err:
        claims.load_claims()
    assert (err.value.file, err.value.row, err.value.field) == ("claims.csv", 5, column)
    assert isinstance(err.value, ValueError)


def test_a_well_formed_row_passes():
    claims.validate(_row())


def test_verdict_counts_add_up(df):
    table = claims.verdict_counts(df)
    assert table.loc["total", "total"] == len(claims.counted(df))


def test_overlapping_quotes_of_one_assertion_count_once(df):
    parts = claims.contained_parts(df)
    assert "general-007" in parts and "general-008" not in parts
    assert len(claims.counted(df)) == len(df) - len(parts)
    assert claims.verdict_counts(df).loc["total", "total"] == len(df) - len(parts)


def test_no_evidence_cites_an_audit_label_off_the_scale(df):
    """Evidence cites an audit check with its status on the one scale, and the status it has now."""
    import re
    audit = tables.load("audit").set_index("check_id").status
    for r in df.itertuples():
        assert not re.search(r"audit[^.;]{0,80}?:\s*(unclear|consistent|inconsistent)\b", r.evidence_en), r.claim_id
        assert not re.search(r"\(audit: ", r.evidence_en), r.claim_id
        for m in re.finditer(r"\b([a-z0-9]+(?:-[a-z0-9]+)+)'?:\s*(supported|partly-supported|restated|contradicted|unverified|not-checkable)\b", r.evidence_en):
            if m.group(1) in audit.index:
                assert audit[m.group(1)] == m.group(2), (r.claim_id, m.group(1), audit[m.group(1)])


def test_supported_splits_arithmetic_from_corroboration(df):
    basis = claims.support_basis(df)
    assert set(basis) <= {"arithmetic", "corroborated"}
    assert len(basis) == (df.verdict == "supported").sum()
    assert basis["art-13-010"] == "arithmetic" and basis["intro-001"] == "corroborated"
