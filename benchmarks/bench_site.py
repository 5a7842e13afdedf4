"""Size and weight of the built book; prints, never asserts.

  build size      total bytes of the HTML build, and by file type
  pages           how many HTML pages (the book's own, without _static/_sources)
  heaviest pages  the 10 pages that weigh most in a browser: the HTML plus every file it
                  loads (scripts, styles, fonts, images, widget files), measured by opening
                  each page in Chromium and adding up the local files it asked for
  ratio           the heaviest page over the lightest (goal: at most 1.5, issue #12), over
                  the pages a reader reads (not the root index.html, a redirect)
  cold weight     every reading page as Chromium fetches it cold (a fresh context: no cache),
                  heaviest first; then the heaviest, the lightest and the median, and how many
                  pages are above the limit (page_weight.MAX_COLD_BYTES, 1.0 MB: issue #23)
  browser tests   with --time-tests, the wall time of `pytest tests/browser` on this build

Usage: .venv/bin/python benchmarks/bench_site.py [--html _build/html] [--time-tests] [--static]
(--static counts only the files a page names in its HTML, without a browser.)
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from catbook.book import page_weight  # noqa: E402  (the measurement, shared with tests/browser)
from catbook.book.page_weight import pages_of, weights_static  # noqa: E402

CANDIDATES = [ROOT / "_build" / "html", ROOT / "_build" / "check" / "_build" / "html"]


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def file_type(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".js.map") or name.endswith(".css.map"):
        return ".map"
    return path.suffix.lower() or "(none)"


def weights_browser(html: Path, pages: list[str]) -> dict[str, tuple[int, int]]:
    """{page: (bytes, files)} from the local files Chromium asked for while loading each page."""
    from catbook.book.pdf import chromium, serve
    with serve(html) as base, chromium() as browser:
        return page_weight.weights_browser(html, pages, browser, base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, help="the built book (default: _build/html, else the check build)")
    parser.add_argument("--time-tests", action="store_true", help="also time `pytest tests/browser` on this build")
    parser.add_argument("--static", action="store_true", help="page weights from the HTML alone (no browser)")
    args = parser.parse_args()
    html = args.html or next((c for c in CANDIDATES if (c / "index.html").is_file()), None)
    if html is None or not (html / "index.html").is_file():
        sys.exit("no built book: run `make book` (or pass --html)")
    html = html.resolve()

    files = [f for f in html.rglob("*") if f.is_file()]
    total = sum(f.stat().st_size for f in files)
    by_type: Counter = Counter()
    count_type: Counter = Counter()
    for f in files:
        by_type[file_type(f)] += f.stat().st_size
        count_type[file_type(f)] += 1
    pages = pages_of(html)
    print(f"Build: {html.relative_to(ROOT) if html.is_relative_to(ROOT) else html}")
    print(f"  total            {human(total):>10}  ({total:,} bytes, {len(files)} files)")
    print(f"  pages            {len(pages):>10}  HTML pages of the book (without _static, _sources)")
    print("  by file type:")
    for ext, size in by_type.most_common():
        print(f"    {ext:12s} {human(size):>10}  {count_type[ext]:5d} files  {100 * size / total:5.1f} %")
    top_dirs: Counter = Counter()
    for f in files:
        top_dirs[f.relative_to(html).parts[0] if len(f.relative_to(html).parts) > 1 else "(top level)"] += f.stat().st_size
    print("  by folder:")
    for d, size in top_dirs.most_common(8):
        print(f"    {d:24s} {human(size):>10}")

    start = time.perf_counter()
    how = "HTML only (--static)" if args.static else "loaded by Chromium"
    try:
        weights = weights_static(html, pages) if args.static else weights_browser(html, pages)
    except Exception as err:  # no Chromium or Playwright here: fall back to what the HTML names
        print(f"  (browser unavailable: {err}; page weights from the HTML alone)")
        weights, how = weights_static(html, pages), "HTML only"
    print(f"\nHeaviest pages (the page and the files it loads, {how}; {time.perf_counter() - start:.1f} s):")
    for rel, (size, n) in sorted(weights.items(), key=lambda kv: -kv[1][0])[:10]:
        own = (html / rel).stat().st_size
        print(f"  {rel:50s} {human(size):>10}  ({n:3d} files; HTML itself {human(own)})")
    reading = set(page_weight.reading_pages(html))
    heaviest, lightest, ratio = page_weight.extremes({p: w for p, w in weights.items() if p in reading})
    print(f"Lightest page: {lightest} {human(weights[lightest][0])}")
    print(f"Ratio heaviest / lightest: {ratio:.2f} ({heaviest} / {lightest}; for information: the limit is "
          f"{page_weight.MAX_COLD_BYTES:,} bytes a page)")

    ranked = sorted(((p, w) for p, w in weights.items() if p in reading), key=lambda kv: -kv[1][0])
    limit = page_weight.MAX_COLD_BYTES
    print(f"\nCold weight of every reading page ({how}; limit {limit / 1e6:.1f} MB = {limit:,} bytes):")
    for rel, (size, n) in ranked:
        print(f"  {rel:50s} {size / 1e6:6.3f} MB  ({n:3d} files){'  OVER THE LIMIT' if size > limit else ''}")
    mid, mid_size = page_weight.median(dict(ranked))
    over = page_weight.over_limit(dict(ranked))
    print(f"Heaviest {weights[heaviest][0] / 1e6:.3f} MB ({heaviest}); lightest {weights[lightest][0] / 1e6:.3f} MB "
          f"({lightest}); median {mid_size / 1e6:.3f} MB ({mid})")
    print(f"Pages above {limit / 1e6:.1f} MB: {len(over)} of {len(ranked)}"
          f" ({'goal met' if not over else 'NOT met: ' + ', '.join(sorted(over))})")

    if args.time_tests:
        env = {**os.environ, "BOOK_HTML": str(html)}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/browser"],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        summary = next((line for line in reversed(done.stdout.splitlines()) if re.search(r"passed|failed|error", line)), "")
        print(f"\nBrowser tests: {elapsed:.0f} s wall ({summary.strip('= ')})")


if __name__ == "__main__":
    main()
