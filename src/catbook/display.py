"""How a notebook shows the report's words: Markdown for the book, the same text for nbval.

A ``Markdown`` object here renders as MyST in the built book and has a plain-text
repr with the same content, so nbval compares the actual quotes and verdicts
(IPython's own Markdown object would only show ``<IPython.core.display.Markdown object>``).
"""
from __future__ import annotations

import html
import re

import pandas as pd

# Book tables show their text in full (pandas cuts cells at 50 characters by default).
pd.set_option("display.max_colwidth", None)

from .claims import KINDS, VERDICTS
from .markdown import escape, line_ref, lines_ref
from .templating import macros


# A MyST target line such as "(claim-art-2-001)=": an anchor in the book, nothing in plain text.
_TARGET = re.compile(r"^\([A-Za-z0-9_.:-]+\)=\n", re.M)
# An empty HTML anchor such as '<span id="check-x"></span>'.
_ANCHOR = re.compile(r'<span id="[A-Za-z0-9_.:-]+"></span>')


def claim_anchor(claim_id: str) -> str:
    """The stable anchor of a claim in the book: ``#claim-<claim_id>`` on the page showing it."""
    return f"claim-{claim_id}"


def check_anchor(check_id: str) -> str:
    """The anchor of an audit check on each page showing it (an HTML id, as a check may be
    shown on several pages: its chapter and the numbers audit): ``#check-<check_id>``."""
    return f"check-{check_id}"


class Markdown:
    def __init__(self, text: str):
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        plain = re.sub(r"\{ref\}`([^<`]+?) <[^>]+>`", r"\1", self.text)
        plain = _ANCHOR.sub("", _TARGET.sub("", plain))
        return re.sub(r"\\([\\`*_\[\]<>$|{}#.)+-])", r"\1", plain)


def claim_markdown(row) -> str:
    """One claim: id, line link, kind, verdict, the French quote, its gloss and the evidence."""
    evidence = escape(row.evidence_en)
    if row.evidence_lines:
        evidence += f" (see {lines_ref(row.evidence_lines)})"
    kind = getattr(row, "check_kind", "")
    figs = getattr(row, "figure_ids", "")
    if kind:
        evidence += f" *Check:* {kind}" + (f" (figures {escape(figs.replace(';', ', '))})" if figs else "") + "."
    basis = f"\n- **Legal basis given:** {escape(row.legal_basis)}" if row.legal_basis else ""
    return (
        f"({claim_anchor(row.claim_id)})=\n"
        f"**{row.claim_id}** · {line_ref(row.source_line)} · {KINDS[row.kind]} · "
        f"**{VERDICTS[row.verdict]}**\n\n"
        f"> « {escape(row.quote_fr)} »\n>\n> *{escape(row.gloss_en)}*\n{basis}\n"
        f"- **Why:** {evidence}\n"
    )


def show_claims(df: pd.DataFrame) -> Markdown:
    """All claims of a table as one Markdown block, in the order given."""
    return Markdown("\n\n".join(claim_markdown(r) for r in df.itertuples()))


def show_audit(rows: pd.DataFrame) -> Markdown:
    """Audit checks (rows of data/cat-c-kaz-3/audit.csv) with their lines, arithmetic, what the report says,
    and the verdict on the one scale with how it was reached (and, when judged, why)."""
    def verdict(r) -> str:
        v = getattr(r, "status", "")
        if not v:
            return ""
        line = f"\n- *Verdict:* {escape(v.replace('-', ' '))} ({escape(getattr(r, 'method', ''))})"
        if getattr(r, "reasoning_en", ""):
            line += f"\n- *Reasoning:* {escape(r.reasoning_en)}"
        return line
    return Markdown("\n\n".join(
        f"<span id=\"{check_anchor(r.check_id)}\"></span>**{r.check_id}** ({lines_ref(r.source_lines)})\n\n"
        f"{escape(r.description_en)}\n\n"
        f"- *Computed:* {escape(r.computed)}\n- *Reported:* {escape(r.reported)}" + verdict(r)
        for r in rows.itertuples()))


class CitedTable:
    """A table whose report citations are links: each ``source_line`` (or ``source_lines``)
    cell links to the line, each ``para_no`` cell to the official paragraph (``para. N``).

    The HTML is pandas' own table (so the book's styles and row anchors apply) with those
    cells as links; the plain-text repr is the DataFrame's, for nbval. A table with a
    ``source_line`` column but no ``para_no`` gets it from the corpus, beside the line.
    """

    def __init__(self, df: pd.DataFrame, root: str = "../"):
        from .para_columns import para_no_value
        df = df.copy()
        for col, kind in (("source_line", "line"), ("source_lines", "lines")):
            if col in df.columns and "para_no" not in df.columns:
                df.insert(list(df.columns).index(col) + 1, "para_no",
                          df[col].map(lambda v, k=kind: para_no_value(v, k)))
        self.df, self.root = df, root

    def _link(self, anchor: str, text: str) -> str:
        return str(macros("report-links.html").report_link(self.root, anchor, text))

    def _cell(self, column: str, value) -> str:
        from .markdown import para_anchor, para_label
        text = "" if pd.isna(value) else str(value)
        parts = [p for p in text.split(";") if p.strip()]
        if column in ("source_line", "source_lines") and parts:
            return ", ".join(self._link(f"p{p}", p) for p in parts)
        if column == "para_no" and parts:
            return ", ".join(self._link(para_anchor(p), para_label(p)) for p in parts)
        return html.escape(text)

    def _repr_html_(self) -> str:
        shown = self.df.copy()
        for col in shown.columns:
            shown[col] = shown[col].map(lambda v, c=col: self._cell(c, v))
        shown.index = shown.index.map(lambda v: html.escape(str(v)))
        # Cells hold links: never cut them at the notebook's display.max_colwidth.
        with pd.option_context("display.max_colwidth", None):
            return shown.to_html(escape=False, notebook=True)

    def __repr__(self) -> str:
        return repr(self.df)


def show_reconciliation(first: set[str] | frozenset[str] = frozenset()) -> CitedTable:
    """The torture-case reconciliation (``catbook.tidy.build_reconciliation``) as a cited table;
    rows whose figure is in ``first`` come first, marked in ``in_chapter``."""
    from .tidy import build_reconciliation
    table = build_reconciliation()
    table.insert(0, "in_chapter", table.figure_id.isin(set(first)))
    if first:
        table = table.sort_values("in_chapter", ascending=False, kind="stable")
    else:
        table = table.drop(columns=["in_chapter"])
    return CitedTable(table.drop(columns=["quote_fr", "measure_en"]).set_index("figure_id"))
