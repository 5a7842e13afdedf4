"""The consistency audit over data/cat-c-kaz-3/figures.csv."""
from __future__ import annotations

import pandas as pd
import pytest

import inspect
import re

import yaml

import catbook.audit as audit_mod
from catbook.audit import (
    AUDIT_COLUMNS, AUDIT_CSV, CHECKS, COMPUTED_VERDICT, KINDS, STATUSES, AuditError, Ctx,
    load_dated_acts, load_judgements, run_audit,
)
from catbook.source import line as source_line
from catbook.corpus import load_paragraphs
from catbook.figures import load_figures


@pytest.fixture(scope="module")
def audit() -> pd.DataFrame:
    return run_audit()


@pytest.fixture(scope="module")
def status(audit) -> dict[str, str]:
    return dict(zip(audit.check_id, audit.status))


def test_audit_runs_every_check(audit):
    assert list(audit.columns) == AUDIT_COLUMNS
    assert list(audit.check_id) == list(CHECKS)
    assert audit.check_id.is_unique
    assert set(audit.status) <= STATUSES
    assert len(audit) >= 25


def test_rows_are_filled_and_lines_valid(audit):
    p = load_paragraphs()
    section_of = dict(zip(p.source_line.astype(int), p.section))
    for r in audit.itertuples():
        lines = [int(x) for x in r.source_lines.split(";")]
        assert lines == sorted(set(lines)), r.check_id
        assert set(r.section.split(";")) == {section_of[n] for n in lines}, r.check_id
        assert r.description_en and r.computed and r.reported, r.check_id


def test_audit_csv_is_up_to_date(audit):
    on_disk = pd.read_csv(AUDIT_CSV, dtype=str, keep_default_na=False)
    assert on_disk.equals(audit.astype(str)), "data/cat-c-kaz-3/audit.csv is stale: run python -m catbook.audit"


@pytest.mark.parametrize("check_id", [
    "prison-population-2013-two-statements",      # 48 684 vs '48 6864'
    "prison-population-decrease-2009-2013",       # 63 000 - 48 684 = 14 316, not 13 000
    "specialised-institutions-funding-rises-every-year",  # 195, 195, 900, 722
    "penitentiary-institutions-by-regime",        # types add up to 75, not 76
    "protection-orders-shares-2012",              # 92 + 4,4 + 2,7 = 99,1 %
    "stop-trafficking-operation-quarterly",       # 'chaque trimestre' but two runs a year
])
def test_known_inconsistencies_are_detected(status, check_id):
    assert status[check_id] == "contradicted"


@pytest.mark.parametrize("check_id", [
    "extradition-refusals-2008-2012-by-year",     # 22 + 7 + 4 + 22 + 8 = 63
    "extraditions-2008-2012-by-year",             # = 576
    "torture-convictions-custodial-share",        # 27/33 = 82 %, 6/33 = 18 %
    "torture-cases-by-year-two-statements",       # lines 52 and 223 agree
    "temporary-detention-centres-capacity-two-statements",  # 28/35/35 in lines 95-96 and 377
    "probation-staff-increase",                   # 591 + 592 = 1 183
    "penitentiary-requests-fall",
])
def test_known_agreements(status, check_id):
    assert status[check_id] == "supported"


def test_no_cases_statements_are_judged_not_computed(audit):
    rows = audit.set_index("check_id")
    for cid in ("no-torture-by-investigators-vs-cases", "no-torture-in-temporary-detention-vs-cases"):
        assert rows.loc[cid, "method"] == "judged"
        assert rows.loc[cid, "status"] == "unverified"
        assert rows.loc[cid, "reasoning_en"]


def _with(figures: pd.DataFrame, figure_id: str, **changes) -> pd.DataFrame:
    f = figures.copy()
    for col, val in changes.items():
        f.loc[f.figure_id == figure_id, col] = val
    return f


