"""The custody engine: its rules data, its deadlines and audits, and every input error."""
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import yaml

from catbook.text import source
from catbook.custody import (
    CustodyInputError, RulesDataError, audit, deadlines, load_rules, rules_table,
)
from catbook.custody.rules import RULES_FILE

REQUIRED = {"protocol-3h", "prosecutor-notice-12h", "family-notice-12h", "consular-notice-12h", "court-72h"}
H = timedelta(hours=1)
UTC = timezone.utc


def by_rule(items):
    return {item.rule: item for item in items}


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


# --- the rules data ---------------------------------------------------------------------

def test_required_custody_rules_exist_and_are_computable():
    book = load_rules()
    assert REQUIRED <= {rule.id for rule in book.rules if rule.computable}
    assert book.rule("consular-notice-12h").applies_to == "foreigner"
    assert book.rule("prosecutor-notice-12h").starts_from == book.rule("protocol-3h").act.id


def test_report_states_other_limits_recorded_as_data():
    book = load_rules()
    others = {rule.id for rule in book.rules if not rule.computable}
    assert {"injury-report-24h", "suspension-report-72h", "parole-transmission-10d",
            "protection-order-10d", "juvenile-detention-6m"} <= others


def test_every_quote_is_verbatim_in_its_line_of_the_report():
    book = load_rules()
    quotes = [(book.known_period.quote_line, book.known_period.quote_fr)]
    for rule in book.rules:
        quotes.append((rule.quote_line, rule.quote_fr))
        quotes += [(v.quote_line, v.quote_fr) for v in rule.versions if v.quote_fr]
        if rule.immediately:
            quotes.append((rule.immediately.quote_line, rule.immediately.quote_fr))
            assert "immédiatement" in rule.immediately.quote_fr, rule.id
    for line_number, quote in quotes:
        assert quote in source.line(line_number), (line_number, quote)


def test_source_lines_exist_in_the_report():
    last = len(source.source_lines())
    for rule in load_rules().rules:
        for line_number in rule.source_lines + tuple(n for v in rule.versions for n in v.source_lines):
            assert 1 <= line_number <= last, rule.id


def test_known_period_is_the_reports_period():
    period = load_rules().known_period
    assert (period.start, period.end) == (date(2008, 1, 1), date(2012, 12, 31))


def test_family_rule_changes_on_the_law_of_18_january_2011():
    family = load_rules().rule("family-notice-12h")
    before, after = family.versions
    assert before.valid_to == date(2011, 1, 17) and after.valid_from == date(2011, 1, 18)
    assert before.lawful_delay is not None and after.lawful_delay is None
    assert "entered into force" in before.note


def test_rules_table_has_one_row_per_rule():
    table = rules_table()
    assert list(table.columns[:6]) == ["rule", "duration", "starts from", "applies to", "basis", "source lines"]
    assert len(table) == len(load_rules().rules)
    court = table.set_index("rule").loc["court-72h"]
    assert court["duration"] == "72 hours" and court["starts from"] == "arrest"


def _write_rules(tmp_path, mutate):
    raw = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    mutate({rule["id"]: rule for rule in raw["rules"]}, raw)
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("mutate, message", [
    (lambda r, raw: r["court-72h"].update(hourz=1), "unknown keys"),
    (lambda r, raw: r["court-72h"].update(duration={"days": 3}), "limit in hours"),
    (lambda r, raw: r["court-72h"].update(duration={"hours": -3}), "expected one of"),
    (lambda r, raw: r["court-72h"].update(quote_line=1), "not one of its source_lines"),
    (lambda r, raw: r["prosecutor-notice-12h"].update(starts_from="charge"), "unknown act"),
    (lambda r, raw: r["protocol-3h"].update(starts_from="prosecutor_notified"), "cycle"),
    (lambda r, raw: r["family-notice-12h"]["in_force"][1].update({"from": date(2011, 1, 20)}), "cover every date"),
    (lambda r, raw: r["family-notice-12h"]["in_force"][1].update({"from": date(2011, 1, 10)}), "not overlap"),
    (lambda r, raw: raw["rules"].append(dict(r["court-72h"])), "duplicate"),
    (lambda r, raw: r["prosecutor-notice-12h"].update(starts_from="consulate_informed"), "may not apply"),
])
def test_malformed_rules_are_refused(tmp_path, mutate, message):
    with pytest.raises(RulesDataError, match=message):
        load_rules(_write_rules(tmp_path, mutate))


