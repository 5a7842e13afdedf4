"""What each page of the built book weighs: its HTML plus every local file it loads.

Used by ``benchmarks/bench_site.py`` (which prints the figures) and by
``tests/browser/test_page_weight.py`` (which holds every page to ``MAX_COLD_BYTES``, from its
HTML and as Chromium loads it cold). Two ways:

* ``weights_static``: the files a page names in its HTML (scripts, style sheets, icons,
  images): no browser, deterministic;
* ``weights_browser``: the local files Chromium asks for while loading the page (adds what
  style sheets and scripts load in turn: fonts, modules).
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from catbook.text.printer import PAGE_READY

#: Goal of issue #23: no page, opened cold in Chromium, fetches more than this (1.0 MB: the
#: page's HTML and every local file it loads; ``catbook.book.light`` keeps the theme within it).
MAX_COLD_BYTES = 1_000_000
SKIP_DIRS = {"_static", "_sources", "_images", "jupyter_execute"}


def pages_of(html: Path) -> list[str]:
    """The book's own HTML pages (relative paths), without _static, _sources and the like."""
    html = Path(html)
    return sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html")
                  if not SKIP_DIRS & set(p.relative_to(html).parts[:-1]))


def is_redirect(html: Path, rel: str) -> bool:
    """A page that only sends the browser elsewhere (the root ``index.html``), not one to read."""
    return 'http-equiv="Refresh"' in (Path(html) / rel).read_text(encoding="utf-8", errors="replace")[:2000]


def reading_pages(html: Path) -> list[str]:
    """The pages a reader reads: ``pages_of`` without redirects."""
    return [rel for rel in pages_of(html) if not is_redirect(html, rel)]


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


def local_file(html: Path, url_path: str) -> Path | None:
    """The file of the build that a URL path (``/x/y.js``) names, or None."""
    parts = urlsplit(url_path)
    if parts.scheme in ("data", "blob", "about"):
        return None
    path = Path(html) / unquote(parts.path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def _weigh(files: set[Path]) -> tuple[int, int]:
    return sum(f.stat().st_size for f in files), len(files)


def weights_static(html: Path, pages: list[str]) -> dict[str, tuple[int, int]]:
    """{page: (bytes, files)} from the files each page names in its HTML."""
    html = Path(html)
    out = {}
    for rel in pages:
        parser = _Assets()
        parser.feed((html / rel).read_text(encoding="utf-8", errors="replace"))
        base = f"http://book/{rel}"
        files = {html / rel} | {f for u in parser.urls
                                if (f := local_file(html, urlsplit(urljoin(base, u)).path))}
        out[rel] = _weigh(files)
    return out


#: Every calculator of the page has mounted (it has read its rules); true where there is none.
CALCULATORS_READY = ("() => Array.from(document.querySelectorAll('[data-catbook-calculator]'))"
                     ".every(el => el.dataset.ready === 'true')")


def weights_browser(html: Path, pages: list[str], browser, base: str) -> dict[str, tuple[int, int]]:
    """{page: (bytes, files)} from the local files Chromium asked for while loading each page.

    ``browser`` is a Playwright browser, ``base`` the URL (no trailing slash) serving ``html``.
    """
    out = {}
    for rel in pages:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            urls: list[str] = []
            page.on("request", lambda r: urls.append(r.url))
            page.goto(f"{base}/{rel}", wait_until="load")
            page.wait_for_function(PAGE_READY)
            # a calculator loads its rules when it mounts: count them too
            page.wait_for_function(CALCULATORS_READY)
        finally:
            context.close()
        out[rel] = _weigh({f for u in urls if u.startswith(base) and (f := local_file(html, u[len(base):]))})
    return out


def median(weights: dict[str, tuple[int, int]]) -> tuple[str, int]:
    """(the page of median weight, its bytes): the lower middle one of an even count."""
    ranked = sorted(weights, key=lambda p: weights[p][0])
    page = ranked[(len(ranked) - 1) // 2]
    return page, weights[page][0]


def over_limit(weights: dict[str, tuple[int, int]], limit: int = MAX_COLD_BYTES) -> dict[str, int]:
    """{page: bytes} of the pages that weigh more than ``limit``."""
    return {p: w for p, (w, _) in weights.items() if w > limit}


def extremes(weights: dict[str, tuple[int, int]]) -> tuple[str, str, float]:
    """(heaviest page, lightest page, heaviest / lightest in bytes)."""
    heaviest = max(weights, key=lambda p: weights[p][0])
    lightest = min(weights, key=lambda p: weights[p][0])
    return heaviest, lightest, weights[heaviest][0] / weights[lightest][0]
