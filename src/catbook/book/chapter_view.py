"""Everything a chapter notebook shows, computed from the pack's data: one call per cell.

A chapter notebook only says ``view = ChapterView("art-12-13")`` and calls these
methods, so all chapters are built the same way and no number is typed by hand.
"""
from __future__ import annotations

import pandas as pd

from catbook.book import charts
from catbook.book.headings import section_title_en
from catbook.judge import compare
from catbook.pack.chapters import CHAPTERS, Chapter
from catbook.judge import verdicts
from catbook.judge.claims import VERDICTS, load_claims, verdict_counts
from catbook.text.corpus import load_paragraphs, para_span_of_lines, sections as report_sections
from catbook.book.display import CitedTable, Markdown, show_audit, show_claims
from catbook.text.figures import load_figures
from catbook.text.markdown import escape, line_ref, lines_span_ref
from catbook.pack.report import report

FIGURE_COLUMNS = ["figure_id", "section", "measure_en", "period", "value", "unit", "qualifier",
                  "source_line", "para_no"]
FINDING_COLUMNS = ["claim_id", "source_line", "summary_en", "evidence_en"]


def _answer(answer_lines: str) -> str:
    """The lines and official paragraphs of an answer to the previous observations, linked
    ('none found' when there is none)."""
    from catbook.judge.recommendations import answer_range
    span = answer_range(answer_lines)
    return lines_span_ref(*span) if span else "none found"


