"""The consistency audit over data/figures.csv."""
from __future__ import annotations

import pandas as pd
import pytest

from catbook.audit import (
    AUDIT_COLUMNS, AUDIT_CSV, CHECKS, STATUSES, AuditError, Ctx, run_audit,
)
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
    assert on_disk.equals(audit.astype(str)), "data/audit.csv is stale: run python -m catbook.audit"


@pytest.mark.parametrize("check_id", [
    "prison-population-2013-two-statements",      # 48 684 vs '48 6864'
    "prison-population-decrease-2009-2013",       # 63 000 - 48 684 = 14 316, not 13 000
    "specialised-institutions-funding-rises-every-year",  # 195, 195, 900, 722
    "penitentiary-institutions-by-regime",        # types add up to 75, not 76
    "protection-orders-shares-2012",              # 92 + 4,4 + 2,7 = 99,1 %
    "stop-trafficking-operation-quarterly",       # 'chaque trimestre' but two runs a year
])
def test_known_inconsistencies_are_detected(status, check_id):
    assert status[check_id] == "inconsistent"


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
    assert status[check_id] == "consistent"


def test_no_cases_statements_are_flagged_for_reading(status):
    for cid in ("no-torture-by-investigators-vs-cases", "no-torture-in-temporary-detention-vs-cases"):
        assert status[cid] == "unclear"


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
    assert a["extradition-refusals-2008-2012-by-year"] == "inconsistent"
    assert b["prison-population-2013-two-statements"] == "consistent"


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
