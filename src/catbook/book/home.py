"""The home page's findings and the page that reconciles the counts, written from the data at build time.

A Sphinx extension (``sphinx.extra_extensions`` of ``_config.yml``). A page of prose carries a
marker, an HTML comment that shows nothing where the extension is not loaded, and the extension
puts Markdown computed from the pack in its place when the page is read (``source-read``):

``<!-- catbook:top-findings -->``   the most severe findings of the report (the pack's findings.yaml,
                                    severity computed by data/severity-rubric.yaml), each linked
``<!-- catbook:counts -->``         how the counts of "contradicted" claims, audit checks, findings and
                                    "contradiction" questions relate, finding by finding

No result is typed in a page: change the data and the next build says what they say. The pages
that hold a marker are read again at every build (``env-get-outdated``), so they never show
the data of an earlier one.
"""
from __future__ import annotations

from catbook.text.markdown import escape

TOP_FINDINGS = "<!-- catbook:top-findings -->"
COUNTS = "<!-- catbook:counts -->"
#: How many findings the home page lists (the most severe first); the rest are one click away.
HOME_FINDINGS = 6
def ranked_findings() -> list:
    """Every finding, the most severe first (catbook.judge.findings.most_severe_first)."""
    from catbook.judge import findings as fnd
    if not fnd.has_findings():
        return []
    return fnd.most_severe_first(fnd.load_findings(check_refs=False))


def top_findings_markdown(n: int = HOME_FINDINGS, prefix: str = "") -> str:
    """The home page's block: the ``n`` most severe findings, each linked to its entry.

    ``prefix`` is the relative path from the page to the book's root ("" for a page at the root
    of ``book/``); links are ``{ref}`` labels, so they hold from any page.
    """
    from catbook.judge import findings as fnd
    from catbook.judge import verdicts
    found = ranked_findings()
    if not found:
        return "*No findings have been recorded for this report yet.*\n"
    labels = verdicts.labels()
    sev = {s.id: s.label_en for s in fnd.rubric().severity}
    top = sev[fnd.rubric().severity[0].id]
    highest = [f for f in found if f.severity == found[0].severity]
    lines = [f"{len(found)} findings, {len(highest)} of them of {top} severity. The most severe, "
             "with their verdict on the report's own data:", ""]
    for f in found[:n]:
        arts = ", ".join(f.articles)
        lines.append(f"- **{labels[f.verdict].capitalize()}** · {{ref}}`{escape(f.title_en)} <{f.id}>` "
                     f"*(article{'s' * (len(f.articles) > 1)} {arts})*")
    lines += ["", f"All {len(found)} findings, by article and severity: {{doc}}`{prefix}findings`. "
              f"How the counts of contradictions relate: {{doc}}`{prefix}counts`.", ""]
    return "\n".join(lines)


def contradiction_counts() -> dict[str, int]:
    """How many claims, audit checks and findings say "contradicted", and how many questions are of
    the kind "contradiction" (each from its own table)."""
    from catbook.pack import tables
    counts = {"claims": int((tables.load("claims").verdict == "contradicted").sum()),
              "audit checks": int((tables.load("audit").status == "contradicted").sum()),
              "questions": int((tables.load("questions").kind == "contradiction").sum())}
    counts["findings"] = sum(f.verdict == "contradicted" for f in ranked_findings())
    return counts


def _ids(values) -> str:
    return ", ".join(f"`{v}`" for v in values) or "none"


def _claims(values) -> str:
    return ", ".join(f"{{ref}}`{v} <claim-{v}>`" for v in values) or "none"


