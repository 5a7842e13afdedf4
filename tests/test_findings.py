"""data/cat-c-kaz-3/findings.yaml: strict model, references, computed severity, one verdict per assertion."""
from __future__ import annotations

import pandas as pd
import pytest
import yaml

from catbook.judge import findings, questions
from catbook.pack.chapters import load_chapters

REVIEW_MATTERS = ["f-zhanaozen", "f-art22-decisions", "f-amnesty-and-limitation", "f-disciplinary-isolation",
                  "f-knb-confidential-rules", "f-deaths-in-custody", "f-uzbek-29", "f-no-torture-by-investigators"]


@pytest.fixture(scope="module")
def fs():
    return findings.load_findings()


def test_every_chapter_and_every_review_matter_has_a_finding(fs):
    assert set(load_chapters()[0]) <= {c for f in fs for c in f.chapters}
    assert set(REVIEW_MATTERS) <= {f.id for f in fs}
    matters = [f for f in fs if not f.residual]
    assert 30 <= len(matters) <= 50


def test_severity_is_computed_by_the_rubric():
    assert findings.severity("absolute", "established") == "high"
    assert findings.severity("absolute", "inferred") == "medium"
    assert findings.severity("safeguard", "indicated") == "medium"
    assert findings.severity("reporting", "inferred") == "low"
    with pytest.raises(findings.FindingsError, match="gravity"):
        findings.severity("grave", "established")


def test_a_cited_claim_or_check_carries_the_findings_verdict_unless_excepted(fs):
    assert findings.disagreements(fs) == []
    assert findings.needless_exceptions(fs) == []


def test_deaths_in_custody_rest_on_the_reports_own_lines(fs):
    f = next(f for f in fs if f.id == "f-deaths-in-custody")
    assert {79, 381, 382, 383} <= set(f.lines)


def test_outside_facts_stay_beside_the_verdict(fs):
    text = findings.render_page()
    for f in fs:
        assert not any(x in f.reasoning_en for x in f.external), f.id
    assert "Outside facts beside the verdict" in text


def test_csv_and_page_are_current(fs):
    df = pd.read_csv(findings.FINDINGS_CSV, dtype=str, keep_default_na=False)
    assert df.equals(findings.table(fs).astype(str)), "run `python -m catbook.judge.findings`"
    assert findings.FINDINGS_MD.read_text(encoding="utf-8") == findings.render_page(), "run `python -m catbook pages`"
    assert list(df.severity) == [f.severity for f in fs]


def _broken(tmp_path, **change):
    raw = yaml.safe_load(findings.FINDINGS_YAML.read_text(encoding="utf-8"))
    raw["findings"][0].update(change)
    path = tmp_path / "findings.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, field", [
    ({"severity": "high"}, "severity"),              # never typed
    ({"verdict": "true"}, "verdict"),
    ({"articles": ["34"]}, "articles"),
    ({"claims": ["no-such-claim"]}, "claims"),
    ({"external": ["no-such-fact"]}, "external"),
    ({"lines": [9999]}, "lines"),
    ({"questions": ["q-999"]}, "questions"),
])
def test_a_broken_finding_is_named_with_file_and_field(tmp_path, change, field):
    with pytest.raises(findings.FindingsError) as err:
        findings.load_findings(_broken(tmp_path, **change))
    assert err.value.file == "findings.yaml" and field in err.value.field


def test_an_unexcused_disagreement_is_found(fs):
    f = next(f for f in fs if f.id == "f-effort-claim-l51")
    bare = f.model_copy(update={"exceptions": ()})
    assert [d["ref"] for d in findings.disagreements((bare,))] == ["torture-cases-rise-2009-2012"]


def test_every_question_is_tied_to_its_finding(fs):
    q = questions.load_questions()
    assert set(q.finding_id) <= {f.id for f in fs}
    assert sorted(q.question_id) == sorted(x for f in fs for x in f.questions)


def test_every_claim_and_audit_check_is_filed_under_exactly_one_finding():
    claims, checks = findings.filed()
    assert {c: v for c, v in claims.items() if len(v) != 1} == {}
    assert {a: v for a, v in checks.items() if len(v) != 1} == {}
    assert findings.finding_of("co2-7-020") == "f-no-torture-by-investigators"


def test_a_residual_findings_verdict_comes_from_its_evidence(fs):
    residual = [f for f in fs if f.residual]
    assert residual and all(f.chapters and not f.claims and not f.audit_checks for f in residual)
    for f in residual:
        assert f.verdict == findings.residual_verdict(f), f.id
    assert all(f.questions for f in fs if not f.residual)


def test_a_claim_and_an_audit_check_on_the_same_words_agree_unless_excepted():
    """An audit check's `claims` (line + words) name the assertion it tests: a claim whose quote holds
    those words carries the check's verdict, unless a finding records an exception for one of them."""
    import yaml
    from catbook.pack import tables
    from catbook.pack.paths import AUDIT_CHECKS_YAML
    rows = yaml.safe_load(AUDIT_CHECKS_YAML.read_text(encoding="utf-8"))["checks"]
    audit = tables.load("audit").set_index("check_id").status
    claims = tables.load("claims")
    excused = {e.ref for f in findings.load_findings() for e in f.exceptions}
    bad = []
    for row in rows:
        for w in row.get("claims", []):
            here = claims[(claims.source_line.astype(int) == w["line"]) & claims.quote_fr.str.contains(w["words"], regex=False)]
            for c in here.itertuples():
                if c.verdict != audit[row["check_id"]] and not {c.claim_id, row["check_id"]} & excused:
                    bad.append((row["check_id"], audit[row["check_id"]], c.claim_id, c.verdict))
    assert bad == []
