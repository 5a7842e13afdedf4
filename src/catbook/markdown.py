"""Turning report text and tables into MyST Markdown for the book.

One place for escaping and for the link to a report line, so every page and
notebook cites the report the same way: ``{ref}`line 295 <p295>```, which
Sphinx checks at build time (a broken reference fails the build).
"""
from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>$|{}#])")
_LIST_START = re.compile(r"^(\s*)(\d+)([.)])")


def escape(text: str) -> str:
    """Escape report text so Markdown shows it literally (no lists, emphasis or math)."""
    text = _SPECIAL.sub(r"\\\1", text.strip())
    text = _LIST_START.sub(r"\1\2\\\3", text)
    if text[:1] in "-+>":
        text = "\\" + text
    return text


def line_ref(source_line: int, label: str | None = None) -> str:
    """A checked cross-reference to the paragraph on a given line of the report."""
    return f"{{ref}}`{label or f'line {source_line}'} <p{source_line}>`"


def lines_ref(lines: str | list[int], sep: str = ";") -> str:
    """Cross-references for a ';'-separated list of lines ('' gives '')."""
    if isinstance(lines, str):
        lines = [int(x) for x in lines.split(sep) if x.strip()]
    return ", ".join(line_ref(n) for n in lines)
