"""Questions for the delegation (the pack's ``questions.csv``) and the data-gap matrix
(``data-gaps.csv``): validation and the generated page ``book/questions.md`` (its opening
prose is the pack's ``pages/questions.md``).

A question is one contradiction, data gap or silence of the report, with the lines it rests
on, the figure or document to request and the Convention article it concerns. Its
``related`` ids (claims, audit checks, figures, external facts) must exist.

The data-gap matrix gives, per article and measure (complaints, investigations,
prosecutions, convictions, sentences, compensation, deaths in custody, occupancy against
capacity), whether the report gives the figures, and the denominator it does or does not
give. The ``status`` is computed where the figures decide (no figure: ``absent``; figures of
the measure's topic in figures.csv with their denominator: ``given``; without it:
``partial``) and checked against the stored one; ``reason_en`` says why.

``python -m catbook pages`` writes the page.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from catbook.judge.articles import article_key, article_label, article_problem
from catbook.text.markdown import escape, line_ref
from catbook.pack.pack_pages import pack_text
from catbook.pack.paths import BOOK, DATA_GAPS_CSV, FIGURES_CSV, QUESTIONS_CSV, rel

QUESTIONS_MD = BOOK / "questions.md"

QUESTION_COLUMNS = ["question_id", "finding_id", "convention_articles", "kind", "priority", "matter",
                    "question_en", "source_lines", "requested_en", "related"]
#: How soon a Committee member would ask it.
PRIORITIES = {"high": "a right the Convention holds absolute, or a safeguard the report shows failing: ask first",
              "medium": "a safeguard on which the report gives part of the data",
              "low": "a clerical or reporting point, merged with others of its kind"}
GAP_COLUMNS = ["convention_article", "measure", "figure_ids", "source_lines", "denominator_given",
               "denominator_en", "status", "reason_en"]
KINDS = {"contradiction": "the report's own figures or statements say otherwise",
         "data-gap": "the report gives part of the data needed to check what it says",
         "silence": "the report says nothing on a matter the Convention requires"}
#: The measures of the matrix and the figures.csv topic that decides them (None: judged).
MEASURES = {"complaints": "complaints", "investigations": "torture-cases",
            "prosecutions": "torture-cases", "convictions": "convictions", "sentences": "sentences",
            "compensation": "compensation", "deaths in custody": None,
            "occupancy against capacity": "prison-population",
            "refusals on torture grounds": None, "extradition destinations": None,
            "exclusion of evidence": None, "access to a lawyer": None, "access to a doctor": None,
            "preventive mechanism": None, "administrative detention": "domestic-violence"}
STATUSES = {"given": "the figures and their denominator are given",
            "partial": "some figures are given, or no denominator",
            "absent": "the report gives no figure"}
DENOMINATOR = ("yes", "partial", "no")


class QuestionError(ValueError):
    """A row of questions.csv or data-gaps.csv breaks a rule; names the row and the field."""

    def __init__(self, row_id: str, field: str, message: str):
        self.row_id, self.field = row_id, field
        super().__init__(f"{row_id}: field {field!r}: {message}")


def _read(name: str, path: Path) -> pd.DataFrame:
    """The table read through its schema (catbook.pack.tables: header, ids, required cells, vocabularies)."""
    from catbook.pack import tables
    return tables.load(name, path)


def _lines(row_id: str, value: str, *, required: bool = True) -> list[int]:
    from catbook.text.source import source_lines
    lines = source_lines()
    if value.strip() == "silence":
        return []
    items = [x.strip() for x in value.split(";") if x.strip()]
    if required and not items:
        raise QuestionError(row_id, "source_lines", "no line given")
    out = []
    for item in items:
        if not item.isdigit() or not 1 <= int(item) <= len(lines) or not lines[int(item) - 1].strip():
            raise QuestionError(row_id, "source_lines", f"{item!r} is not a non-empty line of the report")
        out.append(int(item))
    return out


def _article(row_id: str, value: str) -> None:
    problem = article_problem(value)
    if problem:
        raise QuestionError(row_id, "convention_article", problem)


def known_ids() -> set[str]:
    """Every id a question may relate to: claims, audit checks, figures, external facts."""
    from catbook.pack import tables
    ids: set[str] = set()
    for name, col in (("claims", "claim_id"), ("audit", "check_id"), ("figures", "figure_id"),
                      ("external", "fact_id")):
        ids |= set(tables.load(name)[col])
    return ids


def load_questions(path: Path = QUESTIONS_CSV) -> pd.DataFrame:
    df = _read("questions", path)
    ids = known_ids()
    seen: dict[tuple[str, str], str] = {}
    texts: dict[str, str] = {}
    for r in df.itertuples():
        for a in filter(None, (x.strip() for x in r.convention_articles.split(";"))):
            try:
                _article(r.question_id, a)
            except QuestionError as error:
                raise QuestionError(r.question_id, "convention_articles", str(error).split(": ", 2)[-1]) from None
        key = (r.finding_id, r.matter)
        if key in seen:
            raise QuestionError(r.question_id, "matter", f"{seen[key]} already asks finding {r.finding_id} about {r.matter!r}")
        seen[key] = r.question_id
        text = " ".join(r.question_en.lower().split())
        if text in texts:
            raise QuestionError(r.question_id, "question_en", f"the same question as {texts[text]}")
        texts[text] = r.question_id
        for field in ("question_en", "requested_en"):
            if not getattr(r, field).strip():
                raise QuestionError(r.question_id, field, "empty")
        _lines(r.question_id, r.source_lines)
        for rid in filter(None, (x.strip() for x in r.related.split(";"))):
            if rid not in ids:
                raise QuestionError(r.question_id, "related", f"{rid!r} is no claim, audit check, "
                                    "figure or external fact")
    return df


def computed_status(figure_ids: list[str], measure: str, denominator_given: str,
                    figures: pd.DataFrame | None = None) -> str | None:
    """The status the figures decide, or None where the measure has no topic (judged).

    ``figures``: the table to look the figures up in (default the pack's figures.csv)."""
    from catbook.text.figures import figure
    if not figure_ids:
        return "absent"
    topic = MEASURES[measure]
    if topic is None:
        return None
    same = [figure(f, figures=figures).topic == topic for f in figure_ids]
    if not any(same):
        return "absent"
    return "given" if denominator_given == "yes" and all(same) else "partial"


def load_data_gaps(path: Path = DATA_GAPS_CSV) -> pd.DataFrame:
    df = _read("data-gaps", path)
    from catbook.text.figures import FigureLookupError, figure
    computed = []
    for r in df.itertuples():
        rid = f"{r.convention_article}/{r.measure}"
        _article(rid, r.convention_article)
        if not r.reason_en.strip():
            raise QuestionError(rid, "reason_en", "empty")
        fids = [x.strip() for x in r.figure_ids.split(";") if x.strip()]
        try:
            rows = {f: figure(f) for f in fids}
        except FigureLookupError as error:
            raise QuestionError(rid, "figure_ids", f"not in figures.csv: {error.figure_id}") from None
        lines = set(_lines(rid, r.source_lines))
        off = [f for f in fids if int(rows[f].source_line) not in lines]
        if off:
            raise QuestionError(rid, "source_lines", f"does not list the lines of figures {off}")
        status = computed_status(fids, r.measure, r.denominator_given)
        if status is not None and status != r.status:
            raise QuestionError(rid, "status", f"{r.status!r} stored, the figures give {status!r}")
        computed.append("computed" if status is not None else "judged")
    df["status_from"] = computed
    return df


#: Kind of a related id -> how the page names it (singular, plural).
RELATED_KINDS = {"claim": ("claim", "claims"), "check": ("audit check", "audit checks"),
                 "figure": ("figure", "figures"), "external": ("outside fact", "outside facts")}


def related_places() -> dict[str, tuple[str, str]]:
    """Every id a question may relate to -> (kind, where the book shows it): a claim's label
    ``claim-<id>`` (its chapter), an outside fact's label ``ext-<id>`` (book/external.md), a
    figure's row ``#fig-<id>`` in its chapter's table of figures, an audit check's ``#check-<id>``
    on the numbers audit."""
    from catbook.pack import tables
    from catbook.pack.chapters import CHAPTERS, chapter_of_section
    places: dict[str, tuple[str, str]] = {}
    for row in tables.load("external").itertuples():
        places[row.fact_id] = ("external", f"ext-{row.fact_id}")
    for row in tables.load("audit").itertuples():
        places[row.check_id] = ("check", f"../notebooks/numbers-audit.html#check-{row.check_id}")
    for row in tables.load("figures").itertuples():
        chapter = chapter_of_section(str(row.section))
        page = CHAPTERS[chapter].notebook if chapter else "numbers-audit"
        places[row.figure_id] = ("figure", f"../notebooks/{page}.html#{row.figure_id}")
    for row in tables.load("claims").itertuples():
        places[row.claim_id] = ("claim", f"claim-{row.claim_id}")
    return places


def _link(rid: str, where: dict[str, tuple[str, str]]) -> str:
    """One related id as a link to where the book shows it (a label by {ref}, a row by its address)."""
    kind, target = where.get(rid, ("", ""))
    if not target:
        return f"`{rid}`"
    if kind in ("claim", "external"):
        return f"{{ref}}`{rid} <{target}>`"
    return f'<a href="{target}"><code>{rid}</code></a>'


def related_links(related: str, where: dict[str, tuple[str, str]] | None = None) -> str:
    """The related ids of a question, grouped by kind, each a link: "claims a, b; outside fact c"."""
    where = related_places() if where is None else where
    ids = [x.strip() for x in related.split(";") if x.strip()]
    groups: dict[str, list[str]] = {}
    for rid in ids:
        groups.setdefault(where.get(rid, ("claim", ""))[0], []).append(_link(rid, where))
    return "; ".join(f"{RELATED_KINDS[k][len(v) > 1]} {', '.join(v)}"
                     for k, v in sorted(groups.items(), key=lambda kv: list(RELATED_KINDS).index(kv[0])))


def render_page() -> str:
    q = load_questions()
    gaps = load_data_gaps()
    where = related_places()
    kinds = "; ".join(f"*{k}*: {v}" for k, v in KINDS.items())
    out = pack_text("questions.md", kinds=kinds).rstrip("\n").split("\n") + [""]
    counts = q.kind.value_counts()
    prio = q.priority.value_counts()
    out += ["Questions: " + ", ".join(f"{counts.get(k, 0)} {k}" for k in KINDS) + f" ({len(q)} in all); "
            + ", ".join(f"{prio.get(p, 0)} of {p} priority" for p in PRIORITIES) + ".", "",
            "Priorities: " + "; ".join(f"*{p}*: {m}" for p, m in PRIORITIES.items()) + ".", ""]
    q = q.assign(first=q.convention_articles.map(lambda v: v.split(";")[0]),
                 rank=q.priority.map({p: i for i, p in enumerate(PRIORITIES)}))
    for article in sorted(q["first"].unique(), key=article_key):
        out += [f"## {article_label(article)}", ""]
        for r in q[q["first"] == article].sort_values("rank", kind="stable").itertuples():
            lines = "the report is silent" if r.source_lines == "silence" else \
                ", ".join(line_ref(int(n)) for n in r.source_lines.split(";") if n)
            others = [a for a in r.convention_articles.split(";")[1:] if a]
            also = f" · also {', '.join(article_label(a).lower() for a in others)}" if others else ""
            related = f" Related: {related_links(r.related, where)}." if r.related.strip() else ""
            out += [f"({r.question_id})=", f"**{r.question_id}** · *{r.kind}* · priority *{r.priority}* · "
                    f"{lines}{also} · from the finding {{ref}}`{r.finding_id} <{r.finding_id}>`", "",
                    f"{escape(r.question_en)}", "",
                    f"*Requested:* {escape(r.requested_en)}.{related}", ""]
    out += ["## Data-gap matrix", "",
            f"For each measure, whether the report gives it (`{rel(DATA_GAPS_CSV)}`): *given*, "
            "*partial* or *absent*, and the denominator it does or does not give. The status is "
            f"computed from the figures' topics in `{rel(FIGURES_CSV)}` where they decide it "
            "(*computed*), otherwise judged (*judged*), with the reason.", "",
            "| article | measure | status | denominator given | denominator | lines | figures | reason |",
            "|---|---|---|---|---|---|---|---|"]
    for r in gaps.sort_values("convention_article", key=lambda s: s.map(article_key), kind="stable").itertuples():
        lines = ", ".join(line_ref(int(n)) for n in r.source_lines.split(";") if n)
        figs = ", ".join(_link(f, where) for f in r.figure_ids.split(";") if f) or "none"
        out.append(f"| {r.convention_article} | {r.measure} | **{r.status}** ({r.status_from}) "
                   f"| {r.denominator_given} | {escape(r.denominator_en)} | {lines} | {figs} "
                   f"| {escape(r.reason_en)} |")
    return "\n".join(out) + "\n"


def write_page(path: Path = QUESTIONS_MD) -> Path:
    path.write_text(render_page(), encoding="utf-8")
    return path
