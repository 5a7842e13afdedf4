"""The kernel-free paragraph look-up: a reader types "295" or "46–96" and reaches it.

One form and one rule for both pages that offer it: the report's page (the form jumps to
``#para-N``) and the claims index (the form filters the claims to those paragraphs).
The rule is :func:`catbook.corpus.paragraph_range`'s, written once more in JavaScript
for the static book; ``tests/browser/test_para_lookup.py`` runs it in Chromium. A bad
entry shows a readable error next to the field and keeps what was typed.
"""
from __future__ import annotations

import html

#: The script shared by both forms: window.catbookParagraphRange(text, total) -> [first, last]
#: or throws an Error whose message says what is wrong (the same words as ParagraphRangeError).
RANGE_JS = r"""
window.catbookParagraphRange = function (text, total) {
  const m = /^\s*(\d+)\s*(?:[-–—]\s*(\d+)\s*)?$/.exec(text);
  if (!m) throw new Error("type a paragraph number (295) or a range (46–96)");
  const first = parseInt(m[1], 10), last = m[2] === undefined ? first : parseInt(m[2], 10);
  if ([first, last].some(n => n < 1 || n > total)) throw new Error("the report has paragraphs 1 to " + total);
  if (last < first) throw new Error("a range runs from the smaller number to the larger");
  return [first, last];
};
"""


def form(prefix: str, label: str, total: int, button: str | None = None) -> str:
    """The field, its hint, its error and (for the report page) a button: ids start with ``prefix``."""
    e = html.escape
    hint = f"a number from 1 to {total}, or a range such as 46–96"
    submit = f'<button type="submit">{e(button)}</button>' if button else ""
    return (
        f'<form id="{prefix}" class="catbook-para-lookup" data-paragraphs="{total}" novalidate>'
        f'<label for="{prefix}-input">{e(label)}</label> '
        f'<input id="{prefix}-input" name="paragraph" type="text" inputmode="numeric" '
        f'autocomplete="off" size="10" aria-describedby="{prefix}-hint {prefix}-error"> {submit} '
        f'<span id="{prefix}-hint" class="catbook-para-hint">({e(hint)})</span> '
        f'<span id="{prefix}-error" class="catbook-para-error" role="alert"></span>'
        f'<span id="{prefix}-status" class="catbook-para-status" aria-live="polite"></span>'
        "</form>")


STYLE = (".catbook-para-lookup{margin:.5rem 0 1rem}.catbook-para-lookup input{font:inherit;padding:.1rem .3rem}"
         ".catbook-para-error{color:#a40000;font-weight:600;margin-left:.5rem}"
         ".catbook-para-status{margin-left:.5rem}.catbook-para-lookup input[aria-invalid=true]"
         "{border:2px solid #a40000}")

#: The report page: go to the first paragraph of what was typed (the hash is the link's own).
REPORT_PAGE_JS = r"""
(function () {
  const formEl = document.getElementById("para-lookup");
  if (!formEl) return;
  const input = formEl.querySelector("input"), error = document.getElementById("para-lookup-error");
  const status = document.getElementById("para-lookup-status");
  formEl.addEventListener("submit", function (event) {
    event.preventDefault();
    let range;
    try { range = window.catbookParagraphRange(input.value, Number(formEl.dataset.paragraphs)); }
    catch (err) {
      error.textContent = "“" + input.value + "”: " + err.message + ".";
      input.setAttribute("aria-invalid", "true");
      status.textContent = "";
      input.focus();
      return;
    }
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    const [first, last] = range;
    status.textContent = first === last ? "Paragraph " + first + "." :
      "Paragraphs " + first + "–" + last + ": from paragraph " + first + " (shown) to paragraph " + last + ".";
    location.hash = "para-" + first;
  });
})();
"""


def report_page_block(total: int) -> str:
    """Raw HTML for book/report-text.md: the form, its style and its script."""
    return (f"<style>{STYLE}</style>\n\n"
            + form("para-lookup", "Go to paragraph", total, button="Go") + "\n\n"
            + "<script>" + RANGE_JS + REPORT_PAGE_JS + "</script>\n")
