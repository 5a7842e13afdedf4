"""The calculator front end and the timeline chart, driven without a browser."""
import re
from datetime import datetime, timedelta, timezone

import ipywidgets as widgets
import pytest

from catbook.custody import NOT_RECORDED, audit, custody_timeline, country_zones, scenario
from catbook.custody.widgets import CustodyCalculator, evaluate_form, form_events, not_done_key

CASE = scenario("foreign-national-consulate-late")


def plain(html_text: str) -> str:
    return re.sub(r"<[^>]+>", "", html_text).replace("&#x27;", "'")


def form(**changes):
    values = dict(arrested_at="2012-03-01 09:00", tz="Asia/Almaty", foreigner=False,
                  events={}, now="2012-03-01 10:00")
    values.update(changes)
    return evaluate_form(**values)


# --- the pure form function -------------------------------------------------------------

def test_form_values_give_the_same_findings_as_audit():
    result = evaluate_form(**{**CASE.inputs, "foreigner": True})
    assert result.ok and result.errors == {}
    expected = audit(CASE.inputs["arrested_at"], CASE.inputs["events"], tz=CASE.inputs["tz"],
                     now=CASE.inputs["now"], foreigner=True)
    assert [(f.rule, f.status, f.due) for f in result.findings] == [(f.rule, f.status, f.due) for f in expected]


def test_every_bad_field_gets_its_own_message_at_once():
    result = form(arrested_at="", tz="Nowhere/City", events={"court-72h": "soon"}, now="later")
    assert not result.ok and result.findings == []
    assert result.errors["arrested_at"] == "no time given"
    assert "unknown time zone 'Nowhere/City'" in result.errors["tz"]
    assert "is not a date and time" in result.errors["court-72h"]
    assert "is not a date and time" in result.errors["now"]


@pytest.mark.parametrize("changes, key, words", [
    (dict(arrested_at="2024-02-29 23:30"), "arrested_at", "ambiguous in Asia/Almaty"),
    (dict(arrested_at="2012-03-25 02:30", tz="Europe/Paris"), "arrested_at", "does not exist"),
    (dict(events={"protocol-3h": "2012-03-01 08:00"}), "protocol-3h", "before the arrest"),
    (dict(events={"consular-notice-12h": "2012-03-01 09:30"}), "consular-notice-12h", "foreign national"),
    (dict(events={"court-72h": "2012-03-02 09:00"}), "court-72h", "after now"),
    (dict(now="2012-03-01 08:00"), "now", "before the arrest"),
])
def test_engine_errors_land_beside_the_field_they_concern(changes, key, words):
    result = form(**changes)
    assert list(result.errors) == [key]
    assert words in result.errors[key]


def test_blank_events_are_not_recorded_and_blank_now_is_the_current_time():
    result = form(events={"protocol-3h": "", "court-72h": "  "}, now="")
    assert result.ok
    statuses = {f.rule: f.status for f in result.findings}
    # blank and past their deadlines: not recorded, with no overrun counted to today
    assert statuses["protocol-3h"] == statuses["court-72h"] == "not_recorded"
    assert all(f.overrun is None for f in result.findings if f.rule in ("protocol-3h", "court-72h"))
    # the rules the form has no field for here stay as audit() reads them: not done, missed
    assert statuses["family-notice-12h"] == "missed"
    assert abs(result.now - datetime.now(timezone.utc)) < timedelta(minutes=1)


def test_a_blank_act_is_pending_until_its_deadline_then_not_recorded():
    events = {"protocol-3h": "", "family-notice-12h": "", "court-72h": ""}
    early = {f.rule: f for f in form(events=events, now="2012-03-01 11:00").findings}
    assert {early[r].status for r in events} == {"pending"}
    late = {f.rule: f for f in form(events=events, now="2012-03-01 22:00").findings}
    assert (late["protocol-3h"].status, late["protocol-3h"].overrun) == ("not_recorded", None)
    assert (late["family-notice-12h"].status, late["family-notice-12h"].overrun) == ("not_recorded", None)
    assert late["court-72h"].status == "pending"
    assert late["protocol-3h"].immediately_late is None and not late["protocol-3h"].recorded


