"""catbook.book.sphinx_ext (HTML fixes of the build) and catbook.book.pdf's page list, without a browser."""
from __future__ import annotations

from types import SimpleNamespace

from catbook.book import pdf, sphinx_ext
from catbook.book.display import Markdown, check_anchor, claim_anchor, claim_markdown

FIGURES_TABLE = """<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;"><th></th><th>figure_id</th><th>value</th></tr>
  </thead>
  <tbody>
    <tr><th>0</th><td>fig-art-2-014</td><td>195</td></tr>
    <tr><th>1</th><td>fig-art-2-015</td><td>900</td></tr>
  </tbody>
</table>"""


def test_figure_rows_get_anchors_once_per_page():
    html = sphinx_ext.anchor_table_rows(FIGURES_TABLE + FIGURES_TABLE)
    # a figure id begins with fig- and is its own anchor
    assert html.count('<tr id="fig-art-2-014">') == 1 and html.count('<tr id="fig-art-2-015">') == 1
    assert html.count("<tr>") == 2  # the second table's rows keep no id (ids are unique)


def test_row_anchor_not_added_when_the_page_has_the_id():
    table = FIGURES_TABLE.replace("figure_id", "claim_id")
    table = table.replace("fig-art-2-", "art-2-")
    html = sphinx_ext.anchor_table_rows('<p id="claim-art-2-014">x</p>' + table)
    assert 'id="claim-art-2-014"' in html and html.count('id="claim-art-2-014"') == 1
    assert '<tr id="claim-art-2-015">' in html


def test_tables_without_an_id_column_are_untouched():
    table = FIGURES_TABLE.replace("figure_id", "measure")
    assert sphinx_ext.anchor_table_rows(table) == table


def test_indexed_table_header_is_read_from_both_header_rows():
    table = """<table class="dataframe"><thead>
      <tr><th></th><th>value</th></tr><tr><th>check_id</th><th></th></tr></thead>
      <tbody><tr><th>totals-agree</th><td>1</td></tr></tbody></table>"""
    assert '<tr id="check-totals-agree">' in sphinx_ext.anchor_table_rows(table)


def test_sidebar_toggles_get_a_name():
    html = ('<a class="reference internal" href="s1.html">Session 1</a><details><summary>'
            '<span class="toctree-toggle" role="presentation"></span></summary>')
    assert '<summary aria-label="Pages under Session 1">' in sphinx_ext.name_toggles(html)


class _Js:
    def __init__(self, filename, priority=500, **attributes):
        self.filename, self.priority, self.attributes = filename, priority, attributes


def test_inline_scripts_written_once_and_no_thebe_when_off():
    config = SimpleNamespace(html_theme_options={"launch_buttons": {"thebe": False}})
    app = SimpleNamespace(config=config)
    toggle = "var togglebuttonSelector = '.toggle';"
    scripts = [_Js("_static/doctools.js"), _Js(None, body=toggle), _Js("", body=toggle),
               _Js(None, body='const THEBE_JS_URL = "https://unpkg.com/thebe"'),
               _Js("_static/sphinx-thebe.js", **{"async": "async"})]
    context = {"script_files": scripts, "css_files": ["_static/sphinx-thebe.css", "_static/a.css"],
               "body": '<summary aria-label="Toggle hidden content">'}
    sphinx_ext.clean_assets(app, "p", "page.html", context, None)
    assert [s.filename for s in context["script_files"]] == ["_static/doctools.js", None]
    assert context["css_files"] == ["_static/a.css"]
    assert context["body"] == "<summary>"


def test_thebe_kept_when_on():
    config = SimpleNamespace(html_theme_options={"launch_buttons": {"thebe": True}})
    scripts = [_Js("_static/sphinx-thebe.js")]
    context = {"script_files": scripts}
    sphinx_ext.clean_assets(SimpleNamespace(config=config), "p", "page.html", context, None)
    assert len(context["script_files"]) == 1


def test_claim_markdown_has_its_anchor_and_plain_text_has_none():
    row = SimpleNamespace(claim_id="art-2-002", source_line=59, kind="legal-measure", verdict="not-checkable",
                          quote_fr="La garde à vue", gloss_en="Custody", legal_basis="", evidence_en="Why.",
                          evidence_lines="")
    text = claim_markdown(row)
    assert text.startswith(f"({claim_anchor('art-2-002')})=\n**art-2-002**")
    plain = repr(Markdown(text + f'\n\n<span id="{check_anchor("c")}"></span>**c**'))
    assert "claim-art-2-002" not in plain and "<span" not in plain and plain.startswith("**art-2-002**")


def test_pdf_pages_follow_the_toc_and_have_distinct_names():
    pages = pdf.toc_pages()
    assert pages[0] == "book/intro" and "book/how-to-cite" in pages
    names = [pdf.pdf_name(p, pages) for p in pages]
    assert len(set(names)) == len(names)
    assert pdf.pdf_name("notebooks/art-02-prevention", pages) == "art-02-prevention.pdf"
    assert pdf.pdf_name("book/instructors/index", ["book/instructors/index"]) == "instructors-index.pdf"
    assert pdf.pdf_name("book/x", ["book/x", "notebooks/x"]) == "book-x.pdf"


