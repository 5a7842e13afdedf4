"""Write the chapter notebooks that follow the common template, from `catbook.pack.chapters`.

`python -m catbook notebooks` (re)writes them unexecuted; `make execute` runs them
and stores the outputs. The template lives here only: change it once, and every
chapter changes. Hand-made chapters (Article 2, the custody clock, the audit) are
not touched.
"""
from __future__ import annotations

from pathlib import Path

import nbformat

from catbook.book.chapter_view import ChapterView
from catbook.book.headings import section_title_en
from catbook.pack.chapters import CHAPTERS, GENERATED_CHAPTERS, Chapter
from catbook.text.figures import language
from catbook.pack.paths import (
    CUSTODY_DIR, EXTERNAL_CSV, FIGURES_CSV, NOTEBOOKS, RECONCILIATION_YAML, TABLES_DIR, rel)
from catbook.pack.report import report
from catbook.training.quizzes import load_quizzes


def _md(text: str):
    return nbformat.v4.new_markdown_cell(text.strip("\n"))


#: Every code cell of a chapter: its input is removed from the published page and its print
#: (the reader sees what it shows); the downloadable notebook keeps it.
CODE_TAGS = ("remove-input",)


def _code(text: str, *tags: str):
    cell = nbformat.v4.new_code_cell(text.strip("\n"))
    cell.metadata["tags"] = [*CODE_TAGS, *tags]
    return cell


def build(chapter: Chapter) -> nbformat.NotebookNode:
    previous = report().previous_observations
    cells = [
        _md(f"# {chapter.title}\n\n**The question.** {chapter.question_en}"),
        # The chapter's findings first ("In brief"), then the obligation and the evidence.
        _code(f'from catbook.notebook import ChapterView\nview = ChapterView("{chapter.key}")\n'
              "view.in_brief()"),
        _code("view.obligation()"),
        _md("## What the report covers\n\nThe sections of the report this chapter reads, with "
            "the number of claims and statistics extracted from each (every line is linked in "
            "{doc}`../book/report-text`):"),
        _code("view.coverage()"),
        _md("What the report's *own* data say about its claims (see {doc}`../book/verdict-scale` for "
            "the meaning of each verdict):"),
        _code("view.scorecard()"),
        _md(f"## What the report says\n\nEach claim quotes the report verbatim ({language().name}), links to "
            "its line, gives an English gloss and explains its verdict."),
    ]
    for section in chapter.sections:
        cells += [_md(f"### {section_title_en(section)}\n\n{{ref}}`Read this part of the report "
                      f"<sec-{section}>` (section `{section}`)."),
                  _code(f'view.claims("{section}")')]
    if chapter.custody_scenario:
        cells += [
            _md("## The custody clock for these rules\n\nThe time limits these sections describe, "
                f"computed by the rules engine (`catbook.custody`, rules in `{rel(CUSTODY_DIR / 'rules.yaml')}`) "
                "for a worked case from the scenario file. The {doc}`custody clock <custody-clock>` "
                "chapter lists every rule with its legal basis."),
            _code("view.custody_case()"),
            _code("view.custody_findings()"),
            _md("Try it: the calculator below starts from this worked case. Change any field "
                "and each deadline and its verdict are computed again; a value that cannot be "
                "read is explained next to its field. In the published book it computes in your "
                "browser, with no kernel and the same rules as the "
                "{doc}`custody calculator page <../book/calculator>`, which *Open this case in "
                "the calculator* fills with the case; in a running Jupyter kernel this cell shows "
                "the Python calculator, with its timeline."),
            _code("view.calculator()", "nbval-ignore-output"),
        ]
    cells += [_md("## What the figures show\n\nEvery statistic these sections state, as printed, "
                  f"with the line it comes from (`{rel(FIGURES_CSV)}`):"),
              _code("view.figures()")]
    for i, chart in enumerate(chapter.charts):
        note = f"\n\n{chart.note}" if chart.note else ""
        cells += [_md(f"### {chart.title}{note}"), _code(f"view.chart({i})")]
    if ChapterView(chapter.key).reconciliation_rows().shape[0]:
        cells += [_md("## The torture cases reconciled\n\nEvery place the report gives torture "
                      "cases opened, persons, convictions, sentences or a \"no case\" statement, "
                      f"from one table (`{rel(TABLES_DIR / 'torture_reconciliation.csv')}`, defined in "
                      f"`{rel(RECONCILIATION_YAML)}`); `agreement` is computed: places giving "
                      "the same quantity *agree* or *differ*, a part is *within* or *exceeds* its "
                      "whole, and a \"no case\" statement is *in tension* with cases counted in an "
                      "overlapping scope. This chapter's rows come first (`in_chapter`)."),
                  _code("view.reconciliation()")]
    cells += [_md("## Consistency checks\n\nChecks of the report's numbers against each other "
                  "(see {doc}`numbers-audit`) that involve these sections:"),
              _code("view.audit()")]
    if chapter.previous_paragraphs:
        cells += [_md("## The Committee's recommendations\n\nThe paragraphs of "
                      f"{previous.described_en} ({previous.symbol}) that these sections "
                      "answer, and how fully they answer them (details and reasons in the "
                      "{doc}`recommendation tracker <recommendations>`):"),
                  _code("view.recommendations()")]
    cells += [_md(f"(findings-{chapter.key})=\n## Findings"), _code("view.findings()")]
    if chapter.reading_en:
        cells.append(_md(chapter.reading_en))
    cells += [_md("## Outside the report\n\nFacts from sources other than the report "
                  f"(`{rel(EXTERNAL_CSV)}`) that bear on these sections' lines or articles, each "
                  "with its source. They sit beside the findings above and change none of them."),
              _code("view.outside_the_report()")]
    if chapter.key in load_quizzes():
        cells += [_md("## Check yourself\n\nA short self-check quiz: answer, then press *Check*; "
                      "the answer and its source open below each question. It works in the "
                      "published page, with no kernel."),
                  _code("view.quiz()")]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def write_all(folder: Path = NOTEBOOKS) -> list[Path]:
    paths = []
    for key in GENERATED_CHAPTERS:
        chapter = CHAPTERS[key]
        path = folder / f"{chapter.notebook}.ipynb"
        nbformat.write(build(chapter), path)
        paths.append(path)
    return paths
