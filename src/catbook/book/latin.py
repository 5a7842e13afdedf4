"""Latin-script words left unmarked on a Russian page: what a screen reader would read in Russian.

A Russian page of the instructors' part is ``<html lang="ru">``. A word in Latin script on it is
fine when it is marked with its own language (inside an element whose nearest ``lang`` is not
Russian: ``lang="en"`` for English kept as it is, ``lang="fr"`` for the report's French), when it is
code (``code``, ``pre``, ``kbd``, ``samp``, scripts, styles, formulas, pictures), or when it is an
identifier or a symbol the allowlist names (:data:`ALLOWED`, :func:`allowed`): document symbols
such as CAT/C/KAZ/3, time-zone names such as Asia/Almaty, ``UTC``, file names, dotted module names,
ids with digits or hyphens. Everything else counts.

One function, :func:`unmarked_words`, serves the test (``tests/browser/test_russian_pages.py``)
and the count (``benchmarks/count_latin_ru.py``). Stdlib and BeautifulSoup only.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString

#: Elements whose text is code, data or not text at all: never counted.
SKIPPED = {"script", "style", "code", "pre", "kbd", "samp", "var", "tt", "math", "svg", "template",
           "textarea"}
#: Classes whose text is code or a formula (Sphinx writes some code as ``span.pre``).
SKIPPED_CLASSES = {"pre", "math", "highlight", "notranslate"}

#: Words and symbols allowed in Latin script on a Russian page, whatever marks them.
ALLOWED = {"UTC", "GMT", "catbook", "PDF", "HTML", "CSV", "YAML", "JSON", "URL", "Ctrl", "Jupyter",
           "JupyterLab", "Python", "JavaScript"}
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
#: A word in Latin script: letters, joined by an apostrophe or a hyphen ("aujourd'hui", "Co-operation").
WORD = re.compile(rf"[{LATIN}]+(?:['’\-][{LATIN}]+)*")
_ALLOWED_TOKENS = [
    re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+"),              # document symbols: CAT/C/KAZ/3, A/HRC/19/61
    re.compile(r"[A-Z][a-z]+(?:/[A-Z][A-Za-z_\-]+)+"),           # time zones: Asia/Almaty
    re.compile(r"(?:[\w\-]+/)*[\w\-]*\.(?:md|pdf|csv|ya?ml|json|ipynb|py|html|js|css|txt|zip|svg|png)"),
    re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+"),       # dotted names: catbook.custody.audit
    re.compile(r"[A-Za-z]*[0-9_][A-Za-z0-9_\-]*|[a-z0-9]+(?:-[a-z0-9]+)+"),  # ids: co2-11-005, art-2, p452
    re.compile(r"(?:https?://|www\.)\S+"),                        # addresses
    re.compile(r"(?:UTC|GMT)(?:[+\-−]\d{1,2}(?::\d\d)?)?"),     # UTC+06:00
    re.compile(r"[IVXLCDM]{2,}|[IVX]"),                           # Roman numerals: глава II, раздел IV
]
_FILE = re.compile(r"(?:[\w\-]+/)*[\w\-]*\.(?:md|pdf|csv|ya?ml|json|ipynb|py|html|js|css|txt|zip|svg|png)")
_EDGE = "«»\"'“”„‘’()[]{},.;:!?…—–·*"


def allowed(token: str) -> bool:
    """Whether a whitespace-separated token is an identifier or symbol the allowlist accepts."""
    bare = token.strip(_EDGE)
    if _FILE.fullmatch(token.strip(_EDGE.replace(".", ""))):
        return True
    if not bare or bare in ALLOWED:
        return True
    return any(p.fullmatch(bare) for p in _ALLOWED_TOKENS)


def is_marked(node) -> bool:
    """Whether the text sits in code, or in an element whose nearest ``lang`` is not Russian."""
    for el in node.parents:
        if el.name in SKIPPED or SKIPPED_CLASSES & set(el.get("class") or ()):
            return True
        if el.get("hidden") is not None or el.get("aria-hidden") == "true":
            return True
        lang = el.get("lang") or el.get("xml:lang")
        if lang is not None:
            return not lang.lower().startswith("ru")
    return False


def _words(text: str) -> list[str]:
    out = []
    for token in text.split():
        if WORD.search(token) and not allowed(token):
            out.extend(w for w in WORD.findall(token) if not allowed(w))
    return out


def unmarked_words(html: str) -> list[str]:
    """Every Latin-script word of a page that is neither marked with a non-Russian ``lang``, nor
    code, nor allowed: the words of its text, then of its ``title``, ``aria-label``, ``alt`` and
    ``placeholder`` attributes (what a screen reader reads aloud)."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for s in soup.find_all(string=True):
        if type(s) is not NavigableString:  # not a comment, doctype or declaration
            continue
        if WORD.search(s) and not is_marked(s):
            found.extend(_words(str(s)))
    for el in soup.find_all(True):
        if el.name in SKIPPED or el.name in ("html", "head", "link", "meta") or el.find_parent("head"):
            continue
        for attr in ("title", "aria-label", "alt", "placeholder"):
            value = el.get(attr)
            if isinstance(value, str) and WORD.search(value) and not _marked_self(el):
                found.extend(_words(value))
    return found


def _marked_self(el) -> bool:
    lang = el.get("lang")
    if lang is not None:
        return not lang.lower().startswith("ru")
    return is_marked(el)


def russian_pages(html_dir: Path, folder: str = "book/instructors/ru") -> list[Path]:
    """The built Russian pages (every ``.html`` of ``folder`` under ``html_dir``), sorted."""
    return sorted((Path(html_dir) / folder).glob("*.html"))


def count(html_dir: Path) -> dict[str, Counter]:
    """Page (relative path) -> its unmarked Latin-script words, counted."""
    html_dir = Path(html_dir)
    return {p.relative_to(html_dir).as_posix(): Counter(unmarked_words(p.read_text(encoding="utf-8")))
            for p in russian_pages(html_dir)}