# --- deadlines --------------------------------------------------------------------------

def test_deadlines_are_sorted_and_foreigners_get_the_consular_clock():
    plain = deadlines("2012-03-01 09:00")
    assert [d.rule for d in plain] == ["protocol-3h", "family-notice-12h", "prosecutor-notice-12h", "court-72h"]
    assert [d.due for d in plain] == sorted(d.due for d in plain)
    foreign = by_rule(deadlines("2012-03-01 09:00", foreigner=True))
    assert set(foreign) == REQUIRED
    assert foreign["consular-notice-12h"].due == datetime(2012, 3, 1, 21, tzinfo=ZoneInfo("Asia/Almaty"))


def test_deadlines_carry_basis_description_and_source_lines():
    court = by_rule(deadlines("2012-03-01 09:00"))["court-72h"]
    assert "article 16" in court.basis and "13 April 2012" in court.basis
    assert 295 in court.source_lines and court.description
    assert court.warnings == [] and court.due.tzinfo.key == "Asia/Almaty"


def test_prosecutor_clock_runs_from_the_protocol_when_given():
    result = by_rule(deadlines("2012-03-01 09:00", protocol_at="2012-03-01 10:10"))
    prosecutor = result["prosecutor-notice-12h"]
    assert prosecutor.due == datetime(2012, 3, 1, 22, 10, tzinfo=ZoneInfo("Asia/Almaty"))
    assert not prosecutor.is_upper_bound and prosecutor.warnings == []


def test_without_protocol_the_prosecutor_deadline_is_the_flagged_latest_bound():
    arrest = datetime(2012, 3, 1, 9, tzinfo=ZoneInfo("Asia/Almaty"))
    prosecutor = by_rule(deadlines(arrest))["prosecutor-notice-12h"]
    assert utc(prosecutor.due) == utc(arrest) + 15 * H
    assert prosecutor.is_upper_bound
    assert any("latest possible" in w for w in prosecutor.warnings)


def test_a_late_protocol_given_to_deadlines_still_starts_the_prosecutor_clock():
    prosecutor = by_rule(deadlines("2012-03-01 09:00", protocol_at="2012-03-01 14:00"))["prosecutor-notice-12h"]
    assert prosecutor.due == datetime(2012, 3, 2, 2, tzinfo=ZoneInfo("Asia/Almaty"))


def test_family_notice_version_switches_on_18_january_2011():
    before = by_rule(deadlines("2011-01-17 23:59", delay_authorised=True))["family-notice-12h"]
    after = by_rule(deadlines("2011-01-18 00:00", delay_authorised=True))["family-notice-12h"]
    assert utc(before.lawful_delay_until) == utc(before.starts_at) + 72 * H
    assert any("seventy-two hours" in note for note in before.notes)
    assert after.lawful_delay_until is None
    assert any("cannot be delayed" in note for note in after.notes)
    assert any("no delay existed" in w for w in after.warnings)
    assert utc(after.due) - utc(before.due) == timedelta(minutes=1)


def test_version_is_chosen_by_the_local_date_of_the_arrest():
    instant = datetime(2011, 1, 17, 18, 30, tzinfo=UTC)  # 00:30 on the 18th in Almaty, 23:30 on the 17th in Aktau
    almaty = by_rule(deadlines(instant, tz="Asia/Almaty", delay_authorised=True))["family-notice-12h"]
    aktau = by_rule(deadlines(instant, tz="Asia/Aqtau", delay_authorised=True))["family-notice-12h"]
    assert almaty.lawful_delay_until is None
    assert aktau.lawful_delay_until is not None
    assert utc(almaty.due) == utc(aktau.due)


