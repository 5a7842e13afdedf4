"""The custody calculator as a notebook cell shows it: live widget in a kernel, page calculator in the book.

``calculator_cell(inputs)`` returns an object whose display carries two views of one case:

* ``application/vnd.jupyter.widget-view+json``: the ipywidgets calculator
  (``catbook.custody.widgets.CustodyCalculator``), which recomputes in a running kernel
  (JupyterLab, Binder, ``make lab``);
* ``text/html``: the book's kernel-free calculator (``web/src/custody-calculator.js``), a
  ``<div data-catbook-calculator="custody" data-case="…">`` holding the same case, which
  the page script mounts and computes in the reader's browser.

Jupyter front ends show the widget (their widget renderer outranks HTML); the published
book drops widget views (``nb_mime_priority_overrides`` in ``_config.yml``), so it shows
the HTML, and its pages load no widget manager (a stored widget view is a snapshot that
computes nothing without a kernel). The book build (``catbook.book.sphinx_ext``) adds to each
such element the relative addresses of the calculator page and of the report's text.
"""
from __future__ import annotations

import json
from collections.abc import Mapping

from catbook.text.templating import render

#: What the cell shows where neither widgets nor HTML are rendered (and what nbval would see).
PLAIN_TEXT = ("Custody clock calculator: interactive in a running Jupyter kernel; "
              "computed in the browser in the published book")


def case_payload(inputs: Mapping, name: str = "") -> dict:
    """A worked case's inputs (``audit()``'s arguments) as the page calculator reads ``data-case``.

    Times become their text as typed; events with no time are left out (not done, as ``audit()``
    reads a rule left out: the page ticks the act's "not done" box), and ``NOT_RECORDED`` passes as
    its text (the page leaves the act blank); booleans stay booleans; any other input the engine
    gains is passed on as text.
    """
    case: dict = {"name": name} if name else {}
    for key, value in inputs.items():
        if key == "events":
            case["events"] = {rule: str(text) for rule, text in (value or {}).items() if text is not None}
        elif isinstance(value, bool) or value is None:
            case[key] = value
        else:
            case[key] = str(value)
    return case


def calculator_html(inputs: Mapping, name: str = "") -> str:
    """The page calculator's container for one case (what the published book shows):
    ``page_templates/custody/calculator.html``, the case as JSON in ``data-case``."""
    return render("custody/calculator.html", case_json=json.dumps(case_payload(inputs, name), ensure_ascii=False),
                  name=name)


class CalculatorCell:
    """One case shown as the live widget (kernel) and as the page calculator (published book)."""

    def __init__(self, inputs: Mapping, name: str = ""):
        self.inputs = dict(inputs)
        self.name = name
        self._calculator = None

    @property
    def calculator(self):
        """The ipywidgets calculator of the case (built on first use)."""
        if self._calculator is None:
            from catbook.custody.widgets import CustodyCalculator
            self._calculator = CustodyCalculator.from_case(self.inputs)
        return self._calculator

    @property
    def widget(self):
        return self.calculator.widget

    def html(self) -> str:
        return calculator_html(self.inputs, self.name)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = dict(self.widget._repr_mimebundle_() or {})
        bundle["text/html"] = self.html()
        bundle["text/plain"] = PLAIN_TEXT
        return bundle


def calculator_cell(inputs: Mapping, name: str = "") -> CalculatorCell:
    return CalculatorCell(inputs, name)


def scenario_calculator(name: str) -> CalculatorCell:
    """The calculator filled with the worked case ``name`` of <pack>/custody/scenarios.yaml."""
    from catbook.custody import scenario
    return CalculatorCell(scenario(name).inputs, name)
