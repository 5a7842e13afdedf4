"""The recommendation tracker (data/recommendations.csv): how part VI answers CAT/C/KAZ/CO/2.

One row per paragraph of the Committee's concluding observations that the report
answers or should answer. The Committee's own wording is not in the source, so
`topic_en` is the topic as inferred from the report's answer, never a quotation.
"""
from __future__ import annotations

import pandas as pd

from .corpus import load_paragraphs
from .paths import RECOMMENDATIONS_CSV

COLUMNS = ["co2_paragraph", "section", "answer_lines", "para_no", "heading_in_text", "topic_en",
           "assessment", "reason_en"]
ASSESSMENTS = {
    "fully-answered": "fully answered",
    "partly-answered": "partly answered",
    "not-answered": "not answered",
    "answer-missing-from-text": "answer missing from the text",
}


class RecommendationsError(ValueError):
    def __init__(self, paragraph, field: str, reason: str):
        self.paragraph, self.field, self.reason = paragraph, field, reason
        super().__init__(f"recommendations.csv paragraph {paragraph}: {field}: {reason}")


def answer_range(value: str) -> tuple[int, int] | None:
    """'275-286' → (275, 286); '' → None."""
    if not str(value).strip():
        return None
    first, _, last = str(value).partition("-")
    return int(first), int(last or first)


def validate(df: pd.DataFrame) -> None:
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise RecommendationsError("(header)", ",".join(missing), "missing column(s)")
    if df.co2_paragraph.duplicated().any():
        raise RecommendationsError(df.co2_paragraph[df.co2_paragraph.duplicated()].iat[0],
                                   "co2_paragraph", "duplicated")
    paras = load_paragraphs()
    sections = set(paras.section)
    for row in df.itertuples():
        if row.assessment not in ASSESSMENTS:
            raise RecommendationsError(row.co2_paragraph, "assessment",
                                       f"{row.assessment!r} is not one of {sorted(ASSESSMENTS)}")
        for sec in filter(None, str(row.section).split(";")):
            if sec not in sections:
                raise RecommendationsError(row.co2_paragraph, "section", f"unknown section {sec!r}")
        span = answer_range(row.answer_lines)
        if span and not (1 <= span[0] <= span[1] <= len(paras)):
            raise RecommendationsError(row.co2_paragraph, "answer_lines", f"{row.answer_lines!r} outside the report")
        if (span is None) != (row.assessment == "answer-missing-from-text") and row.assessment != "not-answered":
            raise RecommendationsError(row.co2_paragraph, "answer_lines",
                                       "an answer needs its lines, and only a missing answer has none")
        if not str(row.reason_en).strip():
            raise RecommendationsError(row.co2_paragraph, "reason_en", "an assessment needs its reason")


def load_recommendations() -> pd.DataFrame:
    df = pd.read_csv(RECOMMENDATIONS_CSV, dtype=str, keep_default_na=False)
    df["co2_paragraph"] = df["co2_paragraph"].astype(int)
    df["heading_in_text"] = df["heading_in_text"].str.lower().map({"true": True, "false": False})
    validate(df)
    return df.sort_values("co2_paragraph").reset_index(drop=True)


def anchor(paragraph: int) -> str:
    """The stable anchor of a recommendation on the tracker page."""
    return f"rec-co2-{paragraph}"


def tracker_table(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """One line per CO/2 paragraph: topic, where the report answers, and the assessment."""
    df = load_recommendations() if df is None else df
    return df.assign(assessment=df.assessment.map(ASSESSMENTS),
                     heading_in_text=df.heading_in_text.map({True: "yes", False: "no"}))[
        ["co2_paragraph", "topic_en", "answer_lines", "para_no", "heading_in_text", "assessment"]
    ].set_index("co2_paragraph")


def assessment_counts(df: pd.DataFrame | None = None) -> pd.Series:
    df = load_recommendations() if df is None else df
    return (df.assessment.map(ASSESSMENTS).value_counts()
            .reindex(list(ASSESSMENTS.values()), fill_value=0).rename("paragraphs"))


def tracker_details(df: pd.DataFrame | None = None):
    """Each recommendation with a stable anchor, its answer's lines, chapter and reasons."""
    from .chapters import CHAPTERS, chapter_of_section
    from .display import Markdown
    from .markdown import escape, lines_span_ref
    df = load_recommendations() if df is None else df
    blocks = []
    for r in df.itertuples():
        span = answer_range(r.answer_lines)
        where = lines_span_ref(*span) if span else "no answer found in the text"
        heading = "printed" if r.heading_in_text else "missing from the text"
        chapters = sorted({c for s in str(r.section).split(";") if s and (c := chapter_of_section(s))})
        links = ", ".join(f"{{doc}}`{CHAPTERS[c].title} <{CHAPTERS[c].notebook}>`" for c in chapters)
        blocks.append(
            f"({anchor(r.co2_paragraph)})=\n**CO/2 paragraph {r.co2_paragraph}: {escape(r.topic_en)}**\n\n"
            f"- **Assessment:** {ASSESSMENTS[r.assessment]}\n"
            f"- **The report's answer:** {where} (heading {heading})\n"
            + (f"- **Discussed in:** {links}\n" if links else "")
            + f"\n{escape(r.reason_en)}")
    return Markdown("\n\n".join(blocks))


def claims_without_chapter():
    """Claims of part VI sections that no article chapter presents: shown on the tracker."""
    from .chapters import chapter_of_section
    from .claims import load_claims
    claims = load_claims()
    mask = claims.section.str.startswith("co2-") & claims.section.map(
        lambda s: chapter_of_section(s) is None)
    return claims[mask]