def counts_markdown() -> str:
    """The reconciliation: the four counts, what each counts, and which finding each item belongs to."""
    from catbook.judge import verdicts
    from catbook.pack import tables
    labels = verdicts.labels()
    claims = tables.load("claims")
    audit = tables.load("audit")
    questions = tables.load("questions")
    c_claims = list(claims[claims.verdict == "contradicted"].claim_id)
    c_checks = list(audit[audit.status == "contradicted"].check_id)
    c_questions = questions[questions.kind == "contradiction"]
    found = ranked_findings()
    n = contradiction_counts()
    out = [
        "| what is counted | where | how many say \"contradicted\" | what one of them is |",
        "|---|---|---:|---|",
        f"| claims | {{doc}}`../notebooks/claims-index` | {n['claims']} of {len(claims)} | one sentence of the "
        "report, judged on the report's own data |",
        f"| audit checks | {{doc}}`../notebooks/numbers-audit` | {n['audit checks']} of {len(audit)} | one test of the "
        "report's numbers against each other (a sum, a part of a whole, a date order) |",
        f"| findings | {{doc}}`findings` | {n['findings']} of {len(found)} | one matter of substance, which "
        "gathers the claims, checks and figures that decide it |",
        f"| questions of the kind \"contradiction\" | {{doc}}`questions` | {n['questions']} of {len(questions)} | "
        "one question for the delegation, on a matter where the report says two things |",
        "",
        "The four numbers differ because they count different things. One matter is usually one "
        "finding, but it may rest on several contradicted claims and checks, or on none (a finding "
        "can be contradicted by figures alone); a finding may give rise to one question or to "
        "several; and a contradiction question may arise from a finding whose overall verdict is "
        "milder (the report contradicts itself on a detail of a matter that stays unverified). "
        "The table below follows each contradicted claim, contradicted check and contradiction "
        "question to its finding.",
        "",
        "| finding | its verdict | contradicted claims | contradicted audit checks | contradiction questions |",
        "|---|---|---|---|---|",
    ]
    seen_claims, seen_checks, seen_q = set(), set(), set()
    for f in found:
        fc = [c for c in f.claims if c in c_claims]
        fk = [k for k in f.audit_checks if k in c_checks]
        fq = list(c_questions[c_questions.finding_id == f.id].question_id)
        if not (fc or fk or fq or f.verdict == "contradicted"):
            continue
        seen_claims.update(fc), seen_checks.update(fk), seen_q.update(fq)
        out.append(f"| {{ref}}`{escape(f.title_en)} <{f.id}>` | {labels[f.verdict]} | {_claims(fc)} | "
                   f"{_ids(fk)} | {', '.join(f'{{ref}}`{q} <{q}>`' for q in fq) or 'none'} |")
    rest_c = [c for c in c_claims if c not in seen_claims]
    rest_k = [k for k in c_checks if k not in seen_checks]
    rest_q = [q for q in c_questions.question_id if q not in seen_q]
    if rest_c or rest_k or rest_q:
        out.append(f"| *cited by no finding* | | {_claims(rest_c)} | {_ids(rest_k)} | "
                   f"{', '.join(f'{{ref}}`{q} <{q}>`' for q in rest_q) or 'none'} |")
    out += ["", f"Every one of the {n['claims']} contradicted claims, {n['audit checks']} contradicted "
            f"checks and {n['questions']} contradiction questions is in one row above; "
            f"{len(rest_c)} claims and {len(rest_k)} checks are cited by no finding.", ""]
    return "\n".join(out)


MARKERS = {TOP_FINDINGS: lambda docname: top_findings_markdown(prefix=""),
           COUNTS: lambda docname: counts_markdown()}


def _source_read(app, docname: str, source: list[str]) -> None:
    text = source[0]
    for marker, render in MARKERS.items():
        if marker in text:
            text = text.replace(marker, render(docname))
    source[0] = text


def _always_reread(app, env, added, changed, removed) -> list[str]:
    """The pages with a marker are read again at every build: their Markdown comes from the data."""
    out = []
    for docname in env.found_docs:
        if not str(env.doc2path(docname)).endswith(".md"):
            continue
        try:
            text = open(env.doc2path(docname), encoding="utf-8").read()
        except (OSError, UnicodeDecodeError):
            continue
        if any(m in text for m in MARKERS):
            out.append(docname)
    return out


def setup(app):
    app.connect("source-read", _source_read)
    app.connect("env-get-outdated", _always_reread)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
