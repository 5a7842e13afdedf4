"""The calculator cell: the live widget for a kernel, the page calculator's container for the book."""
from __future__ import annotations

import html
import json
import re

from catbook.book.calculator_cell import PLAIN_TEXT, calculator_cell, case_payload, scenario_calculator
from catbook.book.chapter_view import ChapterView
from catbook.custody import scenario
from catbook.book.web import CALCULATOR_MARKER

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def data_case(markup: str) -> dict:
    return json.loads(html.unescape(re.search(r'data-case="([^"]*)"', markup).group(1)))


def test_the_cell_carries_the_widget_and_the_page_calculator_of_one_case():
    case = scenario("foreign-national-consulate-late")
    bundle = scenario_calculator(case.name)._repr_mimebundle_()
    assert set(bundle) == {WIDGET_VIEW, "text/html", "text/plain"}
    assert bundle["text/plain"] == PLAIN_TEXT
    assert CALCULATOR_MARKER in bundle["text/html"]
    shown = data_case(bundle["text/html"])
    assert shown["name"] == case.name
    want = {key: value for key, value in case.inputs.items() if key != "events"}
    want["events"] = {k: v for k, v in case.inputs["events"].items() if v is not None}
    assert {k: v for k, v in shown.items() if k != "name"} == want
    assert shown["foreigner"] is True and shown["arrested_at"] == case.inputs["arrested_at"]


def test_the_widget_of_the_cell_starts_from_the_same_case():
    case = scenario("late-protocol-moves-prosecutor-clock")
    cell = scenario_calculator(case.name)
    assert cell.calculator.fields["arrested_at"].value == case.inputs["arrested_at"]
    assert cell.calculator.fields["now"].value == case.inputs["now"]


def test_payload_keeps_text_as_typed_and_drops_acts_not_done():
    payload = case_payload({"arrested_at": "2012-03-01 09:00", "tz": "Asia/Almaty", "foreigner": False,
                            "events": {"protocol-3h": "2012-03-01 10:00", "court-72h": None}, "now": ""})
    assert payload == {"arrested_at": "2012-03-01 09:00", "tz": "Asia/Almaty", "foreigner": False,
                       "events": {"protocol-3h": "2012-03-01 10:00"}, "now": ""}


def test_markup_is_escaped_inside_the_attribute():
    markup = calculator_cell({"arrested_at": '"><script>x</script>', "tz": "Asia/Almaty", "foreigner": False,
                              "events": {}, "now": ""}).html()
    assert "<script>" not in markup
    assert data_case(markup)["arrested_at"] == '"><script>x</script>'


def test_chapter_view_shows_its_worked_case():
    view = ChapterView("art-2")
    assert data_case(view.calculator().html())["name"] == view.chapter.custody_scenario
