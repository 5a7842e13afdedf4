"""Findings: one judgement per matter of substance (the pack's ``findings.yaml``).

A finding gathers what the book holds on one matter (for example the 29 Uzbek nationals
handed over in 2010 or 2011): the Convention articles, one verdict on the one scale
(``data/verdict-scale.yaml``), a severity, the report's lines or ``silence``, the claims it
judges, the figures, audit checks and reconciliation rows that decide it, the outside facts
that bear on it (kept in their own field and shown beside the verdict, never inside it: the
verdict stays on the report's own data), the reasoning and the questions for the delegation.

The severity is never typed: a finding names the gravity of the right at stake and the
strength of the evidence, and the rubric declared once in ``data/severity-rubric.yaml``
combines them (:func:`severity`).

One verdict per assertion: a claim or an audit check a finding cites carries the finding's
verdict, unless the finding records an exception with its reason (:func:`disagreements`).

``python -m catbook.judge.findings`` writes the derived table ``findings.csv``;
``python -m catbook pages`` writes the page ``book/findings.md``.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Literal, Union

import pandas as pd
from pydantic import Field, field_validator, model_validator

from catbook.judge import verdicts
from catbook.judge.articles import article_key, article_label, article_problem
from catbook.pack.datafile import DataFileError, StrictModel, load_yaml
from catbook.pack.pack_pages import pack_text
from catbook.pack.paths import BOOK, FINDINGS_CSV, FINDINGS_YAML, SEVERITY_RUBRIC_YAML, rel
from catbook.text.markdown import escape, line_ref

FINDINGS_MD = BOOK / "findings.md"

COLUMNS = ["finding_id", "title_en", "chapters", "convention_articles", "verdict", "gravity",
           "evidence", "severity", "report_lines", "context_lines", "claim_ids", "figure_ids",
           "audit_check_ids", "reconciliation_ids", "fact_ids", "question_ids", "exceptions_en",
           "reasoning_en", "residual", "other_claim_ids", "other_audit_check_ids"]

_ID = re.compile(r"^f-[a-z0-9]+(?:-[a-z0-9]+)*$")


class FindingsError(DataFileError):
    """findings.yaml or severity-rubric.yaml breaks a rule: names the file, the field and the reason."""


# ---------------------------------------------------------------------------
# The severity rubric (shared by every pack)
# ---------------------------------------------------------------------------

class Level(StrictModel):
    id: str
    rank: int = Field(ge=1)
    label_en: str
    meaning_en: str


class SeverityLevel(StrictModel):
    id: str
    min_score: int = Field(ge=1)
    label_en: str
    meaning_en: str


class Rubric(StrictModel):
    gravity: tuple[Level, ...]
    evidence: tuple[Level, ...]
    rule_en: str
    severity: tuple[SeverityLevel, ...]


@lru_cache(maxsize=4)
def rubric(path: Path = SEVERITY_RUBRIC_YAML) -> Rubric:
    """data/severity-rubric.yaml, validated: unique ids, severities from the highest, the lowest reachable."""
    r = load_yaml(path, Rubric, FindingsError)
    for name in ("gravity", "evidence", "severity"):
        ids = [x.id for x in getattr(r, name)]
        if len(set(ids)) != len(ids):
            raise FindingsError(Path(path).name, f"{name}.id", "duplicated")
    mins = [s.min_score for s in r.severity]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        raise FindingsError(Path(path).name, "severity.min_score", "levels must go from the highest score down")
    if mins[-1] > 1:
        raise FindingsError(Path(path).name, "severity.min_score", "the lowest level must start at 1")
    return r


def severity(gravity: str, evidence: str, r: Rubric | None = None) -> str:
    """The severity the rubric gives a gravity and a strength of evidence (never typed)."""
    r = r or rubric()
    g = {x.id: x.rank for x in r.gravity}
    e = {x.id: x.rank for x in r.evidence}
    if gravity not in g:
        raise FindingsError("severity-rubric.yaml", "gravity", f"{gravity!r} is not a gravity of the rubric")
    if evidence not in e:
        raise FindingsError("severity-rubric.yaml", "evidence", f"{evidence!r} is not a strength of the rubric")
    score = g[gravity] * e[evidence]
    return next(s.id for s in r.severity if score >= s.min_score)


def severity_ids() -> list[str]:
    return [s.id for s in rubric().severity]


#: Among findings of one severity, the verdicts a reader should meet first: what the report's own
#: data contradict, then what they support only in part, then what they leave unverified.
VERDICT_READING_ORDER = ("contradicted", "partly-supported", "unverified", "not-checkable", "restated",
                         "supported")


def most_severe_first(found) -> list:
    """``found`` ordered as every page lists findings: by severity (the rubric's order), then by
    gravity x strength of evidence, then by :data:`VERDICT_READING_ORDER`; stable otherwise."""
    r = rubric()
    sev = {s.id: i for i, s in enumerate(r.severity)}
    grav = {g.id: g.rank for g in r.gravity}
    evid = {e.id: e.rank for e in r.evidence}
    last = len(VERDICT_READING_ORDER)

    def key(f) -> tuple:
        verdict = VERDICT_READING_ORDER.index(f.verdict) if f.verdict in VERDICT_READING_ORDER else last
        return (sev[f.severity], -grav[f.gravity] * evid[f.evidence], verdict)
    return sorted(found, key=key)


# ---------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------

class FindingException(StrictModel):
    """A claim or audit check the finding cites whose verdict differs, and why."""
    ref: str
    reason_en: str = Field(min_length=20)


class Finding(StrictModel):
    id: str
    title_en: str = Field(min_length=10)
    chapters: tuple[str, ...] = Field(min_length=1)
    articles: tuple[str, ...] = Field(min_length=1)
    verdict: str
    gravity: str
    evidence: str
    lines: Union[Literal["silence"], tuple[int, ...]]
    context_lines: tuple[int, ...] = ()
    claims: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    audit_checks: tuple[str, ...] = ()
    reconciliation: tuple[str, ...] = ()
    external: tuple[str, ...] = ()
    reasoning_en: str = Field(min_length=40)
    questions: tuple[str, ...] = ()
    exceptions: tuple[FindingException, ...] = ()
    #: A residual finding files a chapter's other claims and checks, each judged on its own evidence:
    #: ``other_claims`` / ``other_audit_checks`` (not ``claims``), its verdict the most frequent of theirs.
    residual: bool = False
    other_claims: tuple[str, ...] = ()
    other_audit_checks: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _residual_or_matter(self):
        if self.residual:
            if self.claims or self.audit_checks or self.exceptions:
                raise ValueError("a residual finding files other_claims / other_audit_checks and judges none")
        else:
            if self.other_claims or self.other_audit_checks:
                raise ValueError("only a residual finding has other_claims / other_audit_checks")
            if not self.questions:
                raise ValueError("a finding on a matter of substance needs its question or questions")
        return self

    @field_validator("id")
    @classmethod
    def _slug(cls, v):
        if not _ID.match(v):
            raise ValueError("must be 'f-' and a lowercase slug")
        return v

    @field_validator("articles")
    @classmethod
    def _articles(cls, v):
        for a in v:
            problem = article_problem(a)
            if problem:
                raise ValueError(problem)
        return v

    @field_validator("lines")
    @classmethod
    def _some_lines(cls, v):
        if v != "silence" and not v:
            raise ValueError("give the report's lines, or 'silence'")
        return v

    @property
    def severity(self) -> str:
        return severity(self.gravity, self.evidence)

    @property
    def silent(self) -> bool:
        return self.lines == "silence"


class FindingsFile(StrictModel):
    findings: tuple[Finding, ...] = Field(min_length=1)


def _known(name: str, column: str) -> set[str]:
    from catbook.pack import tables
    return set(tables.load(name)[column])


def _check_refs(findings: tuple[Finding, ...], file: str) -> None:
    """Every id a finding names exists; its questions name it back; exceptions name what it cites."""
    from catbook.judge import questions as q
    from catbook.pack.chapters import load_chapters
    from catbook.text.source import source_lines
    lines = source_lines()
    chapters = set(load_chapters()[0])
    scale = set(verdicts.verdict_ids())
    r = rubric()
    grav, evid = {x.id for x in r.gravity}, {x.id for x in r.evidence}
    claim_ids, check_ids = _known("claims", "claim_id"), _known("audit", "check_id")
    known = {"claims": claim_ids, "figures": _known("figures", "figure_id"),
             "audit_checks": check_ids, "other_claims": claim_ids, "other_audit_checks": check_ids,
             "reconciliation": _known("torture-reconciliation", "figure_id"),
             "external": _known("external", "fact_id")}
    qs = q.load_questions()
    asked = dict(zip(qs.question_id, qs.finding_id))
    ids = [f.id for f in findings]
    for i, f in enumerate(findings):
        where = f"findings[{i}] ({f.id})"
        if ids.count(f.id) > 1:
            raise FindingsError(file, f"{where}.id", "duplicated")
        if f.verdict not in scale:
            raise FindingsError(file, f"{where}.verdict", f"{f.verdict!r} is not on the verdict scale")
        if f.gravity not in grav:
            raise FindingsError(file, f"{where}.gravity", f"{f.gravity!r} is not a gravity of the rubric")
        if f.evidence not in evid:
            raise FindingsError(file, f"{where}.evidence", f"{f.evidence!r} is not a strength of the rubric")
        for c in f.chapters:
            if c not in chapters:
                raise FindingsError(file, f"{where}.chapters", f"{c!r} is no chapter of chapters.yaml")
        for field in ("lines", "context_lines"):
            value = getattr(f, field)
            for n in () if value == "silence" else value:
                if not 1 <= n <= len(lines) or not lines[n - 1].strip():
                    raise FindingsError(file, f"{where}.{field}", f"{n} is not a non-empty line of the report")
        for field, ok in known.items():
            for x in getattr(f, field):
                if x not in ok:
                    raise FindingsError(file, f"{where}.{field}", f"{x!r} is not in its table")
        for x in f.questions:
            if x not in asked:
                raise FindingsError(file, f"{where}.questions", f"{x!r} is not in questions.csv")
            if asked[x] != f.id:
                raise FindingsError(file, f"{where}.questions", f"{x} is tied to {asked[x]!r} in questions.csv")
        cited = set(f.claims) | set(f.audit_checks)
        for e in f.exceptions:
            if e.ref not in cited:
                raise FindingsError(file, f"{where}.exceptions", f"{e.ref!r} is not a claim or audit check it cites")
    for qid, fid in asked.items():
        owner = next((f for f in findings if f.id == fid), None)
        if owner is None:
            raise FindingsError(file, "findings", f"{qid} is tied to {fid!r}, which is no finding")
        if qid not in owner.questions:
            raise FindingsError(file, f"{fid}.questions", f"does not list {qid}, which questions.csv ties to it")


def load_findings(path: Path = FINDINGS_YAML, *, check_refs: bool = True) -> tuple[Finding, ...]:
    """The pack's findings.yaml, validated; ``check_refs`` also checks every id against its table."""
    file = Path(path).name
    data = load_yaml(path, FindingsFile, FindingsError, file=file)
    if check_refs:
        _check_refs(data.findings, file)
    return data.findings


def has_findings() -> bool:
    """Whether the pack has a findings.yaml (a new pack may not yet)."""
    return FINDINGS_YAML.exists()


# ---------------------------------------------------------------------------
# One verdict per assertion
# ---------------------------------------------------------------------------

def cited_verdicts(f: Finding) -> dict[str, tuple[str, str]]:
    """ref -> (its kind, its verdict): the claims and audit checks the finding cites."""
    from catbook.pack import tables
    claims = tables.load("claims").set_index("claim_id").verdict
    audit = tables.load("audit").set_index("check_id").status
    out = {c: ("claim", claims[c]) for c in f.claims}
    out.update({a: ("audit check", audit[a]) for a in f.audit_checks})
    return out


def disagreements(findings: tuple[Finding, ...] | None = None) -> list[dict]:
    """Every claim or audit check a finding cites whose verdict differs from the finding's
    and for which the finding records no exception."""
    findings = load_findings() if findings is None else findings
    out = []
    for f in findings:
        excused = {e.ref for e in f.exceptions}
        for ref, (kind, verdict) in cited_verdicts(f).items():
            if verdict != f.verdict and ref not in excused:
                out.append({"finding": f.id, "ref": ref, "kind": kind,
                            "finding_verdict": f.verdict, "cited_verdict": verdict})
    return out


def needless_exceptions(findings: tuple[Finding, ...] | None = None) -> list[tuple[str, str]]:
    """(finding, ref) of exceptions recorded for a claim or check that in fact agrees."""
    findings = load_findings() if findings is None else findings
    out = []
    for f in findings:
        cited = cited_verdicts(f)
        out += [(f.id, e.ref) for e in f.exceptions if cited[e.ref][1] == f.verdict]
    return out


def filed() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(claim id -> the findings that list it, audit check id -> the findings that list it), over
    every claim of claims.csv and every check of audit.csv: one finding each is the rule."""
    from catbook.pack import tables
    fs = load_findings(check_refs=False)
    claims = {c: [] for c in tables.load("claims").claim_id}
    checks = {a: [] for a in tables.load("audit").check_id}
    for f in fs:
        for c in f.claims + f.other_claims:
            claims.setdefault(c, []).append(f.id)
        for a in f.audit_checks + f.other_audit_checks:
            checks.setdefault(a, []).append(f.id)
    return claims, checks


def finding_of(ref: str) -> str:
    """The one finding a claim or audit check is filed under."""
    claims, checks = filed()
    return (claims.get(ref) or checks.get(ref))[0]


def residual_verdict(f: Finding) -> str:
    """A residual finding's verdict from its evidence: the most frequent verdict of the claims and
    checks it files (ties: the first in the scale's order)."""
    from catbook.pack import tables
    claims = tables.load("claims").set_index("claim_id").verdict
    audit = tables.load("audit").set_index("check_id").status
    got = [claims[c] for c in f.other_claims] + [audit[a] for a in f.other_audit_checks]
    order = verdicts.verdict_ids()
    return max(order, key=lambda v: (got.count(v), -order.index(v)))


# ---------------------------------------------------------------------------
# The table and the page
# ---------------------------------------------------------------------------

def _join(values) -> str:
    return ";".join(str(v) for v in values)


def table(findings: tuple[Finding, ...] | None = None) -> pd.DataFrame:
    """findings.csv: one row per finding, the severity computed."""
    findings = load_findings() if findings is None else findings
    rows = [{"finding_id": f.id, "title_en": f.title_en, "chapters": _join(f.chapters),
             "convention_articles": _join(f.articles), "verdict": f.verdict, "gravity": f.gravity,
             "evidence": f.evidence, "severity": f.severity,
             "report_lines": "silence" if f.silent else _join(f.lines),
             "context_lines": _join(f.context_lines), "claim_ids": _join(f.claims),
             "figure_ids": _join(f.figures), "audit_check_ids": _join(f.audit_checks),
             "reconciliation_ids": _join(f.reconciliation), "fact_ids": _join(f.external),
             "question_ids": _join(f.questions),
             "exceptions_en": " | ".join(f"{e.ref}: {' '.join(e.reason_en.split())}" for e in f.exceptions),
             "reasoning_en": " ".join(f.reasoning_en.split()),
             "residual": "yes" if f.residual else "no", "other_claim_ids": _join(f.other_claims),
             "other_audit_check_ids": _join(f.other_audit_checks)} for f in findings]
    return pd.DataFrame(rows, columns=COLUMNS)


def write_csv(path: Path = FINDINGS_CSV) -> Path:
    table().to_csv(path, index=False, lineterminator="\n")
    return path


def _lines_md(values) -> str:
    return ", ".join(line_ref(int(n)) for n in values)


def _fact_md(fact_id: str, facts: pd.DataFrame) -> str:
    row = facts.loc[fact_id]
    return (f"{{ref}}`{escape(row.source_title)} <ext-{fact_id}>` "
            f"({escape(row.source_symbol_or_publisher)}, {row.source_date or 'undated'}; "
            f"it {row.bearing.replace('-', ' ')} the report)")


def render_page() -> str:
    """book/findings.md: the findings by article, then by severity."""
    if not has_findings():
        return pack_text("findings.md", rubric_rule=rubric().rule_en, counts="", severities="") + \
            "\nNo findings have been recorded for this report yet.\n"
    from catbook.pack import tables
    findings = load_findings()
    facts = tables.load("external").set_index("fact_id")
    labels = verdicts.labels()
    r = rubric()
    sev_label = {s.id: s.label_en for s in r.severity}
    grav_label = {g.id: g.label_en for g in r.gravity}
    evid_label = {e.id: e.label_en for e in r.evidence}
    by_sev = {s: sum(f.severity == s for f in findings) for s in sev_label}
    counts = ", ".join(f"{n} of {sev_label[s]} severity" for s, n in by_sev.items())
    by_verdict = {v: sum(f.verdict == v for f in findings) for v in labels}
    vcounts = ", ".join(f"{n} {labels[v]}" for v, n in by_verdict.items() if n)
    severities = "\n".join(f"- **{s.label_en}** (score {s.min_score} or more): {s.meaning_en}." for s in r.severity)
    out = pack_text("findings.md", rubric_rule=" ".join(r.rule_en.split()),
                    counts=f"{len(findings)} findings: {counts}; verdicts: {vcounts}.",
                    severities=severities).rstrip("\n").split("\n") + [""]
    articles = sorted({a for f in findings for a in f.articles}, key=article_key)
    for article in articles:
        out += [f"## {article_label(article)}", ""]
        here = most_severe_first(f for f in findings if article in f.articles)
        for f in here:
            anchor = f"({f.id})=" if f.articles[0] == article else ""
            if anchor:
                out += [anchor]
            out += [f"### {escape(f.title_en)}", ""]
            if not anchor:
                out += [f"Listed under {article_label(f.articles[0]).lower()}: see {{ref}}`the finding <{f.id}>`.", ""]
                continue
            others = [a for a in f.articles if a != article]
            out += [f"**Verdict:** {labels[f.verdict]} · **Severity:** {sev_label[f.severity]} "
                    f"({grav_label[f.gravity]}; {evid_label[f.evidence]})"
                    + (f" · **Also under:** {', '.join(article_label(a) for a in others)}" if others else ""),
                    ""]
            if f.external:
                out += ["**Outside facts beside the verdict** (they do not change it):", ""]
                out += [f"- {_fact_md(x, facts)}" for x in f.external] + [""]
            where = "the report is silent" if f.silent else _lines_md(f.lines)
            if f.context_lines:
                where += ("; against " if f.silent else "; see also ") + _lines_md(f.context_lines)
            if f.residual:
                out += [escape(" ".join(f.reasoning_en.split())), ""]
                out += [f"*Filed here, each judged on its own evidence:* {len(f.other_claims)} claims"
                        + (f" ({', '.join(f.other_claims)})" if f.other_claims else "")
                        + (f"; audit checks {', '.join(f.other_audit_checks)}" if f.other_audit_checks else "")
                        + ".", ""]
                continue
            out += [f"**Where in the report:** {where}.", ""]
            out += [escape(" ".join(f.reasoning_en.split())), ""]
            held = []
            if f.claims:
                held.append(f"claims {', '.join(f.claims)}")
            if f.audit_checks:
                held.append(f"audit checks {', '.join(f.audit_checks)}")
            if f.figures:
                held.append(f"figures {', '.join(f.figures)}")
            if f.reconciliation:
                held.append(f"reconciliation rows {', '.join(f.reconciliation)}")
            if held:
                out += [f"*What decides it:* {'; '.join(held)}.", ""]
            for e in f.exceptions:
                out += [f"*Where a cited verdict differs* ({e.ref}): {escape(' '.join(e.reason_en.split()))}", ""]
            out += ["*Questions for the delegation:* "
                    + ", ".join(f"{{ref}}`{x} <{x}>`" for x in f.questions) + ".", ""]
    return "\n".join(out) + "\n"


def write_page(path: Path = FINDINGS_MD) -> Path:
    path.write_text(render_page(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    out = write_csv()
    print(f"wrote {rel(out)} ({len(load_findings())} findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
