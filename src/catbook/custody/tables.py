"""The rules and the engine's results as pandas tables, for the book and the calculator.

Times are shown as text with their UTC offset ('2020-03-01 12:00+01:00') so a table
never hides which zone a due time is expressed in.
"""
from __future__ import annotations

from collections.abc import Sequence
import pandas as pd

from catbook.custody.engine import Deadline, Finding
from catbook.custody.messages import format_duration, message
from catbook.custody.moments import format_moment
from catbook.custody.rules import RuleBook, load_rules


def rules_table(book: RuleBook | None = None) -> pd.DataFrame:
    """One row per rule of rules.yaml: what the limit is, what starts it, on what basis."""
    book = book or load_rules()
    return pd.DataFrame([{
        "rule": rule.id,
        "duration": rule.duration.label,
        "starts from": rule.starts_from,
        "applies to": rule.applies_to,
        "basis": rule.basis,
        "source lines": ", ".join(str(n) for n in sorted(
            set(rule.source_lines).union(*(v.source_lines for v in rule.versions)))),
        "in force": "; ".join(v.label for v in rule.versions),
        "custody clock": rule.computable,
    } for rule in book.rules])


def deadlines_table(deadlines: Sequence[Deadline]) -> pd.DataFrame:
    """The deadlines of one arrest, in the order given (deadlines() sorts them by due time).

    ``outer bound`` is the latest due time of a clock that starts at another act (the act's own
    limit plus this rule's); ``if 'immédiatement'`` the strict reading where the report also
    says "immediately" of a rule it gives an hour limit (``immediately`` in rules.yaml).
    """
    return pd.DataFrame([{
        "rule": d.rule,
        "clock starts": format_moment(d.starts_at),
        "due": _due(d),
        "outer bound": format_moment(d.outer_due) if d.outer_due else "",
        "if 'immédiatement'": format_moment(d.immediately_due) if d.immediately_due else "",
        "lawful delay until": format_moment(d.lawful_delay_until) if d.lawful_delay_until else "",
        "basis": d.basis,
    } for d in deadlines])


def _due(d: Deadline) -> str:
    return format_moment(d.due) + (" " + message("verdict.latest_possible") if d.is_upper_bound else "")


def findings_table(findings: Sequence[Finding]) -> pd.DataFrame:
    """The audit of one arrest: each deadline, when the act was done, and the verdict."""
    return pd.DataFrame([{
        "rule": f.rule,
        "due": _due(f.deadline),
        "done at": format_moment(f.actual) if f.actual else message(
            "verdict.not_done" if f.recorded else "verdict.not_recorded"),
        "status": f.status,
        "overrun": format_duration(f.overrun) if f.overrun else "",
        "outer bound": outer_text(f),
        "if 'immédiatement'": immediately_text(f),
    } for f in findings])


def outer_text(f: Finding) -> str:
    """The outer bound and the verdict on it ('2020-06-06 01:00+02:00: missed'), or ''."""
    if f.deadline.outer_due is None:
        return ""
    return f"{format_moment(f.deadline.outer_due)}: {message('verdict.' + f.outer_status)}"


def immediately_text(f: Finding) -> str:
    """How long after 'immédiatement' the act came ('2 h 40 min after ...'), or ''."""
    if f.immediately_late is None:
        return ""
    if not f.immediately_late:
        return message("verdict.immediately_on_time")
    return message("verdict.immediately_late", duration=format_duration(f.immediately_late))



#: A lateness as the tables show it: the message table's days, hours and minutes.
format_overrun = format_duration
