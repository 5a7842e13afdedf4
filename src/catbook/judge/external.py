"""Facts from outside the report, kept apart from the verdicts on the report's own data.

The pack's ``external.csv`` (``paths.EXTERNAL_CSV``) holds one row per fact found in another
source: a law, a UN document, an NGO or news page. Each row records what the source shows, its
title, symbol or publisher, date and address, and how the fact bears on numbered lines of the
report (it confirms, contradicts, qualifies, or adds what the report leaves out).
``paths.PREVIOUS_TEXT_CSV`` holds the Committee's own words about paragraphs of its previous
concluding observations (``previous_observations`` of report.yaml), which the report answers.
The prose that opens the page is the pack's ``pages/external.md`` and ``pages/external-previous.md``.

No claim verdict, figure or audit in the book rests on these tables. Claims are judged
only against the report's own data (``catbook.judge.claims``), and this layer is shown on its
own page, ``book/external.md``, written by ``python -m catbook.judge.external``.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from catbook.judge.articles import article_problem
from catbook.text.markdown import escape, lines_ref
from catbook.pack.pack_pages import pack_text
from catbook.pack.paths import PREVIOUS_TEXT_CSV, EXTERNAL_CSV, EXTERNAL_MD, rel
from catbook.pack.report import report
from catbook.text.source import source_lines


COLUMNS = ["fact_id", "topic", "source_kind", "statement_en", "quote", "source_title",
           "source_symbol_or_publisher", "source_date", "source_url", "retrieved_via",
           "report_lines", "bearing", "bearing_en", "convention_articles"]
#: Topics in the order the page shows them, with their headings.
TOPICS = {
    "treaty-status": "Treaty status: accession, ratification, declarations",
    "opcat": "The Optional Protocol and the national preventive mechanism",
    "article-22-decision": "Individual complaints under article 22",
    "concluding-observations": "The Committee's concluding observations and list of issues",
    "law-after-period": "Law after the reporting period",
    "other": "Other sources",
}
BEARINGS = {
    "confirms": "confirms",
    "contradicts": "contradicts",
    "qualifies": "qualifies",
    "adds": "adds what the report leaves out",
}
#: Whose words the source gives: a reader weighs a UN body's finding, the State's own
#: statement and an NGO's allegation differently.
SOURCE_KINDS = {
    "un": "UN document",
    "state": f"{report().state}'s own act or statement",
    "igo": "intergovernmental organisation",
    "ngo": "NGO",
    "news": "news report",
    "reference": "treaty text or commentary",
}
UNDATED = "undated"
#: The longest quote kept: the quote column holds short citations, never whole passages.
MAX_QUOTE = 400

PREVIOUS_TEXT_COLUMNS = ["co2_paragraph", "text_kind", "text_en", "source_title", "source_url",
               "source_symbol", "source_date"]
PREVIOUS_TEXT_KINDS = {
    "recommendation": f"the recommendation as worded in {report().previous_observations.symbol}",
    "list-of-issues-reference": "the Committee citing the paragraph in its list of issues",
}


def answered_paragraphs() -> range:
    """The paragraphs of the previous observations the report answers (``answered_paragraphs``;
    empty when report.yaml gives none, and then any paragraph number is accepted)."""
    return report().previous_observations.paragraph_range

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LINE_CITED = re.compile(r"\blines? (\d+)")


class ExternalFactError(ValueError):
    """A row of the pack's external facts or of the Committee's words breaks one of its rules."""

    def __init__(self, row_id: str, field: str, reason: str):
        self.row_id, self.field, self.reason = row_id, field, reason
        super().__init__(f"{row_id}: {field}: {reason}")


def _check_date(row_id: str, value: str, allow_undated: bool) -> None:
    if allow_undated and value == UNDATED:
        return
    m = _DATE.match(value)
    if not m:
        raise ExternalFactError(row_id, "source_date",
                                f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
                                + (f" or {UNDATED!r}" if allow_undated else ""))
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise ExternalFactError(row_id, "source_date", f"{value!r} is not a real date ({exc})") from None


def _check_url(row_id: str, value: str) -> None:
    if not re.match(r"^https?://\S+$", value):
        raise ExternalFactError(row_id, "source_url", f"{value!r} is not an http(s) address")


def parse_lines(value: str) -> list[int]:
    """'341;342' → [341, 342]."""
    return [int(x) for x in str(value).split(";") if x.strip()]


def _check_report_lines(row_id: str, value: str) -> list[int]:
    try:
        numbers = parse_lines(value)
    except ValueError:
        raise ExternalFactError(row_id, "report_lines", f"{value!r} is not a ';'-separated list of line numbers") from None
    if not numbers:
        raise ExternalFactError(row_id, "report_lines", "a fact must bear on at least one line of the report")
    if len(set(numbers)) != len(numbers):
        raise ExternalFactError(row_id, "report_lines", f"{value!r} repeats a line")
    lines = source_lines()
    for n in numbers:
        if not 1 <= n <= len(lines):
            raise ExternalFactError(row_id, "report_lines", f"line {n} is outside 1..{len(lines)}")
        if not lines[n - 1].strip():
            raise ExternalFactError(row_id, "report_lines", f"line {n} of the report is empty")
    return numbers


def _check_articles(row_id: str, value: str) -> None:
    for item in filter(None, (x.strip() for x in str(value).split(";"))):
        problem = article_problem(item)
        if problem:
            raise ExternalFactError(row_id, "convention_articles", problem)


def validate_facts(df: pd.DataFrame) -> None:
    """Raise ExternalFactError for the first row of external.csv that breaks a rule the schema
    cannot state (the header, unique ids, required cells and the vocabularies of topic,
    bearing and source_kind are the schema's, checked at load by catbook.pack.tables)."""
    for row in df.itertuples():
        fid = row.fact_id
        if not _SLUG.match(fid):
            raise ExternalFactError(repr(fid), "fact_id", "must be a lowercase slug (a-z, 0-9, '-')")
        for field in ("statement_en", "source_title", "source_symbol_or_publisher", "retrieved_via", "bearing_en"):
            if not str(getattr(row, field)).strip():
                raise ExternalFactError(fid, field, "must not be empty")
        if len(row.quote) > MAX_QUOTE:
            raise ExternalFactError(fid, "quote", f"{len(row.quote)} characters; a quote is at most {MAX_QUOTE}")
        _check_date(fid, row.source_date, allow_undated=True)
        _check_url(fid, row.source_url)
        numbers = _check_report_lines(fid, row.report_lines)
        cited = {int(n) for n in _LINE_CITED.findall(row.bearing_en)}
        if not cited & set(numbers):
            raise ExternalFactError(fid, "bearing_en", "must cite ('line N') at least one of its report_lines")
        _check_articles(fid, row.convention_articles)


def validate_previous_text(df: pd.DataFrame) -> None:
    """Raise ExternalFactError for the first row of co2-text.csv that breaks a rule the schema
    cannot state (the header, a whole and unique paragraph number, required cells and the
    text kinds are the schema's, checked at load by catbook.pack.tables)."""
    for row in df.itertuples():
        rid = f"{PREVIOUS_TEXT_CSV.stem} paragraph {row.co2_paragraph}"
        n = int(row.co2_paragraph)
        if answered_paragraphs() and n not in answered_paragraphs():
            raise ExternalFactError(rid, "co2_paragraph",
                                    f"{n} is outside {answered_paragraphs().start}-{answered_paragraphs().stop - 1}")
        if not row.text_en.strip():
            raise ExternalFactError(rid, "text_en", "must not be empty")
        if row.text_kind == "list-of-issues-reference" and f"(para. {n})" not in row.text_en:
            raise ExternalFactError(rid, "text_en", f"a list-of-issues reference must cite '(para. {n})'")
        if not row.source_symbol.strip() or not row.source_title.strip():
            raise ExternalFactError(rid, "source_symbol", "the source needs its symbol and title")
        _check_url(rid, row.source_url)
        _check_date(rid, row.source_date, allow_undated=False)


def _read(name: str, path: Path) -> pd.DataFrame:
    """The table read through its schema (catbook.pack.tables), then checked by the rules here."""
    from catbook.pack import tables
    return tables.load(name, path)


def load_facts(path: Path = EXTERNAL_CSV) -> pd.DataFrame:
    """The validated facts, in the page's order: by topic, then as listed in the file."""
    df = _read("external", path)
    validate_facts(df)
    order = {t: i for i, t in enumerate(TOPICS)}
    return df.sort_values("topic", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def load_previous_text(path: Path = PREVIOUS_TEXT_CSV) -> pd.DataFrame:
    df = _read("co2-text", path)
    validate_previous_text(df)
    df["co2_paragraph"] = df["co2_paragraph"].astype(int)
    return df.sort_values("co2_paragraph").reset_index(drop=True)


def counts_by_topic(facts: pd.DataFrame | None = None) -> pd.Series:
    """Number of facts per topic, every topic listed (zero included)."""
    facts = load_facts() if facts is None else facts
    return facts.topic.value_counts().reindex(list(TOPICS), fill_value=0)


def anchor(fact_id: str) -> str:
    """The page label of a fact: ``{ref}`ext-<fact_id>```."""
    return f"ext-{fact_id}"


# --- the page ------------------------------------------------------------------------------

def _header() -> str:
    """The page's opening prose: the pack's ``pages/external.md``."""
    return pack_text("external.md")


def _source_line(row) -> str:
    """The source as a citation: publisher (or symbol), title, date, address, and whose words they are.

    How the source was found (``retrieved_via``) stays in the data, not in the citation."""
    date = "undated" if row.source_date == UNDATED else row.source_date
    return (f"**Source.** {escape(row.source_symbol_or_publisher)}, *[{escape(row.source_title)}]({row.source_url})*, "
            f"{date} ({SOURCE_KINDS[row.source_kind]}).")


def _articles(value: str) -> str:
    items = [x.strip() for x in value.split(";") if x.strip()]
    conv = [x for x in items if not x.startswith("OP ")]
    op = [x[3:] for x in items if x.startswith("OP ")]
    out = []
    if conv:
        out.append("Convention art. " + ", ".join(conv))
    if op:
        out.append("Optional Protocol art. " + ", ".join(op))
    return "; ".join(out)


def _link_facts(text: str, fact_ids: list[str]) -> str:
    """Turn each mention of another fact's id into a checked link to it."""
    if not fact_ids:
        return text
    names = "|".join(re.escape(f) for f in sorted(fact_ids, key=len, reverse=True))
    return re.sub(rf"(?<![\w-])({names})(?![\w-])", lambda m: f"{{ref}}`{m.group(1)} <{anchor(m.group(1))}>`", text)


def _render_fact(row, fact_ids: list[str]) -> str:
    out = [f"({anchor(row.fact_id)})=", f"### {row.fact_id}", "",
           f"**What the source shows.** {_link_facts(escape(row.statement_en), fact_ids)}", ""]
    if row.quote:
        out += [f"> {escape(row.quote)}", ""]
    bearing = _link_facts(escape(row.bearing_en), fact_ids)
    out += [_source_line(row), "",
            f"**Bears on** {lines_ref(row.report_lines)}: *{BEARINGS[row.bearing]}*. {bearing}", ""]
    if row.convention_articles:
        out += [f"**Articles:** {_articles(row.convention_articles)}", ""]
    return "\n".join(out)


def _summary(facts: pd.DataFrame) -> str:
    counts = counts_by_topic(facts)
    rows = ["| topic | facts |", "|---|---|"]
    rows += [f"| {TOPICS[t]} | {n} |" for t, n in counts.items()]
    rows.append(f"| **all** | {int(counts.sum())} |")
    bearing = facts.bearing.value_counts().reindex(list(BEARINGS), fill_value=0)
    tally = ", ".join(f"{n} {BEARINGS[b]}" for b, n in bearing.items())
    return "\n".join(rows) + f"\n\nBy bearing on the report: {tally}.\n"


def _render_previous(previous: pd.DataFrame) -> str:
    found = set(previous.co2_paragraph)
    missing = [n for n in answered_paragraphs() if n not in found]
    paragraphs = report().previous_observations.paragraph_range
    out = [pack_text("external-previous.md", previous=report().previous_observations,
                     first=paragraphs.start, last=paragraphs.stop - 1).rstrip("\n"), ""]
    for row in previous.itertuples():
        out += [f"**Paragraph {row.co2_paragraph}** ({PREVIOUS_TEXT_KINDS[row.text_kind]})", "",
                f"> {escape(row.text_en)}", "",
                f"[{escape(row.source_title)}]({row.source_url}) · {escape(row.source_symbol)} · {row.source_date}", ""]
    if missing:
        out += [f"No text by the Committee was found for paragraphs {_ranges(missing)}; for those, "
                "the tracker's topics remain inferences from the report's answers.", ""]
    return "\n".join(out)


def _ranges(numbers: list[int]) -> str:
    spans, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            spans.append(str(start) if start == n else f"{start}-{n}")
            start = None
    return ", ".join(spans)


def render_page(facts: pd.DataFrame | None = None, previous: pd.DataFrame | None = None) -> str:
    facts = load_facts() if facts is None else facts
    previous = load_previous_text() if previous is None else previous
    out = [_header(), "## Facts by topic\n", _summary(facts)]
    for topic, heading in TOPICS.items():
        rows = facts[facts.topic == topic]
        if rows.empty:
            continue
        out.append(f"(ext-topic-{topic})=\n## {heading}\n")
        out += [_render_fact(row, list(facts.fact_id)) for row in rows.itertuples()]
    out.append(_render_previous(previous))
    return "\n".join(out).rstrip("\n") + "\n"


def write_page(path: Path = EXTERNAL_MD) -> Path:
    path.write_text(render_page(), encoding="utf-8")
    return path


if __name__ == "__main__":  # python -m catbook.judge.external
    print(write_page())


# --- beside a chapter ----------------------------------------------------------------------

def _article_set(value: str) -> set[str]:
    return {x.strip() for x in str(value).split(";") if x.strip()}


def facts_bearing_on(lines: set[int], articles: set[str], op: bool = False,
                     facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """The facts whose ``report_lines`` meet `lines`, or whose ``convention_articles`` meet
    `articles` (with `op`, any Optional Protocol article counts), in file order."""
    facts = load_facts() if facts is None else facts

    def bears(row) -> bool:
        if set(parse_lines(row.report_lines)) & lines:
            return True
        arts = _article_set(row.convention_articles)
        return bool(arts & articles) or (op and any(a.startswith("OP ") for a in arts))

    return facts[[bears(r) for r in facts.itertuples()]]


def render_beside(facts: pd.DataFrame) -> str:
    """Markdown for a chapter: the outside facts, headed as such, each with its source."""
    head = ("**Outside the report.** These facts come from other sources (see "
            "{doc}`../book/external`). They are shown beside the verdicts above, not inside "
            "them: no verdict on the report's own data rests on them.")
    if facts.empty:
        return head + f"\n\n*No outside fact in `{rel(EXTERNAL_CSV)}` bears on this chapter's lines or articles.*"
    items = []
    for r in facts.itertuples():
        date = "undated" if r.source_date == UNDATED else r.source_date
        src = f"[{escape(r.source_title)}]({r.source_url}), {escape(r.source_symbol_or_publisher)}, {date}"
        on = lines_ref(r.report_lines) or "no line"
        items.append(f"- {{ref}}`{r.fact_id} <{anchor(r.fact_id)}>` ({SOURCE_KINDS[r.source_kind]}; "
                     f"*{BEARINGS[r.bearing]}* {on}): {escape(r.bearing_en)} *Source:* {src}.")
    return head + "\n\n" + "\n".join(items)
