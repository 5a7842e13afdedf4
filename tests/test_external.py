"""The external layer: data/cat-c-kaz-3/external.csv, data/cat-c-kaz-3/co2-text.csv and the page book/external.md."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from catbook.judge import external
from catbook.judge.external import ExternalFactError
from catbook.pack.paths import BOOK, ROOT
from catbook.pack.tables import TableError
from catbook.text.source import source_lines


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return external.load_facts()


@pytest.fixture(scope="module")
def co2() -> pd.DataFrame:
    return external.load_previous_text()


def _fact(facts: pd.DataFrame, fact_id: str) -> pd.Series:
    return facts.set_index("fact_id").loc[fact_id]


# --- the committed data ----------------------------------------------------------------

def test_committed_tables_load_and_validate(facts, co2):
    assert list(facts.columns) == external.COLUMNS
    assert list(co2.columns) == external.PREVIOUS_TEXT_COLUMNS
    assert len(facts) >= 30 and facts.fact_id.is_unique


def test_every_topic_the_brief_asks_for_has_facts(facts):
    counts = external.counts_by_topic(facts)
    for topic in ("treaty-status", "article-22-decision", "opcat", "concluding-observations", "law-after-period"):
        assert counts[topic] > 0, topic
    assert counts.sum() == len(facts)


def test_every_report_line_cited_is_a_real_non_empty_line(facts):
    lines = source_lines()
    for row in facts.itertuples():
        for n in external.parse_lines(row.report_lines):
            assert lines[n - 1].strip(), (row.fact_id, n)


def test_abdussamatov_decision_bears_on_the_extradition_line_without_overstating(facts):
    """The decision itself adds a silence and qualifies the nationality; the year is contradicted by
    the sources that date the handover (review 2026-12 §3), not by the decision."""
    row = _fact(facts, "abdussamatov-444-2010")
    assert row.source_symbol_or_publisher == "CAT/C/48/D/444/2010"
    assert 341 in external.parse_lines(row.report_lines)
    assert "vingt-neuf ressortissants ouzbeks" in source_lines()[340]
    assert row.bearing == "adds" and "3" in row.convention_articles.split(";")
    assert "abdussamatov-hrw-2011-06-09-returns" in row.bearing_en
    handover = _fact(facts, "abdussamatov-hrw-2011-06-09-returns")
    assert handover.bearing == "contradicts" and "9 June 2011" in handover.bearing_en


def test_batch_22_facts_are_present_with_a_verbatim_source(facts):
    """Issue 22 item 4: Gerasimov, Zhanaozen, the 2009 mission statement, the commissions in all
    14 oblasts, the CO/3 follow-up paragraphs and the asylum applications of the 29."""
    for fid, words in {
        "gerasimov-cat-finding-torture": "responsible for the 2007 torture",
        "zhanaozen-hrw-letter-2012": "Zhanaozen and Shetpe",
        "zhanaozen-amnesty-2013": "underground police cells",
        "sr-torture-press-2009-05-13": "almost total absence",
        "npm-apt-2010-pmc-14-oblasts": "all 14 of Kazakhstan's oblasts",
        "co3-follow-up-paras-omct-2016": "paragraphs 8, 10, 13 and15",
        "abdussamatov-iwpr-asylum-unhcr": "seeking asylum",
    }.items():
        assert words in _fact(facts, fid).quote, fid


def test_provenance_reads_as_a_citation(facts):
    """The page cites publisher, title, date and address; how a source was found is not shown."""
    page = external.render_page(facts)
    assert "found by" not in page
    row = _fact(facts, "sr-torture-press-2009-05-13")
    assert f"**Source.** UN News, *[{row.source_title}]({row.source_url})*, 2009-05-13" in page
    for fid in ("gerasimov-cat-finding-torture", "npm-apt-2010-pmc-14-oblasts", "co3-follow-up-paras-omct-2016"):
        text = _fact(facts, fid).statement_en + _fact(facts, fid).bearing_en
        assert not re.search(r"search tool|excerpt|was not seen|could not be confirmed", text), fid


def test_report_words_quoted_in_bearings_are_in_the_cited_lines(facts):
    """Words in curly quotes (“…”) in a bearing are the report's, verbatim from one of its lines."""
    def plain(text: str) -> str:  # the source's no-break spaces and curly apostrophes read as plain ones
        return re.sub(r"\s+", " ", text.replace("’", "'"))

    lines = source_lines()
    checked = 0
    for row in facts.itertuples():
        cited = plain(" ".join(lines[n - 1] for n in external.parse_lines(row.report_lines)))
        for quoted in re.findall(r"“([^”]*)”", row.bearing_en):
            assert plain(quoted) in cited, (row.fact_id, quoted)
            checked += 1
    assert checked >= 10


def test_non_un_sources_say_what_they_are(facts):
    """An NGO or news page is named as such in its publisher field."""
    for row in facts[facts.source_kind.isin(["ngo", "news"])].itertuples():
        assert re.search(r"\b(NGO|news)\b", row.source_symbol_or_publisher), row.fact_id


