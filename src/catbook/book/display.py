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
from catbook.text.markdown import Markdown, escape, line_ref, lines_ref, ROW_ANCHORS
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


# --- reader tables -----------------------------------------------------------------------------
# Every table a reader meets is drawn here: human headers (never a column name as the data keeps
# it), no index column, whole numbers written as whole numbers ("108", not "108.0"), the unit in
# the header when all rows share it, the key column (grade, verdict, status) first, and a
# ``data-label`` on each cell so that on a phone each row becomes a card (_static/catbook-tables.css).
# The DataFrame itself is unchanged: its text form (what nbval compares) and its columns stay.

#: Column name as the data keeps it -> the header a reader sees ({short}: the previous
#: observations' short name, e.g. "CO/2").
HEADERS = {
    "figure_id": "Figure", "claim_id": "Claim", "check_id": "Check", "question_id": "Question",
    "source_line": "Line", "source_lines": "Lines", "para_no": "Paragraph",
    "section": "Report section", "measure_en": "Measure", "period": "Period", "value": "Value",
    "unit": "Unit", "qualifier": "Qualifier", "value_as_written": "As written in the report",
    "summary_en": "What the report says", "evidence_en": "Why (the evidence)",
    "quote_fr": "The report's words (French)", "gloss_en": "In English",
    "topic_en": "Topic (inferred from the answer)", "answer_lines": "The report's answer (lines)",
    "heading_in_text": "Heading printed in the report", "co2_text_reached": "Committee's wording found",
    "co2_paragraph": "{short} paragraph", "co2_paragraphs": "{short} paragraphs",
    "assessment": "Assessment", "verdict": "Verdict", "kind": "Kind", "status": "Status",
    "method": "How decided", "computed": "Computed", "reported": "Reported", "in_chapter": "In this chapter",
    "first_line": "First line", "last_line": "Last line", "months_figure_id": "Months (figure)",
    "duration_months": "Duration (months)", "label": "Grade", "meaning": "Meaning", "reason_en": "Reason",
    "description_en": "What is checked", "reasoning_en": "Reasoning",
}
#: Columns whose value decides the row: shown first.
KEY_COLUMNS = ("assessment", "verdict", "status")


def human_header(name) -> str:
    """The header a reader sees for a column: ``HEADERS``, else the name in words, capitalised
    (a name with a hyphen is an id, such as a report section, and is kept as it is)."""
    name = "" if name is None else str(name)
    if name in HEADERS:
        text = HEADERS[name]
        if "{short}" in text:
            from catbook.pack.report import report
            text = text.format(short=report().previous_observations.short_name)
        return text
    if "-" in name or name != name.lower():
        return name  # an id used as a header (a report section, a year range) or already written
    words = name[:-3] if name.endswith("_en") else name
    words = words.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def reader_value(value) -> str:
    """A cell as text: whole numbers without ".0", yes/no for booleans, nothing for a missing value."""
    if value is None or (not isinstance(value, (str, bytes, list, tuple, dict)) and pd.isna(value)):
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(round(number, 6))
    return str(value)


def reader_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The DataFrame as a reader sees it: the index a column (or dropped when it only counts
    rows) and the key column first. (The unit shared by every row goes into the header of
    ``value`` when the table is drawn, ``ReaderTable``.)"""
    shown = df.copy()
    index = shown.index
    # An unnamed integer index only counts rows (0, 1, 2…): dropped. A named one is data.
    plain = index.nlevels == 1 and index.name is None and pd.api.types.is_integer_dtype(index)
    if plain:
        shown = shown.reset_index(drop=True)
    else:
        names = [n if n is not None else "" for n in index.names]
        # An index named like a column keeps both (the column's name stays as it is).
        taken = set(map(str, shown.columns))
        safe = [n if n and str(n) not in taken else f"__index{i}" for i, n in enumerate(names)]
        names = [n if n and str(n) not in taken else "" for n in names]
        shown.index = shown.index.set_names(safe)
        shown = shown.reset_index()
        shown = shown.rename(columns={f"__index{i}": "" for i in range(len(names))})
    if isinstance(shown.columns, pd.MultiIndex):
        shown.columns = [" ".join(str(p) for p in c if str(p)) for c in shown.columns]
    shown.columns = [str(c) for c in shown.columns]
    keys = [c for c in KEY_COLUMNS if c in shown.columns]
    if keys:
        shown = shown[[keys[0]] + [c for c in shown.columns if c != keys[0]]]
    return shown


def grade_badge(label: str, grade: str | None = None) -> str:
    """A verdict, grade or status as a coloured badge (``.catbook-grade-<id>``, catbook-tables.css)."""
    slug = re.sub(r"[^a-z0-9]+", "-", (grade or label).lower()).strip("-")
    return f'<span class="catbook-grade catbook-grade-{slug}">{html.escape(label)}</span>'


class ReaderTable:
    """A table as the book shows it (see the notes above ``HEADERS``); ``cell(column, value)``
    may give a cell's HTML (``CitedTable`` links its lines and paragraphs)."""

    def __init__(self, df: pd.DataFrame, headers: dict[str, str] | None = None):
        self.df, self.headers = df, dict(headers or {})

    def cell(self, column: str, value) -> str:
        return html.escape(reader_value(value))

    def header(self, column: str) -> str:
        return self.headers.get(column) or human_header(column)

    def _repr_html_(self) -> str:
        shown = reader_frame(self.df)
        names = list(shown.columns)
        # Columns by position (each keeps its own dtype: an integer column is never read as float).
        values = [shown.iloc[:, j].tolist() for j in range(len(names))]
        keep = list(range(len(names)))
        heads = [self.header(c) for c in names]
        if names.count("value") == 1 and names.count("unit") == 1:
            v, u = names.index("value"), names.index("unit")
            units = {reader_value(x) for x in values[u]}
            if len(units) == 1 and "" not in units:
                heads[v] = f"{heads[v]} ({units.pop()})"
                keep.remove(u)
        anchor = next((j for j in keep if names[j] in ROW_ANCHORS), None)
        out = ['<div class="reader-table-wrap"><table class="reader-table"><thead><tr>']
        out += [f'<th scope="col">{html.escape(heads[j])}</th>' for j in keep]
        out.append("</tr></thead><tbody>")
        for i in range(len(shown)):
            attr = ""
            if anchor is not None and reader_value(values[anchor][i]):
                attr = f' data-row-anchor="{html.escape(ROW_ANCHORS[names[anchor]] + reader_value(values[anchor][i]))}"'
            out.append(f"<tr{attr}>")
            for j in keep:
                text = self.cell(names[j], values[j][i])
                if names[j] in KEY_COLUMNS and text:
                    text = grade_badge(reader_value(values[j][i]))
                out.append(f'<td data-label="{html.escape(heads[j])}">{text}</td>')
            out.append("</tr>")
        out.append("</tbody></table></div>")
        return "".join(out)

    def __repr__(self) -> str:
        return repr(self.df)