def test_an_act_ticked_not_done_is_missed_with_its_overrun():
    events = {"protocol-3h": "", "family-notice-12h": "", "court-72h": ""}
    result = form(events=events, now="2012-03-01 22:00", not_done=["family-notice-12h"])
    family = next(f for f in result.findings if f.rule == "family-notice-12h")
    assert (family.status, family.overrun, family.recorded) == ("missed", timedelta(hours=1), True)
    assert next(f for f in result.findings if f.rule == "protocol-3h").status == "not_recorded"


def test_a_time_and_a_not_done_tick_on_one_act_is_an_error_beside_it():
    result = form(events={"protocol-3h": "2012-03-01 10:00", "court-72h": "soon"}, not_done=["protocol-3h"])
    assert set(result.errors) == {"protocol-3h", "court-72h"}
    assert "not done" in result.errors["protocol-3h"]


def test_not_done_for_a_rule_that_does_not_apply_is_refused_beside_it():
    result = form(events={"consular-notice-12h": ""}, not_done=["consular-notice-12h"])
    assert list(result.errors) == ["consular-notice-12h"] and "foreign national" in result.errors["consular-notice-12h"]


def test_form_events_map_blank_ticked_and_typed_acts():
    events = {"protocol-3h": "2012-03-01 10:00", "family-notice-12h": "", "consular-notice-12h": "",
              "court-72h": ""}
    assert form_events(events, ["court-72h"], foreigner=False, juvenile=False) == {
        "protocol-3h": "2012-03-01 10:00", "family-notice-12h": NOT_RECORDED, "court-72h": None}


def test_the_dotted_date_form_is_read_like_iso():
    dotted = form(arrested_at="01.03.2012 09:00", events={"protocol-3h": "01.03.2012 10:00"})
    iso = form(arrested_at="2012-03-01 09:00", events={"protocol-3h": "2012-03-01 10:00"})
    assert dotted.ok and [(f.rule, f.due, f.status) for f in dotted.findings] == [
        (f.rule, f.due, f.status) for f in iso.findings]
    bad = form(arrested_at="30.02.2012 09:00", events={"court-72h": "01.03.2012"})
    assert bad.errors["arrested_at"] == (
        "'30.02.2012 09:00' is not a date and time such as '2012-03-01 14:30', '01.03.2012 14:30' or "
        "'2012-03-01T14:30+06:00'")
    assert bad.errors["court-72h"] == "'01.03.2012' is a date without a time of day"


# --- the widget ---------------------------------------------------------------------------

@pytest.fixture
def calculator():
    return CustodyCalculator.from_case(CASE.inputs)


def test_calculator_shows_verdicts_table_and_chart(calculator):
    assert isinstance(calculator.widget, widgets.VBox)
    verdicts = plain(calculator.verdicts.value)
    for rule_id, expected in CASE.expected.items():
        assert f"{rule_id}: {expected['status']}" in verdicts
    assert "met 1, missed 3, not recorded 0, pending 1" in plain(calculator.summary.value)
    assert "2012-07-18 11:00+06:00" in calculator.table.value and "9 h 00 min" in calculator.table.value
    assert bytes(calculator.chart.value).startswith(b"\x89PNG")
    assert all(message.value == "" for message in calculator.messages.values())


def test_every_message_sits_beside_its_field(calculator):
    rows = [child for child in calculator.widget.children if isinstance(child, widgets.HBox)]
    pairs = {id(row.children[0]): row.children[-1] for row in rows}
    for key, message in calculator.messages.items():
        assert pairs[id(calculator.fields[key])] is message


def test_time_zone_offers_kazakhstans_zones_and_accepts_any_typed(calculator):
    assert tuple(calculator.fields["tz"].options) == country_zones()
    calculator.fields["tz"].value = "Asia/Aqtau"
    assert calculator.result.ok
    assert "+05:00" in calculator.table.value


