"""The book's one verdict scale (data/verdict-scale.yaml) and the verdicts computed from figures.

The scale is defined once in data: the six verdicts in display order, each with its label and
meaning, and the check kinds, each with the verdicts it may give. Claims whose verdict is decided
by numbers (check kind ``computed``) are declared in the pack's claim-checks.yaml: which figures of
its figures.csv, in which order, and which computation; :func:`computed_verdicts` gives their
verdicts, and the register (the pack's claims.csv) must agree (tests/test_verdicts.py).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import field_validator

from catbook.pack.datafile import DataFileError, StrictModel, load_yaml, read_yaml, validate
from catbook.pack.paths import CLAIM_CHECKS_YAML, VERDICT_SCALE_YAML


class VerdictScaleError(DataFileError):
    """The verdict scale or the claim checks break one of their rules; names the file, field and reason."""

    @property
    def where(self) -> str:
        return self.file


class Verdict(StrictModel):
    id: str
    label_en: str
    meaning_en: str


class CheckKind(StrictModel):
    id: str
    meaning_en: str
    verdicts: tuple[str, ...]


class Rule(StrictModel):
    """A rule that applies the scale alike to every claim and check (issue 22), with its example."""
    id: str
    title_en: str
    rule_en: str
    examples: tuple[str, ...]
    example_en: str
    wording: tuple[str, ...] = ()

    @field_validator("examples")
    @classmethod
    def _an_example(cls, v):
        if not v:
            raise ValueError("a rule needs at least one example (claim ids)")
        return v


class Scale(StrictModel):
    verdicts: tuple[Verdict, ...]
    check_kinds: tuple[CheckKind, ...]
    rules: tuple[Rule, ...] = ()


COMPUTATIONS = {
    "monotone-increasing": "each figure is larger than the one before (a rise every year)",
    "monotone-decreasing": "each figure is smaller than the one before (a fall every year)",
    "increased": "the last figure is larger than the first",
    "decreased": "the last figure is smaller than the first",
    "halved": "the last figure is at most half the first (within the tolerance)",
    "sum-equals": "the first figure equals the sum of the others (within the tolerance)",
    "share-equals": "the first figure (a percentage) equals 100 x the second / the third (within the tolerance)",
    "none-against-counts": "the first figure is a stated zero; supported when every other figure is zero too",
    "greater-than": "the first figure is larger than the second",
    "each-greater-than": "every figure after the first is larger than the first (a threshold stated for every year)",
    "share-of-sum": "the first figure (a percentage) equals 100 x the second / the sum of the second and the rest (within the tolerance)",
    "shares-sum-to-100": "the figures (percentages of one whole) add up to 100 (within the tolerance)",
    "parts-within-whole": "the figures after the first add up to no more than the first: a 'dont' or 'parmi' list "
                          "within its whole, which need not be complete (rule b)",
}


class ClaimCheck(StrictModel):
    claim_id: str
    computation: Literal[tuple(COMPUTATIONS)]  # type: ignore[valid-type]
    figure_ids: tuple[str, ...]
    reading_en: str
    tolerance: float = 0.0

    @field_validator("figure_ids")
    @classmethod
    def _two_or_more(cls, v):
        if len(v) < 2:
            raise ValueError("a computation needs at least two figures")
        return v


@lru_cache(maxsize=1)
def scale() -> Scale:
    """data/verdict-scale.yaml, validated: unique ids, every kind's verdicts on the scale."""
    s = load_yaml(VERDICT_SCALE_YAML, Scale, VerdictScaleError)
    ids = [v.id for v in s.verdicts]
    if len(set(ids)) != len(ids):
        raise VerdictScaleError("verdict-scale.yaml", "verdicts.id", "duplicated")
    rids = [r.id for r in s.rules]
    if len(set(rids)) != len(rids):
        raise VerdictScaleError("verdict-scale.yaml", "rules.id", "duplicated")
    kinds = [k.id for k in s.check_kinds]
    if len(set(kinds)) != len(kinds):
        raise VerdictScaleError("verdict-scale.yaml", "check_kinds.id", "duplicated")
    for k in s.check_kinds:
        for v in k.verdicts:
            if v not in ids:
                raise VerdictScaleError("verdict-scale.yaml", f"check_kinds.{k.id}.verdicts",
                                        f"{v!r} is not a verdict of the scale")
    return s


def verdict_ids() -> list[str]:
    """The verdicts in display order."""
    return [v.id for v in scale().verdicts]


def labels() -> dict[str, str]:
    """Verdict id -> English label, in display order."""
    return {v.id: v.label_en for v in scale().verdicts}


def meanings() -> dict[str, str]:
    """Verdict id -> what it means, in display order."""
    return {v.id: " ".join(v.meaning_en.split()) for v in scale().verdicts}


