"""Generated pages and the Markdown helpers that cite the report."""
import re

from catbook import markdown, pages
from catbook.display import Markdown
from catbook.paths import BOOK

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


def test_line_refs_are_sphinx_references():
    assert markdown.line_ref(295) == "{ref}`line 295 <p295>`"
    assert markdown.lines_ref("104;464") == "{ref}`line 104 <p104>`, {ref}`line 464 <p464>`"


def test_markdown_plain_repr_keeps_the_words_for_nbval():
    md = Markdown("See {ref}`line 104 <p104>`: 48\\*684")
    assert repr(md) == "See line 104: 48*684"
    assert md._repr_markdown_() == "See {ref}`line 104 <p104>`: 48\\*684"
