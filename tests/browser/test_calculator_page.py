"""The book's kernel-free calculator page gives the Python engine's answers, in Chromium.

Every worked case of data/cat-c-kaz-3/custody/scenarios.yaml is typed into the form of
book/calculator.html (served from the built book over http://127.0.0.1); the deadlines,
verdicts, overruns, warnings and notes the page shows (read from its data-* attributes)
must equal those of ``catbook.custody.audit()``/``deadlines()`` on the same inputs. Bad
input must give the engine's own message, beside the field it concerns. The page also
computes with the rules the build exported (custody-rules.json). The Russian page
(book/instructors/ru/calculator.html) runs every worked case too, in Russian words: the same
deadlines, verdicts, overruns and as many warnings and notes, worded from
data/cat-c-kaz-3/custody/messages.ru.yaml. (The chapters' calculators,
the address, reload, print and copy: test_calculator_keep.py.)
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from urllib.parse import urlparse

import pytest

from catbook.custody import NOT_RECORDED, CustodyInputError, audit, deadlines, load_rules, load_scenarios
from catbook.custody.messages import format_duration
from catbook.custody.moments import format_moment
from catbook.custody.tables import immediately_text, outer_text
from catbook.custody.widgets import evaluate_form, form_events
from catbook.book.web import STATIC_SUBDIR, custody_rules_payload
from catbook.training.lang import language as training_language

SCENARIOS = load_scenarios()
FORM_RULES = [rule.id for rule in load_rules().custody_rules(foreigner=True, juvenile=True)]
PAGE = "/book/calculator.html"
#: The calculator page of each language (the same engine and rules, the words of that language).
PAGES = {"en": PAGE, "ru": "/book/instructors/ru/calculator.html"}

READ_RESULTS = """() => Array.from(document.querySelectorAll('#cc-table tbody tr')).map(tr => ({
  rule: tr.dataset.rule, status: tr.dataset.status, due: tr.dataset.due, starts_at: tr.dataset.startsAt,
  actual: tr.dataset.actual, overrun_seconds: tr.dataset.overrunSeconds,
  lawful_delay_until: tr.dataset.lawfulDelayUntil, upper_bound: tr.dataset.upperBound === 'true',
  source_lines: tr.dataset.sourceLines, due_text: tr.querySelector('.cc-due').textContent,
  overrun_text: tr.querySelector('.cc-overrun').textContent,
  outer_due: tr.dataset.outerDue, outer_status: tr.dataset.outerStatus,
  immediately_late_seconds: tr.dataset.immediatelyLateSeconds,
  outer_text: tr.querySelector('.cc-outer').textContent,
  immediately_text: tr.querySelector('.cc-immediately').textContent, recorded: tr.dataset.recorded === 'true',
  warnings: Array.from(document.querySelectorAll(`.cc-rule[data-rule="${tr.dataset.rule}"] [data-warning]`))
    .map(li => li.dataset.warning),
  notes: Array.from(document.querySelectorAll(`.cc-rule[data-rule="${tr.dataset.rule}"] [data-note]`))
    .map(li => li.dataset.note),
}))"""

READ_ERRORS = """() => Object.fromEntries(Array.from(document.querySelectorAll('[data-error-for]'))
  .filter(node => !node.hidden).map(node => [node.dataset.errorFor, node.textContent]))"""


def minutes_iso(moment) -> str:
    return moment.isoformat(timespec="minutes") if moment is not None else ""


def engine_rows(arrested_at, events, *, tz, now, foreigner, juvenile=False, delay_authorised=False):
    """What the page must show, computed by the Python engine (the oracle); ``events`` as audit()
    takes them (a time, None or a rule left out: not done, NOT_RECORDED: blank in the form)."""
    findings = audit(arrested_at, events, tz=tz, now=now, foreigner=foreigner, juvenile=juvenile,
                     delay_authorised=delay_authorised)
    return [{
        "rule": f.rule, "status": f.status, "due": minutes_iso(f.due),
        "starts_at": minutes_iso(f.deadline.starts_at), "actual": minutes_iso(f.actual),
        "overrun_seconds": f.overrun.total_seconds() if f.overrun is not None else None,
        "lawful_delay_until": minutes_iso(f.deadline.lawful_delay_until),
        "upper_bound": f.deadline.is_upper_bound, "source_lines": " ".join(map(str, f.source_lines)),
        "due_text": format_moment(f.due) + (" (latest possible)" if f.deadline.is_upper_bound else ""),
        "overrun_text": format_duration(f.overrun) if f.overrun is not None else "",
        "outer_due": minutes_iso(f.deadline.outer_due), "outer_status": f.outer_status or "",
        "immediately_late_seconds": (str(int(f.immediately_late.total_seconds()))
                                     if f.immediately_late is not None else ""),
        "outer_text": outer_text(f), "immediately_text": immediately_text(f),
        "warnings": f.warnings, "notes": f.notes, "recorded": f.recorded,
    } for f in findings]


def form_of(inputs):
    """A case given as audit()'s arguments as the form shows it (the page's flatten()): the times
    typed, the acts left out or None ticked "not done" where they apply, NOT_RECORDED left blank."""
    events = inputs["events"]
    applies = [r.id for r in load_rules().custody_rules(foreigner=bool(inputs["foreigner"]),
                                                        juvenile=bool(inputs.get("juvenile")))]
    texts = {rule: str(v) for rule, v in events.items() if v is not None and v != NOT_RECORDED}
    return texts, [rule for rule in applies if events.get(rule) is None]


def network_hosts(urls) -> set[str]:
    """The hosts of the URLs that went to a network (not data: or blob: URLs)."""
    return {urlparse(url).hostname for url in urls if urlparse(url).scheme in ("http", "https", "ws", "wss")}


def page_rows(page):
    rows = page.evaluate(READ_RESULTS)
    for row in rows:
        row["overrun_seconds"] = float(row["overrun_seconds"]) if row["overrun_seconds"] else None
    return rows


@pytest.fixture(scope="module")
def calculator_in(browser, book_url):
    """The calculator page of a language, opened once for the module: every test fills every
    field, so none leaks state."""
    opened = {}

    def open_page(lang: str):
        if lang not in opened:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
            context.set_default_timeout(15_000)
            page = context.new_page()
            page.errors_seen = []
            page.on("pageerror", lambda error: page.errors_seen.append(str(error)))
            page.on("console", lambda m: page.errors_seen.append(m.text) if m.type == "error" else None)
            page.goto(book_url + PAGES[lang])
            page.wait_for_selector("[data-catbook-calculator='custody'][data-ready='true']")
            opened[lang] = (context, page)
        return opened[lang][1]

    yield open_page
    for context, _ in opened.values():
        context.close()


@pytest.fixture(scope="module")
def calculator(calculator_in):
    return calculator_in("en")


def in_language(rows, lang: str):
    """Engine rows with the page's words in ``lang``: the Python engine words them in English,
    so a text is rebuilt from the language's table (data/cat-c-kaz-3/custody/messages.<lang>.yaml), and a
    warning or note is compared by count and language, the values and verdicts exactly."""
    if lang == "en":
        return rows
    table = custody_rules_payload()["languages"][lang]["messages"]

    def say(key, **values):
        return re.sub(r"\{([a-z_]+)\}", lambda m: str(values[m[1]]), table[key])

    def duration(seconds):
        minutes = int(seconds) // 60
        days, rest = divmod(minutes, 24 * 60)
        return say("duration.days" if days else "duration.hours", days=days, hours=rest // 60,
                   minutes=f"{rest % 60:02d}")

    # a moment as the language writes it, by the instructors' pages' own function (training.lang):
    # the page's JavaScript must write it the same way ("1 марта 2012 г. в 23:40 (UTC+06:00)")
    words = training_language(lang)

    def moment(iso):
        return words.when_with_offset(datetime.fromisoformat(iso))

    out = []
    for row in rows:
        row = dict(row)
        row["due_text"] = moment(row["due"]) + (" " + say("verdict.latest_possible") if row["upper_bound"] else "")
        row["overrun_text"] = duration(row["overrun_seconds"]) if row["overrun_seconds"] is not None else ""
        if row["outer_status"]:
            row["outer_text"] = moment(row["outer_due"]) + ": " + say("verdict." + row["outer_status"])
        if row["immediately_late_seconds"] != "":
            late = int(row["immediately_late_seconds"])
            row["immediately_text"] = (say("verdict.immediately_on_time") if late == 0
                                       else say("verdict.immediately_late", duration=duration(late)))
        row["warnings"], row["notes"] = len(row["warnings"]), len(row["notes"])
        out.append(row)
    return out


def worded_in(rows, lang: str):
    """The page's rows as in_language() gives the engine's: warnings and notes counted, and each
    one checked to be in the page's language."""
    if lang == "en":
        return rows
    for row in rows:
        for text in row["warnings"] + row["notes"]:
            assert re.search(r"[\u0400-\u04FF]", text), f"{row['rule']}: not in Russian: {text!r}"
        row["warnings"], row["notes"] = len(row["warnings"]), len(row["notes"])
    return rows