@pytest.mark.parametrize("arrested_at, side", [
    ("2007-12-31 23:59", "before"),
    ("2008-01-01 00:00", None),
    ("2012-12-31 23:59", None),
    ("2013-01-01 00:00", "after"),
    ("2024-06-01 12:00", "after"),
])
def test_arrests_outside_the_known_period_warn_on_every_deadline(arrested_at, side):
    for deadline in deadlines(arrested_at, foreigner=True):
        if side is None:
            assert not any("period the report covers" in w for w in deadline.warnings)
        else:
            assert any(f"{side} the period the report covers" in w for w in deadline.warnings), deadline.rule


def test_old_law_before_the_period_is_never_applied_silently():
    family = by_rule(deadlines("2005-05-05 10:00", delay_authorised=True))["family-notice-12h"]
    assert family.lawful_delay_until is not None
    assert any("before the period" in w for w in family.warnings)


def test_aware_inputs_are_taken_as_they_are_and_shown_in_tz():
    aktau = datetime(2012, 3, 1, 8, tzinfo=ZoneInfo("Asia/Aqtau"))  # 09:00 in Almaty
    for arrest in (aktau, "2012-03-01T08:00+05:00", "2012-03-01T03:00Z"):
        protocol = by_rule(deadlines(arrest, tz="Asia/Almaty"))["protocol-3h"]
        assert protocol.due.isoformat() == "2012-03-01T12:00:00+06:00"


def test_limits_are_elapsed_time_across_a_dst_change():
    court = by_rule(deadlines("2012-03-24 12:00", tz="Europe/Paris"))["court-72h"]
    assert court.due.isoformat() == "2012-03-27T13:00:00+02:00"
    assert utc(court.due) - utc(court.starts_at) == 72 * H


def test_limits_are_elapsed_time_across_almatys_2024_offset_change():
    result = by_rule(deadlines("2024-02-29 20:00", tz="Asia/Almaty"))
    assert result["protocol-3h"].due.isoformat() == "2024-02-29T23:00:00+06:00"
    assert result["family-notice-12h"].due.isoformat() == "2024-03-01T07:00:00+05:00"
    assert result["court-72h"].due.isoformat() == "2024-03-03T19:00:00+05:00"


def test_limits_are_elapsed_time_across_kazakhstans_last_dst_change():
    court = by_rule(deadlines("2004-10-30 12:00", tz="Asia/Almaty"))["court-72h"]
    assert court.due.isoformat() == "2004-11-02T11:00:00+06:00"


# --- audit ------------------------------------------------------------------------------

ARREST = "2012-03-01 09:00"


def test_done_exactly_at_the_deadline_is_met_and_one_minute_later_missed():
    on_time = by_rule(audit(ARREST, {"protocol-3h": "2012-03-01 12:00"}, now="2012-03-01 12:30"))
    late = by_rule(audit(ARREST, {"protocol-3h": "2012-03-01 12:01"}, now="2012-03-01 12:30"))
    assert (on_time["protocol-3h"].status, on_time["protocol-3h"].overrun) == ("met", None)
    assert (late["protocol-3h"].status, late["protocol-3h"].overrun) == ("missed", timedelta(minutes=1))
    assert late["protocol-3h"].actual.isoformat() == "2012-03-01T12:01:00+06:00"


def test_seconds_count_an_act_one_second_late_is_missed():
    late = by_rule(audit(ARREST, {"court-72h": "2012-03-04T09:00:01"}, now="2012-03-05 00:00"))["court-72h"]
    assert late.status == "missed" and late.overrun == timedelta(seconds=1)


def test_not_done_is_pending_until_now_passes_the_deadline_then_missed_so_far():
    at_deadline = by_rule(audit(ARREST, {}, now="2012-03-04 09:00"))["court-72h"]
    after = by_rule(audit(ARREST, {}, now="2012-03-04 10:30"))["court-72h"]
    assert (at_deadline.status, at_deadline.overrun, at_deadline.actual) == ("pending", None, None)
    assert (after.status, after.overrun, after.actual) == ("missed", timedelta(minutes=90), None)


