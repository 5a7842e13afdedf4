"""Time the book's build and test steps on this machine, in one run; prints, never asserts.

Works on a scratch copy of the project so the working tree is never touched:
  clean build        jupyter-book build --all into an empty output folder
  rebuild            the same build as `make book` again, after editing one notebook (a markdown cell)
  ratio              rebuild / clean build (the goal: at most 0.3)
  nbval              pytest --nbval over every notebook
  bare execution     each notebook executed by nbclient, no comparison

Each build is timed in wall-clock seconds and in CPU seconds (user + system of the build's
processes): on a machine shared with other work the wall clock also counts the time spent
waiting for a core, the CPU time does not. ``--repeat N`` runs each build N times (the
rebuild after a new edit each time) and keeps the fastest.

Usage: .venv/bin/python benchmarks/bench_book.py [--builds-only] [--repeat N]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SKIP = {".venv", "_build", ".git", ".pytest_cache", ".hypothesis", "__pycache__"}


def copy_project(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=lambda d, names: [n for n in names if n in SKIP])
    return dest


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a command run to its end."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - cpu


def edit_notebook(path: Path, n: int) -> None:
    """Append a sentence to the first markdown cell, as an author editing one chapter would."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    first_md = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    first_md["source"] = "".join(first_md["source"]) + f"\n\n(benchmark edit {n})"
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


def best(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return min(r[0] for r in runs), min(r[1] for r in runs)


def bench_builds(notebooks: list[Path], repeat: int) -> dict:
    build = [str(BIN / "jupyter-book"), "build", ".", "--keep-going"]
    clean_runs, rebuild_runs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = copy_project(Path(tmp) / "book")
        target = work / "notebooks" / notebooks[0].name
        for n in range(repeat):
            shutil.rmtree(work / "_build", ignore_errors=True)
            clean_runs.append(timed(build + ["--all"], work))
            edit_notebook(target, n)
            rebuild_runs.append(timed(build, work))
        html = work / "_build" / "html"
        size = sum(f.stat().st_size for f in html.rglob("*") if f.is_file())
        pages = len(list(html.rglob("*.html")))
    return {"clean": best(clean_runs), "rebuild": best(rebuild_runs), "pages": pages, "size": size}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--builds-only", action="store_true", help="time the clean build and the rebuild only")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each build; the fastest is kept")
    args = parser.parse_args(argv)
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    builds = bench_builds(notebooks, max(1, args.repeat))
    (clean_wall, clean_cpu), (re_wall, re_cpu) = builds["clean"], builds["rebuild"]

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}")
    print(f"{'':44s} {'wall':>8s} {'CPU':>8s}")
    print(f"{'clean build (jupyter-book --all):':44s} {clean_wall:7.1f}s {clean_cpu:7.1f}s"
          f"  ({builds['pages']} HTML pages, {builds['size'] / 1e6:.1f} MB)")
    print(f"{'rebuild, one notebook edited:':44s} {re_wall:7.1f}s {re_cpu:7.1f}s  ({notebooks[0].name})")
    print(f"{'ratio rebuild / clean build (goal <= 0.3):':44s} {re_wall / clean_wall:8.2f} {re_cpu / clean_cpu:8.2f}")
    if args.builds_only:
        return

    from nbclient import NotebookClient  # only for the execution timings
    import nbformat

    nbval_wall, _ = timed([sys.executable, "-m", "pytest", "-q", "--nbval", "--nbval-current-env",
                           "--nbval-sanitize-with", ".nbval-sanitize.cfg", "-p", "no:cacheprovider",
                           *map(str, notebooks)], ROOT)
    bare = {}
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        bare[path.name] = time.perf_counter() - start
    print(f"{'pytest --nbval (' + str(len(notebooks)) + ' notebooks):':44s} {nbval_wall:7.1f}s")
    print(f"{'bare execution, all notebooks:':44s} {sum(bare.values()):7.1f}s")
    for name, secs in bare.items():
        print(f"  {name:42s} {secs:6.1f}s")


if __name__ == "__main__":
    main()
