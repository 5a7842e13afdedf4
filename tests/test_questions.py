"""data/cat-c-kaz-3/questions.csv and data/cat-c-kaz-3/data-gaps.csv: valid rows, existing lines and ids, computed statuses."""
from __future__ import annotations

import pandas as pd
import pytest

from catbook.judge import questions
from catbook.pack import tables
from catbook.text.figures import load_figures
from catbook.pack.tables import TableError
from catbook.text.source import source_lines


@pytest.fixture(scope="module")
def qs() -> pd.DataFrame:
    return questions.load_questions()


@pytest.fixture(scope="module")
def gaps() -> pd.DataFrame:
    return questions.load_data_gaps()


def _write(tmp_path, df: pd.DataFrame, name: str):
    path = tmp_path / name
    df.to_csv(path, index=False)
    return path


def test_every_line_exists_and_is_not_empty(qs, gaps):
    lines = source_lines()
    for value in list(qs.source_lines) + list(gaps.source_lines):
        for n in ([] if value == "silence" else value.split(";")):
            assert lines[int(n) - 1].strip()


def test_required_silences_are_asked(qs):
    silences = qs[qs.kind == "silence"]
    assert "32" in {n for v in silences.source_lines for n in v.split(";")}
    assert qs.question_en.str.contains("died in custody").any()
    assert silences.related.str.contains("art22-declaration-2008").any()
    assert qs.question_en.str.contains("Zhanaozen").any()
    assert qs.question_en.str.contains("29 Uzbek").any()


def test_forty_distinct_questions_cover_every_article_the_report_treats(qs):
    assert len(qs) >= 40 and qs.question_id.is_unique
    arts = {a for v in qs.convention_articles for a in v.split(";")}
    assert {"2", "3", "4", "5", "10", "11", "12", "13", "14", "15", "16"} <= arts
    assert any(a.startswith("OP ") for a in arts)
    assert set(qs.priority) <= set(questions.PRIORITIES)


def test_deaths_in_custody_question_cites_the_reports_lines(qs):
    row = qs[qs.question_en.str.contains("died in custody")].iloc[0]
    assert {"79", "381", "382", "383"} <= set(row.source_lines.split(";"))


def test_two_questions_on_the_same_finding_and_matter_are_refused(tmp_path):
    df = pd.read_csv(questions.QUESTIONS_CSV, dtype=str, keep_default_na=False)
    dup = df.iloc[[0]].copy()
    dup["question_id"] = "q-999"
    dup["question_en"] = "Another wording of the same matter?"
    with pytest.raises(questions.QuestionError, match="matter"):
        questions.load_questions(_write(tmp_path, pd.concat([df, dup]), "q.csv"))
    same = df.iloc[[0]].copy()
    same["question_id"], same["matter"] = "q-998", "another-matter"
    with pytest.raises(questions.QuestionError, match="same question"):
        questions.load_questions(_write(tmp_path, pd.concat([df, same]), "q2.csv"))


def test_every_contradicted_claim_and_contradicted_check_has_a_question(qs):
    related = {x for v in qs.related for x in v.split(";") if x}
    claims = tables.load("claims")
    audit = tables.load("audit")
    assert set(claims[claims.verdict == "contradicted"].claim_id) <= related
    assert set(audit[audit.status == "contradicted"].check_id) <= related


def test_reconciliation_tensions_have_a_question(qs):
    from catbook.judge.tidy import build_reconciliation
    rec = build_reconciliation()
    related = {x for v in qs.related for x in v.split(";") if x}
    assert set(rec[rec.agreement.isin(["in-tension", "differs", "exceeds"])].figure_id) <= related


def test_matrix_has_every_measure(gaps):
    assert set(gaps.measure) == set(questions.MEASURES)
    assert gaps.loc[gaps.measure == "deaths in custody", "status"].item() == "absent"


def test_statuses_are_computed_where_a_topic_decides(gaps):
    decided = gaps[gaps.measure.map(questions.MEASURES).notna()]
    assert (decided.status_from == "computed").all()
    # no figure at all: absent, whatever the measure
    assert questions.computed_status([], "deaths in custody", "no", None) == "absent"
    figs = load_figures()
    # a measure with no topic cannot be decided by figures: judged (None)
    assert questions.computed_status(["fig-art-2-023"], "deaths in custody", "no", figs) is None
    assert questions.computed_status(["fig-art-2-023"], "convictions", "yes", figs) == "absent"
    assert questions.computed_status(["fig-art-13-001"], "complaints", "yes", figs) == "given"


@pytest.mark.parametrize("field,value,match", [
    ("convention_articles", "34", "convention_articles"),
    ("kind", "gap", "kind"),
    ("source_lines", "9999", "source_lines"),
    ("related", "no-such-id", "related"),
])
def test_bad_question_raises_naming_the_field(tmp_path, field, value, match):
    df = pd.read_csv(questions.QUESTIONS_CSV, dtype=str, keep_default_na=False)
    df.loc[0, field] = value
    # a vocabulary is the schema's (catbook.pack.tables.TableError), a rule beyond it the module's
    with pytest.raises((questions.QuestionError, TableError), match=match) as err:
        questions.load_questions(_write(tmp_path, df, "q.csv"))
    assert isinstance(err.value, ValueError) and err.value.field == field


def test_a_stored_status_the_figures_contradict_is_refused(tmp_path):
    df = pd.read_csv(questions.DATA_GAPS_CSV, dtype=str, keep_default_na=False)
    df.loc[df.measure == "convictions", "status"] = "given"
    with pytest.raises(questions.QuestionError, match="status"):
        questions.load_data_gaps(_write(tmp_path, df, "g.csv"))


def test_a_figure_from_an_unlisted_line_is_refused(tmp_path):
    df = pd.read_csv(questions.DATA_GAPS_CSV, dtype=str, keep_default_na=False)
    df.loc[df.measure == "sentences", "source_lines"] = "44"
    with pytest.raises(questions.QuestionError, match="source_lines"):
        questions.load_data_gaps(_write(tmp_path, df, "g.csv"))


def test_page_is_current_and_links_every_line(qs):
    text = questions.render_page()
    assert questions.QUESTIONS_MD.read_text(encoding="utf-8") == text, "run `python -m catbook pages`"
    for r in qs.itertuples():
        assert f"({r.question_id})=" in text
        for n in ([] if r.source_lines == "silence" else r.source_lines.split(";")):
            assert f"<p{n}>`" in text


def test_every_related_claim_figure_check_and_outside_fact_is_a_link(qs):
    """Each related id of a question links to where the book shows it: a claim to its label
    ``claim-<id>``, an outside fact to ``ext-<id>``, a figure to its chapter's row ``#fig-<id>``,
    an audit check to ``#check-<id>`` on the numbers audit (tests/browser checks they land)."""
    import re
    text = questions.render_page()
    where = questions.related_places()
    for r in qs.itertuples():
        for rid in filter(None, (x.strip() for x in r.related.split(";"))):
            kind, target = where[rid]
            if kind in ("claim", "external"):
                assert f"{{ref}}`{rid} <{target}>`" in text, rid
            else:
                assert f'<a href="{target}"><code>{rid}</code></a>' in text, rid
    related = [line for line in text.splitlines() if " Related: " in line]
    assert related and not any(re.search(r"Related:.*(?<!\{ref\})`[a-z0-9-]+`(?! <)", line) for line in related)