def test_each_calculator_gets_the_calculator_and_report_pages_unless_it_names_them():
    from catbook.book.sphinx_ext import link_calculators
    body = ('<div class="cc-calculator" data-catbook-calculator="custody" data-case="{}"></div>'
            '<div id="x" data-catbook-calculator="custody" data-report-page="report-text.html"></div>')
    out = link_calculators(body, "../book/calculator.html", "../book/report-text.html")
    assert ('<div class="cc-calculator" data-catbook-calculator="custody" data-case="{}" '
            'data-calculator-page="../book/calculator.html" data-report-page="../book/report-text.html">') in out
    assert ('<div id="x" data-catbook-calculator="custody" data-report-page="report-text.html" '
            'data-calculator-page="../book/calculator.html">') in out
    assert link_calculators(out, "a", "b") == out


def test_root_redirect_page_is_complete_and_escaped(tmp_path):
    config = SimpleNamespace(root_doc="book/intro", html_favicon="_static/icon.svg", language="en",
                             html_title='CAT/C/KAZ/3 & "the book"', project="p")
    app = SimpleNamespace(config=config, outdir=str(tmp_path), builder=SimpleNamespace(name="html"))
    sphinx_ext.write_index(app, None)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert 'content="0; url=book/intro.html"' in page and '<link rel="icon" href="_static/icon.svg">' in page
    assert "CAT/C/KAZ/3 &amp; &quot;the book&quot;" in page and page.endswith("</html>\n") and '"the book"' not in page


def test_parsed_html_keeps_attribute_order_entities_and_void_tags():
    html = '<p>a &amp; b &lt;x&gt;<br><img src="a.png" alt=""></p><div data-catbook-calculator="custody" id="z">'
    out = sphinx_ext.link_calculators(html + "</div>", "c.html", "r.html")
    assert out.startswith('<p>a &amp; b &lt;x&gt;<br><img src="a.png" alt=""></p>')
    assert '<div data-catbook-calculator="custody" id="z" data-calculator-page="c.html" data-report-page="r.html">' in out


def test_the_theme_overrides_are_found_where_the_package_keeps_them():
    """The templates that name the theme's search button and colour switch (WCAG 2.5.3) are in
    catbook/templates/, whatever subpackage the extension lives in."""
    from catbook.book.sphinx_ext import TEMPLATES
    assert {"search-button-field.html", "theme-switcher.html"} <= {p.name for p in TEMPLATES.glob("*.html")}


def test_light_pages_drop_the_icon_script_and_keep_search_scripts_on_the_search_page_only():
    from catbook.book import light
    head = ('<html><head>\n<script defer src="../_static/scripts/fontawesome.js?digest=1"></script>\n'
            '<script src="../_static/doctools.js"></script>\n<script src="../searchindex.js"></script>\n'
            '</head><body><script src="x.js"></script></body></html>')
    out = light.lighten_head(head, "book/intro.html")
    assert "fontawesome" not in out and "searchindex" not in out and "doctools.js" in out and "x.js" in out
    search = head.replace("../", "")
    lazy = light.lighten_head(search, "search.html")
    # the search page loads the index only once a search is made (a query in its address)
    assert '<script src="searchindex.js"></script>' not in lazy
    assert 's.src = "searchindex.js"' in lazy and 'get("q")' in lazy


def test_light_pages_load_copy_buttons_and_tabs_only_where_they_serve():
    from catbook.book import light
    head = ('<html><head>\n<link rel="stylesheet" type="text/css" href="../_static/copybutton.css?v=1" />\n'
            '<link rel="stylesheet" type="text/css" href="../_static/sphinx-design.min.css?v=1" />\n'
            '<script src="../_static/clipboard.min.js?v=1"></script>\n<script src="../_static/copybutton.js?v=1"></script>\n'
            '<script src="../_static/design-tabs.js?v=1"></script>\n</head><body>{body}</body></html>')
    plain = light.lighten_head(head.format(body="<p>text</p>"), "book/x.html")
    assert not any(a in plain for a in ("copybutton", "clipboard", "sphinx-design", "design-tabs"))
    code = light.lighten_head(head.format(body='<div class="highlight"><pre>x</pre></div>'), "book/x.html")
    assert "copybutton.js" in code and "clipboard.min.js" in code and "copybutton.css" in code
    assert "design-tabs" not in code
    tabs = light.lighten_head(head.format(body='<div class="sd-tab-set">x</div>'), "book/x.html")
    assert "design-tabs.js" in tabs and "sphinx-design.min.css" in tabs and "copybutton" not in tabs


def test_search_keeps_article_numbers_as_one_term():
    from catbook.book.search import LawyerEnglish, hyphenated
    assert hyphenated("l’article 141\u20111 du Code pénal") == ["141-1"]
    lang = LawyerEnglish({})
    assert "141-1" in lang.split("art. 141-1 (Torture)") and lang.word_filter("141-1")
    assert lang.stem("141-1") == "141-1"
