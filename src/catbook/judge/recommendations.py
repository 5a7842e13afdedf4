"""The recommendation tracker (the pack's recommendations.csv): how the report answers the
previous concluding observations (``previous_observations`` of its report.yaml).

One row per paragraph of the Committee's concluding observations that the report
answers or should answer, graded on the scale of data/tracker-scale.yaml. The Committee's
own wording is not in the report, so `topic_en` is the topic as inferred from the report's
answer, never a quotation; where a public copy of a paragraph was reached it is in the
pack's file of the Committee's words (``paths.PREVIOUS_TEXT_CSV``), and `committee_wording` says, per
paragraph, whether it was. (The column ``co2_paragraph`` keeps its name from the default pack.)
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from catbook.pack.datafile import DataFileError, StrictModel, load_yaml

from catbook.text.corpus import load_paragraphs
from catbook.pack.paths import RECOMMENDATIONS_CSV, TRACKER_SCALE_YAML
from catbook.pack.report import report


COLUMNS = ["co2_paragraph", "section", "answer_lines", "para_no", "heading_in_text", "topic_en",
           "assessment", "reason_en"]


class TrackerScaleError(DataFileError):
    """tracker-scale.yaml breaks its rules: ``file``, ``field`` (dotted) and ``reason``."""


class _Grade(StrictModel):
    id: str
    label: str
    meaning: str


class _Scale(StrictModel):
    grades: list[_Grade]


def load_scale(path=TRACKER_SCALE_YAML) -> pd.DataFrame:
    """The graded scale: one row per grade (id, label, meaning), in order; the file is read through a
    strict model, so an unknown, missing or mistyped key raises TrackerScaleError naming it."""
    path = Path(path)
    grades = load_yaml(path, _Scale, TrackerScaleError).grades
    if not grades:
        raise TrackerScaleError(file=path.name, field="grades", reason="no grades")
    for i, g in enumerate(grades):
        for field in ("id", "label", "meaning"):
            if not getattr(g, field).strip():
                raise TrackerScaleError(file=path.name, field=f"grades.{i}.{field}",
                                        reason=f"grade {g.id!r}: {field} must not be empty")
    ids = [g.id for g in grades]
    if len(set(ids)) != len(ids):
        raise TrackerScaleError(file=path.name, field="grades", reason="grade ids must be unique")
    return pd.DataFrame([g.model_dump() for g in grades])[["id", "label", "meaning"]]


_SCALE = load_scale()
#: grade id -> label, in scale order (read from data/tracker-scale.yaml)
ASSESSMENTS = dict(zip(_SCALE.id, _SCALE.label))
#: grade id -> meaning
MEANINGS = dict(zip(_SCALE.id, _SCALE.meaning))
#: the grade a paragraph with no answer in the text must carry
NO_ANSWER = "insufficient-information"


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
    """Raise RecommendationsError for the first row that breaks a rule the schema cannot state.

    The schema (data/schemas/recommendations.schema.yaml, checked at load by catbook.pack.tables)
    holds the header, unique paragraphs, required cells and the grades; here: sections that
    exist, answer lines inside the report, the grade of a paragraph with no answer, a reason.
    """
    paras = load_paragraphs()
    sections = set(paras.section)
    for row in df.itertuples():
        for sec in filter(None, str(row.section).split(";")):
            if sec not in sections:
                raise RecommendationsError(row.co2_paragraph, "section", f"unknown section {sec!r}")
        span = answer_range(row.answer_lines)
        if span and not (1 <= span[0] <= span[1] <= len(paras)):
            raise RecommendationsError(row.co2_paragraph, "answer_lines", f"{row.answer_lines!r} outside the report")
        if span is None and row.assessment != NO_ANSWER:
            raise RecommendationsError(row.co2_paragraph, "answer_lines",
                                       f"a paragraph with no answer in the text can only be {NO_ANSWER!r}")
        if not str(row.reason_en).strip():
            raise RecommendationsError(row.co2_paragraph, "reason_en", "an assessment needs its reason")


def load_recommendations(path: Path = RECOMMENDATIONS_CSV) -> pd.DataFrame:
    """The pack's recommendations.csv, validated by its schema (catbook.pack.tables) and :func:`validate`."""
    from catbook.pack import tables
    df = tables.load("recommendations", path)
    df["co2_paragraph"] = df["co2_paragraph"].astype(int)
    df["heading_in_text"] = df["heading_in_text"].str.lower().map({"true": True, "false": False})
    validate(df)
    return df.sort_values("co2_paragraph").reset_index(drop=True)