def test_the_protocol_event_starts_the_prosecutor_clock():
    findings = by_rule(audit(ARREST, {"protocol-3h": "2012-03-01 14:00", "prosecutor-notice-12h": None},
                             now="2012-03-01 15:00"))
    assert findings["protocol-3h"].status == "missed"
    assert findings["prosecutor-notice-12h"].due == datetime(2012, 3, 2, 2, tzinfo=ZoneInfo("Asia/Almaty"))
    assert findings["prosecutor-notice-12h"].status == "pending"
    assert not findings["prosecutor-notice-12h"].deadline.is_upper_bound


def test_findings_expose_the_deadline_fields():
    finding = by_rule(audit(ARREST, {}, now=ARREST))["court-72h"]
    assert finding.basis == finding.deadline.basis and finding.warnings == []
    assert finding.source_lines == finding.deadline.source_lines and finding.description
    assert finding.notes == finding.deadline.notes


def test_now_defaults_to_the_current_time():
    findings = audit(ARREST, {"protocol-3h": "2012-03-01 10:00"})
    court = by_rule(findings)["court-72h"]
    assert court.status == "missed" and court.overrun > timedelta(days=365)


def test_events_recorded_in_another_zone_are_compared_as_instants():
    court = by_rule(audit("2012-04-02 08:00", {"court-72h": "2012-04-05T09:00+06:00"},
                          tz="Asia/Aqtau", now="2012-04-06 00:00"))["court-72h"]
    assert court.status == "met"
    assert court.actual.isoformat() == "2012-04-05T08:00:00+05:00"


# --- input errors -----------------------------------------------------------------------

@pytest.mark.parametrize("call, field, reason", [
    (lambda: deadlines("yesterday at noon"), "arrested_at", "is not a date and time"),
    (lambda: deadlines("2012-03-01"), "arrested_at", "date without a time"),
    (lambda: deadlines(date(2012, 3, 1)), "arrested_at", "date alone"),
    (lambda: deadlines(1330585200), "arrested_at", "expected an ISO 8601"),
    (lambda: deadlines("   "), "arrested_at", "no time given"),
    (lambda: deadlines("2012-03-01 09:00", tz="Mars/Olympus_Mons"), "tz", "unknown time zone"),
    (lambda: deadlines("2012-03-01 09:00", tz="../../etc/passwd"), "tz", "unknown time zone"),
    (lambda: deadlines("2012-03-01 09:00", tz=None), "tz", "expected an IANA time zone name"),
    (lambda: deadlines("2012-03-25 02:30", tz="Europe/Paris"), "arrested_at", "does not exist"),
    (lambda: deadlines("2012-10-28 02:30", tz="Europe/Paris"), "arrested_at", "ambiguous"),
    (lambda: deadlines("2004-03-28 02:30", tz="Asia/Almaty"), "arrested_at", "does not exist"),
    (lambda: deadlines("2004-10-31 02:30", tz="Asia/Almaty"), "arrested_at", "ambiguous"),
    (lambda: deadlines("2024-02-29 23:30", tz="Asia/Almaty"), "arrested_at", "ambiguous"),
    (lambda: deadlines(ARREST, protocol_at="2012-03-01 08:59"), "protocol_at", "before the arrest"),
    (lambda: deadlines(ARREST, protocol_at="noon"), "protocol_at", "is not a date and time"),
    (lambda: audit(ARREST, {"protocol-3h": "2012-03-01 08:00"}, now=ARREST), "events[protocol-3h]",
     "before the arrest"),
    (lambda: audit(ARREST, {"torture-24h": "2012-03-01 10:00"}, now=ARREST), "events[torture-24h]",
     "unknown rule id"),
    (lambda: audit(ARREST, {"consular-notice-12h": "2012-03-01 10:00"}, now="2012-03-02 00:00"),
     "events[consular-notice-12h]", "only to a foreign national"),
    (lambda: audit(ARREST, {"injury-report-24h": "2012-03-01 10:00"}, now="2012-03-02 00:00"),
     "events[injury-report-24h]", "not a custody clock"),
    (lambda: audit(ARREST, {"court-72h": "2012-03-03 10:00"}, now="2012-03-02 00:00"), "events[court-72h]",
     "after now"),
    (lambda: audit(ARREST, {"court-72h": "2012-10-28 02:30"}, tz="Europe/Paris", now="2012-11-01 00:00"),
     "events[court-72h]", "ambiguous"),
    (lambda: audit(ARREST, {}, now="2012-03-01 08:00"), "now", "before the arrest"),
    (lambda: audit(ARREST, {}, now="tomorrow"), "now", "is not a date and time"),
    (lambda: audit("2999-01-01 00:00", {}), "arrested_at", "in the future"),
    (lambda: audit(ARREST, ["protocol-3h"], now=ARREST), "events", "expected a mapping"),
])
def test_bad_input_names_the_field_and_the_reason(call, field, reason):
    with pytest.raises(CustodyInputError) as caught:
        call()
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.field == field
    assert reason in error.reason
    assert str(error) == f"{field}: {error.reason}"