def submit(page, *, arrested_at, tz, foreigner, events, now, juvenile=False, delay_authorised=False, not_done=()):
    """Type the case into the form (``not_done``: the acts whose "not done" box is ticked), press
    the button, and wait for the new result."""
    page.fill("#cc-arrested_at", arrested_at)
    page.fill("#cc-tz", tz)
    page.set_checked("#cc-foreigner", foreigner)
    page.set_checked("#cc-juvenile", juvenile)
    page.set_checked("#cc-delay_authorised", delay_authorised)
    for rule in FORM_RULES:
        page.fill(f"#cc-{rule}", events.get(rule) or "")
        page.set_checked(f"#cc-not-done-{rule}", rule in not_done)
    page.fill("#cc-now", now)
    before = page.get_attribute("#cc-results", "data-run")
    page.click("#cc-submit")
    page.wait_for_function("before => document.querySelector('#cc-results').dataset.run !== before", arg=before)
    return page.get_attribute("#cc-results", "data-state")


# --- the worked cases: page == engine --------------------------------------------------

@pytest.mark.parametrize("lang", list(PAGES))
@pytest.mark.parametrize("case", SCENARIOS, ids=[case.name for case in SCENARIOS])
def test_every_worked_case_gives_the_engines_deadlines_and_verdicts(calculator_in, case, lang):
    calculator = calculator_in(lang)
    inputs = case.inputs
    events, not_done = form_of(inputs)
    flags = {"juvenile": inputs["juvenile"], "delay_authorised": inputs["delay_authorised"]}
    state = submit(calculator, arrested_at=str(inputs["arrested_at"]), tz=inputs["tz"],
                   foreigner=bool(inputs["foreigner"]), events=events, now=str(inputs["now"]), not_done=not_done,
                   **flags)
    assert state == "ok", calculator.evaluate(READ_ERRORS)
    shown = worded_in(page_rows(calculator), lang)
    expected = in_language(engine_rows(str(inputs["arrested_at"]), inputs["events"], tz=inputs["tz"],
                                       now=str(inputs["now"]), foreigner=bool(inputs["foreigner"]), **flags), lang)
    assert [row["rule"] for row in shown] == [row["rule"] for row in expected], "order of the deadlines"
    for got, want in zip(shown, expected):
        assert got["overrun_seconds"] == pytest.approx(want["overrun_seconds"], abs=1e-3), got["rule"]
        got["overrun_seconds"] = want["overrun_seconds"]
        assert got == want
    # deadlines() agrees on every due time (it only knows the protocol's time).
    schedule = deadlines(str(inputs["arrested_at"]), tz=inputs["tz"], foreigner=bool(inputs["foreigner"]),
                         protocol_at=events.get("protocol-3h"), **flags)
    assert {row["rule"]: row["due"] for row in shown} == {d.rule: minutes_iso(d.due) for d in schedule}
    # and, as a last guard, the answer written by hand in the scenario file
    for rule, answer in case.expected.items():
        row = next(r for r in shown if r["rule"] == rule)
        assert row["status"] == answer["status"], rule
    assert calculator.errors_seen == []


