"""The English heading of a section of the report, as the book's chapters show it.

The corpus keeps each section's title as the report prints it (French: "Paragraphe 19",
"Renseignements d'ordre général"); a chapter heading is English: the section's heading line in
the English translation, and for the answers to the previous observations the symbol's short name
("CO/2 paragraph 19", "CO/2 paragraph 21, subparagraphs a and b"). A title the corpus inferred
(a block with a missing heading) is already English and is kept.
"""
from __future__ import annotations

import re
from functools import lru_cache

_PARAGRAPH = re.compile(r"^Paragraphe(s)?\s+(.+)$")
_SUB = ((re.compile(r"\bAlinéas\b"), "subparagraphs"), (re.compile(r"\bAlinéa\b"), "subparagraph"),
        (re.compile(r"\bet\b"), "and"))


@lru_cache(maxsize=1)
def _sections():
    from catbook.text.corpus import load_paragraphs, sections
    return sections(load_paragraphs()).set_index("section")


def section_title_en(section: str) -> str:
    """The English heading of one section of the report (see the module's docstring)."""
    from catbook.pack.report import report
    from catbook.text.translation import english
    row = _sections().loc[section]
    title = str(row.title)
    if bool(row.section_inferred):
        return title
    previous = report().previous_observations
    m = _PARAGRAPH.match(title)
    if previous and section.startswith(previous.section_prefix) and m:
        rest = " ".join(m.group(2).split())
        for pattern, word in _SUB:
            rest = pattern.sub(word, rest)
        return f"{previous.short_name} paragraph{'s' if m.group(1) else ''} {rest}"
    try:
        en = english(int(row.first_line))
    except Exception:  # a pack in English, or with no translation
        en = ""
    return en.strip() or title
