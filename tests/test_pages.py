"""Generated pages and the Markdown helpers that cite the report."""
import re

from catbook.text import markdown
from catbook.book import pages
from catbook.book.display import Markdown
from catbook.pack.paths import BOOK

import pytest


def test_committed_report_page_is_current():
    assert (BOOK / "report-text.md").read_text(encoding="utf-8") == pages.render_report_text(), \
        "book/report-text.md is stale: run `make data`"


def test_report_page_has_one_anchor_per_line():
    text = pages.render_report_text()
    anchors = re.findall(r"^\(p(\d+)\)=$", text, flags=re.M)
    assert [int(a) for a in anchors] == list(range(1, 489))


def test_unheaded_blocks_are_flagged_on_the_page():
    text = pages.render_report_text()
    assert text.count("Heading missing from the text") == 6


@pytest.mark.parametrize("raw, shown", [
    ("1)\tL’Accord", "1\\)\tL’Accord"),
    ("[bookmark: X]En 2012", "\\[bookmark: X\\]En 2012"),
    ("a * b_c $5", "a \\* b\\_c \\$5"),
    ("- tiret", "\\- tiret"),
])
def test_escape_keeps_report_text_literal(raw, shown):
    assert markdown.escape(raw) == shown


def test_line_refs_are_sphinx_references_with_the_official_paragraph():
    assert markdown.line_ref(295) == "{ref}`line 295 <p295>` · {ref}`para. 232 <para-232>`"
    assert markdown.lines_ref("104;464") == (
        "{ref}`line 104 <p104>` · {ref}`para. 82 <para-82>`, "
        "{ref}`line 464 <p464>` · {ref}`para. 370 <para-370>`")
    # A heading has no paragraph number: its line alone.
    assert markdown.line_ref(57) == "{ref}`line 57 <p57>`"
    assert markdown.lines_span_ref(146, 154) == "{ref}`lines 146–154 <p146>` · {ref}`para. 107 <para-107>`"
    assert markdown.lines_span_ref(275, 286) == \
        "{ref}`lines 275–286 <p275>` · {ref}`paras 212–223 <para-212>`"


def test_report_page_has_one_anchor_per_official_paragraph_on_its_first_line():
    text = pages.render_report_text()
    anchors = re.findall(r'^\(p(\d+)\)=\n\(para-(\d+)\)=\n```\{raw\} html\n<div class="tr-row" id="p\1">'
                         r'<span class="para-anchor" id="para-\2"></span><p class="tr-fr" lang="fr">'
                         r'line \1 · <strong>\2\.</strong> ', text, flags=re.M)
    assert [int(p) for _, p in anchors] == list(range(1, 388))
    assert ("147", "107") in anchors
    # A list item shows the paragraph it belongs to, and no number of its own.
    assert '<p class="tr-fr" lang="fr">line 148 · <em>list item of para. 107:</em> 1)' in text


def test_report_page_shows_the_ranges_the_rules_and_the_look_up():
    text = pages.render_report_text()
    assert "| III | Article 11 | 107 | 107 | 1 | 146–154 | 7 | yes |" in text
    assert "| `after-colon` |" in text and "| 17 | 14 |" in text
    assert '<form id="para-lookup"' in text and 'data-paragraphs="387"' in text
    assert text.count("<script>") == 1


def test_markdown_plain_repr_keeps_the_words_for_nbval():
    md = Markdown("See {ref}`line 104 <p104>`: 48\\*684")
    assert repr(md) == "See line 104: 48*684"
    assert md._repr_markdown_() == "See {ref}`line 104 <p104>`: 48\\*684"


def test_every_line_cited_in_the_book_shows_its_official_paragraph():
    """Prose, generated pages, notebook cells and stored outputs: a line link that has a
    paragraph is followed by that paragraph's link (headings have none)."""
    import json
    from catbook.text.corpus import para_nos_of_lines
    from catbook.pack.paths import NOTEBOOKS
    # English "line 295 · para. 232"; Russian "строка 295 · п. 232" (any case of строка).
    ref = re.compile(r"\{ref\}`(?:lines?|строк\w*) (\d+)(?:[–-](\d+))? <p\d+>`"
                     r"( · \{ref\}`(?:paras?\.?|пп?\.) (\d+)[^`]*<para-(\d+)>`)?")
    pages = list(BOOK.glob("*.md")) + list(BOOK.glob("instructors/*.md")) + list(BOOK.glob("instructors/ru/*.md"))
    texts = {p.relative_to(BOOK).as_posix(): p.read_text(encoding="utf-8") for p in pages}
    assert any(name.startswith("instructors/ru/") for name in texts)
    for nb in NOTEBOOKS.glob("*.ipynb"):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        texts[nb.name] = "\n".join("".join(c["source"]) for c in cells) + "\n".join(
            "".join(o.get("data", {}).get("text/markdown", "")) for c in cells for o in c.get("outputs", []))
    missing = []
    for name, text in texts.items():
        for m in ref.finditer(text):
            first, last = int(m[1]), int(m[2] or m[1])
            nums = para_nos_of_lines(range(first, last + 1))
            if nums and (not m[3] or int(m[5]) != nums[0]):
                missing.append(f"{name}: {m[0]}")
    assert not missing, "\n".join(missing[:20])
