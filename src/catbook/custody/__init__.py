"""The police-custody clock of the pack's report: dated rules, deadlines from an arrest, audits.

    from catbook.custody import deadlines, audit
    deadlines("2020-03-01 09:00", tz="Europe/Vienna")    # tz defaults to report.yaml's default_zone
    audit("2020-03-01 09:00", {"<rule id>": "2020-03-01 11:40"}, now="2020-03-02 09:00")

The rules are data (the pack's custody/rules.yaml, whose rule ids the events name); the calculator widget lives in
``catbook.custody.widgets`` so that importing the engine needs no ipywidgets.
"""
from catbook.custody.engine import ALL_STATUSES, NOT_RECORDED, STATUSES, Deadline, Finding, audit, deadlines, judge, rule_deadline
from catbook.custody.errors import CustodyInputError, RulesDataError
from catbook.custody.messages import format_duration, message
from catbook.custody.moments import country_zones
from catbook.custody.rules import RuleBook, load_rules
from catbook.custody.scenarios import Scenario, load_scenarios, scenario

# Tables (pandas) and the timeline chart (matplotlib) load on first use, so that importing the
# engine (catbook.book.web does, at every book build) does not import pandas and matplotlib.
_LAZY = {"deadlines_table": ".tables", "findings_table": ".tables", "rules_table": ".tables",
         "custody_timeline": ".timeline"}


def __getattr__(name):
    if name in _LAZY:
        from importlib import import_module
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "ALL_STATUSES", "NOT_RECORDED", "STATUSES", "CustodyInputError", "Deadline", "Finding", "RuleBook", "RulesDataError", "Scenario",
    "audit", "custody_timeline", "judge", "rule_deadline", "deadlines", "deadlines_table", "format_duration", "findings_table", "country_zones",
    "load_rules", "load_scenarios", "message", "rules_table", "scenario",
]
