"""Worked custody cases from the pack's custody/scenarios.yaml: facts, inputs and hand-made answers.

Instructors read the file; the tests run each case through ``audit`` and compare the
result with the expected due times and verdicts written there by hand, and the book
takes its worked examples from it so no time is typed into a notebook.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from catbook.pack.datafile import read_yaml

from catbook.pack.paths import CUSTODY_DIR
from catbook.custody.engine import Deadline, Finding, audit, deadlines
from catbook.custody.errors import RulesDataError

SCENARIOS_FILE = CUSTODY_DIR / "scenarios.yaml"
_KEYS = {"name", "title", "facts", "inputs", "expected", "warnings"}
_INPUT_KEYS = {"arrested_at", "tz", "foreigner", "events", "now"}
#: Inputs a case may leave out, with the value audit() takes then.
_OPTIONAL_INPUTS = {"juvenile": False, "delay_authorised": False}
_EXPECTED_KEYS = {"due", "status", "overrun_minutes", "lawful_delay_until", "warnings", "outer_due", "outer_status",
                  "immediately_late_minutes"}


@dataclass(frozen=True)
class Scenario:
    """One case: ``name`` its id (addresses, tests), ``title`` its plain name (menus, headings),
    ``inputs`` audit()'s arguments (an event ``not recorded``: the record gives no time);
    ``expected`` maps rule id to its answer."""

    name: str
    facts: str
    inputs: dict
    expected: dict[str, dict]
    warnings: tuple[str, ...] = field(default=())
    title: str = ""

    def run(self) -> list[Finding]:
        """The engine's findings for this case."""
        inputs = dict(self.inputs)
        return audit(inputs.pop("arrested_at"), inputs.pop("events"), **inputs)

    def deadlines(self) -> list[Deadline]:
        """The deadlines the case's arrest starts, from the arrest alone (no act, no 'now')."""
        inputs = {k: v for k, v in self.inputs.items() if k not in ("events", "now")}
        return deadlines(inputs.pop("arrested_at"), **inputs)


def load_scenarios(path: Path = SCENARIOS_FILE) -> tuple[Scenario, ...]:
    """Every scenario of the file, checked for shape (not for correctness: the tests do that)."""
    return _load(Path(path).resolve())


def scenario(name: str) -> Scenario:
    """The scenario called ``name`` in the project's scenarios file."""
    for case in load_scenarios():
        if case.name == name:
            return case
    raise KeyError(name)


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[Scenario, ...]:
    raw = read_yaml(path, RulesDataError)
    if not isinstance(raw, list):
        raise RulesDataError(f"{path.name}: expected a list of scenarios")
    cases = tuple(_scenario(entry, f"{path.name}[{i}]") for i, entry in enumerate(raw))
    names = [case.name for case in cases]
    if len(set(names)) != len(names):
        raise RulesDataError(f"{path.name}: scenario names must be unique")
    return cases


def _scenario(raw: object, where: str) -> Scenario:
    required = {"name", "title", "facts", "inputs", "expected"}
    if not isinstance(raw, dict) or not required <= set(raw) <= _KEYS:
        unknown = sorted(set(raw) - _KEYS) if isinstance(raw, dict) else []
        missing = sorted(required - set(raw)) if isinstance(raw, dict) else sorted(required)
        raise RulesDataError(f"{where}: needs name, title, facts, inputs, expected (and optional warnings); "
                             f"unknown keys {unknown}, missing keys {missing}")
    where = f"{where} ({raw['name']})"
    if not isinstance(raw["inputs"], dict) or not _INPUT_KEYS <= set(raw["inputs"]) <= _INPUT_KEYS | set(_OPTIONAL_INPUTS):
        raise RulesDataError(f"{where}: inputs need exactly {sorted(_INPUT_KEYS)} "
                             f"(and optionally {sorted(_OPTIONAL_INPUTS)})")
    expected = raw["expected"]
    if not isinstance(expected, dict) or not all(
            isinstance(v, dict) and {"due", "status"} <= set(v) <= _EXPECTED_KEYS for v in expected.values()):
        raise RulesDataError(f"{where}: each expected rule needs due and status (keys: {sorted(_EXPECTED_KEYS)})")
    if not isinstance(raw["title"], str) or not raw["title"].strip():
        raise RulesDataError(f"{where}: title must be a non-empty plain name")
    return Scenario(name=raw["name"], title=" ".join(raw["title"].split()), facts=raw["facts"], inputs={**_OPTIONAL_INPUTS, **raw["inputs"]},
                    expected=expected, warnings=tuple(raw.get("warnings", ())))