def test_the_engine_prints_nothing(capsys):
    deadlines(ARREST, foreigner=True)
    audit(ARREST, {"protocol-3h": "2012-03-01 10:00"}, now="2012-03-02 00:00")
    with pytest.raises(CustodyInputError):
        deadlines("nonsense")
    assert capsys.readouterr() == ("", "")


# --- issue 13: the outer bound, minors, the prosecutor's authorisation, "immédiatement" ----------

def test_the_prosecutor_notice_has_an_outer_bound_of_fifteen_hours_from_the_arrest():
    late_protocol = {"protocol-3h": "2012-03-01 15:00", "prosecutor-notice-12h": "2012-03-02 02:30"}
    f = by_rule(audit("2012-03-01 09:00", late_protocol, now="2012-03-03 09:00"))["prosecutor-notice-12h"]
    assert f.status == "met"  # the rule's own twelve hours from the (late) protocol
    assert utc(f.deadline.outer_due) == utc(datetime(2012, 3, 1, 9, tzinfo=ZoneInfo("Asia/Almaty"))) + 15 * H
    assert f.outer_status == "missed"  # 17 h 30 min after the arrest
    assert any("outer bound" in n for n in f.notes)
    on_time = by_rule(audit("2012-03-01 09:00", {"prosecutor-notice-12h": "2012-03-02 00:00"},
                            now="2012-03-03 09:00"))["prosecutor-notice-12h"]
    assert on_time.outer_status == "met"
    waiting = by_rule(audit("2012-03-01 09:00", {}, now="2012-03-01 10:00"))["prosecutor-notice-12h"]
    assert waiting.outer_status == "pending"
    assert by_rule(audit("2012-03-01 09:00", {}, now="2012-03-01 10:00"))["court-72h"].outer_status is None


def test_a_minor_gets_the_parents_notice_due_at_the_arrest_and_late_by_what_passed():
    arrest = "2012-03-01 09:00"
    assert "parents-notice-immediate" not in by_rule(deadlines(arrest))
    parents = by_rule(deadlines(arrest, juvenile=True))["parents-notice-immediate"]
    assert parents.due == parents.starts_at == datetime(2012, 3, 1, 9, tzinfo=ZoneInfo("Asia/Almaty"))
    f = by_rule(audit(arrest, {"parents-notice-immediate": "2012-03-01 09:40"}, now="2012-03-01 12:00",
                      juvenile=True))["parents-notice-immediate"]
    assert (f.status, f.overrun) == ("missed", timedelta(minutes=40))
    at_once = by_rule(audit(arrest, {"parents-notice-immediate": arrest}, now=arrest, juvenile=True))
    assert at_once["parents-notice-immediate"].status == "met"
    with pytest.raises(CustodyInputError) as error:
        audit(arrest, {"parents-notice-immediate": "2012-03-01 09:40"}, now="2012-03-01 12:00")
    assert error.value.field == "events[parents-notice-immediate]" and "juvenile=False" in error.value.reason


