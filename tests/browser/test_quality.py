"""Quality gates over every page of the built book, in Debian's Chromium.

For each HTML page (``book_dir``, served on 127.0.0.1 by ``book_url``):

* it loads with no console error, no uncaught exception, no failed or 4xx/5xx request, and
  asks no host other than 127.0.0.1 for anything (the book is self-contained);
* every link in it (``<a href>`` as the browser resolves it, fragments included) that points
  into the site names a file that exists and, with a ``#fragment``, an element with that id;
* axe-core (pinned in ``tests/browser/axe/package.json``, installed by ``make axe``) finds no
  serious or critical accessibility violation.

And for the book as a whole: the built-in search finds a French quote and an English term,
and the stable anchors of claims, figures, checks, report lines and the Committee's
recommendations resolve in the browser (the page scrolls to an element with that id).
"""
from __future__ import annotations

import csv
import json
import os
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from catbook.text.printer import PAGE_READY

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "data" / os.environ.get("CATBOOK_PACK", "cat-c-kaz-3")
# The same folder the `book_dir` fixture serves (tests/browser/conftest.py), known at collection
# time so each page is its own test.
HTML = Path(os.environ.get("BOOK_HTML", ROOT / "_build" / "check" / "_build" / "html")).resolve()
AXE_JS = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SKIP_DIRS = {"_static", "_sources", "_images", "jupyter_execute", "node_modules"}
LOCAL_SCHEMES = {"data", "blob", "about"}

# axe rules excluded, with the reason. Keep empty unless a rule cannot be satisfied by the
# book's own content or configuration; every entry must say why.
AXE_EXCLUDED_RULES: dict[str, str] = {}


def book_pages() -> list[str]:
    if not HTML.is_dir():
        return []
    return sorted(p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html")
                  if not SKIP_DIRS & set(p.relative_to(HTML).parts[:-1]))


PAGES = book_pages()
# With no build the list is empty; one placeholder makes each gate fail loudly instead of
# collecting nothing (the `book_dir` fixture then says what to run).
PAGE_PARAMS = PAGES or ["(no built book)"]


def _page_id(path: str) -> str:
    return path


# -- static index of the built site: which files exist and which ids each holds ------------

class _Ids(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


@lru_cache(maxsize=None)
def ids_of(path: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return frozenset(parser.ids)


def link_problem(href: str, base_url: str, root: Path) -> str | None:
    """Why an absolute link into the site is broken, or None if its file and fragment exist."""
    parts = urlsplit(href)
    rel = unquote(parts.path)[1:]  # the server maps "/x/y" to root/x/y
    target = root / rel
    if rel == "" or target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"{href}: no file {target.relative_to(root) if target.is_relative_to(root) else target}"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in ids_of(target):
        return f"{href}: {target.relative_to(root)} has no element with id {fragment!r}"
    return None


def _open(page, book_url: str, path: str) -> list[str]:
    """Load a page of the book and wait until it has settled (its fonts and images in); return
    its failed requests."""
    if path not in PAGES:
        pytest.fail("no built book: run `make book-check` (or set BOOK_HTML)", pytrace=False)
    failed: list[str] = []
    # A request the browser itself cancels (net::ERR_ABORTED: the redirect of index.html
    # leaves before its icon arrives) is not a failure of the site; an HTTP error still is.
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})")
            if "ERR_ABORTED" not in (r.failure or "") else None)
    page.on("response", lambda r: failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
    page.goto(f"{book_url}/{path}", wait_until="load")
    page.wait_for_function(PAGE_READY)
    return failed


@pytest.fixture(scope="module")
def visits(browser, book_url):
    """Each page loaded once for the three per-page gates: what it logged, asked for, links, axe."""
    done: dict[str, dict] = {}

    def visit(path: str) -> dict:
        if path in done:
            return done[path]
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        ctx.set_default_timeout(15_000)
        try:
            page = ctx.new_page()
            console, errors, requests = [], [], []
            page.on("console", lambda m: console.append(m) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(e))
            page.on("request", lambda r: requests.append(r.url))
            failed = _open(page, book_url, path)
            result = {
                "errors": [f"console {m.type}: {m.text}" for m in console] + [f"uncaught: {e}" for e in errors],
                "failed": failed,
                "requests": requests,
                "hrefs": page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"),
                "axe": _axe(page),
            }
        finally:
            ctx.close()
        done[path] = result
        return result

    return visit


def _axe(page) -> list[dict] | str:
    if not AXE_JS.is_file():
        return f"{AXE_JS} is missing: run `make axe` (npm ci in tests/browser/axe)"
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    options = {"resultTypes": ["violations"],
               "rules": {rule: {"enabled": False} for rule in AXE_EXCLUDED_RULES}}
    return page.evaluate("async (opts) => (await axe.run(document, opts)).violations", options)


# -- gate 1: clean load, self-contained ----------------------------------------------------

@pytest.mark.parametrize("path", PAGE_PARAMS, ids=_page_id)
def test_page_loads_clean_and_self_contained(visits, path):
    seen = visits(path)
    foreign = sorted({u for u in seen["requests"]
                      if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).hostname != "127.0.0.1"})
    assert not seen["errors"], f"{path}: errors in the browser console:\n" + "\n".join(seen["errors"])
    assert not seen["failed"], f"{path}: failed requests:\n" + "\n".join(seen["failed"])
    assert not foreign, f"{path}: requests to other hosts (the book must be self-contained):\n" + "\n".join(foreign)


