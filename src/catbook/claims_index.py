"""The book's index of claims: one HTML table a reader can filter by chapter, kind, verdict
and official paragraph (a number, or a range such as 46–96).

Rendered as a notebook output (text/html), so it works in the static book with no
kernel: a few lines of inline JavaScript hide the rows that do not match. The paragraph
field follows :func:`catbook.corpus.paragraph_range` (the script of
:mod:`catbook.para_lookup`); a bad entry is named next to the field and kept as typed.
"""
from __future__ import annotations

import html

import pandas as pd

from .chapters import CHAPTERS, chapter_of_section
from . import verdicts
from .claims import KINDS, VERDICTS, load_claims
from .corpus import official_paragraphs, paragraph_range
from .markdown import para_anchor, para_label
from .para_lookup import RANGE_JS, STYLE, form

_FILTER_JS = """
(function () {
  const root = document.getElementById("claims-index");
  if (!root) return;
  const controls = root.querySelectorAll("[data-filter]");
  const rows = root.querySelectorAll("tbody tr");
  const count = root.querySelector("[data-count]");
  const paraForm = document.getElementById("claims-para");
  const para = document.getElementById("claims-para-input");
  const paraError = document.getElementById("claims-para-error");
  const status = document.getElementById("claims-para-status");
  let range = null;
  function readParagraphs() {
    range = null;
    paraError.textContent = "";
    para.removeAttribute("aria-invalid");
    if (!para.value.trim()) return;
    try { range = window.catbookParagraphRange(para.value, Number(paraForm.dataset.paragraphs)); }
    catch (err) {
      paraError.textContent = "“" + para.value + "”: " + err.message + ".";
      para.setAttribute("aria-invalid", "true");
    }
  }
  function apply() {
    const want = {};
    controls.forEach(c => { want[c.dataset.filter] = c.value.trim().toLowerCase(); });
    let shown = 0;
    rows.forEach(r => {
      const p = Number(r.dataset.para);
      const ok = ["chapter", "kind", "verdict"].every(k => !want[k] || r.dataset[k] === want[k])
        && (!want.text || r.textContent.toLowerCase().includes(want.text))
        && (!range || (p >= range[0] && p <= range[1]));
      r.hidden = !ok;
      if (ok) shown += 1;
    });
    const which = range ? "paragraph" + (range[0] === range[1] ? " " + range[0] : "s " + range[0] + "–" + range[1]) : "";
    count.textContent = shown + " of " + rows.length + " claims shown" + (range ? " (" + which + ")" : "");
    status.textContent = "";
    if (range) {
      const link = document.createElement("a");
      link.href = "../book/report-text.html#para-" + range[0];
      link.textContent = "Read " + which + " in the report";
      status.appendChild(link);
    }
  }
  controls.forEach(c => c.addEventListener("input", apply));
  para.addEventListener("change", () => { readParagraphs(); apply(); });
  para.addEventListener("input", () => { if (!para.value.trim()) { readParagraphs(); apply(); } });
  paraForm.addEventListener("submit", e => { e.preventDefault(); readParagraphs(); apply(); });
  apply();
})();
"""
_SCRIPT = "<script>" + RANGE_JS + _FILTER_JS + "</script>"


def index_frame(claims: pd.DataFrame | None = None, paragraphs: str | None = None) -> pd.DataFrame:
    """Claims with the chapter that presents them (for the table and for tests).

    ``paragraphs``: only the claims of an official paragraph or range ('295', '46–96');
    raises :class:`catbook.corpus.ParagraphRangeError` for anything else.
    """
    claims = load_claims() if claims is None else claims
    out = claims.copy()
    out["chapter"] = out.section.map(lambda s: chapter_of_section(s) or "recommendations")
    if paragraphs is not None:
        first, last = paragraph_range(paragraphs)
        out = out[out.para_no.astype(int).between(first, last)]
    return out


def _options(name: str, label: str, values: dict[str, str]) -> str:
    opts = "".join(f'<option value="{html.escape(k)}">{html.escape(v)}</option>' for k, v in values.items())
    return (f'<label>{label} <select data-filter="{name}" aria-label="{label}">'
            f'<option value="">all</option>{opts}</select></label>')


def html_index(claims: pd.DataFrame | None = None) -> str:
    df = index_frame(claims)
    chapters = {k: CHAPTERS[k].title for k in CHAPTERS if k in set(df.chapter)}
    if "recommendations" in set(df.chapter):
        chapters["recommendations"] = "Other answers to the Committee (tracker)"
    rows = []
    for r in df.itertuples():
        page = CHAPTERS[r.chapter].notebook if r.chapter in CHAPTERS else "recommendations"
        rows.append(
            f'<tr data-chapter="{r.chapter}" data-kind="{r.kind}" data-verdict="{r.verdict}" '
            f'data-para="{r.para_no}">'
            f'<td><a href="{page}.html#claim-{r.claim_id}">{r.claim_id}</a></td>'
            f'<td><a href="../book/report-text.html#p{r.source_line}">{r.source_line}</a></td>'
            f'<td><a href="../book/report-text.html#{para_anchor(r.para_no)}">'
            f'{html.escape(para_label(r.para_no))}</a></td>'
            f"<td>{html.escape(KINDS[r.kind])}</td><td>{html.escape(VERDICTS[r.verdict])}</td>"
            f'<td lang="fr">{html.escape(r.quote_fr)}</td><td>{html.escape(r.summary_en)}</td></tr>')
    total = int(official_paragraphs()["document"]["paragraphs"])
    return (
        f'<style>{STYLE}</style><div id="claims-index">'
        '<form class="claims-filters" onsubmit="return false">'
        + _options("chapter", "Chapter", chapters) + " "
        + _options("kind", "Kind", KINDS) + " "
        + _options("verdict", "Verdict", VERDICTS) + " "
        + '<label>Search <input type="search" data-filter="text" aria-label="Search the claims"></label>'
        + '</form>' + form("claims-para", "Official paragraph(s)", total, button="Filter")
        + legend_html()
        + '<p data-count aria-live="polite"></p>'
        + '<table class="claims-index"><thead><tr><th scope="col">claim</th><th scope="col">line</th>'
        + '<th scope="col">paragraph</th>'
        + '<th scope="col">kind</th><th scope="col">verdict</th><th scope="col">the report’s words</th>'
        + '<th scope="col">summary</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>"
        + _SCRIPT)


def legend_html() -> str:
    """The verdict scale once, above the table: each verdict's label and meaning, from the yaml."""
    items = "".join(f"<dt>{html.escape(VERDICTS[v])}</dt><dd>{html.escape(m)}</dd>"
                    for v, m in verdicts.meanings().items())
    return f'<details class="verdict-legend" open><summary>The verdicts</summary><dl>{items}</dl></details>'


class ClaimsIndex:
    """Displays as the filterable HTML table; its text form is a count nbval can compare."""

    def __init__(self, claims: pd.DataFrame | None = None):
        self.df = index_frame(claims)

    def for_paragraphs(self, paragraphs: str) -> pd.DataFrame:
        """The claims of an official paragraph or range of the report ('12', '10–20')."""
        return index_frame(self.df, paragraphs)

    def _repr_html_(self) -> str:
        return html_index(self.df)

    def __repr__(self) -> str:
        return f"Claims index: {len(self.df)} claims in {self.df.chapter.nunique()} chapters"