def test_the_old_delay_needs_the_authorisation_and_never_applies_to_a_minor():
    arrest = "2010-06-01 10:00"
    plain = by_rule(deadlines(arrest))["family-notice-12h"]
    assert plain.lawful_delay_until is None and any("authorisation" in n for n in plain.notes)
    authorised = by_rule(deadlines(arrest, delay_authorised=True))["family-notice-12h"]
    assert utc(authorised.lawful_delay_until) == utc(authorised.starts_at) + 72 * H
    minor = by_rule(deadlines(arrest, delay_authorised=True, juvenile=True))["family-notice-12h"]
    assert minor.lawful_delay_until is None and any("minor" in w for w in minor.warnings)
    after = by_rule(deadlines("2012-06-01 10:00", delay_authorised=True))["family-notice-12h"]
    assert after.lawful_delay_until is None and any("no delay existed" in w for w in after.warnings)
    assert not by_rule(deadlines("2012-06-01 10:00"))["family-notice-12h"].warnings


@pytest.mark.parametrize("flag", ["foreigner", "juvenile", "delay_authorised"])
@pytest.mark.parametrize("value", [1, 0, "yes", None, "False"])
def test_flags_that_are_not_true_or_false_are_refused(flag, value):
    for call in (lambda: deadlines("2012-03-01 09:00", **{flag: value}),
                 lambda: audit("2012-03-01 09:00", {}, now="2012-03-01 10:00", **{flag: value})):
        with pytest.raises(CustodyInputError) as error:
            call()
        assert error.value.field == flag and "True or False" in error.value.reason


def test_the_protocol_shows_the_immediately_reading_beside_the_three_hours():
    f = by_rule(audit("2012-03-01 09:00", {"protocol-3h": "2012-03-01 11:40"}, now="2012-03-01 12:00"))["protocol-3h"]
    assert f.status == "met"
    assert f.deadline.immediately_due == f.deadline.starts_at
    assert f.immediately_late == timedelta(hours=2, minutes=40)
    assert any("immédiatement" in n for n in f.notes)
    assert by_rule(audit("2012-03-01 09:00", {}, now="2012-03-01 10:00"))["protocol-3h"].immediately_late == H


def test_external_sources_are_shown_only_after_the_period_and_marked_as_such():
    inside = by_rule(deadlines("2012-06-01 10:00"))["court-72h"]
    assert not any("external source" in w for w in inside.warnings)
    after = by_rule(deadlines("2019-06-01 10:00"))["court-72h"]
    external = [w for w in after.warnings if w.startswith("Outside the report (external source:")]
    book = load_rules()
    assert len(external) == len(book.rule("court-72h").later_law) >= 3
    assert all(s.url in w for s, w in zip(book.rule("court-72h").later_law, external))
    assert utc(after.due) - utc(after.starts_at) == 72 * H  # no source gives the day 48 hours took effect
    assert not any("external source" in w for w in by_rule(deadlines("2019-06-01 10:00"))["protocol-3h"].warnings)


def test_an_external_source_must_say_so_and_carry_its_address(tmp_path):
    raw = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    court = next(r for r in raw["rules"] if r["id"] == "court-72h")
    court["later_law"][0]["source"] = "report"
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RulesDataError, match="'source' must be 'external'"):
        load_rules(path)
    court["later_law"][0]["source"] = "external"
    court["later_law"][0]["url"] = "adilet.zan.kz"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RulesDataError, match="url"):
        load_rules(path)


def test_every_message_template_is_filled_without_a_missing_value():
    from catbook.custody.messages import message, messages

    for key, template in messages().items():
        names = set(re.findall(r"\{([a-z_]+)\}", template))
        text = message(key, **{name: f"<{name}>" for name in names})
        assert "{" not in text, key
        if names:
            with pytest.raises(KeyError):
                message(key)


# --- an act the record gives no time for: "not recorded" ----------------------------------

from catbook.custody import ALL_STATUSES, NOT_RECORDED, STATUSES  # noqa: E402

READER_CASE = dict(tz="Asia/Almaty", juvenile=True)
READER_EVENTS = {"protocol-3h": "2010-09-03 23:30", "parents-notice-immediate": "2010-09-04 09:00",
                 "family-notice-12h": NOT_RECORDED, "prosecutor-notice-12h": NOT_RECORDED,
                 "court-72h": NOT_RECORDED}


