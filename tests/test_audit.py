"""The consistency audit over data/cat-c-kaz-3/figures.csv."""
from __future__ import annotations

import pandas as pd
import pytest

import inspect
import re

import yaml

import catbook.judge.audit as audit_mod
from catbook.judge.audit import (
    AUDIT_COLUMNS, AUDIT_CSV, CHECK_KINDS, COMPUTED_VERDICT, KINDS, STATUSES, AuditError, CheckRowError,
    Ctx, Fig, check_results, load_checks, load_dated_acts, load_judgements, run_audit,
)
from catbook.pack.paths import AUDIT_CHECKS_YAML, AUDIT_CHECK_KINDS_YAML
from catbook.text.source import line as source_line
from catbook.text.corpus import load_paragraphs
from catbook.text.figures import load_figures


@pytest.fixture(scope="module")
def audit() -> pd.DataFrame:
    return run_audit()


@pytest.fixture(scope="module")
def status(audit) -> dict[str, str]:
    return dict(zip(audit.check_id, audit.status))


def test_audit_runs_every_check(audit):
    assert list(audit.columns) == AUDIT_COLUMNS
    assert list(audit.check_id) == [r.check_id for r in load_checks()]
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
    assert on_disk.equals(audit.astype(str)), "data/cat-c-kaz-3/audit.csv is stale: run python -m catbook.judge.audit"


