"""The kernel-free paragraph look-up: a reader types "295" or "46–96" and reaches it.

One form and one rule for both pages that offer it: the report's page (the form jumps to
``#para-N``) and the claims index (the form filters the claims to those paragraphs).
The rule is :func:`catbook.text.corpus.paragraph_range`'s, written once more in JavaScript
for the static book (``page_templates/para-lookup/range.js``, shared by both forms:
``window.catbookParagraphRange(text, total) -> [first, last]`` or an Error whose message says
what is wrong, in the same words as ParagraphRangeError); ``tests/browser/test_para_lookup.py``
runs it in Chromium. A bad entry shows a readable error next to the field and keeps what was typed.
"""
from __future__ import annotations

from catbook.text.templating import render


def form(prefix: str, label: str, total: int, button: str | None = None) -> str:
    """The field, its hint, its error and (for the report page) a button: ids start with ``prefix``
    (``page_templates/para-lookup/form.html``)."""
    return render("para-lookup/form.html", prefix=prefix, label=label, total=total, button=button)


def report_page_block(total: int) -> str:
    """Raw HTML for book/report-text.md: the form, its style and its script
    (``page_templates/para-lookup/report-page.html``)."""
    return render("para-lookup/report-page.html", prefix="para-lookup", label="Go to paragraph", total=total,
                  button="Go")