def reader_table_html(df: pd.DataFrame) -> str:
    """Any DataFrame drawn as a reader table (the notebooks' HTML form of a DataFrame)."""
    return ReaderTable(df)._repr_html_()


class CitedTable(ReaderTable):
    """A reader table whose report citations are links: each ``source_line`` (or ``source_lines``)
    cell links to the line, each ``para_no`` cell to the official paragraph (``para. N``).

    The plain-text repr is the DataFrame's, for nbval. A table with a ``source_line`` column but
    no ``para_no`` gets it from the corpus, beside the line.
    """

    def __init__(self, df: pd.DataFrame, root: str = "../", headers: dict[str, str] | None = None):
        from catbook.text.para_columns import para_no_value
        df = df.copy()
        for col, kind in (("source_line", "line"), ("source_lines", "lines")):
            if col in df.columns and "para_no" not in df.columns:
                df.insert(list(df.columns).index(col) + 1, "para_no",
                          df[col].map(lambda v, k=kind: para_no_value(v, k)))
        super().__init__(df, headers)
        self.root = root

    def _link(self, anchor: str, text: str) -> str:
        return str(macros("report-links.html").report_link(self.root, anchor, text))

    def cell(self, column: str, value) -> str:
        from catbook.text.markdown import para_anchor, para_label
        text = reader_value(value)
        parts = [p.strip() for p in text.split(";") if p.strip()]
        if column in ("source_line", "source_lines") and parts:
            return ", ".join(self._link(f"p{p}", p) for p in parts)
        if column == "para_no" and parts:
            return ", ".join(self._link(para_anchor(p), para_label(p)) for p in parts)
        return html.escape(text)


def _chart_description(fig) -> str:
    """What a matplotlib figure shows, in words (its ``alt`` text in the book): each chart's
    title, axis labels and, for bars, each bar's label and value."""
    parts = []
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text().strip():
        parts.append(suptitle.get_text().strip())
    for ax in fig.get_axes():
        title = " ".join(ax.get_title(loc=loc).strip() for loc in ("left", "center", "right")).strip()
        bars = [patch for container in ax.containers for patch in getattr(container, "patches", [])]
        words = ("Bar chart" if bars else "Chart") + (f": {title}" if title else "")
        axis = [x for x in (ax.get_ylabel().strip(), ax.get_xlabel().strip()) if x]
        if axis:
            words += f" ({', '.join(axis)})"
        if bars:
            horizontal = len({round(b.get_x(), 6) for b in bars}) == 1 and len(bars) > 1
            ticks = [t.get_text().replace("\n", " ") for t in
                     (ax.get_yticklabels() if horizontal else ax.get_xticklabels())]
            values = [b.get_width() if horizontal else b.get_height() for b in bars]
            words += ": " + "; ".join(f"{ticks[i] if i < len(ticks) and ticks[i] else i + 1}, "
                                      f"{reader_value(float(v))}" for i, v in enumerate(values))
        parts.append(words)
    text = ". ".join(p.rstrip(".") for p in parts if p).strip()
    text = re.sub(r"\s+", " ", text)
    return (text[:597] + "...") if len(text) > 600 else text


def _with_alt(printer):
    """Wrap the notebook's PNG printer of figures: the image's output metadata carries ``alt``."""
    if getattr(printer, "_catbook_alt", False):
        return printer

    def png(fig, *args, **kwargs):
        data = printer(fig, *args, **kwargs)
        if data is None or isinstance(data, tuple):
            return data
        try:
            alt = _chart_description(fig)
        except Exception:  # a figure the description does not understand keeps no alt
            alt = ""
        return (data, {"alt": alt}) if alt else data
    png._catbook_alt = True
    return png


def _install_notebook_display() -> None:
    """In a notebook kernel: DataFrames display as reader tables, charts carry their ``alt`` text."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type(pd.DataFrame, reader_table_html)

    def wrap_png(*_args, **_kwargs):
        try:
            from matplotlib.figure import Figure
        except ImportError:  # pragma: no cover
            return
        png = formatters["image/png"]
        try:
            printer = png.lookup_by_type(Figure)
        except KeyError:
            return
        png.for_type(Figure, _with_alt(printer))

    wrap_png()
    if not getattr(shell, "_catbook_alt_hook", False):
        shell.events.register("pre_run_cell", wrap_png)
        shell.events.register("post_execute", wrap_png)
        shell._catbook_alt_hook = True


_install_notebook_display()


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