def test_bad_input_shows_a_message_keeps_the_text_and_hides_stale_results(calculator):
    calculator.fields["arrested_at"].value = "2012-07-15 25:00"
    assert "is not a date and time" in plain(calculator.messages["arrested_at"].value)
    assert calculator.fields["arrested_at"].value == "2012-07-15 25:00"
    assert calculator.table.value == "" and calculator.verdicts.value == ""
    assert calculator.chart.layout.display == "none"
    assert "Traceback" not in plain(calculator.summary.value)


def test_fixing_the_field_clears_the_message_and_restores_results(calculator):
    calculator.fields["arrested_at"].value = "nonsense"
    calculator.fields["arrested_at"].value = CASE.inputs["arrested_at"]
    assert calculator.messages["arrested_at"].value == ""
    assert calculator.chart.layout.display is None and bytes(calculator.chart.value).startswith(b"\x89PNG")
    assert "consular-notice-12h: missed" in plain(calculator.verdicts.value)


def test_unticking_foreign_national_flags_the_consulate_time(calculator):
    calculator.fields["foreigner"].value = False
    assert "foreign national" in plain(calculator.messages["consular-notice-12h"].value)
    assert calculator.fields["consular-notice-12h"].value == CASE.inputs["events"]["consular-notice-12h"]


def test_entering_an_event_updates_the_verdict(calculator):
    calculator.fields[not_done_key("court-72h")].value = False  # the case leaves it out: not done
    calculator.fields["court-72h"].value = "2012-07-16 08:00"
    assert "court-72h: met" in plain(calculator.verdicts.value)


def test_warnings_and_notes_are_shown():
    calculator = CustodyCalculator(arrested_at="2010-05-01 10:00", now="2010-05-01 11:00")
    notes = plain(calculator.notes.value)
    assert "latest possible due time" in notes and "seventy-two hours" in notes
    calculator.fields["arrested_at"].value = "2014-05-01 10:00"
    calculator.fields["now"].value = "2014-05-01 11:00"
    assert "after the period the report covers" in plain(calculator.notes.value)


# --- the timeline chart -------------------------------------------------------------------

def test_timeline_marks_each_rule_on_an_axis_of_hours_since_arrest():
    findings = CASE.run()
    figure = custody_timeline(findings, arrested_at=CASE.inputs["arrested_at"], tz=CASE.inputs["tz"],
                              now=CASE.inputs["now"])
    ax = figure.axes[0]
    assert "Hours since the arrest" in ax.get_xlabel()
    assert [t.get_text() for t in ax.get_yticklabels()] == [f.rule for f in findings]
    assert "2012-07-15 11:00+06:00" in ax.get_title()
    now_hours = 21.0  # 08:00 next day is 21 h after an 11:00 arrest
    assert any(list(line.get_xdata()) == [now_hours, now_hours] for line in ax.get_lines())
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert {"deadline", "act done (met)", "act done (missed)", "overrun", "now"} <= set(legend)


def test_a_case_audited_years_later_keeps_a_readable_axis():
    """An arrest in 2010 audited in 2026 spans 140 000 hours: the ticks widen, at most 16 of them
    (12-hour ticks drew some 10 000 and took the chart 46 s)."""
    from catbook.custody.timeline import _MAX_TICKS, tick_hours
    now = "2026-12-07 10:00"
    findings = audit("2010-09-03 19:00", {}, now=now, tz="Asia/Almaty")
    figure = custody_timeline(findings, arrested_at="2010-09-03 19:00", tz="Asia/Almaty", now=now)
    ax = figure.axes[0]
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert 2 <= len(ticks) <= _MAX_TICKS + 1
    assert ticks[1] - ticks[0] == tick_hours(ax.get_xlim()[1]) and tick_hours(ax.get_xlim()[1]) % 12 == 0
    assert tick_hours(40) == 12  # a case of a few days keeps its 12-hour ticks


