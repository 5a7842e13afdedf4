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


# --- reader tables (issue 23, point 3) ---------------------------------------------------------

def _reader_table(html):
    from bs4 import BeautifulSoup
    table = BeautifulSoup(html, "html.parser").find("table")
    heads = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all(["td", "th"], recursive=False)]
            for tr in table.find("tbody").find_all("tr", recursive=False)]
    return table, heads, rows


def _assert_reader_table(html, raw_names):
    import re
    table, heads, rows = _reader_table(html)
    assert "reader-table" in table["class"]
    for head in heads:
        assert head and head not in raw_names and not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", head), heads
        assert head[0] == head[0].upper() or "-" in head, heads
    assert not table.find("tbody").find("th"), "an index column"
    for row in rows:
        for cell in row:
            assert not re.fullmatch(r"-?\d+\.0", cell), (heads, row)
    for td in table.find("tbody").find_all("td"):
        assert td.get("data-label") in heads  # a phone shows each cell under its header
    return heads, rows


def test_chapter_view_tables_carry_human_headers_and_integer_counts():
    from catbook.book.display import reader_table_html
    from catbook.text.figures import load_figures
    raw = set(load_figures().columns) | {"claims", "figures", "lines", "paragraphs", "title", "total", "kind"}
    view = ChapterView("art-3")
    heads, rows = _assert_reader_table(view.figures()._repr_html_(), raw)
    assert heads[:2] == ["Figure", "Report section"] and "Line" in heads and "Paragraph" in heads
    values = [r[heads.index("Value")] for r in rows]
    assert "108" in values and "108.0" not in values
    heads, rows = _assert_reader_table(reader_table_html(view.coverage()), raw)
    assert heads[0] == "Report section" and "Claims" in heads
    heads, rows = _assert_reader_table(reader_table_html(view.scorecard()), raw)
    assert heads[0] == "Kind" and heads[-1] == "Total"
    assert rows[-1][-1] == str(len(view.claims_df))
    # A chart's table: the unit shared by every row is in the header.
    with __import__("matplotlib").rc_context({"backend": "Agg"}):
        heads, _ = _assert_reader_table(view.chart(0)._repr_html_(), raw)
    assert any(h.startswith("Value (") for h in heads) and "Unit" not in heads


def test_reader_values_and_key_column_first():
    import pandas as pd
    from catbook.book.display import reader_table_html, reader_value
    assert [reader_value(v) for v in (108.0, 12.5, 3, True, float("nan"), None, "a")] == \
        ["108", "12.5", "3", "yes", "", "", "a"]
    df = pd.DataFrame({"topic_en": ["x"], "answer_lines": ["1-2"], "verdict": ["contradicted"]},
                      index=pd.Index([7], name="co2_paragraph"))
    _, heads, rows = _reader_table(reader_table_html(df))
    assert heads[0] == "Verdict" and heads[1] == "CO/2 paragraph" and rows[0][:2] == ["contradicted", "7"]
    assert 'class="catbook-grade catbook-grade-contradicted"' in reader_table_html(df)


def test_reader_rows_keep_their_anchor_for_the_build():
    from catbook.book.reader_html import anchor_reader_rows
    html = ChapterView("art-3").figures()._repr_html_()
    first = ChapterView("art-3").figures_df.figure_id.iloc[0]
    assert first.startswith("fig-") and f'data-row-anchor="{first}"' in html  # a figure id is its own anchor
    done = anchor_reader_rows(html + html)  # the same table twice on a page: one anchor
    assert done.count(f'id="{first}"') == 1 and "data-row-anchor" not in done


def test_claims_index_says_why_colours_verdicts_and_keeps_filters_in_the_address():
    index = claims_index.ClaimsIndex()
    page = index._repr_html_()
    for row in index.df.itertuples():
        assert f'class="catbook-grade catbook-grade-{row.verdict}"' in page
    sample = index.df[index.df.evidence_en.str.len() > 0].iloc[0]
    import html as html_lib
    assert html_lib.escape(sample.evidence_en) in page and '<details class="claim-why">' in page
    assert page.index("<th scope=\"col\">Verdict</th>") < page.index("<th scope=\"col\">Claim</th>")
    assert "URLSearchParams" in page and "history.replaceState" in page
    assert 'normalize("NFD")' in page  # the text filter ignores accents


def test_chart_alt_text_says_what_the_chart_shows():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from catbook.book.display import _chart_description
    fig, ax = plt.subplots()
    ax.bar(["2008", "2009"], [108.0, 81.0])
    ax.set_title("Persons extradited, by year")
    ax.set_ylabel("persons")
    text = _chart_description(fig)
    plt.close(fig)
    assert text.startswith("Bar chart: Persons extradited, by year (persons)")
    assert "2008, 108" in text and "2009, 81" in text and ".png" not in text


# --- issue 23: the chapter leads with its findings ------------------------------------------------

def test_every_chapter_opens_with_in_brief_and_hides_its_code():
    import json
    from catbook.book import chapter_notebook
    from catbook.pack.chapters import CHAPTERS, GENERATED_CHAPTERS
    from catbook.pack.paths import NOTEBOOKS
    for key, chapter in CHAPTERS.items():
        if key in GENERATED_CHAPTERS:
            cells = chapter_notebook.build(chapter).cells
        else:
            cells = json.loads((NOTEBOOKS / f"{chapter.notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        first = "".join(code[0]["source"]) + "".join(code[1]["source"]) if len(code) > 1 else ""
        assert "view.in_brief()" in first, f"{key}: 'In brief' is not at the top"
        assert all("remove-input" in c["metadata"].get("tags", []) for c in code), f"{key}: a code input is shown"
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        assert f"(findings-{key})=" in text, f"{key}: no anchor on its Findings"
        assert "../book/intro" not in text


def test_in_brief_lists_the_chapters_findings_with_verdict_severity_and_links():
    from catbook.book.chapter_view import ChapterView
    from catbook.judge.findings import load_findings
    text = ChapterView("art-3").in_brief()._repr_markdown_()
    mine = [f for f in load_findings(check_refs=False) if "art-3" in f.chapters]
    assert text.startswith("## In brief") and mine
    for f in mine:
        assert f"<{f.id}>`" in text
    assert "High · unverified" in text and "{ref}`findings <findings-art-3>`" in text


def test_section_headings_are_english():
    from catbook.book.headings import section_title_en
    assert section_title_en("co2-19") == "CO/2 paragraph 19"
    assert section_title_en("co2-17-18") == "CO/2 paragraphs 17 and 18"
    assert section_title_en("co2-21-a-b") == "CO/2 paragraph 21, subparagraphs a and b"
    assert section_title_en("general") == "II. General information"
    from catbook.book import chapter_notebook
    from catbook.pack.chapters import CHAPTERS
    md = "\n".join(c.source for c in chapter_notebook.build(CHAPTERS["art-3"]).cells if c.cell_type == "markdown")
    assert "Paragraphe" not in md and "### CO/2 paragraph 19" in md


def test_home_and_counts_are_computed_from_the_data():
    from catbook.book import home
    from catbook.pack import tables
    block = home.top_findings_markdown()
    top = home.ranked_findings()[: home.HOME_FINDINGS]
    assert all(f"<{f.id}>`" in block for f in top)
    n = home.contradiction_counts()
    assert n["claims"] == int((tables.load("claims").verdict == "contradicted").sum())
    page = home.counts_markdown()
    for c in tables.load("claims").query("verdict == 'contradicted'").claim_id:
        assert f"<claim-{c}>`" in page
    for k in tables.load("audit").query("status == 'contradicted'").check_id:
        assert f"`{k}`" in page