def test_no_thebe_and_no_inline_script_twice(book_dir):
    """With thebe off no page carries thebe (its THEBE_JS_URL names unpkg.com), and no page
    declares an inline script twice (Sphinx 7.4 wrote late-added ones twice: catbook.book.sphinx_ext)."""
    problems = []
    for rel in PAGES:
        text = (book_dir / rel).read_text(encoding="utf-8")
        if "THEBE_JS_URL" in text or "sphinx-thebe" in text or "x-thebe-config" in text:
            problems.append(f"{rel}: thebe is off but the page carries thebe")
        inline = re.findall(r"<script>(.*?)</script>", text, re.S)
        twice = sorted({body[:60] for body in inline if inline.count(body) > 1})
        if twice:
            problems.append(f"{rel}: inline scripts written twice: {twice}")
    assert not problems, "\n".join(problems)


# -- gate 2: no broken internal link or anchor ---------------------------------------------

@pytest.mark.parametrize("path", PAGE_PARAMS, ids=_page_id)
def test_internal_links_and_anchors_exist(visits, book_url, book_dir, path):
    hrefs = visits(path)["hrefs"]
    internal = sorted({h for h in hrefs if h.startswith(book_url + "/")})
    problems = [p for h in internal if (p := link_problem(h, book_url, book_dir))]
    assert internal or path == "index.html", f"{path}: no internal link at all?"
    assert not problems, f"{path}: broken internal links:\n" + "\n".join(problems)


# -- gate 3: accessibility (axe-core) -------------------------------------------------------

@pytest.mark.parametrize("path", PAGE_PARAMS, ids=_page_id)
def test_no_serious_accessibility_violation(visits, path):
    violations = visits(path)["axe"]
    if isinstance(violations, str):
        pytest.fail(violations, pytrace=False)
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    report = [f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} nodes), e.g. "
              f"{v['nodes'][0]['target']} {v['nodes'][0]['html'][:160]}" for v in bad]
    assert not bad, f"{path}: accessibility violations:\n" + "\n".join(report)


# -- the built-in search ---------------------------------------------------------------------

