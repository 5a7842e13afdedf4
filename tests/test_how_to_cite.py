"""The "How to cite" page says what CITATION.cff and the data say (its examples cannot drift)."""
from __future__ import annotations

import re

import pandas as pd
import yaml

from catbook.text.figures import figure
from catbook.pack.paths import BOOK, PACK as DATA, ROOT

PAGE = (BOOK / "how-to-cite.md").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.replace(">", " ").split())


def test_book_citation_matches_citation_cff():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    flat = _flat(PAGE)
    assert f"version {cff['version']}" in flat and f"version = {{{cff['version']}}}" in flat
    year = str(cff["date-released"])[:4]
    assert f"({year})" in flat and f"year = {{{year}}}" in flat
    assert cff["authors"][0]["name"] in flat
    assert cff["title"].split(":")[0] in flat


def test_claim_example_matches_the_register():
    claims = pd.read_csv(DATA / "claims.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    row = claims.loc["art-2-002"]
    flat = _flat(PAGE)
    assert f"Claim art-2-002 (CAT/C/KAZ/3, para. {row.para_no}; line {row.source_line} of the book's text)" in flat
    assert f"verdict *{row.verdict.replace('-', ' ')}*" in flat


def test_figure_example_matches_the_figures_table():
    row = figure("fig-art-2-014")
    flat = _flat(PAGE)
    # (the report's non-breaking spaces are plain spaces on the page)
    assert _flat(f'Figure fig-art-2-014 (CAT/C/KAZ/3, para. {row.para_no}, line {row.source_line}: '
                 f'"{row.quote_fr}")') in flat
    assert f"{{ref}}`line {row.source_line} <p{row.source_line}>`" in PAGE


def test_check_example_matches_the_audit():
    audit = pd.read_csv(DATA / "audit.csv", dtype=str, keep_default_na=False).set_index("check_id")
    check = "specialised-institutions-funding-rises-every-year"
    assert f"Check {check} ({audit.loc[check, 'status']})" in _flat(PAGE)


def test_anchor_patterns_are_the_codes():
    from catbook.book.display import check_anchor, claim_anchor
    from catbook.judge.recommendations import anchor as rec_anchor
    assert f"#{claim_anchor('art-2-002')}" in PAGE
    assert f"#{check_anchor('x')}".removesuffix("x") in PAGE
    assert f"#{rec_anchor(10)}" in PAGE
    assert re.search(r"#fig-art-2-014\b", PAGE)


def test_report_citation_uses_the_official_paragraph():
    from catbook.text.corpus import para_of_line
    flat = _flat(PAGE)
    assert "CAT/C/KAZ/3, para. N" in flat
    assert para_of_line(295) == 232
    assert _flat("CAT/C/KAZ/3, para. 232, `<book>/book/report-text.html#para-232`") in flat
    assert "(line 295 of the text" in flat
    claims = pd.read_csv(DATA / "claims.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    row = claims.loc["art-2-002"]
    fig = figure("fig-art-2-014")
    assert f"{{ref}}`para. {fig.para_no} <para-{fig.para_no}>`" in PAGE
