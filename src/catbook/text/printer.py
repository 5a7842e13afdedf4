"""The project's one Chromium printer, and reading and joining PDFs.

Debian's Chromium (``make chromium``; ``$CHROMIUM`` names another Debian build, such as
``/usr/bin/chromium-headless-shell``), started through Playwright's Python package
(``playwright install`` is never run), prints a page with its own print-to-PDF; ``pypdf``
(pinned in requirements.txt) joins, counts and reads PDFs. The book's handouts
(:mod:`catbook.book.pdf`, ``make pdf``), the instructors' handouts
(:mod:`catbook.training.handouts`, ``make handouts``) and the browser tests print with it.
"""
from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
import unicodedata
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


#: Debian's chromium-headless-shell (``make chromium``; Playwright never downloads a browser). It
#: loads a page about 3x faster than the full browser and prints the same PDF; it prints the book
#: and the handouts and runs every browser test, JupyterLab, the clipboard and printing included.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
#: The browser the project prints and tests with: $CHROMIUM (e.g. Debian's full /usr/bin/chromium,
#: `apt-get install chromium`), else the headless shell.
CHROMIUM = os.environ.get("CHROMIUM", HEADLESS_SHELL)


#: The launch flags of every Chromium the project starts (PDFs, handouts, browser tests).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


TIMEOUT_MS = 60_000
#: A loaded page is ready to print (or to check) once its fonts are in and every image has
#: arrived: what the page shows no longer changes (in place of waiting for a quiet network).
PAGE_READY = ("() => document.readyState === 'complete' && document.fonts.status === 'loaded'"
              " && Array.from(document.images).every(img => img.complete)")


class PdfError(RuntimeError):
    """Chromium is missing, a page could not be printed, or a PDF could not be read or joined."""


class _Quiet(SimpleHTTPRequestHandler):
    """Static files without a log line per request, with the types a browser needs."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
                      ".svg": "image/svg+xml", ".woff2": "font/woff2", ".ipynb": "application/json"}

    def log_message(self, format, *args):  # noqa: A002
        pass


@contextlib.contextmanager
def serve(html: Path) -> Iterator[str]:
    """The built book on http://127.0.0.1:<free port> for as long as the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def chromium_available(executable: str = CHROMIUM) -> bool:
    return Path(executable).is_file() and os.access(executable, os.X_OK)


@contextlib.contextmanager
def chromium(executable: str = CHROMIUM):
    """Debian's Chromium through Playwright (``playwright install`` is never needed)."""
    from playwright.sync_api import sync_playwright
    if not chromium_available(executable):
        raise PdfError(f"{executable} is missing: run `make chromium`")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def print_to_pdf(browser, url: str, out: Path, options: dict, prepare=None) -> Path:
    """Open ``url`` (``http://`` or ``file://``) in a fresh context of ``browser`` and print it to
    ``out`` with Chromium's print-to-PDF and ``options`` (Playwright's ``page.pdf``);
    ``prepare(page, url)`` runs on the loaded page first."""
    context = browser.new_context(viewport={"width": 1100, "height": 1400}, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        response = page.goto(url, wait_until="load")
        if url.startswith("http") and (response is None or not response.ok):
            raise PdfError(f"{url}: HTTP {response.status if response else '?'}")
        page.wait_for_function(PAGE_READY)
        if prepare:
            prepare(page, url)
        page.emulate_media(media="print")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(out), **options)
    finally:
        context.close()
    return out


def _reader(pdf: Path):
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    try:
        return PdfReader(str(pdf))
    except (OSError, PyPdfError) as err:
        raise PdfError(f"{pdf}: not a readable PDF ({err})") from err


def unite(pdfs: list[Path], out: Path) -> Path:
    """Join PDFs, in order, into ``out``."""
    from pypdf import PdfWriter
    if len(pdfs) == 1:
        shutil.copyfile(pdfs[0], out)
        return out
    writer = PdfWriter()
    for path in pdfs:
        writer.append(_reader(path))
    with open(out, "wb") as handle:
        writer.write(handle)
    return out


def page_count(pdf: Path) -> int:
    """Number of pages of a PDF."""
    return len(_reader(pdf).pages)


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height of each page of a PDF, in points (A4 is about 595 x 842)."""
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in _reader(pdf).pages]


#: Typographic ligatures Chromium's fonts print (ﬀ, ﬁ, ﬂ, ﬃ, ﬄ, ﬅ, ﬆ), read back as their letters.
_LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}


def pdf_text(pdf: Path, pages: range | None = None) -> str:
    """The text of a PDF (or of its ``pages``, 0-based): ligatures as their letters, every run of
    white space (no-break spaces included) made one space."""
    reader = _reader(pdf).pages
    chosen = reader if pages is None else [reader[i] for i in pages]
    text = "\n".join(page.extract_text() or "" for page in chosen)
    return " ".join(text.translate(_LIGATURES).split())