def test_checks_compute_from_the_figures():
    figs = load_figures()
    broken = _with(figs, "co2-unheaded-333-012", value=9.0)   # refusals 2012: 8 -> 9
    fixed = _with(figs, "co2-32-011", value=48684.0)          # the misprint corrected
    a = dict(zip(*run_audit(broken)[["check_id", "status"]].T.values))
    b = dict(zip(*run_audit(fixed)[["check_id", "status"]].T.values))
    assert a["extradition-refusals-2008-2012-by-year"] == "contradicted"
    assert b["prison-population-2013-two-statements"] == "supported"


def test_a_renumbered_figure_fails_loudly():
    figs = load_figures()
    moved = _with(figs, "art-2-023", source_line=105)
    with pytest.raises(AuditError, match="art-2-023 is on line 105"):
        run_audit(moved)
    with pytest.raises(AuditError, match="not in figures.csv"):
        Ctx(figs).v("art-2-999", 104)


def test_claims_must_be_in_the_text():
    ctx = Ctx(load_figures())
    assert ctx.claim(93, "augmente les montants")
    with pytest.raises(AuditError, match="does not say"):
        ctx.claim(93, "diminue les montants")


# ---------------------------------------------------------------------------
# One verdict scale; computed against judged
# ---------------------------------------------------------------------------

def test_statuses_are_the_verdict_scale(audit):
    scale = yaml.safe_load(open(audit_mod.VERDICT_SCALE_YAML, encoding="utf-8"))
    assert STATUSES == {v["id"] for v in scale["verdicts"]}
    assert set(audit.kind) <= set(KINDS)
    assert {"date-order", "legal-reference", "same-value-twice"} <= set(audit.kind)


def test_computed_and_judged_rows(audit):
    judgements = load_judgements()
    for r in audit.itertuples():
        if r.method == "computed":
            assert r.status in set(COMPUTED_VERDICT.values()), r.check_id
            assert r.reasoning_en == "" and r.check_id not in judgements, r.check_id
        else:
            assert r.method == "judged", r.check_id
            assert r.status == judgements[r.check_id]["status"], r.check_id
            assert len(r.reasoning_en) > 40, r.check_id
    assert set(judgements) == set(audit.check_id[audit.method.eq("judged")])


def test_no_check_types_its_verdict():
    """No check returns a fixed status: verdict ids and the old statuses never appear in code."""
    words = STATUSES | {"consistent", "inconsistent", "unclear"}
    for cid, fn in CHECKS.items():
        src = inspect.getsource(fn)
        for w in words:
            assert f'"{w}"' not in src and f"'{w}'" not in src, (cid, w)


def test_a_judgement_without_reasoning_or_off_scale_is_refused(tmp_path):
    bad = tmp_path / "j.yaml"
    bad.write_text("x:\n  status: unclear\n  reasoning_en: because\n", encoding="utf-8")
    with pytest.raises(AuditError, match="field status"):
        load_judgements(bad)
    bad.write_text("x:\n  status: unverified\n", encoding="utf-8")
    with pytest.raises(AuditError, match="field reasoning_en"):
        load_judgements(bad)


def test_a_judged_check_without_judgement_fails(monkeypatch):
    j = load_judgements()
    j.pop("radiography-machines-31-two-statements")
    monkeypatch.setattr(audit_mod, "load_judgements", lambda: j)
    with pytest.raises(AuditError, match="radiography-machines-31-two-statements has no judgement"):
        run_audit()


# ---------------------------------------------------------------------------
# Descriptions carry no typed results
# ---------------------------------------------------------------------------

