"""The book's index of claims: one HTML table a reader can filter by chapter, kind, verdict,
words (accents optional) and official paragraph (a number, or a range such as 46–96). Each row
starts with its verdict, as a coloured badge, and says why it was given (the claim's evidence, in
an expander); the filters are kept in the page's address, so a filtered view can be shared.

Rendered as a notebook output (text/html), so it works in the static book with no
kernel: a few lines of inline JavaScript hide the rows that do not match. The markup, style
and script are the templates of ``page_templates/claims-index/``. The paragraph
field follows :func:`catbook.text.corpus.paragraph_range` (the script of
:mod:`catbook.book.para_lookup`); a bad entry is named next to the field and kept as typed.
"""
from __future__ import annotations

import pandas as pd

from catbook.pack.chapters import CHAPTERS, chapter_of_section
from catbook.judge import verdicts
from catbook.judge.claims import KINDS, VERDICTS, load_claims
from catbook.text.corpus import official_paragraphs, paragraph_range
from catbook.text.markdown import para_anchor, para_label
from catbook.text.templating import render

def index_frame(claims: pd.DataFrame | None = None, paragraphs: str | None = None) -> pd.DataFrame:
    """Claims with the chapter that presents them (for the table and for tests).

    ``paragraphs``: only the claims of an official paragraph or range ('295', '46–96');
    raises :class:`catbook.text.corpus.ParagraphRangeError` for anything else.
    """
    claims = load_claims() if claims is None else claims
    out = claims.copy()
    out["chapter"] = out.section.map(lambda s: chapter_of_section(s) or "recommendations")
    if paragraphs is not None:
        first, last = paragraph_range(paragraphs)
        out = out[out.para_no.astype(int).between(first, last)]
    return out


def html_index(claims: pd.DataFrame | None = None) -> str:
    """The filterable table (``page_templates/claims-index/index.html``)."""
    df = index_frame(claims)
    chapters = {k: CHAPTERS[k].title for k in CHAPTERS if k in set(df.chapter)}
    if "recommendations" in set(df.chapter):
        chapters["recommendations"] = "Other answers to the Committee (tracker)"
    rows = [{"chapter": r.chapter, "kind": r.kind, "verdict": r.verdict, "para_no": r.para_no,
             "page": CHAPTERS[r.chapter].notebook if r.chapter in CHAPTERS else "recommendations",
             "claim_id": r.claim_id, "source_line": r.source_line, "para_anchor": para_anchor(r.para_no),
             "para_label": para_label(r.para_no), "kind_label": KINDS[r.kind], "verdict_label": VERDICTS[r.verdict],
             "quote_fr": r.quote_fr, "summary_en": r.summary_en,
             "evidence_en": getattr(r, "evidence_en", "") or "",
             "evidence_lines": _lines_text(getattr(r, "evidence_lines", ""))} for r in df.itertuples()]
    return render("claims-index/index.html", chapters=chapters, kinds=KINDS, verdicts=VERDICTS, rows=rows,
                  total=int(official_paragraphs()["document"]["paragraphs"]), legend=_legend())


def _lines_text(value) -> str:
    """'52;53' -> '52, 53' (the lines the evidence cites); '' when none."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return ", ".join(p.strip() for p in text.split(";") if p.strip())


def _legend() -> list[tuple[str, str]]:
    return [(VERDICTS[v], m) for v, m in verdicts.meanings().items()]


def legend_html() -> str:
    """The verdict scale once, above the table: each verdict's label and meaning, from the yaml."""
    return render("claims-index/legend.html", legend=_legend())


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
