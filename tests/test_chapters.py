"""Chapter specifications, the generic chapter view, the claims index and the tracker."""
import json

import pytest

from catbook.book import chapter_notebook, claims_index
from catbook.book.chapter_view import ChapterView
from catbook.pack.chapters import CHAPTERS, GENERATED_CHAPTERS, chapter_of_section
from catbook.text.corpus import load_paragraphs
from catbook.text.figures import figures_by_id, load_figures
from catbook.pack.paths import NOTEBOOKS, ROOT


@pytest.fixture(scope="module")
def sections():
    return set(load_paragraphs().section)


def test_every_chapter_reads_existing_sections_and_no_section_twice(sections):
    seen = {}
    for chapter in CHAPTERS.values():
        for s in chapter.sections:
            assert s in sections, (chapter.key, s)
            assert s not in seen, f"{s} in both {seen.get(s)} and {chapter.key}"
            seen[s] = chapter.key


def test_every_article_part_has_a_chapter(sections):
    for s in sections:
        if s.startswith("art-") or s in {"op", "cases-ngo", "general"}:
            assert chapter_of_section(s), s


def test_charts_name_existing_figures_of_one_unit():
    for chapter in CHAPTERS.values():
        for chart in chapter.charts:
            rows = figures_by_id(chart.figure_ids)
            assert rows.unit.nunique() == 1, chart.title
            assert not chart.labels or len(chart.labels) == len(chart.figure_ids)


def test_every_chapter_is_in_the_table_of_contents():
    toc = (ROOT / "_toc.yml").read_text()
    for chapter in CHAPTERS.values():
        assert f"notebooks/{chapter.notebook}" in toc, chapter.key


@pytest.mark.parametrize("key", GENERATED_CHAPTERS)
def test_committed_chapter_notebook_follows_the_template(key):
    chapter = CHAPTERS[key]
    stored = json.loads((NOTEBOOKS / f"{chapter.notebook}.ipynb").read_text(encoding="utf-8"))
    expected = chapter_notebook.build(chapter)
    assert ["".join(c["source"]) for c in stored["cells"]] == [c.source for c in expected.cells], \
        "run `python -m catbook notebooks` then `make execute`"


def test_chapter_view_counts_its_own_claims_and_figures():
    view = ChapterView("art-2")
    cov = view.coverage()
    assert cov.loc["art-2", "claims"] == len(view.claims_df) > 0
    assert cov.loc["art-2", "figures"] == len(view.figures_df) > 0
    assert view.scorecard().loc["total", "total"] == len(view.claims_df)
    with pytest.raises(KeyError, match="no chapter"):
        ChapterView("art-99")


def test_findings_name_every_contradicted_claim():
    view = ChapterView("art-2")
    text = view.findings().text
    for claim_id in view.claims_df[view.claims_df.verdict == "contradicted"].claim_id:
        assert claim_id in text


def test_claims_index_links_every_claim_to_its_chapter_anchor():
    index = claims_index.ClaimsIndex()
    page = index._repr_html_()
    for row in index.df.itertuples():
        assert f"#claim-{row.claim_id}\"" in page
    assert repr(index).startswith(f"Claims index: {len(index.df)} claims")
    assert page.count("<tr data-chapter=") == len(index.df)


def test_claims_index_gives_each_claim_its_paragraph_and_filters_by_paragraph():
    index = claims_index.ClaimsIndex()
    page = index._repr_html_()
    for row in index.df.itertuples():
        assert f'data-para="{row.para_no}"' in page
    assert 'href="../book/report-text.html#para-107">para. 107</a>' in page
    assert 'id="claims-para-input"' in page and page.count("<script>") == 1
    art11 = index.for_paragraphs("107")
    assert len(art11) > 0 and set(art11.section) == {"art-11"}
    art2 = index.for_paragraphs("46–96")
    assert set(art2.para_no.astype(int)) <= set(range(46, 97)) and "art-2" in set(art2.section)
    with pytest.raises(ValueError, match="1 to 387"):
        index.for_paragraphs("400")


