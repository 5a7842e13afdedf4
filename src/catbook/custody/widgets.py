"""The custody-clock calculator: ipywidgets fields, verdicts, deadline table and timeline.

``evaluate_form`` turns the fields' text into findings or into one message per bad
field, with no widget involved, so tests need no browser. ``CustodyCalculator`` only
copies field values in and results out; it never clears what the user typed, and
shows every error as a message beside its field instead of a traceback.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone

import ipywidgets as widgets
import traitlets

from catbook.custody.engine import ALL_STATUSES, NOT_RECORDED, Finding, audit
from catbook.custody.messages import message
from catbook.custody.errors import CustodyInputError
from catbook.custody.moments import DEFAULT_ZONE, country_zones, parse_moment, resolve_zone, to_utc
from catbook.custody.rules import load_rules
from catbook.custody.tables import findings_table
from catbook.custody.timeline import STATUS_COLOURS, custody_timeline, figure_png
from catbook.text.templating import macros

_STYLE = {"description_width": "230px"}
#: The yes/no fields of the form (checkboxes, never in error).
_FLAG_KEYS = ("foreigner", "juvenile", "delay_authorised")
_FIELD_WIDTH = "470px"
#: The prefix of the keys of the acts' "not done" boxes.
_NOT_DONE = "not-done-"


@dataclass(frozen=True)
class FormResult:
    """The audit of the form's values, or the message to show beside each bad field."""

    findings: list[Finding] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    now: datetime | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def form_events(events: Mapping[str, str], not_done: Collection[str] = (), *, foreigner: bool,
                juvenile: bool) -> dict[str, str | None]:
    """The events ``audit()`` takes from the form's acts (formEvents in web/src/custody-engine.js).

    A time typed is the act's time. A blank time is ``NOT_RECORDED`` (the record gives none) for
    a rule that applies to the person, and is left out for one that does not; a blank time whose
    "not done" box is ticked (``not_done``) is None, the act stated not done. In the order of
    ``events``, then any ticked act ``events`` has no field for.
    """
    applies = {rule.id for rule in load_rules().custody_rules(foreigner=foreigner, juvenile=juvenile)}
    out: dict[str, str | None] = {}
    for rule_id, text in events.items():
        if text.strip():
            out[rule_id] = text
        elif rule_id in not_done:
            out[rule_id] = None
        elif rule_id in applies:
            out[rule_id] = NOT_RECORDED
    for rule_id in not_done:
        out.setdefault(rule_id, None)
    return out


def evaluate_form(*, arrested_at: str, tz: str, foreigner: bool, events: Mapping[str, str],
                  now: str, juvenile: bool = False, delay_authorised: bool = False,
                  not_done: Collection[str] = ()) -> FormResult:
    """Audit the values typed in the form; errors are keyed by field ('tz', a rule id, ...).

    Every field is checked, so all bad fields get a message at once. A blank event means
    the record gives no time for the act: pending until its deadline, then not recorded
    (``form_events``); an act in ``not_done`` (its "not done" box ticked) was not done: pending,
    then missed with the overrun counted up to ``now``. A time typed for an act ticked "not done"
    is an error beside that act. A blank ``now`` means the current time. An event typed or ticked
    for a rule that does not apply to the person (the consulate for a national, the parents
    for an adult) is reported beside that field.
    """
    errors: dict[str, str] = {}
    try:
        zone = resolve_zone(tz.strip())
    except CustodyInputError as error:
        errors["tz"], zone = error.reason, None

    def check(key: str, text: str, field_name: str) -> None:
        try:
            moment = parse_moment(text, field_name)
            if zone is not None:
                to_utc(moment, zone, field_name)
        except CustodyInputError as error:
            errors[key] = error.reason

    check("arrested_at", arrested_at, "arrested_at")
    for rule_id, text in events.items():
        if not text.strip():
            continue
        if rule_id in not_done:
            errors[rule_id] = message("error.done_and_not_done")
        else:
            check(rule_id, text, f"events[{rule_id}]")
    if now.strip():
        check("now", now, "now")
    if errors:
        return FormResult(errors=errors)
    moment_now = now if now.strip() else datetime.now(timezone.utc)
    try:
        findings = audit(arrested_at, form_events(events, not_done, foreigner=foreigner, juvenile=juvenile),
                         tz=tz.strip(), now=moment_now, foreigner=foreigner, juvenile=juvenile,
                         delay_authorised=delay_authorised)
    except CustodyInputError as error:
        return FormResult(errors={_field_key(error.field): error.reason})
    return FormResult(findings=findings, now=to_utc(moment_now, zone, "now"))


