"""Book pages generated from data: the report text with an anchor per line and per official paragraph.

The page is written into ``book/`` and committed, so a fresh clone builds
without a generation step; a test proves the committed page is what this
code writes from the current corpus.
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from catbook.text.corpus import (
    PART_SECTIONS, list_item_rule_counts, load_paragraphs, official_paragraphs, official_ranges)
from catbook.text.markdown import escape, para_anchor
from catbook.book.para_lookup import report_page_block
from catbook.text.figures import language
from catbook.pack.pack_pages import pack_text
from catbook.pack.paths import BOOK, OFFICIAL_PARAGRAPHS_YAML, rel
from catbook.pack.report import report
from catbook.text import translation
from catbook.text.translation import NOTICE, english, note

REPORT_TEXT_MD = BOOK / "report-text.md"

def _header() -> str:
    """The page's opening prose: the pack's ``pages/report-text.md``."""
    return pack_text("report-text.md", notice=NOTICE, language=language().name,
                     translated=translation.needed())


def _switch() -> str:
    """The switch between the report's language and English (CSS only: _static/catbook-report.css;
    the class ``tr-fr`` and the value ``fr`` name the source column whatever its language)."""
    if not translation.needed():
        return ""
    name = language().name
    return f"""```{{raw}} html
<fieldset class="tr-switch"><legend>Show</legend>
<label><input type="radio" name="tr-show" value="both" checked> {name} and English</label>
<label><input type="radio" name="tr-show" value="fr"> {name} only</label>
<label><input type="radio" name="tr-show" value="en"> English only</label>
</fieldset>
```
"""


def _span(first, last) -> str:
    return "none" if first is None or pd.isna(first) else (
        str(first) if first == last else f"{first}–{last}")


def _numbering_section() -> str:
    """How the lines get their official numbers: the document, its ranges, the rules."""
    doc = official_paragraphs()["document"]
    ranges = official_ranges()
    rows = "\n".join(
        f"| {r.part} | {escape(r.title)} | {r.official} | {_span(r.found_first, r.found_last)} "
        f"| {r.paragraphs} | {r.lines} | {r.list_items} | {'yes' if r.matches else '**no**'} |"
        for r in ranges.itertuples())
    rules = list_item_rule_counts()
    rule_rows = "\n".join(f"| `{name}` | {escape(r.says)} | {r._2} | {r._3} |"
                           for name, r in zip(rules.index, rules.itertuples()))
    return (
        "## Official paragraph numbers\n\n"
        f"The document {doc['symbol']} ({doc['language']}, {doc['date']}; "
        f"{escape(doc['published'])}) numbers its paragraphs 1 to {doc['paragraphs']}. Its table of "
        "contents gives the paragraphs of each part and article; the lines of this text are numbered "
        f"by rule, and the numbering reproduces every range (`{rel(OFFICIAL_PARAGRAPHS_YAML)}`, "
        "checked by `catbook.text.corpus`):\n\n"
        "| part | title | official | numbered here | paragraphs | lines | list items | same |\n"
        "|---|---|---|---|---|---|---|---|\n" + rows + "\n\n"
        "A line is a list item, and carries the number of the paragraph above it, when one of "
        "these rules marks it (a heading ends any list; the last item ends with a full stop):\n\n"
        "| rule | says | lines marked | marked by this rule only |\n|---|---|---|---|\n"
        + rule_rows + "\n\n"
        f"Source of the ranges: {escape(doc['source_of_ranges'])}\n")


def _look_up_section() -> str:
    total = int(official_paragraphs()["document"]["paragraphs"])
    return ("## Look up a paragraph\n\n"
            "Type an official paragraph number, or a range such as 46–96, to go to it.\n\n"
            + report_page_block(total) + "\n")


def render_report_text() -> str:
    df = load_paragraphs()
    out = [_header(), _look_up_section(), _numbering_section(), "## The text\n", _switch()]
    section = None
    for row in df.itertuples():
        if row.section != section and row.section_inferred:
            out.append(f"(sec-{row.section})=\n### {escape(row.section_title)}\n")
            out.append(f":::{{admonition}} Heading missing from the text\n:class: warning\n"
                       f"{escape(row.inference_reason)}.\n:::\n")
        section = row.section
        if row.is_heading:
            is_part = row.section in PART_SECTIONS
            title = f"{row.part}. {row.section_title}" if is_part else row.section_title
            if not _continues_heading(df, row.source_line):
                out.append(f"(p{row.source_line})=\n(sec-{row.section})=\n"
                           f"{'##' if is_part else '###'} {escape(title)}\n")
            else:
                out.append(f"(p{row.source_line})=\n*(line {row.source_line} continues the heading above)*\n")
            out.append(_heading_english(row.source_line))
            continue
        n = row.source_line
        if pd.isna(row.para_no):
            out.append(f"(p{n})=\n" + _line_html(n, row.text, ""))
        elif row.is_list_item:
            out.append(f"(p{n})=\n" + _line_html(n, row.text, f"<em>list item of para. {row.para_no}:</em> "))
        else:
            out.append(f"(p{n})=\n({para_anchor(row.para_no)})=\n"
                       + _line_html(n, row.text, f"<strong>{row.para_no}.</strong> ", para=row.para_no))
    return "\n".join(out)


def _heading_english(n: int) -> str:
    en = html.escape(english(n))
    return f'```{{raw}} html\n<p class="tr-en tr-heading" lang="en">{en}</p>\n```\n' if en else ""


def _line_html(n: int, text: str, number: str, *, para: int | None = None) -> str:
    """One line of the report and its English, side by side, with its anchors.

    Raw HTML, because the anchors (``#pN`` on the row, ``#para-N`` at its top) must serve both
    languages and each language needs its ``lang``; the ``(pN)=`` and ``(para-N)=`` labels
    before it let Sphinx check every ``{ref}``. Sphinx's search indexes the words of both columns.
    """
    fr = html.escape(text.strip()) or "<em>(empty line)</em>"
    en = html.escape(english(n))
    anchor = f'<span class="para-anchor" id="{para_anchor(para)}"></span>' if para is not None else ""
    cells = f'<p class="tr-fr" lang="{report().source.language}">line {n} · {number}{fr}</p>'
    if en:
        cells += f'<p class="tr-en" lang="en">line {n} · {number}{en}</p>'
    if tn := html.escape(note(n)):
        cells += f'<p class="tr-note" lang="en"><em>Translator\'s note, line {n}:</em> {tn}</p>'
    return f'```{{raw}} html\n<div class="tr-row" id="p{n}">{anchor}{cells}</div>\n```\n'


def _continues_heading(df, n: int) -> bool:
    prev = df.loc[df.source_line == n - 1]
    return bool(len(prev)) and bool(prev.is_heading.iat[0]) and prev.section.iat[0] == \
        df.loc[df.source_line == n, "section"].iat[0]


def write_pages(book: Path = BOOK) -> list[Path]:
    """The generated pages of the book: the report text and the facts from outside it."""
    from catbook.book import verdict_page
    from catbook.judge import external
    path = book / REPORT_TEXT_MD.name
    path.write_text(render_report_text(), encoding="utf-8")
    from catbook.judge import findings, questions
    return [path, external.write_page(book / external.EXTERNAL_MD.name),
            verdict_page.write_page(book / verdict_page.VERDICT_SCALE_MD),
            questions.write_page(book / questions.QUESTIONS_MD.name),
            findings.write_page(book / findings.FINDINGS_MD.name)]