_NUM = re.compile(r"(?<![\w-])\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
_LINE_REF = re.compile(r"\b(?:lines?|paras?\.)\s+\d+(?:\s*(?:-|,|and)\s*\d+)*", re.IGNORECASE)


def _numbers(text: str) -> set[str]:
    text = _LINE_REF.sub(" ", text)
    return {re.sub(r"[ \u00a0\u202f]", "", m).replace(",", ".") for m in _NUM.findall(text)}


def _figure_data(check_id: str) -> str:
    """Periods and values of the figures a check reads (data the computation uses)."""
    figs = load_figures()
    ctx = Ctx(figs)
    CHECKS[check_id](ctx)
    used = figs[figs.figure_id.isin(ctx.used)]
    return " ".join(used.period.str.replace(";", " ").str.replace("-", " ")) + " " + " ".join(used.value_as_written)


def _allowed(r) -> set[str]:
    lines = [int(x) for x in r.source_lines.split(";")]
    pool = " ".join(source_line(n) for n in lines) + " " + r.computed + " " + r.reported
    if r.check_id in CHECKS:
        pool += " " + _figure_data(r.check_id)
    allowed = set()
    for m in _NUM.findall(pool):
        v = re.sub(r"[ \u00a0\u202f]", "", m).replace(",", ".")
        allowed.add(v)
        allowed.update(v.split("."))   # a decimal's parts, e.g. 2.5 years in '2 ans et 6 mois'
    return allowed


def test_descriptions_carry_no_typed_numbers(audit):
    stray = [(r.check_id, col, sorted(_numbers(getattr(r, col)) - _allowed(r)))
             for r in audit.itertuples() for col in ("description_en", "reasoning_en")]
    stray = [s for s in stray if s[2]]
    assert not stray, stray


def test_description_numbers_follow_the_computation():
    figs = load_figures()
    moved = _with(figs, "art-1-4-5-010", value=30.0)   # the MIA share of line 53: 36 -> 30
    row = run_audit(moved).set_index("check_id").loc["torture-cases-2009-2012-by-agency"]
    assert "the rest (19)" in row.description_en


def test_the_typed_number_check_can_fail(audit):
    row = next(audit.itertuples())._replace(description_en="the rest (4711) is not stated")
    assert "4711" in _numbers(row.description_en) - _allowed(row)


# ---------------------------------------------------------------------------
# Dates and legal references
# ---------------------------------------------------------------------------

def test_dated_acts_quote_their_lines_verbatim():
    acts = load_dated_acts()
    assert len(acts) >= 20
    for r in acts.itertuples():
        text = source_line(r.source_line)
        assert r.quote_fr in text, (r.act_id, r.event, r.source_line)
        norm = lambda s: re.sub(r"[\u00a0\u202f]", " ", s)
        assert norm(r.date_as_printed) in norm(text), (r.act_id, r.event)
        assert str(pd.Timestamp(r.date_iso).year) in text, (r.act_id, r.event)


def test_date_findings(status):
    assert status["registration-before-publication"] == "contradicted"         # line 313
    assert status["joint-order-signature-dates"] == "contradicted"             # 2012 among 2010
    assert status["joint-order-dates-two-statements"] == "supported"           # lines 29 and 414 agree
    assert status["offence-added-vs-counted-since-entry-into-force"] == "contradicted"
    assert status["repealed-72-hour-rule-two-articles"] == "contradicted"      # art. 38 vs 138
    assert status["torture-penalty-range-two-statements"] == "partly-supported"


def test_date_order_is_computed_from_the_data(monkeypatch):
    acts = load_dated_acts()
    fixed = acts.copy()
    fixed.loc[fixed.date_iso.eq("2012-02-02"), "date_iso"] = "2010-02-02"
    fixed.loc[(fixed.act_id == "mia-order-385-2002") & fixed.event.eq("registered"), "date_iso"] = "2002-06-13"
    fixed.loc[(fixed.act_id == "mia-order-385-2002") & fixed.event.eq("published"), "date_iso"] = "2003"
    monkeypatch.setattr(audit_mod, "load_dated_acts", lambda: fixed)
    st = dict(zip(*run_audit()[["check_id", "status"]].T.values))
    assert st["joint-order-signature-dates"] == "supported"
    assert st["registration-before-publication"] == "supported"
    fixed.loc[fixed.date_iso.eq("2010-02-03") & fixed.source_line.eq(414), "date_iso"] = "2010-02-04"
    st = dict(zip(*run_audit()[["check_id", "status"]].T.values))
    assert st["joint-order-dates-two-statements"] == "contradicted"


def test_bad_dated_act_names_the_field(tmp_path):
    acts = load_dated_acts()
    acts.loc[0, "date_iso"] = "2 février 2010"
    p = tmp_path / "d.csv"
    acts.to_csv(p, index=False)
    with pytest.raises(AuditError, match="field date_iso"):
        load_dated_acts(p)
