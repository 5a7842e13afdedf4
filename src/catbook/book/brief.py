"""A brief to take into the room: the findings and the questions for the delegation, by article.

One brief, from the pack's findings (``findings.yaml``) and questions (``questions.csv``), in three
forms, all computed at each build (no result is typed anywhere):

- the page ``book/brief.md``: its marker ``<!-- catbook:brief -->`` is replaced by the brief when
  the page is read (``source-read``), with every line and official paragraph linked;
- a Word file (python-docx), since the Committee and NGOs draft in Word, and
- a PDF, the page printed by the project's one Chromium printer (:mod:`catbook.text.printer`),

both written into the build's ``_static/catbook-brief/`` once the HTML is written
(``build-finished``), and linked from the brief and from the questions page (a line put under
the questions page's title when it is read: the page's own text is left as it is).

``python -m catbook.book.brief OUT.docx`` writes the Word file alone.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from catbook.judge.articles import article_key, article_label

MARKER = "<!-- catbook:brief -->"
#: Where the build serves the two files, under its output folder.
FOLDER = "_static/catbook-brief"
QUESTIONS_DOC = "book/questions"
BRIEF_DOC = "book/brief"
PDF_OPTIONS = {"format": "A4", "print_background": False, "display_header_footer": False,
               "margin": {"top": "16mm", "bottom": "16mm", "left": "16mm", "right": "16mm"}}


def _stem() -> str:
    from catbook.pack.report import report
    return report().symbol.lower().replace("/", "-") + "-brief"


def file_names() -> dict[str, str]:
    """The names of the two files: {"pdf": ..., "docx": ...}."""
    return {"pdf": f"{_stem()}.pdf", "docx": f"{_stem()}.docx"}


# ---------------------------------------------------------------------------
# The brief as data
# ---------------------------------------------------------------------------

@dataclass
class Question:
    id: str
    kind: str
    priority: str
    text: str
    requested: str
    lines: list[int]


@dataclass
class Item:
    id: str
    title: str
    verdict: str
    severity: str
    articles: list[str]
    lines: list[int] | None  # None: the report is silent
    questions: list[Question] = field(default_factory=list)


def _lines(value: str) -> list[int]:
    return [int(x) for x in str(value or "").split(";") if x.strip().isdigit()]


def brief() -> list[tuple[str, list[Item]]]:
    """(article label, its findings with their questions): each finding under its first article,
    articles in the Convention's order, the most severe finding first."""
    from catbook.judge import findings as fnd
    from catbook.judge import verdicts
    from catbook.pack import tables
    if not fnd.has_findings():
        return []
    found = fnd.load_findings(check_refs=False)
    labels = verdicts.labels()
    sev = {s.id: s.label_en for s in fnd.rubric().severity}
    qs = tables.load("questions")
    articles = sorted({f.articles[0] for f in found}, key=article_key)
    out = []
    for article in articles:
        items = []
        for f in fnd.most_severe_first(f for f in found if f.articles[0] == article):
            mine = qs[qs.finding_id == f.id]
            items.append(Item(
                f.id, " ".join(f.title_en.split()), labels[f.verdict], sev[f.severity], list(f.articles),
                None if f.silent else list(f.lines),
                [Question(r.question_id, r.kind, r.priority, " ".join(r.question_en.split()),
                          " ".join(str(r.requested_en or "").split()), _lines(r.source_lines))
                 for r in mine.itertuples()]))
        out.append((article_label(article), items))
    return out


def _plain_lines(lines: list[int] | None) -> str:
    """'line 272 (para. 209), line 286 (para. 223)' or 'the report is silent'."""
    from catbook.text.corpus import para_of_line
    if lines is None:
        return "the report is silent"
    parts = []
    for n in lines:
        para = para_of_line(n)
        parts.append(f"line {n}" + (f" (para. {para})" if para is not None else ""))
    return ", ".join(parts)


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------

def _download_links(prefix: str) -> str:
    names = file_names()
    return (f'<a href="{prefix}{FOLDER}/{names["pdf"]}" download>the brief as PDF</a> · '
            f'<a href="{prefix}{FOLDER}/{names["docx"]}" download>the brief as Word</a>')


