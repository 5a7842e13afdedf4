"""The time of each part of `make test`; prints, never asserts.

  unit + nbval   pytest over tests/ (not tests/browser) and every notebook (`make test`'s first step)
  book-check     the warnings-as-errors build of every page into _build/check (`make book-check`)
  browser        pytest tests/browser against that build (`make browser`)
  total          the three together

Each part runs as `make test` runs it (`make unit-nbval`, `make book-check`, `make browser`),
one after the other, and is timed as a whole process: wall seconds and the CPU
seconds of it and its children (user + system). A part that fails is reported with its exit
code; the others still run. With --slowest N, pytest's N slowest tests of each pytest part are
printed too.

Usage: .venv/bin/python benchmarks/bench_test.py [--parts unit,book-check,browser] [--slowest 10]
       (or `make bench-test`)
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: part -> the make target that runs it (`make test` runs the three in this order).
PARTS = {"unit": "unit-nbval", "book-check": "book-check", "browser": "browser"}


def run(commands: list[str], slowest: int) -> tuple[float, float, int, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    code, output = 0, ""
    for command in commands:
        if slowest and "pytest" in command:
            command += f" --durations={slowest}"
        done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=ROOT, capture_output=True, text=True)
        output += done.stdout + done.stderr
        if done.returncode:
            code = done.returncode
            break
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, code, output


def summary_line(output: str) -> str:
    """pytest's closing line (counts and time), if the part ran pytest."""
    found = re.findall(r"^=+ (.*(?:passed|failed|error).*) =+$", output, re.M)
    return found[-1] if found else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default=",".join(PARTS), help="which parts, in order (default: all)")
    parser.add_argument("--slowest", type=int, default=0, help="print pytest's N slowest tests of each part")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"unknown part(s) {unknown}; known: {', '.join(PARTS)}")
    print(f"make test, part by part, on {os.cpu_count()} cores ({sys.platform})")
    print(f"{'part':12s} {'wall s':>8s} {'cpu s':>8s}  result")
    total_wall = total_cpu = 0.0
    failed = 0
    for part in parts:
        command = f"make -s --no-print-directory {PARTS[part]}"
        if args.slowest:
            command += f' PYTEST_ARGS="--durations={args.slowest}"'
        wall, cpu, code, output = run([command], 0)
        total_wall += wall
        total_cpu += cpu
        failed |= code != 0
        result = summary_line(output) or ("ok" if code == 0 else "")
        print(f"{part:12s} {wall:8.1f} {cpu:8.1f}  {result}{'' if code == 0 else f' (exit {code})'}", flush=True)
        if args.slowest:
            block = re.search(r"=+ slowest .*?=+\n(.*?)(?:\n\n|\n=)", output, re.S)
            if block:
                for line in block.group(1).splitlines()[:args.slowest]:
                    print(f"{'':12s} {line}")
        if code:
            print("\n".join(output.splitlines()[-15:]), file=sys.stderr)
    print(f"{'total':12s} {total_wall:8.1f} {total_cpu:8.1f}  ({total_wall / 60:.1f} min)")
    print("parts: " + ", ".join(f"{part} = make {PARTS[part]}" for part in parts))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