def test_a_worked_case_loads_from_the_menu_and_is_computed(calculator):
    case = SCENARIOS[0]
    calculator.select_option("#cc-example", case.name)
    calculator.wait_for_function("() => document.querySelector('#cc-results').dataset.state === 'ok'")
    assert calculator.input_value("#cc-arrested_at") == str(case.inputs["arrested_at"])
    assert case.facts.split()[0] in calculator.text_content("#cc-example-facts")
    shown = [(row["rule"], row["due"], row["status"]) for row in page_rows(calculator)]
    expected = [(row["rule"], row["due"], row["status"]) for row in engine_rows(
        str(case.inputs["arrested_at"]), case.inputs["events"],
        tz=case.inputs["tz"], now=str(case.inputs["now"]), foreigner=case.inputs["foreigner"])]
    assert shown == expected
    assert calculator.locator("#cc-example option:checked").text_content() == case.title


def test_a_blank_now_is_the_current_time(calculator):
    state = submit(calculator, arrested_at="2012-03-01 09:00", tz="Asia/Almaty", foreigner=False,
                   events={"protocol-3h": "2012-03-01 10:00"}, now="")
    assert state == "ok"
    shown = [(row["rule"], row["due"], row["status"]) for row in page_rows(calculator)]
    blank = form_events({rule: "" for rule in FORM_RULES} | {"protocol-3h": "2012-03-01 10:00"},
                        foreigner=False, juvenile=False)
    expected = [(f.rule, minutes_iso(f.due), f.status) for f in audit("2012-03-01 09:00", blank, tz="Asia/Almaty")]
    assert shown == expected
    assert {status for rule, due, status in shown if rule != "protocol-3h"} == {"not_recorded"}