def test_chapter_tables_cite_line_and_paragraph():
    view = ChapterView("art-11")
    assert view.coverage().loc["art-11", "paragraphs"] == "107"
    figs = ChapterView("art-2").figures()
    assert "para_no" in figs.df.columns
    html = figs._repr_html_()
    assert 'href="../book/report-text.html#p93">93</a>' in html
    assert 'href="../book/report-text.html#para-74">para. 74</a>' in html
    assert "| the report's answer |" in ChapterView("art-11").recommendations().text
    assert "para-" in ChapterView("art-11").recommendations().text


def test_cited_tables_never_cut_their_links():
    import pandas as pd
    from catbook.book.display import CitedTable
    long = pd.DataFrame({"check_id": ["x"], "source_lines": ["52;53"], "note": ["n" * 200]})
    with pd.option_context("display.max_colwidth", 20):
        page = CitedTable(long)._repr_html_()
    assert '<a href="../book/report-text.html#p53">53</a>' in page
    assert '<a href="../book/report-text.html#para-44">para. 44</a>' in page and "n" * 200 in page


# --- hand-made notebooks: import, call and show (their words are the pack's notebooks.yaml) ---

HAND_MADE = ["art-02-prevention", "numbers-audit", "recommendations", "custody-clock", "claims-index"]


@pytest.mark.parametrize("name", HAND_MADE)
def test_hand_made_notebook_types_no_reference_figure_or_case(name):
    import re
    from catbook.custody import load_scenarios
    from catbook.book.display import load_notebook_texts
    assert name in load_notebook_texts()
    nb = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    ids = set(load_figures().figure_id) | {c.name for c in load_scenarios()}
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        assert "{ref}`line" not in src and not re.search(r"\bline \d+", src), (name, src[:80])
        assert not {w for w in re.findall(r'"([a-z0-9-]+)"', src)} & ids, (name, src[:80])
        assert "CAT/C/" not in src, (name, src[:80])


def test_notebook_text_renders_lines_spans_and_figures():
    from catbook.book.display import render_prose
    from catbook.text.markdown import line_ref, lines_span_ref
    figure = load_figures().iloc[0]
    text = render_prose(f"see {{line:62}}, {{lines:105-107}} and {{figure:{figure.figure_id}}}")
    assert line_ref(62) in text and lines_span_ref(105, 107) in text
    assert "{figure:" not in text and f"{float(figure.value):,.0f}" in text.replace("\u202f", ",")


@pytest.mark.parametrize("prose, reason", [("{line:x}", "a line is a number"), ("{lines:9-3}", "FIRST-LAST"),
                                           ("{figure:no-such-figure}", "no such figure")])
def test_notebook_text_refuses_bad_placeholders(prose, reason):
    from catbook.book.display import NotebookTextError, render_prose
    with pytest.raises(NotebookTextError, match=reason):
        render_prose(prose, "x.prose.y")


def test_notebook_text_names_what_is_missing_or_unknown(tmp_path):
    from catbook.book.display import NotebookText, NotebookTextError, load_notebook_texts
    with pytest.raises(NotebookTextError, match=r"numbers-audit\.prose\.nothing"):
        NotebookText("numbers-audit").prose("nothing")
    with pytest.raises(NotebookTextError, match="no entry"):
        NotebookText("no-such-notebook")
    bad = tmp_path / "notebooks.yaml"
    bad.write_text("x:\n  charts:\n    c: {title: t, colour: red}\n", encoding="utf-8")
    with pytest.raises(NotebookTextError, match=r"x\.charts\.c\.colour"):
        load_notebook_texts(bad)
    bad.write_text("x:\n  charts:\n    c: {title: t, figure_ids: [a, b], labels: [one]}\n", encoding="utf-8")
    with pytest.raises(NotebookTextError, match="one label per figure id"):
        load_notebook_texts(bad)


def test_notebook_charts_and_cases_name_existing_figures_and_scenarios():
    from catbook.custody import load_scenarios, load_rules
    from catbook.book.display import load_notebook_texts
    figures = set(load_figures().figure_id)
    scenarios = {c.name for c in load_scenarios()}
    rules = {r.id for r in load_rules().rules}
    for name, entry in load_notebook_texts().items():
        for chart in entry.charts.values():
            assert set(chart.figure_ids) <= figures, (name, chart.title)
        for ids in entry.figures.values():
            assert set(ids) <= figures, name
        assert set(entry.scenarios.values()) <= scenarios, name
        assert set(entry.rules.values()) <= rules, name