def _search(page, book_url, query: str) -> list[str]:
    page.goto(f"{book_url}/search.html?q={query}", wait_until="load")
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results');"
        " return s && (s.querySelector('ul.search li') || /found|no documents/i.test(s.innerText)); }")
    # Sphinx adds results one by one; wait until the summary line is written.
    page.wait_for_function(
        "() => /Search finished|found \\d+ page|did not match/i.test("
        "document.querySelector('#search-results').innerText)")
    return page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("query, expected", [
    ("garde à vue", "book/report-text.html"),   # a French phrase of the report
    ("custody", "notebooks/custody-clock.html"),  # an English term of the analysis
    ("задержание", "book/instructors/ru/"),        # the Russian term, on the Russian pages
    ("141-1", "book/report-text.html"),            # the torture article of the Criminal Code (line 46)
    ("141-1", "notebooks/claims-index.html"),      # ... and the claims about it
])
def test_search_finds(page, book_url, book_dir, query, expected):
    if not (book_dir / "search.html").is_file():
        pytest.fail("no search.html in the build", pytrace=False)
    hits = _search(page, book_url, query)
    assert any(expected in h for h in hits), f"search {query!r}: {expected} not among {hits}"


def _report_pages_with(book_dir: Path, phrase: str) -> set[str]:
    """Pages (relative paths) whose text outside code holds ``phrase``, by the index's own list."""
    script = (book_dir / "_static" / "catbook-search.js").read_text(encoding="utf-8")
    phrases = json.loads(script.split("var CATBOOK_PHRASES = ", 1)[1].split(";\n", 1)[0])
    return {f"{doc}.html" for doc in phrases[phrase]}


def test_search_ranks_the_pages_holding_the_phrase_first(page, book_url, book_dir):
    """"garde à vue" lists first every page where the three words stand together, not those
    where "vue" stands alone ("en vue de")."""
    with_phrase = _report_pages_with(book_dir, "garde à vue")
    assert "book/report-text.html" in with_phrase
    hits = [h.split(book_url + "/", 1)[1].split("#", 1)[0] for h in _search(page, book_url, "garde à vue")]
    assert hits, "no result for 'garde à vue'"
    first = hits[:len(with_phrase)]
    assert set(first) <= with_phrase, f"pages without the phrase ranked before those with it: {first}"
    for rel in first:
        text = (book_dir / rel).read_text(encoding="utf-8").lower()
        assert "garde à vue" in text or "garde &agrave; vue" in text, rel


def test_search_snippets_show_no_code(page, book_url):
    """A result's snippet is made from the page's prose: no code cell, no highlighted block."""
    hits = _search(page, book_url, "custody")
    page.wait_for_function("() => document.querySelectorAll('#search-results ul.search li p.context').length > 0")
    snippets = page.eval_on_selector_all("#search-results ul.search li p.context", "els => els.map(e => e.innerText)")
    code_marks = ("from catbook", "import ", "ChapterView", "view.")
    assert snippets, hits
    assert not [s for s in snippets if any(mark in s for mark in code_marks)], snippets


# -- stable anchors: claims, figures, checks, report lines, recommendations ---------------

def _all_ids(book_dir: Path) -> dict[str, str]:
    """id -> first page (relative path) holding it, over every page of the book."""
    found: dict[str, str] = {}
    for rel in PAGES:
        for i in ids_of(book_dir / rel):
            found.setdefault(i, rel)
    return found


def _csv_ids(name: str, column: str) -> list[str]:
    path = PACK / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [row[column] for row in csv.DictReader(f)]


