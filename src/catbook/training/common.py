"""What the training modules share: where their files live, links into the book, time formats.

Links are made in one place so the generated pages, the quiz HTML and the handouts cite
the report and the chapters the same way as the rest of the book: a report line is the
label ``p<N>`` of ``book/report-text.md``; a claim is the label ``claim-<id>`` that its
chapter notebook shows (``catbook.book.display.claim_markdown``).
"""
from __future__ import annotations

import posixpath
import re
from datetime import datetime

from catbook.pack.chapters import CHAPTERS, chapter_of_section
from catbook.pack.paths import BOOK, TRAINING_DIR

INSTRUCTORS = BOOK / "instructors"
#: The folder of the generated pages, relative to the book's root (for {doc} paths).
INSTRUCTORS_DOC_DIR = "book/instructors"

#: Pages of the book, besides the article chapters, that an exercise can send a reader to.
TOOLS = {
    "calculator": ("book/calculator", "the custody clock calculator (in the browser)"),
    "custody-clock": ("notebooks/custody-clock", "the custody clock chapter"),
    "report-text": ("book/report-text", "the report, line by line"),
    "claims-index": ("notebooks/claims-index", "the index of claims"),
    "recommendations": ("notebooks/recommendations", "the recommendation tracker"),
}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


class TrainingDataError(ValueError):
    """A file of the pack's training/ breaks one of its rules; the message names the entry and field."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where, self.reason = where, reason


# --- documents -----------------------------------------------------------------------------

def doc_of(name: str) -> str:
    """The document (path from the book's root, no suffix) of a tool name or a chapter key."""
    if name in TOOLS:
        return TOOLS[name][0]
    if name in CHAPTERS:
        return f"notebooks/{CHAPTERS[name].notebook}"
    raise KeyError(name)


def doc_title(name: str) -> str:
    if name in TOOLS:
        return TOOLS[name][1]
    return CHAPTERS[name].title


def doc_ref(name: str, *, from_dir: str = INSTRUCTORS_DOC_DIR, title: str | None = None) -> str:
    """A MyST ``{doc}`` link to a tool or chapter from a page in ``from_dir``."""
    target = posixpath.relpath(doc_of(name), from_dir)
    return f"{{doc}}`{title or doc_title(name)} <{target}>`"


def known_doc(name: str) -> bool:
    return name in TOOLS or name in CHAPTERS


# --- claims --------------------------------------------------------------------------------

def claim_chapter(claims, claim_id: str) -> str | None:
    """The chapter key whose page shows the claim (and so holds its anchor), or None."""
    rows = claims[claims.claim_id == claim_id]
    if rows.empty:
        return None
    return chapter_of_section(rows.section.iat[0])


def claim_ref(claim_id: str, text: str | None = None) -> str:
    """A MyST reference to the claim's anchor on its chapter page (checked by Sphinx)."""
    return f"{{ref}}`{text or claim_id} <claim-{claim_id}>`"


def claim_href(claims, claim_id: str, root: str) -> str:
    """The URL of a claim's anchor from a page whose way back to the book's root is ``root``."""
    chapter = claim_chapter(claims, claim_id)
    if chapter is None:
        raise KeyError(claim_id)
    return f"{root}notebooks/{CHAPTERS[chapter].notebook}.html#claim-{claim_id}"


def line_href(n: int, root: str) -> str:
    return f"{root}book/report-text.html#p{n}"


def page_root(doc: str) -> str:
    """The relative way from a document's HTML page back to the book's root ('../../')."""
    depth = doc.count("/")
    return "../" * depth


# --- times -----------------------------------------------------------------------------------

def when(moment: datetime) -> str:
    """A local moment for a reader: '23:40 on 1 March 2020'."""
    return f"{moment:%H:%M} on {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def when_with_offset(moment: datetime) -> str:
    """A moment with the UTC offset it had: '23:40 on 1 March 2020 (UTC+01:00)'."""
    total = int(moment.utcoffset().total_seconds()) // 60
    hours, minutes = divmod(abs(total), 60)
    return f"{when(moment)} (UTC{'-' if total < 0 else '+'}{hours:02d}:{minutes:02d})"


#: A clock time typed into prose ("23:40"): prose must use placeholders filled from the inputs
#: and the engine instead, so a typed time can never disagree with what is computed.
TYPED_TIME = re.compile(r"(?<![\w:])([01]?\d|2[0-3])[:h][0-5]\d(?![\w:])")


# --- the project's tables, loaded once ------------------------------------------------------

_CACHE: dict[str, object] = {}


def claims_df():
    """The pack's claims.csv, validated (catbook.judge.claims.load_claims), loaded once per process."""
    if "claims" not in _CACHE:
        from catbook.judge.claims import load_claims
        _CACHE["claims"] = load_claims()
    return _CACHE["claims"]


def figures_df():
    if "figures" not in _CACHE:
        from catbook.text.figures import load_figures
        _CACHE["figures"] = load_figures()
    return _CACHE["figures"]