def test_un_documents_carry_a_document_symbol(facts):
    for row in facts[facts.source_kind == "un"].itertuples():
        symbol = row.source_symbol_or_publisher
        assert re.match(r"^(CAT|CED)/|^A/HRC/|United Nations|UN ", symbol), (row.fact_id, symbol)


def test_co2_text_cites_paragraphs_inside_part_vi(co2):
    assert co2.co2_paragraph.between(6, 34).all() and co2.co2_paragraph.is_unique
    assert set(co2.co2_paragraph) == {6, 17}


# --- one broken row per rule --------------------------------------------------------------

def _good_fact() -> dict:
    return {
        "fact_id": "test-fact", "topic": "opcat", "source_kind": "un",
        "statement_en": "A statement.", "quote": "", "source_title": "A title",
        "source_symbol_or_publisher": "CAT/C/KAZ/CO/2", "source_date": "2008-12-12",
        "source_url": "https://example.org/doc", "retrieved_via": "search tool, corpus pages",
        "report_lines": "203", "bearing": "confirms",
        "bearing_en": "The report states (line 203) something.", "convention_articles": "OP 17;2",
    }


def _check(row: dict, *more: dict) -> None:
    external.validate_facts(pd.DataFrame([row, *more], columns=external.COLUMNS))


def test_the_good_row_passes():
    _check(_good_fact())


@pytest.mark.parametrize("field, value, reason", [
    ("fact_id", "Not A Slug", "slug"),
    ("statement_en", "  ", "must not be empty"),
    ("source_title", "", "must not be empty"),
    ("source_symbol_or_publisher", "", "must not be empty"),
    ("retrieved_via", "", "must not be empty"),
    ("bearing_en", "", "must not be empty"),
    ("quote", "x" * (external.MAX_QUOTE + 1), "at most"),
    ("source_date", "12/12/2008", "not an ISO date"),
    ("source_date", "2008-02-30", "not a real date"),
    ("source_date", "", "not an ISO date"),
    ("source_url", "", "not an http(s) address"),
    ("source_url", "docstore.ohchr.org/x", "not an http(s) address"),
    ("report_lines", "", "at least one line"),
    ("report_lines", "203;abc", "line numbers"),
    ("report_lines", "203;203", "repeats"),
    ("report_lines", "0", "outside"),
    ("report_lines", "9999", "outside"),
    ("convention_articles", "34", "not an article"),
    ("convention_articles", "OP 38", "not an article"),
    ("convention_articles", "art. 3", "not an article"),
])
def test_a_broken_fact_names_its_id_and_field(field, value, reason):
    row = _good_fact() | {field: value}
    with pytest.raises(ExternalFactError, match=re.escape(reason)) as err:
        _check(row)
    assert err.value.field == field
    assert err.value.row_id in ("test-fact", repr(value))


def test_a_report_line_that_is_empty_is_refused():
    empty = next(i + 1 for i, text in enumerate(source_lines()) if not text.strip())
    row = _good_fact() | {"report_lines": str(empty), "bearing_en": f"line {empty}"}
    with pytest.raises(ExternalFactError, match="is empty"):
        _check(row)


def test_a_bearing_must_cite_one_of_its_lines():
    row = _good_fact() | {"bearing_en": "The report states (line 204) something else."}
    with pytest.raises(ExternalFactError, match="must cite") as err:
        _check(row)
    assert err.value.field == "bearing_en"


def _load(tmp_path, table: str, rows: list[dict], columns: list[str]) -> pd.DataFrame:
    path = tmp_path / f"{table}.csv"
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    return external.load_facts(path) if table == "external" else external.load_previous_text(path)


@pytest.mark.parametrize("field, value", [("topic", "gossip"), ("bearing", "refutes"), ("source_kind", "blog"),
                                          ("fact_id", "first")])
def test_what_the_schema_refuses_is_named_at_load(field, value, tmp_path):
    rows = [_good_fact() | {"fact_id": "first"}, _good_fact() | {field: value}]
    with pytest.raises(TableError) as err:
        _load(tmp_path, "external", rows, external.COLUMNS)
    assert (err.value.file, err.value.row, err.value.field) == ("external.csv", 3, field)


def test_a_missing_column_is_refused(tmp_path):
    with pytest.raises(TableError, match="label"):
        _load(tmp_path, "external", [_good_fact()], [c for c in external.COLUMNS if c != "source_url"])


def test_undated_is_the_only_word_allowed_for_a_date():
    _check(_good_fact() | {"source_date": "undated"})
    _check(_good_fact() | {"source_date": "2015"})
    _check(_good_fact() | {"source_date": "2011-06"})


def _good_co2() -> dict:
    return {"co2_paragraph": "6", "text_kind": "list-of-issues-reference",
            "text_en": "With reference to the previous recommendation of the Committee (para. 6), please ...",
            "source_title": "List of issues", "source_url": "https://example.org/q3",
            "source_symbol": "CAT/C/KAZ/Q/3", "source_date": "2011-02-17"}


