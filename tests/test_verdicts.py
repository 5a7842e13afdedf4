"""The one verdict scale: defined in data, applied the same way, computed where numbers decide."""
import re

import pytest
import yaml

from catbook.judge import claims, verdicts
from catbook.book import verdict_page
from catbook.text.figures import load_figures
from catbook.pack.paths import BOOK, PACK as DATA
from catbook.judge.verdicts import ClaimCheck, VerdictScaleError, compute


@pytest.fixture(scope="module")
def df():
    return claims.load_claims()


def test_the_scale_has_the_six_verdicts_in_order():
    assert verdicts.verdict_ids() == ["supported", "partly-supported", "restated", "contradicted",
                                      "unverified", "not-checkable"]
    assert all(verdicts.meanings().values()) and list(claims.VERDICTS) == verdicts.verdict_ids()


def test_every_claim_has_a_verdict_its_check_kind_allows(df):
    allowed = verdicts.check_kinds()
    bad = df[[v not in allowed[k] for v, k in zip(df.verdict, df.check_kind)]]
    assert bad.empty, bad.claim_id.tolist()


def test_register_agrees_with_the_computed_verdicts(df):
    computed = verdicts.computed_verdicts()
    register = df.set_index("claim_id").verdict
    wrong = {c: (register[c], v) for c, v in computed.items() if register[c] != v}
    assert not wrong, wrong


def test_every_computed_claim_has_a_check_and_vice_versa(df):
    checks = {c.claim_id: c for c in verdicts.load_claim_checks()}
    assert set(df[df.check_kind == "computed"].claim_id) == set(checks)
    for row in df[df.check_kind == "computed"].itertuples():
        assert claims.figure_ids(row.figure_ids) == list(dict.fromkeys(checks[row.claim_id].figure_ids))


def test_same_kind_on_the_same_evidence_gives_the_same_verdict(df):
    key = df.assign(
        lines=df.evidence_lines.map(lambda v: tuple(sorted(claims.evidence_lines(v)))),
        figs=df.figure_ids.map(lambda v: tuple(sorted(claims.figure_ids(v)))))
    key = key[(key.lines != ()) | (key.figs != ())]
    spread = key.groupby(["check_kind", "lines", "figs"]).verdict.nunique()
    assert (spread == 1).all(), spread[spread > 1]


def test_a_figure_linked_claim_names_figures_that_exist(df):
    known = set(load_figures().figure_id)
    for row in df.itertuples():
        assert set(claims.figure_ids(row.figure_ids)) <= known, row.claim_id


def _check(computation, n=2, tol=0.0):
    return ClaimCheck(claim_id="x-1", computation=computation,
                      figure_ids=[f"f-{i}" for i in range(n)], reading_en="r", tolerance=tol)


@pytest.mark.parametrize("computation, values, expected", [
    ("monotone-increasing", [1, 2, 3], "supported"),
    ("monotone-increasing", [195, 195, 900, 722], "contradicted"),
    ("monotone-decreasing", [5327, 5288, 4889], "supported"),
    ("decreased", [5.4, 3.2], "supported"),
    ("increased", [5.4, 3.2], "contradicted"),
    ("halved", [578, 285], "supported"),
    ("halved", [578, 310], "contradicted"),
    ("sum-equals", [63, 22, 7, 4, 22, 8], "supported"),
    ("sum-equals", [76, 22, 21, 5, 7, 18, 1, 1], "contradicted"),
    ("share-of-sum", [82, 27, 6], "supported"),
    ("share-of-sum", [90, 27, 6], "contradicted"),
    ("shares-sum-to-100", [92, 4.4, 2.7], "contradicted"),
    ("each-greater-than", [300, 380, 325], "supported"),
    ("each-greater-than", [300, 380, 290], "contradicted"),
    ("none-against-counts", [0, 0], "supported"),
    ("none-against-counts", [0, 3], "contradicted"),
    ("greater-than", [2, 1], "supported"),
])
def test_computations_decide(computation, values, expected):
    tol = 0.5 if computation == "share-of-sum" else 0.05 if computation == "halved" else 0.6 if computation == "shares-sum-to-100" else 0
    assert compute(_check(computation, len(values), tol), values) == expected


def test_a_bad_check_is_named_with_its_field(tmp_path, monkeypatch):
    with pytest.raises(ValueError):
        ClaimCheck(claim_id="x", computation="average", figure_ids=["a", "b"], reading_en="r")
    bad = tmp_path / "claim-checks.yaml"
    bad.write_text(yaml.safe_dump({"checks": [{"claim_id": "x", "computation": "halved",
                                               "figure_ids": ["a", "b"], "reading_en": "r", "extra": 1}]}))
    monkeypatch.setattr(verdicts, "CLAIM_CHECKS_YAML", bad)
    with pytest.raises(VerdictScaleError) as err:
        verdicts.load_claim_checks()
    assert err.value.field == "extra"
    bad.write_text(yaml.safe_dump({"checks": [{"claim_id": "x", "computation": "halved",
                                               "figure_ids": ["nope-1", "nope-2"], "reading_en": "r"}]}))
    with pytest.raises(VerdictScaleError, match="figure_ids"):
        verdicts.computed_verdicts()


