"""PDF handouts of the built book: one A4 file per page of ``_toc.yml`` and the whole book.

Each page of the built HTML book is served on 127.0.0.1, opened in Debian's Chromium
(through Playwright; no browser is ever downloaded) and printed with Chromium's own
print-to-PDF on A4, so the PDF shows exactly what the page shows, stored widget views and
charts included; the theme's print styles and ``_static/catbook-print.css`` lay tables out
for paper. ``pypdf`` (pinned in requirements.txt) joins the pages, in the order of
``_toc.yml``, into the book, and counts and reads the pages of a PDF.

This is the project's one Chromium printer: the instructors' handouts
(``catbook.training.handouts``, ``make handouts``) print with the same browser
(:data:`catbook.text.printer.CHROMIUM`) through :func:`chromium` and :func:`print_to_pdf`.

    python -m catbook.book.pdf                          # _build/html -> _build/pdf/
    python -m catbook.book.pdf --html _build/check/_build/html --out /tmp/pdf --page notebooks/art-02-prevention

Output: ``<out>/<page>.pdf`` for each page (the page's file name, e.g. ``art-02-prevention.pdf``)
and ``<out>/reading-<pack>.pdf``, the whole book (the pack's folder name, :data:`BOOK_PDF`).
"""
from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from catbook.pack.paths import PACK, ROOT
from catbook.text.printer import PdfError, chromium, page_count, print_to_pdf, serve, unite

TOC = ROOT / "_toc.yml"
HTML = ROOT / "_build" / "html"
OUT = ROOT / "_build" / "pdf"
#: The whole book's PDF, named after the pack (CATBOOK_PACK).
BOOK_PDF = f"reading-{PACK.name}.pdf"
# A4 with room for a footer; backgrounds printed so table stripes and verdict colours stay.
PDF_OPTIONS = {
    "format": "A4",
    "print_background": True,
    "margin": {"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"},
    "display_header_footer": True,
    "header_template": "<span></span>",
    "footer_template": (
        '<div style="font-size:7.5pt;color:#555;width:100%;padding:0 12mm;'
        'display:flex;justify-content:space-between;font-family:sans-serif">'
        '<span class="title"></span><span><span class="pageNumber"></span> / '
        '<span class="totalPages"></span></span></div>'),
}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def published_url(config: Path = ROOT / "_config.yml") -> str | None:
    """``html.baseurl`` of the book's configuration, if the book says where it is published."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    return ((data.get("html") or {}).get("baseurl") or None)


def toc_pages(toc: Path = TOC) -> list[str]:
    """Every page of the book (docnames such as ``book/intro``), in the order of ``_toc.yml``."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    pages = [data["root"]]

    def walk(entries):
        for entry in entries or ():
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in data.get("parts", ()):
        walk(part.get("chapters"))
    walk(data.get("chapters"))
    walk(data.get("sections"))
    return [p.removesuffix(".md").removesuffix(".ipynb") for p in pages]


def pdf_name(docname: str, all_docnames: list[str]) -> str:
    """``notebooks/art-02-prevention`` -> ``art-02-prevention.pdf``; a page in a subfolder keeps
    it (``book/instructors/index`` -> ``instructors-index.pdf``); the full path if names clash."""
    def short(d: str) -> str:
        first, _, rest = d.partition("/")
        return (rest if first in ("book", "notebooks") and rest else d).replace("/", "-")
    name = short(docname)
    clash = sum(short(d) == name for d in all_docnames) > 1
    return (docname.replace("/", "-") if clash else name) + ".pdf"


def base_of(url: str) -> str:
    """``http://127.0.0.1:8000/notebooks/x.html`` -> ``http://127.0.0.1:8000/``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


_REWRITE_LINKS = """({base, site}) => {
  for (const a of document.querySelectorAll('a[href]')) {
    if (!a.href.startsWith(base)) continue;
    if (a.pathname === location.pathname && a.hash) { a.setAttribute('href', a.hash); continue; }
    const rest = a.href.slice(base.length);
    if (site) { a.href = site.replace(/\\/?$/, '/') + rest; }
    else { a.removeAttribute('href'); }
  }
}"""


def print_page(browser, url: str, out: Path, site_url: str | None = None) -> Path:
    """Print one page of the book (``url``) to ``out`` on A4.

    Links into the book are rewritten to ``site_url`` (where the book is published) or, if
    it is not given, printed as plain text: a handout must not point at a local server."""
    def prepare(page, url):
        # Stored widget views are drawn by the widget manager after load: give them time,
        # but print anyway (the page's text is what a handout needs) if none appears.
        if page.locator(f'script[type="{WIDGET_VIEW}"]').count():
            with contextlib.suppress(Exception):
                page.wait_for_selector(".jupyter-widgets, .widget-container", timeout=10_000)
        # Links into the book would point at this temporary server: make them point at the
        # published book (``site_url``) or, without one, print them as plain text.
        page.evaluate(_REWRITE_LINKS, {"base": base_of(url), "site": site_url or ""})
    return print_to_pdf(browser, url, out, PDF_OPTIONS, prepare)


# --- reading and joining PDFs (pypdf) -----------------------------------------------------------


def build(html: Path = HTML, out: Path = OUT, pages: list[str] | None = None, *, book: bool = True,
          browser=None, base_url: str | None = None, site_url: str | None = None,
          log=print) -> dict[str, Path]:
    """Print each page (default: all of ``_toc.yml``) to ``out`` and, with ``book``, join them.

    Returns {docname: pdf} plus {"book": whole-book pdf}. ``browser``/``base_url`` reuse a
    running Chromium and server (the browser tests' fixtures); otherwise both are started here.
    """
    html = Path(html)
    all_pages = toc_pages()
    pages = pages or all_pages
    missing = [p for p in pages if not (html / f"{p}.html").is_file()]
    if missing:
        raise PdfError(f"not in the built book {html}: {', '.join(missing)} (build it first: `make book`)")
    with contextlib.ExitStack() as stack:
        if base_url is None:
            base_url = stack.enter_context(serve(html))
        if browser is None:
            browser = stack.enter_context(chromium())
        made: dict[str, Path] = {}
        for docname in pages:
            start = time.perf_counter()
            made[docname] = print_page(browser, f"{base_url}/{docname}.html",
                                       Path(out) / pdf_name(docname, all_pages), site_url)
            log(f"  {made[docname].name:45s} {page_count(made[docname]):4d} pages  {time.perf_counter() - start:5.1f} s")
    if book:
        made["book"] = unite([made[p] for p in pages], Path(out) / BOOK_PDF)
        log(f"  {BOOK_PDF:45s} {page_count(made['book']):4d} pages (whole book)")
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m catbook.book.pdf", description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, default=HTML, help="the built book (default: _build/html)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the PDFs go (default: _build/pdf)")
    parser.add_argument("--page", action="append", help="only this page (docname, e.g. book/intro); repeatable")
    parser.add_argument("--no-book", action="store_true", help="do not join the pages into the whole book")
    parser.add_argument("--site-url", default=published_url(),
                        help="where the book is published: links into the book point there "
                             "(default: html.baseurl of _config.yml; without one they print as plain text)")
    args = parser.parse_args(argv)
    try:
        start = time.perf_counter()
        made = build(args.html, args.out, args.page, book=not args.no_book, site_url=args.site_url)
    except PdfError as err:
        print(f"catbook.book.pdf: {err}", file=sys.stderr)
        return 1
    print(f"{len(made)} PDF files in {args.out} ({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