@pytest.mark.parametrize("check_id", [
    "prison-population-2013-two-statements",      # 48 684 vs '48 6864'
    "prison-population-decrease-2009-2013",       # 63 000 - 48 684 = 14 316, not 13 000
    "specialised-institutions-funding-rises-every-year",  # 195, 195, 900, 722
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
    for cid, verdict in (("no-torture-by-investigators-vs-cases", "contradicted"),   # Saran, lines 224-227 (rule e)
                         ("no-torture-in-temporary-detention-vs-cases", "unverified")):
        assert rows.loc[cid, "method"] == "judged"
        assert rows.loc[cid, "status"] == verdict
        assert rows.loc[cid, "reasoning_en"]


def _with(figures: pd.DataFrame, figure_id: str, **changes) -> pd.DataFrame:
    f = figures.copy()
    for col, val in changes.items():
        f.loc[f.figure_id == figure_id, col] = val
    return f


def test_checks_compute_from_the_figures():
    figs = load_figures()
    broken = _with(figs, "fig-co2-unheaded-333-012", value=9.0)   # refusals 2012: 8 -> 9
    fixed = _with(figs, "fig-co2-32-011", value=48684.0)          # the misprint corrected
    a = dict(zip(*run_audit(broken)[["check_id", "status"]].T.values))
    b = dict(zip(*run_audit(fixed)[["check_id", "status"]].T.values))
    assert a["extradition-refusals-2008-2012-by-year"] == "contradicted"
    assert b["prison-population-2013-two-statements"] == "supported"


def test_a_renumbered_figure_fails_loudly():
    figs = load_figures()
    moved = _with(figs, "fig-art-2-023", source_line=105)
    with pytest.raises(AuditError, match="fig-art-2-023 is on line 105"):
        run_audit(moved)
    with pytest.raises(CheckRowError, match="not in figures.csv"):
        _ctx(figs).fig(Fig(figure_id="art-2-999", line=104), "parts[0]")


def _ctx(figs):
    return Ctx("audit-checks.yaml", "x", figs, load_dated_acts(), source_line)


def test_claims_must_be_in_the_text():
    ctx = _ctx(load_figures())
    assert ctx.claim(93, "augmente les montants", "claims[0]")
    with pytest.raises(AuditError, match="does not say"):
        ctx.claim(93, "diminue les montants", "claims[0]")


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
    """No kind returns a fixed status, and no row of audit-checks.yaml carries one."""
    words = STATUSES | {"consistent", "inconsistent", "unclear"}
    for model in audit_mod._KIND_MODELS:
        src = inspect.getsource(model)
        for w in words:
            assert f'"{w}"' not in src and f"'{w}'" not in src, (model.__name__, w)
    raw = yaml.safe_load(AUDIT_CHECKS_YAML.read_text(encoding="utf-8"))["checks"]
    for row in raw:
        assert not {"status", "verdict", "holds"} & set(row), row["check_id"]


def test_a_judgement_without_reasoning_or_off_scale_is_refused(tmp_path):
    bad = tmp_path / "j.yaml"
    bad.write_text("x:\n  status: unclear\n  reasoning_en: because\n", encoding="utf-8")
    with pytest.raises(AuditError, match="field status"):
        load_judgements(bad)
    bad.write_text("x:\n  status: unverified\n", encoding="utf-8")
    with pytest.raises(AuditError, match="field reasoning_en"):
        load_judgements(bad)


def test_a_judged_check_without_judgement_fails(tmp_path):
    j = load_judgements()
    j.pop("radiography-machines-31-two-statements")
    path = tmp_path / "j.yaml"
    path.write_text(yaml.safe_dump(j, allow_unicode=True), encoding="utf-8")
    with pytest.raises(AuditError, match="radiography-machines-31-two-statements has no judgement"):
        run_audit(judgements_path=path)


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
    used = figs[figs.figure_id.isin(_USED[check_id])]
    return " ".join(used.period.str.replace(";", " ").str.replace("-", " ")) + " " + " ".join(used.value_as_written)


_USED = {r.check.check_id: r.used for r in check_results()}


def _allowed(r) -> set[str]:
    lines = [int(x) for x in r.source_lines.split(";")]
    pool = " ".join(source_line(n) for n in lines) + " " + r.computed + " " + r.reported
    if r.check_id in _USED:
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
    moved = _with(figs, "fig-art-1-4-5-010", value=30.0)   # the MIA share of line 53: 36 -> 30
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
    assert status["offence-added-vs-counted-since-entry-into-force"] == "unverified"  # rule (c), judged
    assert status["repealed-72-hour-rule-two-articles"] == "contradicted"      # art. 38 vs 138
    assert status["torture-penalty-range-two-statements"] == "partly-supported"


def test_date_order_is_computed_from_the_data():
    acts = load_dated_acts()
    fixed = acts.copy()
    fixed.loc[fixed.date_iso.eq("2012-02-02"), "date_iso"] = "2010-02-02"
    fixed.loc[(fixed.act_id == "mia-order-385-2002") & fixed.event.eq("registered"), "date_iso"] = "2002-06-13"
    fixed.loc[(fixed.act_id == "mia-order-385-2002") & fixed.event.eq("published"), "date_iso"] = "2003"
    st = dict(zip(*run_audit(dated_acts=fixed)[["check_id", "status"]].T.values))
    assert st["joint-order-signature-dates"] == "supported"
    assert st["registration-before-publication"] == "supported"
    fixed.loc[fixed.date_iso.eq("2010-02-03") & fixed.source_line.eq(414), "date_iso"] = "2010-02-04"
    st = dict(zip(*run_audit(dated_acts=fixed)[["check_id", "status"]].T.values))
    assert st["joint-order-dates-two-statements"] == "contradicted"


def test_bad_dated_act_names_the_field(tmp_path):
    acts = load_dated_acts()
    acts.loc[0, "date_iso"] = "2 février 2010"
    p = tmp_path / "d.csv"
    acts.to_csv(p, index=False)
    with pytest.raises(AuditError, match="field date_iso"):
        load_dated_acts(p)


# ---------------------------------------------------------------------------
# The kinds on a small made-up pack (no ids of CAT/C/KAZ/3), and bad rows
# ---------------------------------------------------------------------------

_LINES = {
    1: "Rapport fictif.",
    2: "En 2020, 10 cas, en 2021, 12 cas et en 2022, 15 cas, soit 37 cas au total ; le nombre augmente "
       "chaque année, et dépasse plus de 9 cas chaque année.",
    3: "Sur les 37 cas, 30 hommes (80 %) et 7 femmes (20 %).",
    4: "Le budget a diminué de moitié : 200 puis 100.",
    5: "L'arrêté du 1er mars 2020, publié le 5 mars 2020, est signé le 2 mars 2020 par A et le 3 mars 2021 par B.",
    6: "L'opération est menée chaque trimestre ; elle a eu lieu en mai et en juin 2021 ; la peine est de cinq ans.",
}
_SECTION = {1: "intro", 2: "art-1", 3: "art-1", 4: "art-2", 5: "art-2", 6: "art-3"}
_FIGURES = [  # figure_id, period, value, qualifier, value_as_written, line
    ("t-001", "2020", 10, "exact", "10", 2), ("t-002", "2021", 12, "exact", "12", 2),
    ("t-003", "2022", 15, "exact", "15", 2), ("t-004", "2020-2022", 37, "exact", "37", 2),
    ("t-005", "2022", 30, "exact", "30", 3), ("t-006", "2022", 80, "exact", "80", 3),
    ("t-007", "2022", 7, "exact", "7", 3), ("t-008", "2022", 20, "exact", "20", 3),
    ("t-009", "2020", 200, "exact", "200", 4), ("t-010", "2021", 100, "exact", "100", 4),
    ("t-011", "annual", 9, "more-than", "9", 2), ("t-012", "2020-2022", 37, "exact", "37", 3),
]
_ACTS = [  # act_id, event, date_as_printed, date_iso, line, quote
    ("order-1", "adopted", "1er mars 2020", "2020-03-01", 5, "L'arrêté du 1er mars 2020"),
    ("order-1", "published", "5 mars 2020", "2020-03-05", 5, "publié le 5 mars 2020"),
    ("order-1", "signed: A", "2 mars 2020", "2020-03-02", 5, "le 2 mars 2020 par A"),
    ("order-1", "signed: B", "3 mars 2021", "2021-03-03", 5, "le 3 mars 2021 par B"),
]
F = lambda fid: {"figure_id": fid, "line": next(f[5] for f in _FIGURES if f[0] == fid)}
_ROWS = [
    dict(check_id="sum", kind="sum-equals-total", parts=[F("t-001"), F("t-002"), F("t-003")], total=F("t-004")),
    dict(check_id="part", kind="part-within-whole", pairs=[{"part": [F("t-005")], "whole": [F("t-004")]}],
         description_en="{{ rest|n }} cases are not men."),
    dict(check_id="twice", section="same-value-twice", kind="same-value-twice", a=[F("t-004")], b=[F("t-012")]),
    dict(check_id="rises", section="trend", kind="monotone", series=[F("t-001"), F("t-002"), F("t-003")],
         direction="increasing", claims=[{"line": 2, "words": "augmente chaque année"}]),
    dict(check_id="above", section="trend", kind="bound", series=[F("t-001"), F("t-002"), F("t-003")],
         bound=F("t-011"), side="above"),
    dict(check_id="halved", section="trend", kind="ratio", numerator=F("t-010"), denominator=F("t-009"),
         stated=0.5, tolerance=0.01, claims=[{"line": 4, "words": "a diminué de moitié"}]),
    dict(check_id="shares", section="percentage", kind="share-recomputed", counts=[F("t-005"), F("t-007")],
         shares=[F("t-006"), F("t-008")]),
    dict(check_id="quarterly", section="trend", kind="occurrences", per_period=4,
         occurrences=[{"period": "2021", "line": 6, "words": "en mai et en juin", "named": ["mai", "juin"]}]),
    dict(check_id="order", section="date-order", kind="date-order", acts=["order-1"], events=["adopted", "published"],
         description_en="{{ findings|join('; ') or 'In order' }}."),
    dict(check_id="signed", section="date-order", kind="dates-within", act_id="order-1", event_prefix="signed: ",
         lines=[5], tolerance_days=30),
    dict(check_id="read", section="statement", kind="judged", figures={"total": F("t-004")},
         claims=[{"line": 6, "words": "la peine est de cinq ans", "numbers": {"years": "cinq"}}],
         computed_en="{{ total|n }} cases; a penalty of {{ years|n }} years"),
]
_EXPECTED = {"sum": "supported", "part": "supported", "twice": "supported", "rises": "supported",
             "above": "supported", "halved": "supported", "shares": "contradicted", "quarterly": "contradicted",
             "order": "supported", "signed": "contradicted", "read": "unverified"}


def _row(**r):
    return {"section": "total-vs-parts", "description_en": "A made-up check.", "reported_en": "as stated", **r}


def _pack(tmp_path, rows=None, figures=_FIGURES) -> dict:
    """A made-up pack in tmp_path; the paths run_audit takes."""
    from catbook.text.figures import COLUMNS
    figs = pd.DataFrame([dict.fromkeys(COLUMNS, "x") | {"figure_id": f, "period": p, "value": v, "qualifier": q,
                                                       "value_as_written": w, "source_line": n}
                         for f, p, v, q, w, n in figures], columns=COLUMNS)
    figs.to_csv(tmp_path / "figures.csv", index=False)
    pd.DataFrame([{"source_line": n, "section": _SECTION[n], "para_no": "" if n == 1 else n - 1, "text": t}
                  for n, t in _LINES.items()]).to_csv(tmp_path / "paragraphs.csv", index=False)
    pd.DataFrame([dict(act_id=a, act_en="Order no. 1", event=e, date_as_printed=p, date_iso=d, source_line=n,
                       quote_fr=q) for a, e, p, d, n, q in _ACTS]).to_csv(tmp_path / "dated-acts.csv", index=False)
    rows = [_row(**r) for r in _ROWS] if rows is None else rows
    (tmp_path / "audit-checks.yaml").write_text(yaml.safe_dump({"checks": rows}, allow_unicode=True), encoding="utf-8")
    (tmp_path / "audit-judgements.yaml").write_text(
        yaml.safe_dump({"read": {"status": "unverified", "reasoning_en": "The made-up report gives no base "
                                 "for its 37 cases, so the penalty cannot be set against them."}}), encoding="utf-8")
    return {name: tmp_path / f"{stem}" for name, stem in (
        ("checks_path", "audit-checks.yaml"), ("judgements_path", "audit-judgements.yaml"),
        ("figures_path", "figures.csv"), ("dated_acts_path", "dated-acts.csv"), ("paragraphs_path", "paragraphs.csv"))}


def test_every_kind_runs_on_a_made_up_pack(tmp_path):
    out = run_audit(**_pack(tmp_path)).set_index("check_id")
    assert {r["kind"] for r in _ROWS} == set(CHECK_KINDS)          # one row per declared kind
    assert dict(out.status) == _EXPECTED
    assert out.loc["read", "method"] == "judged" and "37 cases; a penalty of 5 years" == out.loc["read", "computed"]
    assert set(out.method.drop("read")) == {"computed"}
    assert out.loc["part", "description_en"] == "7 cases are not men."
    assert out.loc["order", "description_en"] == "In order."
    assert out.loc["twice", "source_lines"] == "2;3" and out.loc["twice", "section"] == "art-1"
    assert out.loc["twice", "para_no"] == "1;2" and out.loc["twice", "kind"] == "same-value-twice"
    assert out.loc["shares", "computed"] == "30 + 7 = 37; 30/37 = 81.1 %, 7/37 = 18.9 %"
    assert out.loc["signed", "computed"] == "2 dates; line 5: median 2021-03-03; A 2020-03-02 is 366 days earlier"
    assert out.loc["quarterly", "computed"] == "2 named in 2021 (mai, juin)"


def test_each_kind_can_fail_and_hold(tmp_path):
    changed = {"t-004": 38, "t-012": 36, "t-003": 11, "t-011": 14, "t-010": 120, "t-008": 19}
    figs = [(f, p, changed.get(f, v), q, str(changed.get(f, w)), n) for f, p, v, q, w, n in _FIGURES]
    out = run_audit(**_pack(tmp_path, figures=figs)).set_index("check_id")
    for cid in ("sum", "twice", "rises", "above", "halved"):
        assert out.loc[cid, "status"] == "contradicted", cid
    assert out.loc["part", "status"] == "supported"
    rows = {r["check_id"]: _row(**r) for r in _ROWS if r["check_id"] in ("part", "order", "signed", "quarterly")}
    rows["part"]["pairs"] = [{"part": [F("t-004")], "whole": [F("t-005")]}]
    rows["order"]["events"] = ["published", "adopted"]
    rows["signed"]["tolerance_days"] = 400
    rows["quarterly"]["per_period"] = 2
    rows = list(rows.values())
    paths = _pack(tmp_path, rows=rows)
    paths["judgements_path"].write_text("{}")
    out = run_audit(**paths).set_index("check_id")
    assert dict(out.status) == {"part": "contradicted", "order": "contradicted", "signed": "supported",
                                "quarterly": "supported"}
    assert out.loc["order", "computed"] == ("order-1: published 2020-03-05, adopted 2020-03-01 "
                                            "(out of order: adopted 4 days before published)")


@pytest.mark.parametrize("change, field, reason", [
    ({"kind": "sum-of-squares"}, "kind", "is not one of"),
    ({"parts": [{"figure_id": "t-999", "line": 2}]}, "parts[0]", "t-999 is not in figures.csv"),
    ({"parts": [{"figure_id": "t-001", "line": 3}]}, "parts[0]", "t-001 is on line 2, expected line 3"),
    ({"total": {"figure_id": "t-004"}}, "total.line", "required"),
    ({"tolerance": "about"}, "tolerance", ""),
    ({"colour": "red"}, "colour", "Extra inputs"),
    ({"section": "sums"}, "section", "Input should be"),
    ({"claims": [{"line": 2, "words": "diminue chaque année"}]}, "claims[0]", "line 2 does not say"),
    ({"description_en": "{{ nothing|n }}"}, "description_en", "nothing"),
])
def test_a_bad_row_names_file_check_field_and_reason(tmp_path, change, field, reason):
    row = _row(**_ROWS[0]) | change
    paths = _pack(tmp_path, rows=[row])
    (tmp_path / "audit-judgements.yaml").write_text("{}")
    with pytest.raises(CheckRowError) as err:
        run_audit(**paths)
    e = err.value
    assert isinstance(e, ValueError)
    assert (e.file, e.check_id) == ("audit-checks.yaml", "sum")
    assert e.field.startswith(field) and reason in e.reason, (e.field, e.reason)
    assert str(e).startswith(f"audit-checks.yaml: sum: field {e.field}: ")


def test_a_duplicate_check_id_is_refused(tmp_path):
    paths = _pack(tmp_path, rows=[_row(**_ROWS[0]), _row(**_ROWS[0])])
    with pytest.raises(CheckRowError, match="sum: field check_id: duplicate"):
        load_checks(paths["checks_path"])


def test_the_kinds_are_declared_once_in_shared_data():
    shared = yaml.safe_load(AUDIT_CHECK_KINDS_YAML.read_text(encoding="utf-8"))
    assert tuple(k["id"] for k in shared["kinds"]) == CHECK_KINDS
    assert all(k["meaning_en"] and k["params"] for k in shared["kinds"])
    assert tuple(s["id"] for s in shared["sections"]) == KINDS
    for model in audit_mod._KIND_MODELS:
        kind = model.model_fields["kind"].annotation.__args__[0]
        declared = set(next(k for k in shared["kinds"] if k["id"] == kind)["params"])
        own = set(model.model_fields) - set(audit_mod._Check.model_fields) - {"kind"}
        assert own <= declared | {"total_value", "scale", "unit"}, (kind, own - declared)


def test_the_code_holds_no_fact_of_the_report():
    """audit.py names no check id, figure id, act id or quoted words of the pack."""
    src = inspect.getsource(audit_mod)
    for row in load_checks():
        assert row.check_id not in src, row.check_id
        for cl in row.claims:
            assert cl.words not in src, cl.words
    for fid in load_figures().figure_id:
        assert f"{fid}\"" not in src and f"{fid}'" not in src, fid
    for act in set(load_dated_acts().act_id):
        assert act not in src, act


def test_a_pack_without_dated_acts_or_judgements_runs(tmp_path):
    rows = [_row(**r) for r in _ROWS if r["check_id"] in ("sum", "rises")]
    paths = _pack(tmp_path, rows=rows)
    paths["dated_acts_path"].unlink()
    paths["judgements_path"].unlink()
    assert list(run_audit(**paths).status) == ["supported", "supported"]
    rows.append(_row(**next(r for r in _ROWS if r["check_id"] == "order")))
    paths = _pack(tmp_path, rows=rows)
    paths["dated_acts_path"].unlink()
    paths["judgements_path"].unlink()
    with pytest.raises(CheckRowError, match="order: field acts: dated-acts.csv has no event"):
        run_audit(**paths)


def test_legal_review_rows_settled(status):
    """Issue 22: the six audit rows of the legal review (2026-12, section 1.3) and B2's split."""
    assert status["no-torture-by-investigators-vs-cases"] == "contradicted"
    assert status["monitoring-commission-visits-2011-2012"] == "unverified"   # review not followed: see reasoning
    assert status["refugee-applicants-from-afghanistan"] == "unverified"
    assert status["offence-added-vs-counted-since-entry-into-force"] == "unverified"
    assert status["protection-orders-shares-2012"] == "partly-supported"
    assert status["torture-cases-rise-2009-2012"] == "supported"              # re-labelled: the count, not the effort
    assert status["temporary-detention-admissions"] == "supported"            # the fall only (rule a)
    assert status["temporary-detention-typical-year"] == "unverified"
    assert status["penitentiary-institutions-by-regime"] == "supported"       # 'parmi' nests (rule b)