def _check_co2(row: dict, *more: dict) -> None:
    external.validate_previous_text(pd.DataFrame([row, *more], columns=external.PREVIOUS_TEXT_COLUMNS))


def test_the_good_co2_row_passes():
    _check_co2(_good_co2())


@pytest.mark.parametrize("field, value, reason", [
    ("co2_paragraph", "5", "outside 6-34"),
    ("co2_paragraph", "35", "outside 6-34"),
    ("text_en", " ", "must not be empty"),
    ("text_en", "With reference to the previous recommendation (para. 7), ...", "(para. 6)"),
    ("source_symbol", "", "symbol and title"),
    ("source_url", "ftp://example.org", "http(s)"),
    ("source_date", "undated", "not an ISO date"),
])
def test_a_broken_co2_row_names_its_paragraph_and_field(field, value, reason):
    with pytest.raises(ExternalFactError, match=re.escape(reason)) as err:
        _check_co2(_good_co2() | {field: value})
    assert err.value.field == field
    assert err.value.row_id.startswith("co2-text paragraph")


@pytest.mark.parametrize("field, value", [("co2_paragraph", "six"), ("text_kind", "summary"), ("co2_paragraph", "7")])
def test_what_the_schema_refuses_in_co2_text_is_named_at_load(field, value, tmp_path):
    rows = [_good_co2() | {"co2_paragraph": "7", "text_kind": "recommendation"}, _good_co2() | {field: value}]
    with pytest.raises(TableError) as err:
        _load(tmp_path, "co2-text", rows, external.PREVIOUS_TEXT_COLUMNS)
    assert (err.value.file, err.value.row, err.value.field) == ("co2-text.csv", 3, field)


# --- the page -------------------------------------------------------------------------------

def test_committed_page_is_current():
    assert (BOOK / "external.md").read_text(encoding="utf-8") == external.render_page(), \
        "book/external.md is stale: run `python -m catbook.judge.external`"


def test_page_has_one_anchor_per_fact_grouped_by_topic(facts):
    text = external.render_page()
    anchors = re.findall(r"^\(ext-([a-z0-9-]+)\)=$", text, flags=re.M)
    fact_anchors = [a for a in anchors if a in set(facts.fact_id)]
    assert fact_anchors == list(facts.fact_id)
    topic_positions = [text.index(f"(ext-topic-{t})=") for t in external.TOPICS
                       if external.counts_by_topic(facts)[t]]
    assert topic_positions == sorted(topic_positions)


def test_page_cites_every_report_line_as_a_checked_reference(facts):
    text = external.render_page()
    cited = {int(n) for n in re.findall(r"\{ref\}`line (\d+) <p\1>`", text)}
    wanted = {n for v in facts.report_lines for n in external.parse_lines(v)}
    assert wanted <= cited


def test_page_links_each_source_and_says_the_layer_is_kept_apart(facts):
    text = external.render_page()
    for url in set(facts.source_url):
        assert f"]({url})" in text
    assert "kept apart from the verdicts on the report's own data" in text


def test_page_loads_nothing_from_another_host():
    text = external.render_page()
    assert not re.search(r"<(script|img|iframe|link)\b", text, flags=re.I)
    assert not re.search(r"!\[[^\]]*\]\(https?://", text), "no remote images"


def test_page_shows_which_co2_paragraphs_have_no_committee_text():
    text = external.render_page()
    assert "paragraphs 7-16, 18-34" in text


def test_page_is_in_the_prevention_and_follow_up_part():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    part = toc.split("caption: Prevention and follow-up", 1)[1].split("caption:", 1)[0]
    assert "- file: book/external" in part


def test_the_pack_schemas_describe_every_column():
    from catbook.pack import tables
    for name, columns in (("external", external.COLUMNS), ("co2-text", external.PREVIOUS_TEXT_COLUMNS)):
        fields = tables.schema(name)["schema"]["fields"]
        assert [f["name"] for f in fields] == columns
        assert all(f["description"].strip() for f in fields)


def test_outside_the_report_lists_facts_on_the_chapters_lines_apart_from_verdicts():
    from catbook.book.chapter_view import ChapterView
    from catbook.judge.external import facts_bearing_on, load_facts
    facts = load_facts()
    ids = set(facts_bearing_on({341}, set(), facts=facts).fact_id)
    assert "abdussamatov-444-2010" in ids and "npm-law-2013-07-02" not in ids
    op_ids = set(facts_bearing_on(set(), set(), op=True, facts=facts).fact_id)
    assert "opcat-art24-text" in op_ids and "abdussamatov-444-2010" not in op_ids
    text = ChapterView("art-3").outside_the_report().text
    assert text.startswith("**Outside the report.**")
    assert "ext-abdussamatov-444-2010" in text and "CAT/C/48/D/444/2010" in text


def test_chapter_template_has_the_outside_cell_after_findings():
    from catbook.book.chapter_notebook import build
    from catbook.pack.chapters import CHAPTERS
    sources = [c.source for c in build(CHAPTERS["art-3"]).cells]
    assert sources.index("view.outside_the_report()") > sources.index("view.findings()")