# --- "not recorded" apart from "missed" (issue 23, point 6; readers' review 2026-12, reader 2) --

def test_a_2010_case_left_blank_shows_not_recorded_and_counts_no_overrun_to_today(calculator):
    """The reader's case: a minor arrested 03.09.2010 19:00, protocol 23:30, parents told 09:00 the
    next morning, the other acts unknown and "now" blank (today)."""
    state = submit(calculator, arrested_at="03.09.2010 19:00", tz="Asia/Almaty", foreigner=False, juvenile=True,
                   events={"protocol-3h": "03.09.2010 23:30", "parents-notice-immediate": "04.09.2010 09:00"},
                   now="")
    assert state == "ok", calculator.evaluate(READ_ERRORS)
    rows = {row["rule"]: row for row in page_rows(calculator)}
    for rule in ("family-notice-12h", "prosecutor-notice-12h", "court-72h"):
        assert rows[rule]["status"] == "not_recorded" and rows[rule]["overrun_text"] == "", rule
        assert rows[rule]["overrun_seconds"] is None and not rows[rule]["recorded"], rule
        done = calculator.locator(f"#cc-table tr[data-rule='{rule}'] .cc-done").text_content()
        verdict = calculator.locator(f"#cc-table tr[data-rule='{rule}'] .cc-status").first.text_content()
        assert done == verdict == "not recorded", rule
    assert rows["parents-notice-immediate"]["overrun_text"] == "14 h 00 min"
    assert rows["protocol-3h"]["overrun_text"] == "1 h 30 min"
    summary = calculator.text_content("#cc-status")
    assert "5 deadlines: 0 met, 2 missed, 3 not recorded, 0 pending" in summary
    assert " d " not in "".join(row["overrun_text"] for row in rows.values())  # no overrun of years
    # a monitor who knows the court never decided says so: that act alone becomes missed, to today
    submit(calculator, arrested_at="03.09.2010 19:00", tz="Asia/Almaty", foreigner=False, juvenile=True,
           events={"protocol-3h": "03.09.2010 23:30", "parents-notice-immediate": "04.09.2010 09:00"}, now="",
           not_done=["court-72h"])
    rows = {row["rule"]: row for row in page_rows(calculator)}
    assert rows["court-72h"]["status"] == "missed" and " d " in rows["court-72h"]["overrun_text"]
    assert "0 met, 3 missed, 2 not recorded, 0 pending" in calculator.text_content("#cc-status")


def test_a_time_with_not_done_ticked_is_an_error_beside_the_act_and_nothing_typed_is_lost(calculator):
    state = submit(calculator, arrested_at="03.09.2010 19:00", tz="Asia/Almaty", foreigner=False,
                   events={"court-72h": "05.09.2010 10:00"}, now="10.09.2010 10:00", not_done=["court-72h"])
    assert state == "error"
    errors = calculator.evaluate(READ_ERRORS)
    assert errors == evaluate_form(arrested_at="03.09.2010 19:00", tz="Asia/Almaty", foreigner=False,
                                   events={"court-72h": "05.09.2010 10:00"}, now="10.09.2010 10:00",
                                   not_done=["court-72h"]).errors
    assert "not done" in errors["court-72h"]
    assert calculator.input_value("#cc-court-72h") == "05.09.2010 10:00"
    assert calculator.is_checked("#cc-not-done-court-72h")


