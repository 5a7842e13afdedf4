"""Time the custody engine and calculator: per deadlines() call, audit() call, widget update.

Prints, never asserts: the numbers depend on the machine. Run with
``.venv/bin/python benchmarks/bench_custody.py``.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from catbook.custody import audit, deadlines, scenario
from catbook.custody.widgets import CustodyCalculator

ENGINE_CALLS = 2000
WIDGET_UPDATES = 30


def per_call(function: Callable[[], object], calls: int) -> float:
    """Mean seconds per call over ``calls`` calls, after one warm-up call (caches, imports)."""
    function()
    start = time.perf_counter()
    for _ in range(calls):
        function()
    return (time.perf_counter() - start) / calls


def main() -> None:
    case = scenario("foreign-national-consulate-late")
    inputs = case.inputs
    calculator = CustodyCalculator(**inputs)
    timings = [
        ("deadlines()", ENGINE_CALLS, lambda: deadlines(inputs["arrested_at"], tz=inputs["tz"],
                                                        foreigner=inputs["foreigner"])),
        ("audit()", ENGINE_CALLS, lambda: audit(inputs["arrested_at"], inputs["events"], tz=inputs["tz"],
                                                now=inputs["now"], foreigner=inputs["foreigner"])),
        ("widget update (with chart)", WIDGET_UPDATES, calculator.update),
    ]
    print(f"custody benchmark on scenario {case.name!r}")
    for name, calls, function in timings:
        seconds = per_call(function, calls)
        shown = f"{seconds * 1e3:8.1f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:8.1f} µs"
        print(f"{name:<28} {shown} per call  ({calls} calls)")


if __name__ == "__main__":
    main()
