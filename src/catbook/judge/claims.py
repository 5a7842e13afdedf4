"""The claims register (<pack>/claims.csv): what the report asserts, and what its own data say.

Loading validates every row, so a chapter can never show a quote that is not in
the report or a verdict outside the agreed scale.
"""
from __future__ import annotations

import pandas as pd

from catbook.judge import verdicts
from catbook.text.corpus import load_paragraphs
from catbook.text.para_columns import para_no_value
from catbook.pack.paths import CLAIMS_CSV
from catbook.text.source import line

COLUMNS = ["claim_id", "section", "source_line", "para_no", "quote_fr", "gloss_en", "summary_en", "kind",
           "legal_basis", "verdict", "check_kind", "figure_ids", "evidence_en", "evidence_lines", "rule"]

KINDS = {
    "legal-measure": "legal measure",
    "statistic": "statistic",
    "assertion": "assertion of fact",
    "commitment": "commitment",
}
# The one verdict scale (data/verdict-scale.yaml, catbook.judge.verdicts): id -> label, in display order.
VERDICTS = verdicts.labels()
CHECK_KINDS = verdicts.check_kinds()


class ClaimsError(ValueError):
    """A row of the claims register breaks one of its rules."""

    def __init__(self, claim_id: str, field: str, reason: str):
        self.claim_id, self.field, self.reason = claim_id, field, reason
        super().__init__(f"claims.csv {claim_id}: {field}: {reason}")


def validate(df: pd.DataFrame) -> None:
    """Raise ClaimsError for the first row that breaks a rule the schema cannot state.

    The schema (data/schemas/claims.schema.yaml, checked at load by catbook.pack.tables) holds the
    header, unique ids, required cells and the vocabularies of kind, verdict and check kind;
    here: a verdict allowed by its check kind, the figures and lines it rests on, the quote
    verbatim in its line, the line's section and official paragraph.
    """
    sections = load_paragraphs().set_index("source_line").section
    from catbook.text.figures import load_figures
    known_figures = set(load_figures().figure_id)
    for row in df.itertuples():
        allowed = CHECK_KINDS.get(row.check_kind, ())
        if row.verdict not in allowed:
            raise ClaimsError(row.claim_id, "verdict",
                              f"{row.verdict!r} is not allowed by check kind {row.check_kind!r} "
                              f"(allowed: {', '.join(allowed)})")
        figs = figure_ids(row.figure_ids)
        if row.check_kind in verdicts.FIGURE_KINDS and not figs:
            raise ClaimsError(row.claim_id, "figure_ids", f"check kind {row.check_kind!r} needs its figures")
        if figs and row.check_kind not in verdicts.FIGURE_KINDS:
            raise ClaimsError(row.claim_id, "figure_ids",
                              f"only kinds {', '.join(verdicts.FIGURE_KINDS)} name figures")
        for f in figs:
            if f not in known_figures:
                raise ClaimsError(row.claim_id, "figure_ids", f"{f!r} is not a figure of figures.csv")
        if row.check_kind in verdicts.LINE_KINDS and not evidence_lines(row.evidence_lines):
            raise ClaimsError(row.claim_id, "evidence_lines",
                              f"check kind {row.check_kind!r} needs the lines it rests on")
        if not row.quote_fr or row.quote_fr not in line(row.source_line):
            raise ClaimsError(row.claim_id, "quote_fr",
                              f"not a verbatim substring of line {row.source_line}")
        if sections.get(row.source_line) != row.section:
            raise ClaimsError(row.claim_id, "section",
                              f"{row.section!r} but line {row.source_line} is in "
                              f"{sections.get(row.source_line)!r}")
        expected = para_no_value(row.source_line, "line")
        if str(row.para_no) != expected:
            raise ClaimsError(row.claim_id, "para_no",
                              f"{row.para_no!r} but line {row.source_line} is in official paragraph "
                              f"{expected or '(none)'}: run `make data`")
        if not str(row.evidence_en).strip():
            raise ClaimsError(row.claim_id, "evidence_en", "a verdict needs its reasoning")
        for ref in evidence_lines(row.evidence_lines):
            line(ref)  # raises for a line outside the report


def evidence_lines(value: str) -> list[int]:
    return [int(x) for x in str(value).split(";") if x.strip()]


def figure_ids(value: str) -> list[str]:
    return [x.strip() for x in str(value).split(";") if x.strip()]


def load_claims(validate_rows: bool = True) -> pd.DataFrame:
    """The pack's claims.csv, validated by its schema (catbook.pack.tables) and, unless
    ``validate_rows`` is false, by :func:`validate`."""
    from catbook.pack import tables
    df = tables.load("claims", CLAIMS_CSV)
    df["source_line"] = df["source_line"].astype(int)
    if validate_rows:
        validate(df)
    return df


def claims_for(section: str) -> pd.DataFrame:
    """The claims of one section, in reading order."""
    df = load_claims()
    return df[df.section == section].sort_values(["source_line", "claim_id"]).reset_index(drop=True)


def contained_parts(df: pd.DataFrame) -> set[str]:
    """Claims whose quote is the opening of a longer claim's quote on the same line: the same
    assertion quoted twice (general-007 is the first half of general-008's sentence). Counts take
    the longer claim only (:func:`counted`)."""
    out = set()
    for _, g in df.groupby("source_line"):
        rows = list(g.itertuples())
        for a in rows:
            if any(b.claim_id != a.claim_id and len(b.quote_fr) > len(a.quote_fr)
                   and str(b.quote_fr).startswith(str(a.quote_fr)) for b in rows):
                out.add(a.claim_id)
    return out


def counted(df: pd.DataFrame) -> pd.DataFrame:
    """The claims that count: overlapping quotes of one assertion count once."""
    return df[~df.claim_id.isin(contained_parts(df))]


def support_basis(df: pd.DataFrame) -> pd.Series:
    """For each supported claim: 'arithmetic' when the verdict is computed from the sentence's own
    numbers only (every figure on the claim's line), else 'corroborated' (other lines or figures of
    the report bear it out). Rule (a): summaries count the two apart."""
    from catbook.text.figures import load_figures
    lines = load_figures().set_index("figure_id").source_line.astype(int)
    sup = df[df.verdict == "supported"]

    def basis(row) -> str:
        figs = figure_ids(row.figure_ids)
        own = figs and all(int(lines[f]) == int(row.source_line) for f in figs)
        return "arithmetic" if row.check_kind in verdicts.FIGURE_KINDS and own else "corroborated"
    return pd.Series({r.claim_id: basis(r) for r in sup.itertuples()}, dtype=str)


def verdict_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Claims by kind (rows) and verdict (columns), with totals: the chapter's scorecard.
    Overlapping quotes of one assertion count once (:func:`counted`)."""
    df = counted(df)
    kinds = pd.Categorical(df.kind.map(KINDS), categories=list(KINDS.values()))
    verdicts = pd.Categorical(df.verdict.map(VERDICTS), categories=list(VERDICTS.values()))
    table = pd.crosstab(kinds, verdicts, dropna=False)
    table = table.reindex(index=list(KINDS.values()), columns=list(VERDICTS.values()), fill_value=0)
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    return table.rename_axis(index="kind", columns="verdict")