def test_the_form_says_how_the_parents_notice_relates_to_the_family_notice(calculator):
    help_text = calculator.text_content("#cc-parents-notice-immediate-help")
    assert "line 322" in help_text and "line 73" in help_text and "does not say" in help_text
    assert "not recorded" in calculator.text_content("#cc-acts-help")


# --- bad input: the engine's message, beside its field, and nothing typed is lost --------

BASE = dict(arrested_at="2012-03-01 09:00", tz="Asia/Almaty", foreigner=False, events={},
            now="2012-03-02 09:00")
ERROR_CASES = {
    "nonexistent-local-time": dict(arrested_at="2004-03-28 02:30"),
    "ambiguous-local-time": dict(arrested_at="2024-02-29 23:30", now="2024-03-02 09:00"),
    "unknown-zone": dict(tz="Asia/Nowhere"),
    "event-before-arrest": dict(events={"protocol-3h": "2012-03-01 08:00"}),
    "date-without-time": dict(arrested_at="2012-03-01"),
    "unreadable-event": dict(events={"court-72h": "soon"}),
    "consulate-for-a-national": dict(events={"consular-notice-12h": "2012-03-01 10:00"}),
    "parents-for-an-adult": dict(events={"parents-notice-immediate": "2012-03-01 10:00"}),
    "now-before-arrest": dict(now="2012-03-01 08:59"),
    "event-after-now": dict(events={"family-notice-12h": "2012-03-02 10:00"}),
    "event-before-arrest-in-other-offset": dict(events={"family-notice-12h": "2012-03-01T02:30+00:00"}),
    "arrest-in-the-future": dict(arrested_at="2999-01-01 10:00", now=""),
    "several-bad-fields-at-once": dict(tz="Nowhere/City", events={"court-72h": "later"}, now="tomorrow"),
}


def engine_errors(values) -> dict[str, str]:
    """The engine's message per field, as the notebook form (evaluate_form) gives them.

    One difference, on purpose: with a blank "now" the page calls the engine as
    ``audit(now=None)`` does, so an arrest in the future is reported on the arrest
    ("... is in the future"); evaluate_form passes the current time as if it had been
    typed, and reports it on the blank "now" field instead.
    """
    events = {rule: values["events"].get(rule, "") for rule in FORM_RULES}
    errors = evaluate_form(arrested_at=values["arrested_at"], tz=values["tz"], foreigner=values["foreigner"],
                           events=events, now=values["now"]).errors
    if not values["now"].strip() and set(errors) == {"now"}:
        try:
            audit(values["arrested_at"], {k: v for k, v in events.items() if v.strip()}, tz=values["tz"],
                  foreigner=values["foreigner"])
        except CustodyInputError as error:
            return {error.field.removeprefix("events[").removesuffix("]"): error.reason}
    return errors


@pytest.mark.parametrize("name", list(ERROR_CASES))
def test_bad_input_shows_the_engines_message_beside_the_field(calculator, name):
    values = {**BASE, **ERROR_CASES[name]}
    expected = engine_errors(values)
    assert expected, "the case must be an error for the engine too"
    state = submit(calculator, **values)
    assert state == "error"
    assert calculator.evaluate(READ_ERRORS) == expected
    for key in expected:
        field = calculator.locator(f"#cc-{key}")
        assert field.get_attribute("aria-invalid") == "true"
        assert f"cc-{key}-error" in field.get_attribute("aria-describedby").split()
        # beside the field: in the same form row as the input it is about
        row = calculator.locator(f"[data-field-row='{key}']")
        assert row.locator(f"#cc-{key}").count() == 1
        assert row.locator(f"[data-error-for='{key}']").is_visible()
    assert calculator.locator("#cc-table tbody tr").count() == 0
    assert "Correct the field" in calculator.text_content("#cc-status")
    # what was typed is kept
    assert calculator.input_value("#cc-arrested_at") == values["arrested_at"]
    assert calculator.input_value("#cc-tz") == values["tz"]
    for rule, text in values["events"].items():
        assert calculator.input_value(f"#cc-{rule}") == text
    assert calculator.input_value("#cc-now") == values["now"]
    # and a correction clears the messages
    assert submit(calculator, **BASE) == "ok"
    assert calculator.evaluate(READ_ERRORS) == {}