def page_markdown() -> str:
    """The brief as MyST for book/brief.md: lines and paragraphs linked, questions with their anchors."""
    from catbook.text.markdown import escape, line_ref
    sections = brief()
    if not sections:
        return "*No findings have been recorded for this report yet.*\n"
    n_find = sum(len(items) for _, items in sections)
    n_q = sum(len(i.questions) for _, items in sections for i in items)
    out = [f"{n_find} findings and {n_q} questions. To print or edit: {_download_links('../')}.", ""]
    for label, items in sections:
        out += [f"## {label}", ""]
        for it in items:
            where = "the report is silent" if it.lines is None else ", ".join(line_ref(n) for n in it.lines)
            also = [a for a in it.articles[1:]]
            out += [f"**{escape(it.title)}** ({{ref}}`finding <{it.id}>`)", "",
                    f"*Verdict:* {it.verdict} · *severity:* {it.severity} · *where:* {where}"
                    + (f" · *also articles* {', '.join(also)}" if also else ""), ""]
            for q in it.questions:
                qlines = ", ".join(line_ref(n) for n in q.lines)
                out += [f"- {{ref}}`{q.id} <{q.id}>` ({q.kind}, {q.priority} priority"
                        + (f"; {qlines}" if qlines else "") + f"): {escape(q.text)}"
                        + (f" *Request:* {escape(q.requested)}" if q.requested else "")]
            out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# The Word file
# ---------------------------------------------------------------------------

def write_docx(out: Path) -> Path:
    """The brief as a Word file (python-docx): a heading per article, each finding with its verdict,
    severity, lines and paragraphs, and its questions as a numbered list."""
    from docx import Document
    from docx.shared import Pt

    from catbook.pack.report import report
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    doc.add_heading(f"{report().symbol}: findings and questions for the delegation, by article", level=0)
    doc.add_paragraph(
        "Each finding gives its verdict on the report's own data, its severity and the lines and "
        "official paragraphs of the report it rests on; each question gives its kind, its priority, "
        f"its lines and paragraphs, and what to request. Generated from the book's data ({report().symbol}).")
    for label, items in brief():
        doc.add_heading(label, level=1)
        for it in items:
            doc.add_heading(it.title, level=2)
            p = doc.add_paragraph()
            p.add_run("Verdict: ").bold = True
            p.add_run(f"{it.verdict}. ")
            p.add_run("Severity: ").bold = True
            p.add_run(f"{it.severity}. ")
            p.add_run("Where: ").bold = True
            p.add_run(_plain_lines(it.lines) + ".")
            if len(it.articles) > 1:
                p.add_run(f" Also articles {', '.join(it.articles[1:])}.")
            for q in it.questions:
                item = doc.add_paragraph(style="List Number")
                item.add_run(f"{q.id} ").bold = True
                item.add_run(f"({q.kind}, {q.priority} priority"
                             + (f"; {_plain_lines(q.lines)}" if q.lines else "") + "): ")
                item.add_run(q.text)
                if q.requested:
                    item.add_run(" Request: ").italic = True
                    item.add_run(q.requested)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


# ---------------------------------------------------------------------------
# The Sphinx step
# ---------------------------------------------------------------------------

def _source_read(app, docname: str, source: list[str]) -> None:
    if MARKER in source[0]:
        source[0] = source[0].replace(MARKER, page_markdown())
    elif docname == QUESTIONS_DOC and BRIEF_DOC in app.env.found_docs:
        head, sep, rest = source[0].partition("\n")
        source[0] = (head + sep + "\n**To take into the room:** {doc}`a brief of the findings and these "
                     f"questions, by article <../{BRIEF_DOC}>` ({_download_links('../')}).\n" + rest)


def _outdated(app, env, added, changed, removed) -> list[str]:
    """The brief and the questions page are read again at every build (their text comes from data)."""
    return [d for d in (BRIEF_DOC, QUESTIONS_DOC) if d in env.found_docs]


def _finished(app, exception) -> None:
    """Write the Word file, and print the brief page to PDF, into the build's _static/catbook-brief/."""
    if exception is not None or app.builder.format != "html" or BRIEF_DOC not in app.env.all_docs:
        return
    from catbook.text.printer import chromium, print_to_pdf, serve
    folder = Path(app.outdir) / FOLDER
    names = file_names()
    write_docx(folder / names["docx"])
    with serve(Path(app.outdir)) as url, chromium() as browser:
        print_to_pdf(browser, f"{url}/{BRIEF_DOC}.html", folder / names["pdf"], PDF_OPTIONS)


def setup(app):
    app.connect("source-read", _source_read)
    app.connect("env-get-outdated", _outdated)
    app.connect("build-finished", _finished)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else Path(file_names()["docx"])
    write_docx(out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
