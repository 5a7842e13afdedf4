"""The book's index of claims: one HTML table a reader can filter by chapter, kind and verdict.

Rendered as a notebook output (text/html), so it works in the static book with no
kernel: a few lines of inline JavaScript hide the rows that do not match.
"""
from __future__ import annotations

import html

import pandas as pd

from .chapters import CHAPTERS, chapter_of_section
from .claims import KINDS, VERDICTS, load_claims

_SCRIPT = """
<script>
(function () {
  const root = document.getElementById("claims-index");
  if (!root) return;
  const controls = root.querySelectorAll("[data-filter]");
  const rows = root.querySelectorAll("tbody tr");
  const count = root.querySelector("[data-count]");
  function apply() {
    const want = {};
    controls.forEach(c => { want[c.dataset.filter] = c.value.trim().toLowerCase(); });
    let shown = 0;
    rows.forEach(r => {
      const ok = ["chapter", "kind", "verdict"].every(k => !want[k] || r.dataset[k] === want[k])
        && (!want.text || r.textContent.toLowerCase().includes(want.text));
      r.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown + " of " + rows.length + " claims shown";
  }
  controls.forEach(c => c.addEventListener("input", apply));
  apply();
})();
</script>
"""


def index_frame(claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Claims with the chapter that presents them (for the table and for tests)."""
    claims = load_claims() if claims is None else claims
    out = claims.copy()
    out["chapter"] = out.section.map(lambda s: chapter_of_section(s) or "recommendations")
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
            f'<tr data-chapter="{r.chapter}" data-kind="{r.kind}" data-verdict="{r.verdict}">'
            f'<td><a href="{page}.html#claim-{r.claim_id}">{r.claim_id}</a></td>'
            f'<td><a href="../book/report-text.html#p{r.source_line}">{r.source_line}</a></td>'
            f"<td>{html.escape(KINDS[r.kind])}</td><td>{html.escape(VERDICTS[r.verdict])}</td>"
            f'<td lang="fr">{html.escape(r.quote_fr)}</td><td>{html.escape(r.summary_en)}</td></tr>')
    return (
        '<div id="claims-index">'
        '<form class="claims-filters" onsubmit="return false">'
        + _options("chapter", "Chapter", chapters) + " "
        + _options("kind", "Kind", KINDS) + " "
        + _options("verdict", "Verdict", VERDICTS) + " "
        + '<label>Search <input type="search" data-filter="text" aria-label="Search the claims"></label>'
        + '</form><p data-count aria-live="polite"></p>'
        + '<table class="claims-index"><thead><tr><th scope="col">claim</th><th scope="col">line</th>'
        + '<th scope="col">kind</th><th scope="col">verdict</th><th scope="col">the report’s words</th>'
        + '<th scope="col">summary</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>"
        + _SCRIPT)


class ClaimsIndex:
    """Displays as the filterable HTML table; its text form is a count nbval can compare."""

    def __init__(self, claims: pd.DataFrame | None = None):
        self.df = index_frame(claims)

    def _repr_html_(self) -> str:
        return html_index(self.df)

    def __repr__(self) -> str:
        return f"Claims index: {len(self.df)} claims in {self.df.chapter.nunique()} chapters"