def test_claims_rules_for_kinds_figures_and_lines():
    from test_claims import _row
    for overrides, field in [
        ({"check_kind": "restatement"}, "verdict"),
        ({"check_kind": "computed", "figure_ids": ""}, "figure_ids"),
        ({"check_kind": "computed", "figure_ids": "art-2-999"}, "figure_ids"),
        ({"check_kind": "no-data", "verdict": "unverified", "figure_ids": "fig-art-2-023"}, "figure_ids"),
        ({"check_kind": "statements", "evidence_lines": ""}, "evidence_lines"),
    ]:
        with pytest.raises(claims.ClaimsError) as err:
            claims.validate(_row(**overrides))
        assert err.value.field == field, overrides


def test_english_training_words_are_the_scale_labels():
    ui = yaml.safe_load((DATA / "training" / "ui.yaml").read_text(encoding="utf-8"))
    ru = yaml.safe_load((DATA / "training" / "ru" / "ui.yaml").read_text(encoding="utf-8"))
    assert {v: ui[f"claim_verdict.{v}"] for v in verdicts.verdict_ids()} == verdicts.labels()
    assert all(ru[f"claim_verdict.{v}"] for v in verdicts.verdict_ids())


def test_verdict_scale_page_is_current_and_in_the_toc():
    assert (BOOK / verdict_page.VERDICT_SCALE_MD).read_text(encoding="utf-8") == verdict_page.render_page()
    assert "book/verdict-scale" in (BOOK.parent / "_toc.yml").read_text(encoding="utf-8")
    for label, meaning in zip(verdicts.labels().values(), verdicts.meanings().values()):
        assert f"| {label} | {meaning} |" in verdict_page.render_page()


def test_the_rules_are_data_with_real_examples(df):
    rules = verdicts.rules()
    assert list(rules) == ["a", "b", "c", "d", "e"]
    ids = set(df.claim_id)
    for r in rules.values():
        assert r.examples and set(r.examples) <= ids, r.id
    allowed = set(rules) | set(verdicts.RULE_EXTRAS)
    assert set(df.rule[df.rule != ""]) <= allowed


def test_rule_d_no_effort_claim_is_supported_without_a_recorded_exception(df):
    """Rule (d): effort, improvement or cause is never supported by a count alone."""
    worded = df[df.quote_fr.map(verdicts.effort_wording)]
    assert len(worded) > 10
    bad = worded[(worded.verdict == "supported") & (worded.rule != "d-exception")]
    assert bad.empty, list(bad.claim_id)
    excepted = df[df.rule == "d-exception"]
    assert excepted.evidence_en.str.startswith("Rule (d) exception:").all()
    assert (excepted.verdict == "supported").all()


def test_rule_a_a_comparison_inside_one_sentence_is_computed_alike(df):
    """Rule (a): a sentence comparing its own numbers ('alors que', 'contre', 'passant de') whose
    figures are on its line is decided by a computation, never left unverified or restated."""
    import re
    from catbook.text.figures import load_figures
    figs = load_figures()
    on_line = figs.groupby("source_line").figure_id.apply(list)
    comparing = re.compile(r"Alors qu|passant de|, contre \d|, contre [a-z]+ \d|contre \d[\d  ]* en \d{4}")
    checked = {c.claim_id for c in verdicts.load_claim_checks()}
    for r in df.itertuples():
        if comparing.search(r.quote_fr) and len(on_line.get(r.source_line, [])) >= 2:
            assert r.claim_id in checked or r.check_kind == "figures-judged", r.claim_id


def test_rule_c_dated_acts_are_not_law_or_intent(df):
    """Rule (c): a claim whose quote is the ratification, accession or signature of a treaty on a
    date is a checkable fact."""
    import re
    treaty = re.compile(r"\b(?:a ratifié|ratifiée par|a adhéré|Ayant adhéré)\b")
    hit = df[df.quote_fr.str.contains(treaty)]
    assert len(hit) >= 4
    assert not (hit.check_kind == "law-or-intent").any(), list(hit[hit.check_kind == "law-or-intent"].claim_id)


def test_rule_e_every_contradicted_claim_states_its_saving_reading(df):
    for r in df[df.verdict == "contradicted"].itertuples():
        assert re.search(r"[Ss]aving reading|would save|saved only if|reading that would save|would hold only on the reading|would stand|it would agree", r.evidence_en), r.claim_id


def test_parts_within_whole_nests():
    check = ClaimCheck(claim_id="x", computation="parts-within-whole", figure_ids=("a", "b", "c"), reading_en="r")
    assert compute(check, [76, 22, 53]) == "supported"
    assert compute(check, [76, 22, 55]) == "contradicted"
