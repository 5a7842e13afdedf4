"""Turning report text and tables into MyST Markdown for the book.

One place for escaping and for the link to a report line, so every page and
notebook cites the report the same way: ``{ref}`line N <pN>` · {ref}`para. M <para-M>```,
the book's line beside the report's official paragraph number (``para_no``,
:mod:`catbook.text.corpus`). Sphinx checks both references at build time (a broken
reference fails the build). A heading has no paragraph number: its link is the line's alone.
"""
from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>$|{}#])")
_LIST_START = re.compile(r"^(\s*)(\d+)([.)])")
#: Between a line link and its paragraph link.
SEP = " · "
#: Column of a table -> prefix of the anchor its rows get in the book (``#claim-<id>``,
#: ``#check-<id>``); a figure id begins with ``fig-`` already and is its own anchor.
ROW_ANCHORS = {"figure_id": "", "claim_id": "claim-", "check_id": "check-"}


# A MyST target line such as "(claim-art-2-001)=": an anchor in the book, nothing in plain text.
_TARGET = re.compile(r"^\([A-Za-z0-9_.:-]+\)=\n", re.M)
# An empty HTML anchor such as '<span id="check-x"></span>'.
_ANCHOR = re.compile(r'<span id="[A-Za-z0-9_.:-]+"></span>')


class Markdown:
    """Markdown for a notebook cell: the book renders ``_repr_markdown_``; nbval compares the
    plain-text repr (links, anchors and escapes removed)."""

    def __init__(self, text: str):
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        plain = re.sub(r"\{ref\}`([^<`]+?) <[^>]+>`", r"\1", self.text)
        plain = _ANCHOR.sub("", _TARGET.sub("", plain))
        return re.sub(r"\\([\\`*_\[\]<>$|{}#.)+-])", r"\1", plain)


def escape(text: str) -> str:
    """Escape report text so Markdown shows it literally (no lists, emphasis or math)."""
    text = _SPECIAL.sub(r"\\\1", text.strip())
    text = _LIST_START.sub(r"\1\2\\\3", text)
    if text[:1] in "-+>":
        text = "\\" + text
    return text


def para_anchor(para_no: int) -> str:
    """The anchor of an official paragraph on the report's page: ``#para-12``."""
    return f"para-{para_no}"


def para_label(para_no: int | str) -> str:
    """How the book prints an official paragraph number, as the United Nations cites it."""
    return f"para. {para_no}"


def para_ref(para_no: int, label: str | None = None) -> str:
    """A checked cross-reference to official paragraph ``para_no`` of the report."""
    return f"{{ref}}`{label or para_label(para_no)} <{para_anchor(para_no)}>`"


def line_ref(source_line: int, label: str | None = None) -> str:
    """A checked cross-reference to a line of the report, with its official paragraph beside it."""
    from catbook.text.corpus import para_of_line
    link = f"{{ref}}`{label or f'line {source_line}'} <p{source_line}>`"
    para = para_of_line(source_line)
    return link if para is None else f"{link}{SEP}{para_ref(para)}"


def lines_span_ref(first: int, last: int) -> str:
    """A span of lines ('lines 275–286') and the official paragraphs it covers ('paras 201–212')."""
    from catbook.text.corpus import para_nos_of_lines
    link = f"{{ref}}`lines {first}–{last} <p{first}>`" if last != first else \
        f"{{ref}}`line {first} <p{first}>`"
    nums = para_nos_of_lines(range(first, last + 1))
    if not nums:
        return link
    if nums[0] == nums[-1]:
        return f"{link}{SEP}{para_ref(nums[0])}"
    return f"{link}{SEP}{para_ref(nums[0], f'paras {nums[0]}–{nums[-1]}')}"


def lines_ref(lines: str | list[int], sep: str = ";") -> str:
    """Cross-references for a ';'-separated list of lines ('' gives '')."""
    if isinstance(lines, str):
        lines = [int(x) for x in lines.split(sep) if x.strip()]
    return ", ".join(line_ref(n) for n in lines)