def committee_wording(paragraph: int, previous: pd.DataFrame | None = None) -> str:
    """Whether the Committee's own words for a paragraph of the previous observations were reached
    (``paths.PREVIOUS_TEXT_CSV``)."""
    from catbook.judge.external import PREVIOUS_TEXT_KINDS, load_previous_text
    previous = load_previous_text() if previous is None else previous
    rows = previous[previous.co2_paragraph.astype(int) == int(paragraph)]
    if rows.empty:
        return ("no public copy of this paragraph's text was reached; the topic is inferred "
                "from the report's answer")
    r = rows.iloc[0]
    return (f"{PREVIOUS_TEXT_KINDS[r.text_kind]}, {r.source_symbol} ({r.source_date}): "
            f"\u201c{r.text_en}\u201d")


def scale_table() -> pd.DataFrame:
    """The graded scale with its meanings (for the tracker page): the grade first, as the
    tracker shows it, then what it means; no index (the ids are the data's, not the reader's)."""
    return _SCALE.rename(columns={"label": "assessment"})[["assessment", "meaning"]].reset_index(drop=True)


def anchor(paragraph: int) -> str:
    """The stable anchor of a recommendation on the tracker page: 'rec-' + the sections' prefix + N."""
    return f"rec-{report().co_prefix}{paragraph}"


def tracker_table(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """One line per paragraph of the previous observations: topic, where the report answers, and the assessment.

    Indexed by paragraph, with the data's column names; the book draws it as a reader table
    (``catbook.book.display``): the assessment first, human headers, no index column."""
    from catbook.judge.external import load_previous_text
    df = load_recommendations() if df is None else df
    reached = set(load_previous_text().co2_paragraph.astype(int))
    return df.assign(assessment=df.assessment.map(ASSESSMENTS),
                     heading_in_text=df.heading_in_text.map({True: "yes", False: "no"}),
                     co2_text_reached=df.co2_paragraph.map(lambda p: "yes" if p in reached else "no"))[
        ["co2_paragraph", "topic_en", "answer_lines", "para_no", "heading_in_text", "co2_text_reached",
         "assessment"]
    ].set_index("co2_paragraph")


def assessment_counts(df: pd.DataFrame | None = None) -> pd.Series:
    df = load_recommendations() if df is None else df
    return (df.assessment.map(ASSESSMENTS).value_counts()
            .reindex(list(ASSESSMENTS.values()), fill_value=0).rename("paragraphs"))


def tracker_details(df: pd.DataFrame | None = None):
    """Each recommendation with a stable anchor, its answer's lines, chapter and reasons."""
    from catbook.pack.chapters import CHAPTERS, chapter_of_section
    from catbook.text.markdown import Markdown
    from catbook.text.markdown import escape, lines_span_ref
    from catbook.judge.external import load_previous_text
    df = load_recommendations() if df is None else df
    previous = load_previous_text()
    short = report().previous_observations.short_name
    blocks = []
    for r in df.itertuples():
        span = answer_range(r.answer_lines)
        where = lines_span_ref(*span) if span else "no answer found in the text"
        heading = "printed" if r.heading_in_text else "missing from the text"
        chapters = sorted({c for s in str(r.section).split(";") if s and (c := chapter_of_section(s))})
        links = ", ".join(f"{{doc}}`{CHAPTERS[c].title} <{CHAPTERS[c].notebook}>`" for c in chapters)
        blocks.append(
            f"({anchor(r.co2_paragraph)})=\n**{short} paragraph {r.co2_paragraph}: {escape(r.topic_en)}**\n\n"
            f"- **Assessment:** {ASSESSMENTS[r.assessment]} ({escape(MEANINGS[r.assessment])})\n"
            f"- **The Committee's wording:** {escape(committee_wording(r.co2_paragraph, previous))}\n"
            f"- **The report's answer:** {where} (heading {heading})\n"
            + (f"- **Discussed in:** {links}\n" if links else "")
            + f"\n{escape(r.reason_en)}")
    return Markdown("\n\n".join(blocks))


def claims_without_chapter():
    """Claims of the sections answering the previous observations that no article chapter presents."""
    from catbook.pack.chapters import chapter_of_section
    from catbook.judge.claims import load_claims
    claims = load_claims()
    mask = claims.section.str.startswith(report().co_prefix) & claims.section.map(
        lambda s: chapter_of_section(s) is None)
    return claims[mask]
