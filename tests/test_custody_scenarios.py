"""Every worked case in data/cat-c-kaz-3/custody/scenarios.yaml gives the answer written there by hand."""
from datetime import datetime, timedelta, timezone

import pytest
import yaml

from catbook.custody import RulesDataError, load_rules, load_scenarios, scenario
from catbook.custody.scenarios import SCENARIOS_FILE

SCENARIOS = load_scenarios()
CLOCK_RULES = [rule.id for rule in load_rules().rules if rule.computable]


def assert_same_moment(actual: datetime, expected_text: str, what: str) -> None:
    """Same instant and same UTC offset shown.

    Compared in UTC because == between zones is always False for a wall time in a
    repeated hour (PEP 495), e.g. 23:00 in Almaty on 2024-02-29.
    """
    expected = datetime.fromisoformat(expected_text)
    assert actual.astimezone(timezone.utc) == expected.astimezone(timezone.utc), what
    assert actual.utcoffset() == expected.utcoffset(), f"{what}: shown in the wrong offset"


@pytest.mark.parametrize("name", [case.name for case in SCENARIOS])
def test_scenario_matches_hand_worked_answer(name):
    case = scenario(name)
    findings = {finding.rule: finding for finding in case.run()}
    assert set(findings) == set(case.expected)
    for rule_id, expected in case.expected.items():
        finding = findings[rule_id]
        assert_same_moment(finding.due, expected["due"], f"{rule_id} due")
        assert finding.status == expected["status"], rule_id
        minutes = expected.get("overrun_minutes")
        assert finding.overrun == (None if minutes is None else timedelta(minutes=minutes)), rule_id
        delay = expected.get("lawful_delay_until")
        if delay is None:
            assert finding.deadline.lawful_delay_until is None, rule_id
        else:
            assert_same_moment(finding.deadline.lawful_delay_until, delay, f"{rule_id} lawful delay")
        if "outer_status" in expected:
            assert_same_moment(finding.deadline.outer_due, expected["outer_due"], f"{rule_id} outer bound")
            assert finding.outer_status == expected["outer_status"], f"{rule_id} outer bound"
        else:
            assert finding.outer_status is None or rule_id == "prosecutor-notice-12h", rule_id
        if "immediately_late_minutes" in expected:
            assert finding.immediately_late == timedelta(minutes=expected["immediately_late_minutes"]), rule_id
        wanted = list(case.warnings) + expected.get("warnings", [])
        assert len(finding.warnings) == len(wanted), (rule_id, finding.warnings)
        for words in wanted:
            assert any(words in warning for warning in finding.warnings), (rule_id, words)


def test_scenarios_are_enough_and_cover_every_clock_and_verdict():
    assert len(SCENARIOS) >= 18
    seen = {(rule_id, expected["status"]) for case in SCENARIOS for rule_id, expected in case.expected.items()}
    for rule_id in CLOCK_RULES:
        for status in ("met", "missed", "pending"):
            assert (rule_id, status) in seen, (rule_id, status)


def test_scenarios_cover_the_required_situations():
    inputs = [case.inputs for case in SCENARIOS]
    zones = {i["tz"] for i in inputs}
    assert {"Asia/Almaty", "Asia/Aqtau"} <= zones
    assert any(i["foreigner"] for i in inputs)
    recorded_in_another_zone = [case.name for case in SCENARIOS
                                if any("+" in str(t) for t in case.inputs["events"].values())]
    assert recorded_in_another_zone
    overruns = {e.get("overrun_minutes") for case in SCENARIOS for e in case.expected.values()}
    assert 1 in overruns
    warned = {w for case in SCENARIOS for w in case.warnings}
    assert any("before" in w for w in warned) and any("after" in w for w in warned)
    delayed = [case.name for case in SCENARIOS
               if any("lawful_delay_until" in e for e in case.expected.values())]
    assert delayed
    assert all(case.inputs["delay_authorised"] for case in SCENARIOS if case.name in delayed)
    outer = {e["outer_status"] for case in SCENARIOS for e in case.expected.values() if "outer_status" in e}
    assert outer == {"met", "missed", "pending", "not_recorded"}
    flags = {(case.inputs["juvenile"], case.inputs["delay_authorised"]) for case in SCENARIOS}
    assert flags == {(False, False), (True, False), (False, True), (True, True)}
    assert any("immediately_late_minutes" in e for case in SCENARIOS for e in case.expected.values())


def test_a_malformed_scenario_file_is_refused(tmp_path):
    raw = yaml.safe_load(SCENARIOS_FILE.read_text(encoding="utf-8"))
    del raw[0]["inputs"]["tz"]
    path = tmp_path / "scenarios.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RulesDataError, match="inputs need exactly"):
        load_scenarios(path)


def test_duplicate_scenario_names_are_refused(tmp_path):
    raw = yaml.safe_load(SCENARIOS_FILE.read_text(encoding="utf-8"))
    raw.append(raw[0])
    path = tmp_path / "scenarios.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RulesDataError, match="unique"):
        load_scenarios(path)


def test_unknown_scenario_name_is_a_key_error():
    with pytest.raises(KeyError):
        scenario("no-such-case")


def test_every_case_has_a_plain_title_and_one_is_a_past_case_with_acts_not_recorded():
    titles = [case.title for case in SCENARIOS]
    assert all(title and title[0].isupper() and "-" not in title.split()[0] for title in titles)
    assert len(set(titles)) == len(titles)
    assert all(title != case.name for title, case in zip(titles, SCENARIOS))
    not_recorded = [case.name for case in SCENARIOS
                    if any(e["status"] == "not_recorded" for e in case.expected.values())]
    assert "minor-2010-acts-not-recorded" in not_recorded


def test_a_scenario_without_a_title_is_refused(tmp_path):
    raw = yaml.safe_load(SCENARIOS_FILE.read_text(encoding="utf-8"))
    del raw[0]["title"]
    path = tmp_path / "scenarios.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RulesDataError, match="title"):
        load_scenarios(path)