def _field_key(engine_field: str) -> str:
    """The form field an engine error is about: 'events[<rule id>]' is that rule's field."""
    if engine_field.startswith("events[") and engine_field.endswith("]"):
        return engine_field[len("events["):-1]
    return engine_field


class _Chart(widgets.Image):
    """The timeline image, with its tooltip as the text alternative (the img's title) that
    screen readers need. The widgets front end sets the title from ``tooltip`` only when the
    model's ``description`` is empty, and ImageModel has no description: with a tooltip alone
    the view fails to render. This adds the empty description."""

    description = traitlets.Unicode("").tag(sync=True)


class CustodyCalculator:
    """The calculator: ``.widget`` is the box to display, ``.update()`` recomputes.

    ``fields`` holds the input widgets by key ('arrested_at', 'tz', 'foreigner', one
    per custody rule id, its "not done" box ``not-done-<rule id>``, 'now') and ``messages`` the
    HTML beside each, so code and tests can set values and read what the reader would see.
    ``events`` are the times typed (blank: not recorded), ``not_done`` the acts ticked "not done";
    ``from_case`` fills the form from ``audit()``'s arguments.
    """

    def __init__(self, *, arrested_at: str = "", tz: str = DEFAULT_ZONE, foreigner: bool = False,
                 events: Mapping[str, str] | None = None, now: str = "", juvenile: bool = False,
                 delay_authorised: bool = False, not_done: Collection[str] = ()):
        events = dict(events or {})
        clock_rules = load_rules().custody_rules(foreigner=True, juvenile=True)
        self._event_keys = [rule.id for rule in clock_rules]
        self.fields: dict[str, widgets.ValueWidget] = {
            "arrested_at": _text(arrested_at, message("page.label.arrested_at"), "YYYY-MM-DD HH:MM"),
            "tz": widgets.Combobox(value=tz, options=country_zones(), ensure_option=False,
                                   description=message("page.label.tz"), style=_STYLE,
                                   layout=widgets.Layout(width=_FIELD_WIDTH)),
            **{flag: widgets.Checkbox(value=value, description=message(f"page.label.{flag}"), style=_STYLE,
                                      layout=widgets.Layout(width=_FIELD_WIDTH))
               for flag, value in (("foreigner", foreigner), ("juvenile", juvenile),
                                   ("delay_authorised", delay_authorised))},
            **{key: box for rule in clock_rules for key, box in (
                (rule.id, _text(events.get(rule.id, ""), rule.act.label, message("page.placeholder.act"))),
                (not_done_key(rule.id), widgets.Checkbox(value=rule.id in not_done,
                                                         description=message("page.label.not_done"),
                                                         indent=False, layout=widgets.Layout(width="110px"))))},
            "now": _text(now, message("page.label.now"), message("page.placeholder.now")),
        }
        self.messages = {key: widgets.HTML() for key in self.fields
                         if key not in _FLAG_KEYS and not key.startswith(_NOT_DONE)}
        self.summary = widgets.HTML()
        self.verdicts = widgets.HTML()
        self.table = widgets.HTML()
        self.notes = widgets.HTML()
        self.chart = _Chart(format="png", tooltip="Timeline of the custody clocks: each "
                            "deadline, when each act was done, and any overrun")
        rows = [widgets.HBox([box, *([self.fields[not_done_key(key)]] if key in self._event_keys else []),
                              self.messages[key]]) if key in self.messages else box
                for key, box in self.fields.items() if not key.startswith(_NOT_DONE)]
        self.widget = widgets.VBox([widgets.HTML(str(_pieces().title())), *rows, self.summary,
                                    self.verdicts, self.table, self.notes, self.chart])
        for box in self.fields.values():
            box.observe(self.update, names="value")
        self.update()

    @classmethod
    def from_case(cls, inputs: Mapping) -> "CustodyCalculator":
        """The calculator filled with a case given as ``audit()``'s arguments: an act given a time
        shows it, one given as ``NOT_RECORDED`` is left blank, and one given as None or left out
        (not done, for ``audit()``) is ticked "not done" when its rule applies to the person."""
        inputs = dict(inputs)
        events = dict(inputs.pop("events", None) or {})
        applies = [rule.id for rule in load_rules().custody_rules(foreigner=bool(inputs.get("foreigner")),
                                                                   juvenile=bool(inputs.get("juvenile")))]
        texts = {rule: str(value) for rule, value in events.items() if value is not None and value != NOT_RECORDED}
        not_done = [rule for rule in applies if rule not in events or events[rule] is None]
        return cls(**{k: ("" if v is None else v) if k in ("arrested_at", "now") else v for k, v in inputs.items()},
                   events=texts, not_done=not_done)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        """Display as the widget, with a short plain-text stand-in where widgets cannot run."""
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = "Custody clock calculator (interactive in a running Jupyter kernel)"
        return bundle

    def update(self, change: object = None) -> FormResult:
        """Recompute from the fields and show the result (called on every field change)."""
        values = {key: box.value for key, box in self.fields.items()}
        result = evaluate_form(
            arrested_at=values["arrested_at"], tz=values["tz"], foreigner=values["foreigner"],
            events={key: values[key] for key in self._event_keys},
            now=values["now"], juvenile=values["juvenile"], delay_authorised=values["delay_authorised"],
            not_done=[key for key in self._event_keys if values[not_done_key(key)]])
        self.result = result  # the last outcome, for code and tests
        for key, shown in self.messages.items():
            shown.value = _error_html(result.errors.get(key, ""))
        if not result.ok:
            self.summary.value = str(_pieces().invalid())
            self.verdicts.value = self.table.value = self.notes.value = ""
            self.chart.value = b""
            self.chart.layout.display = "none"
            return result
        self.summary.value = str(_pieces().summary(
            {message(f"verdict.{status}"): sum(f.status == status for f in result.findings)
             for status in ALL_STATUSES}))
        self.verdicts.value = str(_pieces().verdicts(result.findings, STATUS_COLOURS))
        self.table.value = findings_table(result.findings).to_html(index=False)
        self.notes.value = _notes_html(result.findings)
        figure = custody_timeline(result.findings, arrested_at=values["arrested_at"], tz=values["tz"].strip(),
                                  now=result.now)
        self.chart.value = figure_png(figure)
        self.chart.layout.display = None
        return result


def not_done_key(rule_id: str) -> str:
    """The key of an act's "not done" box (the same as the page's field and address key)."""
    return f"{_NOT_DONE}{rule_id}"


def _text(value: str, description: str, placeholder: str) -> widgets.Text:
    return widgets.Text(value=value, description=description, placeholder=placeholder,
                        continuous_update=False, style=_STYLE, layout=widgets.Layout(width=_FIELD_WIDTH))


def _error_html(reason: str) -> str:
    return str(_pieces().error(reason, STATUS_COLOURS["missed"]))


def _notes_html(findings: list[Finding]) -> str:
    """Warnings and version notes, each once, in the order the deadlines come."""
    lines = dict.fromkeys(
        [f"⚠ {w}" for f in findings for w in f.warnings] + [n for f in findings for n in f.notes])
    return str(_pieces().notes(list(lines)))


def _pieces():
    """The calculator's HTML pieces: the macros of ``page_templates/custody/widget.html``."""
    return macros("custody/widget.html")