class _Shown(HTMLParser):
    """Text of <strong> elements, and the values of each table column by header name."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.strong: set[str] = set()
        self.columns: dict[str, set[str]] = {}
        self._text: list[str] | None = None
        self._tables: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._tables.append({"head": [], "row": None, "in_head": False})
        elif self._tables and tag == "thead":
            self._tables[-1]["in_head"] = True
        elif self._tables and tag == "tbody":
            self._tables[-1]["in_head"] = False
        elif self._tables and tag == "tr":
            self._tables[-1]["row"] = []
        if tag in ("strong", "td", "th"):
            self._text = []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        text = "".join(self._text or []).strip()
        if tag == "strong":
            self.strong.add(text)
            self._text = None
        elif tag in ("td", "th") and self._tables:
            t = self._tables[-1]
            if t["row"] is not None:
                t["row"].append(text)
            self._text = None
        elif tag == "tr" and self._tables:
            t = self._tables[-1]
            row, t["row"] = t["row"] or [], None
            if t["in_head"]:
                for i, name in enumerate(row):
                    if i >= len(t["head"]):
                        t["head"].append(name)
                    elif not t["head"][i]:
                        t["head"][i] = name
            else:
                for i, value in enumerate(row):
                    if i < len(t["head"]) and t["head"][i]:
                        self.columns.setdefault(t["head"][i], set()).add(value)
        elif tag == "table" and self._tables:
            self._tables.pop()


@lru_cache(maxsize=1)
def _shown(book_dir: Path) -> _Shown:
    parser = _Shown()
    for rel in PAGES:
        if rel not in ("genindex.html", "search.html"):
            parser.feed((book_dir / rel).read_text(encoding="utf-8"))
    return parser


def _shown_ids(book_dir: Path, ids: list[str], column: str, in_bold: bool) -> set[str]:
    """Ids of the list shown in a table column of that name (or its reader header, "Figure"),
    or (claims, checks) in bold."""
    from catbook.book.display import human_header
    shown = _shown(book_dir)
    seen = (set(shown.columns.get(column, ())) | set(shown.columns.get(human_header(column), ()))
            | (shown.strong if in_bold else set()))
    return {i for i in ids if i in seen}


@pytest.mark.parametrize("kind, csv_name, column, prefix, in_bold", [
    ("claim", "claims.csv", "claim_id", "claim-", True),     # a claim block starts **<claim_id>**
    ("figure", "figures.csv", "figure_id", "", False),   # a figure id begins with fig-
    ("check", "audit.csv", "check_id", "check-", True),      # an audit block starts **<check_id>**
])
def test_every_shown_item_has_an_anchor(book_dir, kind, csv_name, column, prefix, in_bold):
    ids = _csv_ids(csv_name, column)
    shown = _shown_ids(book_dir, ids, column, in_bold)
    assert shown, f"no {kind} shown anywhere in the book?"
    anchors = _all_ids(book_dir)
    missing = sorted(i for i in shown if prefix + i not in anchors)
    assert not missing, f"{kind}s shown in the book without a #{prefix}<id> anchor: {missing[:20]}"


def _anchor_samples(book_dir: Path) -> list[tuple[str, str]]:
    """(page, id): first and last claim/figure/check anchor, a report line, a recommendation."""
    anchors = _all_ids(book_dir)
    samples = []
    for pattern in (r"claim-", r"fig-", r"check-", r"rec-co2-", r"sec-co2-"):
        hits = [i for i in anchors if i.startswith(pattern)]
        for i in {hits[0], hits[-1]} if hits else ():
            samples.append((anchors[i], i))
    for line in ("p2", "p295"):
        samples.append(("book/report-text.html", line))
    return samples


def test_deep_links_resolve_in_the_browser(page, book_url, book_dir):
    samples = _anchor_samples(book_dir)
    kinds = {re.match(r"[a-z]+", i).group(0) for _, i in samples}
    assert {"claim", "fig", "check", "p"} <= kinds, f"missing kinds of anchor: {samples}"
    misses = []
    for rel, anchor in samples:
        page.goto(f"{book_url}/{rel}#{anchor}", wait_until="load")
        state = page.evaluate(
            """() => { const t = document.querySelector(':target');
                       if (!t) return null;
                       const r = t.getBoundingClientRect();
                       return {id: t.id, top: r.top, height: innerHeight}; }""")
        if not state or state["id"] != anchor or not (-5 <= state["top"] < state["height"]):
            misses.append(f"{rel}#{anchor}: {json.dumps(state)}")
    assert not misses, "deep links that do not land on their element:\n" + "\n".join(misses)
