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

from catbook.judge.claims import KINDS, VERDICTS
from catbook.text.markdown import Markdown, escape, line_ref, lines_ref
from catbook.text.templating import macros




def claim_anchor(claim_id: str) -> str:
    """The stable anchor of a claim in the book: ``#claim-<claim_id>`` on the page showing it."""
    return f"claim-{claim_id}"


def check_anchor(check_id: str) -> str:
    """The anchor of an audit check on each page showing it (an HTML id, as a check may be
    shown on several pages: its chapter and the numbers audit): ``#check-<check_id>``."""
    return f"check-{check_id}"


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
    """Audit checks (rows of <pack>/audit.csv) with their lines, arithmetic, what the report says,
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
        from catbook.text.para_columns import para_no_value
        df = df.copy()
        for col, kind in (("source_line", "line"), ("source_lines", "lines")):
            if col in df.columns and "para_no" not in df.columns:
                df.insert(list(df.columns).index(col) + 1, "para_no",
                          df[col].map(lambda v, k=kind: para_no_value(v, k)))
        self.df, self.root = df, root

    def _link(self, anchor: str, text: str) -> str:
        return str(macros("report-links.html").report_link(self.root, anchor, text))

    def _cell(self, column: str, value) -> str:
        from catbook.text.markdown import para_anchor, para_label
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
    """The torture-case reconciliation (``catbook.judge.tidy.build_reconciliation``) as a cited table;
    rows whose figure is in ``first`` come first, marked in ``in_chapter``."""
    from catbook.judge.tidy import build_reconciliation
    table = build_reconciliation()
    table.insert(0, "in_chapter", table.figure_id.isin(set(first)))
    if first:
        table = table.sort_values("in_chapter", ascending=False, kind="stable")
    else:
        table = table.drop(columns=["in_chapter"])
    return CitedTable(table.drop(columns=["quote_fr", "measure_en"]).set_index("figure_id"))


# --- the pack's words for the hand-made notebooks (notebooks.yaml) -----------------------------
# A hand-made notebook's prose, chart titles and labels, and the figure ids and worked cases it
# shows, are the pack's (``paths.NOTEBOOK_TEXT_YAML``, one entry per notebook); its cells call
# ``NotebookText(<notebook>)`` for them. Prose may cite the report with ``{line:N}``,
# ``{lines:A-B}`` (linked, with the official paragraph) and state a figure with ``{figure:ID}``.

from pydantic import BaseModel, ConfigDict, RootModel, ValidationError  # noqa: E402

_PROSE_PLACEHOLDER = re.compile(r"\{(line|lines|figure):([A-Za-z0-9_-]+)\}")


class NotebookTextError(ValueError):
    """notebooks.yaml is malformed or lacks what a notebook asks for; names the entry and field."""

    def __init__(self, field: str, reason: str):
        self.field, self.reason = field, reason
        super().__init__(f"notebooks.yaml: {field}: {reason}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChartSpec(_Strict):
    """A chart's words: title, axis labels, bar labels (one per figure id), source footer, size."""
    title: str
    figure_ids: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    highlight_label: str = ""
    xlabel: str = ""
    ylabel: str = ""
    footer: str = ""
    size: tuple[float, float] | None = None


class _NotebookEntry(_Strict):
    prose: dict[str, str] = {}
    figures: dict[str, tuple[str, ...]] = {}
    charts: dict[str, ChartSpec] = {}
    scenarios: dict[str, str] = {}
    rules: dict[str, str] = {}


class _NotebookFile(RootModel[dict[str, _NotebookEntry]]):
    pass


def load_notebook_texts(path=None) -> dict[str, _NotebookEntry]:
    """Every entry of the pack's notebooks.yaml, checked (unknown keys refused)."""
    import yaml
    from catbook.pack.paths import NOTEBOOK_TEXT_YAML
    path = path or NOTEBOOK_TEXT_YAML
    try:
        entries = _NotebookFile(yaml.safe_load(path.read_text(encoding="utf-8")) or {}).root
    except FileNotFoundError:
        raise NotebookTextError("(file)", f"{path} is missing") from None
    except ValidationError as error:
        first = error.errors()[0]
        raise NotebookTextError(".".join(map(str, first["loc"])), first["msg"]) from None
    for key, entry in entries.items():
        for name, chart in entry.charts.items():
            if chart.labels and len(chart.labels) != len(chart.figure_ids):
                raise NotebookTextError(f"{key}.charts.{name}.labels", "one label per figure id")
    return entries


def render_prose(text: str, where: str = "prose") -> str:
    """``text`` with ``{line:N}``, ``{lines:A-B}`` and ``{figure:ID}`` filled from the pack."""
    from catbook.text.markdown import lines_span_ref

    def value(m: re.Match) -> str:
        what, arg = m.groups()
        if what == "line":
            if not arg.isdigit():
                raise NotebookTextError(where, f"{m.group(0)}: a line is a number")
            return line_ref(int(arg))
        if what == "lines":
            first, _, last = arg.partition("-")
            if not (first.isdigit() and last.isdigit() and int(first) <= int(last)):
                raise NotebookTextError(where, f"{m.group(0)}: lines are FIRST-LAST")
            return lines_span_ref(int(first), int(last))
        from catbook.training.clock import figure_text
        try:
            return figure_text(arg, where)
        except ValueError as err:
            raise NotebookTextError(where, str(err)) from None
    return _PROSE_PLACEHOLDER.sub(value, text.strip())


class NotebookText:
    """The pack's words and choices for one hand-made notebook: ``NotebookText("numbers-audit")``."""

    def __init__(self, notebook: str):
        entries = load_notebook_texts()
        if notebook not in entries:
            raise NotebookTextError(notebook, f"no entry; known: {', '.join(entries)}")
        self.notebook, self.entry = notebook, entries[notebook]

    def _get(self, part: str, name: str):
        table = getattr(self.entry, part)
        if name not in table:
            raise NotebookTextError(f"{self.notebook}.{part}.{name}", f"missing; known: {', '.join(table)}")
        return table[name]

    def prose(self, name: str) -> Markdown:
        """A passage of prose, its report lines linked and its figures stated from the data."""
        return Markdown(render_prose(self._get("prose", name), f"{self.notebook}.prose.{name}"))

    def figure_ids(self, name: str) -> tuple[str, ...]:
        return self._get("figures", name)

    def chart(self, name: str) -> ChartSpec:
        return self._get("charts", name)

    def rule_id(self, name: str) -> str:
        """The id of the custody rule (custody/rules.yaml) the notebook calls ``name``."""
        return self._get("rules", name)

    def scenario(self, name: str):
        """The worked custody case the notebook calls ``name`` (custody/scenarios.yaml)."""
        from catbook.custody import scenario
        case = self._get("scenarios", name)
        try:
            return scenario(case)
        except KeyError:
            raise NotebookTextError(f"{self.notebook}.scenarios.{name}",
                                    f"{case!r} is not a scenario of custody/scenarios.yaml") from None
