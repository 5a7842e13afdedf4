"""Size and weight of the built book; prints, never asserts.

  build size      total bytes of the HTML build, and by file type
  pages           how many HTML pages (the book's own, without _static/_sources)
  heaviest pages  the 10 pages that weigh most in a browser: the HTML plus every file it
                  loads (scripts, styles, fonts, images, widget files), measured by opening
                  each page in Chromium and adding up the local files it asked for
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
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = [ROOT / "_build" / "html", ROOT / "_build" / "check" / "_build" / "html"]
SKIP_DIRS = {"_static", "_sources", "_images", "jupyter_execute"}


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


def pages_of(html: Path) -> list[str]:
    return sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html")
                  if not SKIP_DIRS & set(p.relative_to(html).parts[:-1]))


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href") and {"stylesheet", "icon", "preload"} & set((a.get("rel") or "").split()):
            self.urls.append(a["href"])
        elif tag == "img" and a.get("src"):
            self.urls.append(a["src"])


def local_file(html: Path, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return None
    path = html / unquote(parts.path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def weights_static(html: Path, pages: list[str]) -> dict[str, tuple[int, int]]:
    """{page: (bytes, files)} from the files each page names in its HTML."""
    out = {}
    for rel in pages:
        parser = _Assets()
        parser.feed((html / rel).read_text(encoding="utf-8", errors="replace"))
        base = f"http://book/{rel}"
        files = {html / rel} | {f for u in parser.urls
                                if (f := local_file(html, urlsplit(urljoin(base, u)).path))}
        out[rel] = (sum(f.stat().st_size for f in files), len(files))
    return out


def weights_browser(html: Path, pages: list[str]) -> dict[str, tuple[int, int]]:
    """{page: (bytes, files)} from the local files Chromium asked for while loading each page."""
    sys.path.insert(0, str(ROOT / "src"))
    from catbook.pdf import chromium, serve
    out = {}
    with serve(html) as base, chromium() as browser:
        for rel in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            urls: list[str] = []
            page.on("request", lambda r: urls.append(r.url))
            page.goto(f"{base}/{rel}", wait_until="load")
            page.wait_for_load_state("networkidle")
            context.close()
            files = {f for u in urls if u.startswith(base) and (f := local_file(html, u[len(base):]))}
            out[rel] = (sum(f.stat().st_size for f in files), len(files))
    return out


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
