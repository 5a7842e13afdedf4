"""The rules and the engine's results as pandas tables, for the book and the calculator.

Times are shown as text with their UTC offset ('2012-03-01 12:00+06:00') so a table
never hides which zone a due time is expressed in.
"""
from __future__ import annotations

from collections.abc import Sequence
import pandas as pd

from .engine import Deadline, Finding
from .messages import format_duration
from .moments import format_moment
from .rules import RuleBook, load_rules


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
    """The deadlines of one arrest, in the order given (deadlines() sorts them by due time)."""
    return pd.DataFrame([{
        "rule": d.rule,
        "clock starts": format_moment(d.starts_at),
        "due": format_moment(d.due) + (" (latest possible)" if d.is_upper_bound else ""),
        "lawful delay until": format_moment(d.lawful_delay_until) if d.lawful_delay_until else "",
        "basis": d.basis,
    } for d in deadlines])


def findings_table(findings: Sequence[Finding]) -> pd.DataFrame:
    """The audit of one arrest: each deadline, when the act was done, and the verdict."""
    return pd.DataFrame([{
        "rule": f.rule,
        "due": format_moment(f.due) + (" (latest possible)" if f.deadline.is_upper_bound else ""),
        "done at": format_moment(f.actual) if f.actual else "not done",
        "status": f.status,
        "overrun": format_duration(f.overrun) if f.overrun else "",
    } for f in findings])



#: A lateness as the tables show it: the message table's days, hours and minutes.
format_overrun = format_duration
