"""Time the book's build and test steps on this machine, in one run; prints, never asserts.

Works on a scratch copy of the project so the working tree is never touched:
  clean build        jupyter-book build --all into an empty output folder
  rebuild            the same build again after editing one notebook (a markdown cell)
  nbval              pytest --nbval over every notebook
  bare execution     each notebook executed by nbclient, no comparison
Usage: .venv/bin/python benchmarks/bench_book.py
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SKIP = {".venv", "_build", ".git", ".pytest_cache", ".hypothesis", "__pycache__"}


def copy_project(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=lambda d, names: [n for n in names if n in SKIP])
    return dest


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        work = copy_project(Path(tmp) / "book")
        build = [str(BIN / "jupyter-book"), "build", ".", "--keep-going"]
        clean = timed(build + ["--all"], work)
        target = work / "notebooks" / notebooks[0].name
        nb = json.loads(target.read_text(encoding="utf-8"))
        first_md = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
        first_md["source"] = "".join(first_md["source"]) + "\n\n(benchmark edit)"
        target.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
        rebuild = timed(build, work)
        html = work / "_build" / "html"
        size = sum(f.stat().st_size for f in html.rglob("*") if f.is_file())
        pages = len(list(html.rglob("*.html")))

    nbval = timed([sys.executable, "-m", "pytest", "-q", "--nbval", "--nbval-current-env",
                   "--nbval-sanitize-with", ".nbval-sanitize.cfg", "-p", "no:cacheprovider",
                   *map(str, notebooks)], ROOT)
    bare = {}
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        bare[path.name] = time.perf_counter() - start

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"clean build (jupyter-book --all):        {clean:7.1f} s  ({pages} HTML pages, {size / 1e6:.1f} MB)")
    print(f"rebuild after editing {notebooks[0].name}: {rebuild:7.1f} s")
    print(f"pytest --nbval ({len(notebooks)} notebooks):           {nbval:7.1f} s")
    print(f"bare execution, all notebooks:          {sum(bare.values()):7.1f} s")
    for name, secs in bare.items():
        print(f"  {name:40s} {secs:6.1f} s")


if __name__ == "__main__":
    main()