# --- reading times: the page reads text exactly as the engine does -----------------------

TEXTS = ["2012-03-01 14:30", "2012-03-01T14:30", "2012-03-01t14:30", "20120301T1430", "2012-03-01 14",
         "2012-03-01 14:30:15", "2012-03-01 14:30:15.5", "2012-03-01T14:30Z", "2012-03-01 14:30+06",
         "2012-03-01 14:30+0600", "2012-03-01 14:30 +05:00", "2012-03-01T14:30-00:00", "  2012-03-01 14:30  ",
         "2012-03-01", "20120301", "", "   ", "2012-3-1 10:00", "2012-02-30 10:00", "2012-02-29 10:00",
         "2011-02-29 10:00", "2012-03-01 24:00", "2012-03-01 14:60", "2012-03-01 14:30:60", "0000-03-01 10:00",
         "2012-03-01 14:30+24:00", "2012-03-01  14:30", "2012-03-01 14:3", "1 March 2012 14:30", "it's late",
         "2004-03-28 02:00", "2004-03-28 02:59", "2004-03-28 03:00", "2004-10-31 01:30", "2024-02-29 23:00",
         "2024-02-29 23:59", "2024-03-01 00:00", "2024-02-29T23:30+05:00",
         "03.09.2010 19:00", "03.09.2010T19:00", "03.09.2010 19:00+06:00", "03.09.2010 19:00:30", "03.09.2010",
         "30.02.2010 19:00", "3.9.2010 19:00", "03.09.201019:00", "03.09.2010  19:00", "29.02.2024 23:30",
         "28.03.2004 02:30", "01.03.2024 00:00"]


def test_times_are_read_as_the_engine_reads_them(calculator):
    """Accepted or refused alike, with the same message; accepted ones name the same instant."""
    got = calculator.evaluate("""texts => texts.map(text => {
        const r = window.CatbookCustody.evaluate({arrested_at: text, tz: 'Asia/Almaty', foreigner: false,
                                                  events: {}, now: '2030-01-01 00:00'});
        return {errors: r.errors, arrest: r.findings.length ? r.findings[0].deadline.startsAt / 1000 : null};
    })""", TEXTS)
    for text, page in zip(TEXTS, got):
        engine = evaluate_form(arrested_at=text, tz="Asia/Almaty", foreigner=False, events={},
                               now="2030-01-01 00:00")
        assert page["errors"] == engine.errors, text
        if engine.ok:
            protocol = next(f for f in engine.findings if f.rule == "protocol-3h")
            assert page["arrest"] == pytest.approx(protocol.deadline.starts_at.timestamp(), abs=1e-3), text


# --- the page itself ---------------------------------------------------------------------

def test_the_page_is_labelled_and_announces_its_results(calculator):
    unlabelled = calculator.evaluate("""() => Array.from(document.querySelectorAll(
        '#cc-form input, #cc-form select')).filter(el => !el.labels || el.labels.length === 0).map(el => el.id)""")
    assert unlabelled == []
    status = calculator.locator("#cc-status")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert calculator.locator("#cc-results").is_visible()
    assert calculator.locator("#cc-table caption").count() == 1
    assert calculator.locator("#cc-table thead th[scope='col']").count() >= 5


def test_the_page_computes_with_the_rules_this_build_exported(calculator, book_dir):
    exported = json.loads((book_dir / "_static" / STATIC_SUBDIR / "custody-rules.json").read_text(encoding="utf-8"))
    assert exported == custody_rules_payload()
    in_page = calculator.evaluate("() => window.CatbookCustody.data")
    assert in_page == exported


def test_the_calculator_page_loads_nothing_from_another_host(page, book_url):
    page.goto(book_url + PAGE)
    page.wait_for_selector("[data-catbook-calculator='custody'][data-ready='true']")
    hosts = network_hosts(page.requests)
    assert hosts == {"127.0.0.1"}
    assert [e for e in page.page_errors] == []
    assert [m.text for m in page.console_messages if m.type == "error"] == []