def check_kinds() -> dict[str, tuple[str, ...]]:
    """Check kind id -> the verdicts it allows."""
    return {k.id: k.verdicts for k in scale().check_kinds}


def rules() -> dict[str, Rule]:
    """Rule id -> the rule (data/verdict-scale.yaml, rules), in order."""
    return {r.id: r for r in scale().rules}


#: Values of claims.csv's column rule besides a rule id: a point of the legal review settled on its
#: own facts, and a claim with rule (d) wording kept supported (its reason in evidence_en).
RULE_EXTRAS = ("review", "d-exception")


def effort_wording(text: str) -> bool:
    """Whether a quote has rule (d)'s wording of effort, improvement or cause."""
    stems = rules()["d"].wording if "d" in rules() else ()
    low = text.lower()
    return any(s.lower() in low for s in stems)


def check_kind_meanings() -> dict[str, str]:
    return {k.id: " ".join(k.meaning_en.split()) for k in scale().check_kinds}


# Kinds whose claims must name the figures they rest on / the lines they rest on.
FIGURE_KINDS = ("computed", "figures-judged")
LINE_KINDS = ("restatement", "statements", "figures-judged")


def load_claim_checks() -> list[ClaimCheck]:
    """The pack's claim-checks.yaml, validated (unknown figure ids are checked by :func:`computed_verdicts`)."""
    raw = read_yaml(CLAIM_CHECKS_YAML, VerdictScaleError) or {}
    out = [validate(entry, ClaimCheck, VerdictScaleError, file=f"{CLAIM_CHECKS_YAML.name} checks[{i}]")
           for i, entry in enumerate(raw.get("checks", []))]
    ids = [c.claim_id for c in out]
    dupes = {x for x in ids if ids.count(x) > 1}
    if dupes:
        raise VerdictScaleError("claim-checks.yaml", "claim_id", f"{sorted(dupes)[0]} duplicated")
    return out


def compute(check: ClaimCheck, values: list[float]) -> str:
    """The verdict one computation gives on the figures' values (in the check's order)."""
    c, tol = check.computation, check.tolerance
    pairs = list(zip(values, values[1:]))
    if c == "monotone-increasing":
        ok = all(b > a for a, b in pairs)
    elif c == "monotone-decreasing":
        ok = all(b < a for a, b in pairs)
    elif c == "increased":
        ok = values[-1] > values[0]
    elif c == "decreased":
        ok = values[-1] < values[0]
    elif c == "halved":
        ok = values[-1] <= values[0] / 2 * (1 + tol)
    elif c == "sum-equals":
        ok = abs(values[0] - sum(values[1:])) <= tol
    elif c == "share-equals":
        if len(values) != 3 or values[2] == 0:
            raise VerdictScaleError(check.claim_id, "figure_ids", "share-equals needs share, part, whole")
        ok = abs(values[0] - 100 * values[1] / values[2]) <= tol
    elif c == "none-against-counts":
        ok = values[0] == 0 and all(v == 0 for v in values[1:])
    elif c == "greater-than":
        if len(values) != 2:
            raise VerdictScaleError(check.claim_id, "figure_ids", "greater-than needs two figures")
        ok = values[0] > values[1]
    elif c == "each-greater-than":
        ok = all(v > values[0] for v in values[1:])
    elif c == "share-of-sum":
        ok = abs(values[0] - 100 * values[1] / sum(values[1:])) <= tol
    elif c == "shares-sum-to-100":
        ok = abs(sum(values) - 100) <= tol
    elif c == "parts-within-whole":
        ok = sum(values[1:]) <= values[0] + tol
    else:  # pragma: no cover - Literal forbids it
        raise VerdictScaleError(check.claim_id, "computation", f"unknown {c!r}")
    return "supported" if ok else "contradicted"


def computed_verdicts(figures=None) -> dict[str, str]:
    """claim id -> the verdict its declared computation gives on the pack's figures.csv."""
    from catbook.text.figures import FigureLookupError, figure
    out = {}
    for check in load_claim_checks():
        try:
            values = [float(figure(f, figures=figures).value) for f in check.figure_ids]
        except FigureLookupError as error:
            raise VerdictScaleError(check.claim_id, "figure_ids", f"{error.figure_id} is not in figures.csv") from None
        out[check.claim_id] = compute(check, values)
    return out


def legend_markdown() -> str:
    """The scale as a Markdown table (verdict, meaning), for the book's pages."""
    rows = ["| verdict | when it applies |", "|---|---|"]
    rows += [f"| {labels()[v]} | {m} |" for v, m in meanings().items()]
    return "\n".join(rows)