def test_calculator_displays_as_the_widget_with_a_plain_text_stand_in(calculator):
    bundle = calculator._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == calculator.widget.model_id
    assert bundle["text/plain"].startswith("Custody clock calculator")


def test_the_minor_and_authorisation_boxes_reach_the_engine():
    calc = CustodyCalculator(arrested_at="2010-06-01 10:00", now="2010-06-01 12:00")
    rules = [f.rule for f in calc.result.findings]
    assert "parents-notice-immediate" not in rules
    family = next(f for f in calc.result.findings if f.rule == "family-notice-12h")
    assert family.deadline.lawful_delay_until is None
    calc.fields["delay_authorised"].value = True
    family = next(f for f in calc.result.findings if f.rule == "family-notice-12h")
    assert family.deadline.lawful_delay_until is not None
    assert "lawful delay until" not in calc.table.value  # the findings table shows verdicts, not the delay
    calc.fields["juvenile"].value = True
    assert "parents-notice-immediate" in [f.rule for f in calc.result.findings]
    assert next(f for f in calc.result.findings if f.rule == "family-notice-12h").deadline.lawful_delay_until is None
    assert "never applied to a minor" in plain(calc.notes.value)
    calc.fields["parents-notice-immediate"].value = "2010-06-01 10:30"
    parents = next(f for f in calc.result.findings if f.rule == "parents-notice-immediate")
    assert (parents.status, parents.overrun) == ("missed", timedelta(minutes=30))
    assert "outer bound" in calc.table.value and "immédiatement" in calc.table.value
    calc.fields["juvenile"].value = False
    assert "juvenile=False" in plain(calc.messages["parents-notice-immediate"].value)
    assert calc.fields["parents-notice-immediate"].value == "2010-06-01 10:30"  # what was typed is kept


def test_the_widgets_words_are_the_pages_words_from_the_packs_messages():
    """The ipywidgets calculator and the page calculator label their fields from one table."""
    from catbook.custody.messages import message
    calc = CustodyCalculator(arrested_at="2012-03-01 09:00")
    for key in ("arrested_at", "tz", "foreigner", "juvenile", "delay_authorised", "now"):
        assert calc.fields[key].description == message(f"page.label.{key}"), key
    assert calc.fields["now"].placeholder == message("page.placeholder.now")


def test_the_case_loads_acts_left_out_as_ticked_not_done_and_blank_ones_as_not_recorded():
    calc = CustodyCalculator.from_case(CASE.inputs)
    assert calc.fields[not_done_key("family-notice-12h")].value is True
    assert calc.fields[not_done_key("protocol-3h")].value is False
    assert calc.fields[not_done_key("consular-notice-12h")].value is False  # given a time
    assert calc.fields[not_done_key("parents-notice-immediate")].value is False  # not a minor
    family = next(f for f in calc.result.findings if f.rule == "family-notice-12h")
    assert family.status == "missed"
    calc.fields[not_done_key("family-notice-12h")].value = False
    family = next(f for f in calc.result.findings if f.rule == "family-notice-12h")
    assert (family.status, family.overrun) == ("not_recorded", None)
    assert "missed 2, not recorded 1" in plain(calc.summary.value)
    calc.fields[not_done_key("family-notice-12h")].value = True
    calc.fields["family-notice-12h"].value = "2012-07-15 20:00"
    assert "not done" in plain(calc.messages["family-notice-12h"].value)
    assert calc.fields["family-notice-12h"].value == "2012-07-15 20:00"  # kept


def test_the_reader_2010_case_counts_not_recorded_apart_from_missed():
    case = scenario("minor-2010-acts-not-recorded")
    calc = CustodyCalculator.from_case(case.inputs)
    assert calc.result.ok
    assert "met 0, missed 2, not recorded 3, pending 0" in plain(calc.summary.value)
    assert "not recorded" in calc.table.value