class ChapterView:
    def __init__(self, key: str):
        if key not in CHAPTERS:
            raise KeyError(f"chapter: no chapter {key!r}; known: {', '.join(CHAPTERS)}")
        self.chapter: Chapter = CHAPTERS[key]
        secs = list(self.chapter.sections)
        self.all_claims = load_claims()
        self.claims_df = self.all_claims[self.all_claims.section.isin(secs)].sort_values(
            ["source_line", "claim_id"]).reset_index(drop=True)
        figs = load_figures()
        self.figures_df = figs[figs.section.astype(str).isin(secs)].reset_index(drop=True)
        self._all_figures = figs

    # -- what the chapter is about ------------------------------------------------
    def obligation(self) -> Markdown:
        return Markdown(f"**The Convention's obligation.** {self.chapter.obligation_en}")

    def coverage(self) -> pd.DataFrame:
        """The report sections this chapter reads, with their extent and what was extracted."""
        table = report_sections(load_paragraphs()).set_index("section").loc[list(self.chapter.sections)]
        return pd.DataFrame({
            "title": [section_title_en(s) for s in table.index],
            "lines": table.first_line.astype(str) + "–" + table.last_line.astype(str),
            "paragraphs": [para_span_of_lines(a, b).replace("-", "–") or "none"
                           for a, b in zip(table.first_line, table.last_line)],
            "claims": [int((self.claims_df.section == s).sum()) for s in table.index],
            "figures": [int((self.figures_df.section.astype(str) == s).sum()) for s in table.index],
        }).rename_axis("section")

    def scorecard(self) -> pd.DataFrame:
        return verdict_counts(self.claims_df)

    def verdict_legend(self) -> Markdown:
        """The verdict scale (data/verdict-scale.yaml): each verdict and when it applies."""
        return Markdown(verdicts.legend_markdown())

    # -- the report's words ------------------------------------------------------
    def claims(self, section: str) -> Markdown:
        rows = self.claims_df[self.claims_df.section == section]
        if rows.empty:
            return Markdown("*This section makes no claim of its own (headings or list lead-ins only).*")
        return show_claims(rows)

    # -- the figures -------------------------------------------------------------
    def figures(self) -> CitedTable:
        """The chapter's figures; each line and official paragraph linked to the report."""
        return CitedTable(self.figures_df[FIGURE_COLUMNS].set_index("figure_id"))

    def chart(self, index: int) -> CitedTable:
        """Draw chart `index` of the chapter and return the figures it shows (for nbval)."""
        spec = self.chapter.charts[index]
        rows = compare.pick(self._all_figures, *spec.figure_ids)
        labels = list(spec.labels) if spec.labels else list(rows.period.astype(str))
        charts.figure_bars(rows, labels=pd.Series(labels), title=spec.title)
        return CitedTable(rows[["figure_id", "measure_en", "period", "value", "unit", "qualifier",
                                "source_line", "para_no"]])

    # -- the torture cases reconciled ---------------------------------------------
    def reconciliation_rows(self) -> pd.DataFrame:
        """Rows of the pack's tables/torture_reconciliation.csv whose figure is in this chapter's sections."""
        from catbook.judge.tidy import build_reconciliation
        table = build_reconciliation()
        mine = set(self.figures_df.figure_id)
        return table[table.figure_id.isin(mine)].reset_index(drop=True)

    def reconciliation(self) -> CitedTable:
        """The whole torture-case reconciliation, this chapter's rows first (``in_chapter``)."""
        from catbook.book.display import show_reconciliation
        return show_reconciliation(set(self.figures_df.figure_id))

    # -- the custody clock -------------------------------------------------------
    def _scenario(self):
        from catbook.custody import scenario
        if not self.chapter.custody_scenario:
            raise ValueError(f"chapter {self.chapter.key}: no custody scenario")
        return scenario(self.chapter.custody_scenario)

    def custody_case(self) -> Markdown:
        case = self._scenario()
        return Markdown(f"**Worked case `{case.name}`.** {escape(case.facts)}")

    def custody_findings(self) -> pd.DataFrame:
        """Every deadline of the worked case and whether it was met, as of the case's 'now'."""
        from catbook.custody import findings_table
        return findings_table(self._scenario().run())

    def calculator(self):
        """The calculator filled with the worked case: the ipywidgets calculator in a running
        kernel, the kernel-free page calculator in the published book (``catbook.book.calculator_cell``)."""
        from catbook.book.calculator_cell import scenario_calculator
        return scenario_calculator(self._scenario().name)

    def quiz(self):
        """The chapter's self-check quiz (the pack's training/quizzes.yaml): works with no kernel."""
        from catbook.training import quiz
        return quiz(self.chapter.key)

    # -- checks and findings -----------------------------------------------------
    def audit(self) -> Markdown | None:
        from catbook.judge.audit import run_audit
        checks = run_audit(self._all_figures)
        mine = checks[checks.section.str.split(";").map(lambda s: bool(set(s) & set(self.chapter.sections)))]
        if mine.empty:
            return Markdown("*No consistency check of the audit involves this chapter's sections.*")
        return show_audit(mine)

    def recommendations(self) -> Markdown:
        """The chapter's paragraphs of the previous observations, each linked to its entry in the tracker."""
        from catbook.judge.recommendations import ASSESSMENTS, anchor, load_recommendations
        recs = load_recommendations()
        recs = recs[recs.co2_paragraph.isin(self.chapter.previous_paragraphs)]
        from catbook.book.display import grade_badge
        rows = [f"| {grade_badge(ASSESSMENTS[r.assessment])} "
                f"| {{ref}}`paragraph {r.co2_paragraph} <{anchor(r.co2_paragraph)}>` "
                f"| {escape(r.topic_en)} | {_answer(r.answer_lines)} |" for r in recs.itertuples()]
        short = report().previous_observations.short_name
        return Markdown(f"| assessment | {short} | topic (as inferred from the answer) | the report's answer |\n"
                        "|---|---|---|---|\n" + "\n".join(rows))

    def outside_the_report(self) -> Markdown:
        """The external facts (the pack's external.csv) bearing on this chapter's lines or articles,
        headed as outside facts with their sources, apart from the verdicts."""
        from catbook.judge.external import facts_bearing_on, render_beside
        table = report_sections(load_paragraphs()).set_index("section").loc[list(self.chapter.sections)]
        lines = {n for a, b in zip(table.first_line, table.last_line) for n in range(int(a), int(b) + 1)}
        key = self.chapter.key
        articles = set(key.split("-")[1:]) if key.startswith("art-") else set()
        return Markdown(render_beside(facts_bearing_on(lines, articles, op=key == "op")))

    def findings(self) -> Markdown:
        """What the report's own data contradict, what they leave unverified, and the balance."""
        c = self.claims_df
        parts = []
        contradicted = c[c.verdict == "contradicted"]
        if len(contradicted):
            parts.append("**Contradicted by the report's own data:**\n\n" + "\n".join(
                f"- {line_ref(r.source_line)} ({r.claim_id}): {escape(r.summary_en)} "
                f"*Why:* {escape(r.evidence_en)}" for r in contradicted.itertuples()))
        else:
            parts.append("**Contradicted by the report's own data:** none of this chapter's claims.")
        unverified = c[(c.verdict == "unverified")]
        stats = unverified[unverified.kind == "statistic"]
        if len(stats):
            parts.append("**Statistics given without the data to check them:**\n\n" + "\n".join(
                f"- {line_ref(r.source_line)} ({r.claim_id}): {escape(r.summary_en)}"
                for r in stats.itertuples()))
        counts = c.verdict.map(VERDICTS).value_counts()
        parts.append("**Balance of the chapter's claims:** " + "; ".join(
            f"{n} {v}" for v, n in counts.items()) + f" (out of {len(c)}).")
        return Markdown("\n\n".join(parts))

    # -- the chapter's own words (for a hand-made chapter notebook) ------------------
    def question(self) -> Markdown:
        """The chapter's question (``question_en`` of chapters.yaml)."""
        return Markdown(f"**The question.** {self.chapter.question_en}")

    def reading(self) -> Markdown:
        """The chapter's reading (its Markdown file in chapters/readings/), as the book shows it."""
        from catbook.book.display import render_prose
        return Markdown(render_prose(self.chapter.reading_en, f"chapters.yaml: {self.chapter.key}.reading"))

    # -- the chapter's findings first ------------------------------------------------
    def in_brief(self) -> Markdown:
        """"In brief": the findings that name this chapter (the pack's findings.yaml), most severe
        first, each with its verdict and severity, its lines in the report, and links down to the
        claims of this chapter that decide it and to the chapter's own findings section."""
        from catbook.judge import findings as fnd
        key = self.chapter.key
        if not fnd.has_findings():
            return Markdown("## In brief\n\n*No findings have been recorded for this report yet.*")
        mine = [f for f in fnd.load_findings(check_refs=False) if key in f.chapters]
        mine = fnd.most_severe_first(mine)
        labels = verdicts.labels()
        sev = {s.id: s.label_en for s in fnd.rubric().severity}
        here = set(self.claims_df.claim_id)
        counts = ", ".join(f"{sum(f.severity == s for f in mine)} {sev[s]}" for s in sev
                           if any(f.severity == s for f in mine))
        out = ["## In brief", "",
               f"What the book finds in this chapter: {len(mine)} finding{'s' * (len(mine) != 1)} "
               f"({counts} severity), the most severe first. Each verdict is on the "
               "{doc}`verdict scale <../book/verdict-scale>`; every finding of the report is in "
               "{doc}`../book/findings`. The evidence follows below, "
               f"claim by claim, up to the chapter's {{ref}}`findings <findings-{key}>`.", ""]
        for f in mine:
            where = "the report is silent" if f.silent else \
                f"line{'s' * (len(f.lines) > 1)} " + ", ".join(f"{{ref}}`{n} <p{n}>`" for n in f.lines)
            claims = [c for c in f.claims if c in here]
            evidence = ("; claims " + ", ".join(f"{{ref}}`{c} <claim-{c}>`" for c in claims)) if claims else ""
            out.append(f"- **{sev[f.severity].capitalize()} · {labels[f.verdict]}.** {escape(f.title_en)} "
                       f"*({where}{evidence}; {{ref}}`the finding <{f.id}>`)*")
        if not mine:
            out.append("*No finding of the report names this chapter.*")
        return Markdown("\n".join(out))
