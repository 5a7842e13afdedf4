"""Shared fixtures for the browser tests: Debian's Chromium driven by Playwright, the built book over http.

The tests read the book that ``make book-check`` has just built (``_build/check/_build/html``)
or the folder named by the environment variable ``BOOK_HTML``; they never build it
themselves, so run ``make book-check`` (or ``make test``, which does) first.

Fixtures, all usable by any test under ``tests/browser``:

``book_dir``   the built HTML folder (session); a missing build is an error, not a skip
``book_url``   ``http://127.0.0.1:<free port>`` serving ``book_dir`` (session, threaded server)
``browser``    one Chromium for the session: Debian's ``chromium-headless-shell`` (or ``$CHROMIUM``),
               about 3x faster to load a page than the full browser. No test needs the full
               browser: JupyterLab rerunning a chapter, the clipboard and printing all run in the
               shell (``CHROMIUM=/usr/bin/chromium make browser`` runs them in the full one)
``context``    a fresh browser context per test (no shared cookies or storage): for tests that
               write storage, reload, print or use the clipboard
``reader``     one context shared by a module's tests that only read pages (``reader.new_page()``)
``page``       a page in that context; ``page.console_messages`` and ``page.page_errors``
               collect what the page logged, ``page.requests`` every URL it asked for

No test downloads a browser: ``playwright install`` is never run (``make chromium``
installs Debian's package chromium-headless-shell when missing). No test waits
for a quiet network or sleeps: each waits for the element or state it checks
(``catbook.text.printer.PAGE_READY`` where a whole page must have settled).
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

# One Chromium (path and launch flags) for the tests, `make pdf` and `make handouts`.
from catbook.text.printer import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BOOK_HTML = ROOT / "_build" / "check" / "_build" / "html"
#: Default time a Playwright action or wait may take (ms): generous for 2 slow cores, still bounded.
DEFAULT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def book_dir() -> Path:
    """The built book's HTML folder: $BOOK_HTML, or the one `make book-check` writes."""
    path = Path(os.environ.get("BOOK_HTML", DEFAULT_BOOK_HTML)).resolve()
    if not (path / "index.html").is_file():
        pytest.fail(f"no built book at {path}: run `make book-check` first (or set BOOK_HTML)",
                    pytrace=False)
    return path


@pytest.fixture(scope="session")
def book_url(book_dir: Path):
    """Base URL (no trailing slash) of a local server for ``book_dir``, on 127.0.0.1 and a free port."""
    from catbook.text.printer import serve
    with serve(book_dir) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_driver():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        yield driver


def _launch(driver, executable: str):
    if not Path(executable).exists():
        pytest.fail(f"{executable} is missing: run `make chromium`", pytrace=False)
    return driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """Debian's headless shell (never a browser Playwright would download)."""
    chromium = _launch(playwright_driver, CHROMIUM)
    try:
        yield chromium
    finally:
        chromium.close()


@contextlib.contextmanager
def _context(browser):
    """A browser context at the book's desktop size and locale, with the default timeout."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    ctx.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture(scope="module")
def reader(browser):
    """One context for a module's read-only checks (open pages with ``reader.new_page()`` and
    close them); nothing in it is written to storage, reloaded or printed."""
    with _context(browser) as ctx:
        yield ctx


@pytest.fixture
def context(browser):
    with _context(browser) as ctx:
        yield ctx


@pytest.fixture
def page(context):
    """A fresh page that records its console messages, uncaught errors and requested URLs."""
    pg = context.new_page()
    pg.console_messages = []
    pg.page_errors = []
    pg.requests = []
    pg.on("console", lambda message: pg.console_messages.append(message))
    pg.on("pageerror", lambda error: pg.page_errors.append(error))
    pg.on("request", lambda request: pg.requests.append(request.url))
    yield pg