def test_a_past_case_with_acts_not_recorded_counts_none_of_them_missed():
    """The readers' review (2026-12, reader 2): a 2010 case checked today with three acts unknown."""
    findings = by_rule(audit("2010-09-03 19:00", READER_EVENTS, **READER_CASE))
    statuses = [f.status for f in findings.values()]
    assert statuses.count("missed") == 2 and statuses.count("not_recorded") == 3 and statuses.count("met") == 0
    for rule in ("family-notice-12h", "prosecutor-notice-12h", "court-72h"):
        f = findings[rule]
        assert (f.status, f.overrun, f.actual, f.recorded) == ("not_recorded", None, None, False), rule
    assert findings["prosecutor-notice-12h"].outer_status == "not_recorded"
    assert findings["prosecutor-notice-12h"].deadline.is_upper_bound is False  # the protocol's time is known
    assert findings["parents-notice-immediate"].overrun == 14 * H


def test_an_act_not_recorded_is_pending_until_its_deadline():
    events = {"protocol-3h": NOT_RECORDED, "court-72h": NOT_RECORDED}
    early = by_rule(audit("2012-03-01 09:00", events, tz="Asia/Almaty", now="2012-03-01 12:00"))
    assert early["protocol-3h"].status == "pending" and early["protocol-3h"].immediately_late is None
    late = by_rule(audit("2012-03-01 09:00", events, tz="Asia/Almaty", now="2012-03-01 12:01"))
    assert (late["protocol-3h"].status, late["protocol-3h"].overrun) == ("not_recorded", None)
    assert late["protocol-3h"].immediately_late is None
    assert late["court-72h"].status == "pending"
    # a clock that runs from an act not recorded is the latest possible one, as for an act left out
    assert late["prosecutor-notice-12h"].deadline.is_upper_bound


def test_an_act_stated_not_done_stays_missed_with_its_overrun():
    for events in ({"protocol-3h": None}, {}):
        f = by_rule(audit("2012-03-01 09:00", events, tz="Asia/Almaty", now="2012-03-01 13:00"))["protocol-3h"]
        assert (f.status, f.overrun, f.recorded) == ("missed", H, True)
        assert f.immediately_late == 4 * H


def test_not_recorded_is_its_own_status_beside_the_verdicts():
    assert STATUSES == ("met", "missed", "pending")
    assert ALL_STATUSES == ("met", "missed", "not_recorded", "pending")


def test_not_recorded_for_a_rule_that_does_not_apply_is_refused():
    with pytest.raises(CustodyInputError) as error:
        audit("2012-03-01 09:00", {"consular-notice-12h": NOT_RECORDED}, now="2012-03-02 09:00")
    assert error.value.field == "events[consular-notice-12h]"


# --- the dotted date form (03.09.2010 19:00) -----------------------------------------------

def test_dotted_dates_name_the_same_instants_as_iso():
    dotted = audit("03.09.2010 19:00", {"protocol-3h": "03.09.2010T23:30+06:00"}, tz="Asia/Almaty",
                   now="05.09.2010 12:00")
    iso = audit("2010-09-03 19:00", {"protocol-3h": "2010-09-03T23:30+06:00"}, tz="Asia/Almaty",
                now="2010-09-05 12:00")
    assert [(f.rule, f.due, f.status, f.overrun) for f in dotted] == [(f.rule, f.due, f.status, f.overrun) for f in iso]


@pytest.mark.parametrize("text, words", [
    ("30.02.2010 19:00", "is not a date and time such as '2012-03-01 14:30', '01.03.2012 14:30'"),
    ("3.9.2010 19:00", "is not a date and time"),
    ("03.09.201019:00", "is not a date and time"),
    ("03.09.2010", "'03.09.2010' is a date without a time of day"),
    ("2010.09.03 19:00", "is not a date and time"),
])
def test_bad_dotted_dates_get_the_same_messages_quoting_what_was_typed(text, words):
    with pytest.raises(CustodyInputError) as error:
        deadlines(text)
    assert error.value.field == "arrested_at" and words in error.value.reason
    assert repr(text) in error.value.reason
