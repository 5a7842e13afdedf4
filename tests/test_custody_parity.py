"""The page's JavaScript engine gives the Python engine's answers, on generated cases, in node.

Hypothesis generates batches of cases (zones with offset changes, times the clocks
skipped or repeated, boundaries of every limit, the report's period and the 2011 change,
the flags, and bad input); each batch goes to one ``node`` process that runs
``web/src/custody-engine.js`` on the rules ``catbook.book.web`` exports (the same JSON the
book's page gets), and every finding or error must equal what ``catbook.custody.audit``
gives. The fixed worked cases also run in Chromium (tests/browser/test_calculator_page.py).

Node's ICU carries its own time zone database; the zones used here are ones whose rules
agree between it and the pinned tzdata over the years generated.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st

from catbook.custody import NOT_RECORDED, CustodyInputError, audit, country_zones, load_rules
from catbook.custody.messages import format_duration
from catbook.pack.paths import ROOT
from catbook.book.web import custody_rules_payload

NODE = shutil.which("node") or "/usr/bin/node"
ENGINE = ROOT / "web" / "src" / "custody-engine.js"
UTC = timezone.utc
# Kazakhstan's zones (Almaty's 2024 move, the summer time until 2005), and zones with
# DST, a half-hour DST (Lord Howe), a quarter-hour offset and a negative offset.
ZONES = list(country_zones()) + ["Europe/Paris", "America/New_York", "Australia/Lord_Howe",
                                    "Asia/Kathmandu", "Asia/Kolkata"]
BAD_ZONES = ["Nowhere/City", "", "asia/almaty", "UTC+6"]
RULE_IDS = [rule.id for rule in load_rules().rules if rule.computable]
OTHER_IDS = ["injury-report-24h", "no-such-rule"]
# Minutes after the arrest at which acts are done or the case is checked: every limit
# (3 h, 12 h, 15 h, 72 h) exactly, a minute either side, and anything in between.
EDGES = [0, 1, 179, 180, 181, 719, 720, 721, 899, 900, 901, 4319, 4320, 4321]
# Arrests on the days that matter: the report's period, the 2011 change, Almaty's moves.
BOUNDARY_ARRESTS = [
    (datetime(2007, 12, 31, 23, 59), "Asia/Almaty"), (datetime(2008, 1, 1, 0, 0), "Asia/Almaty"),
    (datetime(2011, 1, 17, 23, 59), "Asia/Almaty"), (datetime(2011, 1, 18, 0, 0), "Asia/Almaty"),
    (datetime(2011, 1, 17, 23, 30), "Asia/Aqtau"), (datetime(2012, 12, 31, 23, 59), "Asia/Oral"),
    (datetime(2013, 1, 1, 0, 0), "Asia/Almaty"), (datetime(2024, 2, 29, 23, 30), "Asia/Almaty"),
    (datetime(2004, 3, 28, 2, 30), "Asia/Almaty"), (datetime(2004, 10, 31, 2, 30), "Asia/Almaty"),
    (datetime(2012, 3, 25, 2, 30), "Europe/Paris"), (datetime(2012, 10, 28, 2, 30), "Europe/Paris"),
]
BAD_TEXTS = ["", "   ", "2012-03-01", "soon", "2012-02-30 10:00", "2012-03-01 24:00", "20120301T0930",
             "2012-03-01T09:30+24:00", "30.02.2012 10:00", "01.03.2012", "1.3.2012 10:00", "01.03.201210:00",
             "01.03.2012 24:00", "2012.03.01 10:00", "01-03-2012 10:00"]
BAD_FLAGS = [1, 0, "yes", None, 0.5, []]

parity_settings = settings(deadline=None, max_examples=50, database=None)
RAN = {"cases": 0, "errors": 0, "findings": 0}


def wall_text(instant: datetime, zone: str, style: str) -> str:
    """How a case file records an instant: local wall time (ISO, or day first with dots as usual
    in Kazakhstan), or with an offset."""
    local = instant.astimezone(ZoneInfo(zone))
    if style == "offset":
        return local.isoformat(timespec="minutes")
    if style == "dotted":
        return local.strftime("%d.%m.%Y %H:%M")
    if style == "dotted-offset":
        return local.strftime("%d.%m.%YT%H:%M") + local.isoformat(timespec="minutes")[16:]
    if style == "seconds":
        return local.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
    return local.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")


@st.composite
def cases(draw):
    zone = draw(st.sampled_from(ZONES))
    if draw(st.integers(0, 4)) == 2:
        wall, zone = draw(st.sampled_from(BOUNDARY_ARRESTS))
        arrested_at = wall.isoformat(sep=" ", timespec="minutes")  # may be skipped or repeated there
        base = wall.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    else:
        base = draw(st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2032, 12, 31),
                                 timezones=st.just(UTC))).replace(second=0, microsecond=0)
        arrested_at = wall_text(base, zone, draw(st.sampled_from(["local", "local", "offset", "seconds", "dotted",
                                                                  "dotted", "dotted-offset"])))
    def flag():
        return draw(st.booleans()) if draw(st.integers(0, 29)) != 17 else draw(st.sampled_from(BAD_FLAGS))

    flags = {"foreigner": flag(), "juvenile": flag(), "delay_authorised": flag()}
    applicable = [r.id for r in load_rules().custody_rules(foreigner=flags["foreigner"] is True,
                                                           juvenile=flags["juvenile"] is True)]
    # mostly acts done after the arrest, for rules that apply; sometimes not (an error)
    pool = applicable if draw(st.integers(0, 9)) != 7 else RULE_IDS + OTHER_IDS
    minutes = st.one_of(st.sampled_from(EDGES), st.integers(0, 6000), st.integers(-30, 6000))
    events, latest = {}, 0
    for rule_id in draw(st.lists(st.sampled_from(pool), unique=True, max_size=6)):
        kind = draw(st.integers(0, 19))
        if kind == 11:
            events[rule_id] = None
        elif kind in (3, 5, 7):  # the record gives no time: pending, then not recorded
            events[rule_id] = NOT_RECORDED
        elif kind == 13:
            events[rule_id] = draw(st.sampled_from(BAD_TEXTS))
        else:
            late = draw(minutes)
            latest = max(latest, late)
            events[rule_id] = wall_text(base + timedelta(minutes=late), draw(st.sampled_from([zone, zone, "UTC"])),
                                        draw(st.sampled_from(["local", "offset", "dotted", "dotted-offset"])))
    after = draw(st.one_of(st.sampled_from(EDGES), st.integers(0, 3000)))
    now = wall_text(base + timedelta(minutes=latest + after if draw(st.integers(0, 9)) != 7 else draw(
        st.one_of(st.sampled_from(EDGES), st.integers(-10, 7000)))), zone,
        draw(st.sampled_from(["local", "dotted"])))
    if draw(st.integers(0, 29)) == 17:
        now = draw(st.sampled_from(BAD_TEXTS))
    if draw(st.integers(0, 29)) == 17:
        arrested_at = draw(st.sampled_from(BAD_TEXTS))
    tz = zone if draw(st.integers(0, 29)) != 17 else draw(st.sampled_from(BAD_ZONES))
    return {"arrested_at": arrested_at, "tz": tz, "events": events, "now": now, **flags}


def finding_data(f) -> dict:
    """A finding as plain data, as findingData() in web/src/custody-engine.js gives it."""
    def at(moment):
        return None if moment is None else moment.isoformat(timespec="minutes")

    def ms(length):
        return None if length is None else round(length.total_seconds() * 1000)

    d = f.deadline
    return {
        "rule": f.rule, "status": f.status, "due": at(d.due), "starts_at": at(d.starts_at), "actual": at(f.actual),
        "overrun_ms": ms(f.overrun), "overrun_text": None if f.overrun is None else format_duration(f.overrun),
        "outer_due": at(d.outer_due), "outer_status": f.outer_status, "immediately_due": at(d.immediately_due),
        "immediately_late_ms": ms(f.immediately_late), "lawful_delay_until": at(d.lawful_delay_until),
        "upper_bound": d.is_upper_bound, "source_lines": d.source_lines, "warnings": d.warnings, "notes": d.notes,
        "recorded": f.recorded,
    }


def run_python(case: dict) -> dict:
    try:
        findings = audit(case["arrested_at"], case["events"], tz=case["tz"], now=case["now"],
                         foreigner=case["foreigner"], juvenile=case["juvenile"],
                         delay_authorised=case["delay_authorised"])
    except CustodyInputError as error:
        return {"error": {"field": error.field, "reason": error.reason}}
    return {"findings": [finding_data(f) for f in findings]}


RUNNER = """
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const engine = require(input.engine).create(input.rules);
  process.stdout.write(JSON.stringify(input.cases.map((c) => engine.runCase(c))));
});
"""


def run_node(batch: list[dict]) -> list[dict]:
    payload = {"engine": str(ENGINE), "rules": RULES, "cases": batch}
    done = subprocess.run([NODE, "-e", RUNNER], input=json.dumps(payload), capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


RULES = custody_rules_payload()


@parity_settings
@given(st.lists(cases(), min_size=40, max_size=40))
def test_javascript_engine_equals_python_engine_on_generated_cases(batch):
    got = run_node(batch)
    for case, js in zip(batch, got, strict=True):
        python = run_python(case)
        assert js == python, json.dumps(case, ensure_ascii=False)
        RAN["cases"] += 1
        RAN["errors" if "error" in python else "findings"] += 1


def test_node_runs_the_worked_scenarios_like_python():
    from catbook.custody import load_scenarios

    batch = [{**{k: v for k, v in case.inputs.items()}, "now": str(case.inputs["now"]),
              "events": {k: (None if v is None else str(v)) for k, v in case.inputs["events"].items()}}
             for case in load_scenarios()]
    for case, js in zip(batch, run_node(batch), strict=True):
        assert js == run_python(case), case
        assert "findings" in js


FORM_RUNNER = """
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const engine = require(input.engine).create(input.rules);
  process.stdout.write(JSON.stringify(input.cases.map((c) => {
    const r = engine.evaluate(c);
    return {errors: r.errors, findings: r.findings.map((f) => engine.findingData(f, r.zone))};
  })));
});
"""

FORM = {"arrested_at": "03.09.2010 19:00", "tz": "Asia/Almaty", "foreigner": False, "juvenile": True,
        "delay_authorised": False, "now": "01.12.2026 10:00",
        "events": {rule.id: "" for rule in load_rules().custody_rules(foreigner=True, juvenile=True)}}
FORM_CASES = [
    {**FORM, "events": {**FORM["events"], "protocol-3h": "03.09.2010 23:30",
                        "parents-notice-immediate": "2010-09-04 09:00"}, "not_done": []},
    {**FORM, "not_done": ["court-72h", "family-notice-12h"]},
    {**FORM, "now": "03.09.2010 20:00", "not_done": ["protocol-3h"]},
    {**FORM, "events": {**FORM["events"], "protocol-3h": "03.09.2010 20:00"}, "not_done": ["protocol-3h"]},
    {**FORM, "not_done": ["consular-notice-12h"]},
    {**FORM, "juvenile": False, "events": {**FORM["events"], "parents-notice-immediate": "03.09.2010 20:00"},
     "not_done": []},
    {**FORM, "arrested_at": "31.02.2010 19:00", "events": {**FORM["events"], "court-72h": "05.09.2010"},
     "not_done": []},
]


def test_the_forms_blank_and_not_done_acts_are_read_alike_in_node_and_python():
    """A blank act is not recorded, a ticked one not done, both at once an error: the page's
    evaluate() and widgets.evaluate_form() agree, on the dotted form too."""
    from catbook.custody.widgets import evaluate_form
    payload = {"engine": str(ENGINE), "rules": RULES, "cases": FORM_CASES}
    done = subprocess.run([NODE, "-e", FORM_RUNNER], input=json.dumps(payload), capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    statuses = set()
    for case, js in zip(FORM_CASES, json.loads(done.stdout), strict=True):
        python = evaluate_form(**case)
        assert js["errors"] == python.errors, case
        assert js["findings"] == [finding_data(f) for f in python.findings], case
        statuses |= {f.status for f in python.findings}
    assert {"missed", "not_recorded", "pending"} <= statuses


def test_the_generated_cases_ran_and_hit_both_answers_and_errors():
    """Runs after the parity test (file order): the number of generated cases it compared."""
    print(f"\nparity: {RAN['cases']} generated cases compared in node and Python "
          f"({RAN['findings']} with findings, {RAN['errors']} with an input error)")
    assert RAN["cases"] >= 50 * 40
    assert RAN["findings"] > RAN["cases"] // 3 and RAN["errors"] > RAN["cases"] // 20
