"""The paragraph corpus: one row per source line, every heading recognised."""
import re

import pandas as pd
import pytest

from catbook import corpus
from catbook.source import source_lines


@pytest.fixture(scope="module")
def df():
    return corpus.parse_paragraphs()


def test_one_row_per_source_line(df):
    assert list(df.source_line) == list(range(1, len(source_lines()) + 1))
    assert list(df.text) == list(source_lines())
    assert df.para_id.is_unique
    assert (df.para_id == "p" + df.source_line.astype(str)).all()


def test_written_csv_is_what_the_parser_produces(df):
    stored = corpus.load_paragraphs()
    pd.testing.assert_frame_equal(stored, df, check_dtype=False)


def test_every_heading_of_the_report_is_recognised(df):
    # A heading is a short line (a title, not a sentence). Every such line must be
    # classified as a heading, except the two list items that happen to be short.
    short = df[(df.text.str.strip().str.len() < 60) & (df.text.str.strip() != "")]
    not_headings = {213, 443}  # list items: "Des propositions …", "De commettre …"
    assert set(short[~short.is_heading].source_line) == not_headings
    assert list(df[df.is_heading].source_line) == [
        1, 6, 37, 38, 39, 57, 125, 129, 131, 140, 146, 155, 177, 186, 192, 202, 221, 222,
        251, 252, 255, 306, 352, 354, 361, 364, 370, 371, 375, 378, 380, 384, 390, 395,
        405, 415, 420, 422, 425, 430, 434, 461, 475, 486,
    ]


@pytest.mark.parametrize("line, section", [
    (1, "intro"), (6, "general"), (37, "part-iii"), (38, "part-iii"),
    (39, "art-1-4-5"), (57, "art-2"), (131, "art-8-9"), (192, "art-15"),
    (202, "op"), (221, "cases-ngo"), (222, "cases-ngo"), (251, "part-vi"),
    (252, "co2-6"), (354, "co2-17-18"), (371, "co2-21-a-b"), (378, "co2-21-d"),
    (380, "co2-21-e-g"), (434, "co2-30-31"), (486, "co2-34"),
])
def test_headings_open_their_sections(df, line, section):
    row = df.loc[df.source_line == line].iloc[0]
    assert row.is_heading
    assert row.section == section


def test_parts_follow_the_report(df):
    firsts = df.groupby("part", sort=False).source_line.min()
    assert list(firsts.index) == ["I", "II", "III", "IV", "V", "VI"]
    assert list(firsts) == [1, 6, 37, 202, 221, 251]


def test_unheaded_blocks_are_marked_not_folded(df):
    inferred = df[df.section_inferred]
    starts = sorted(inferred.groupby("section").source_line.min())
    assert starts == [275, 287, 304, 320, 328, 333]
    # Each block starts with the one-space indent that marks a lost heading …
    for n in starts:
        assert re.match(r"^ \S", source_lines()[n - 1])
    # … and none is folded into the section above it.
    for n in starts:
        above = df.loc[df.source_line == n - 1].iloc[0]
        assert df.loc[df.source_line == n, "section"].iat[0] != above.section
    assert (inferred.inference_reason.str.startswith("heading missing")).all()
    assert not df[~df.section_inferred].inference_reason.astype(bool).any()


def test_inference_says_when_position_decides_and_when_it_cannot(df):
    by_section = df[df.section_inferred].groupby("section").first()
    assert by_section.loc["co2-unheaded-275", "co2_paragraphs"] == "8"
    assert by_section.loc["co2-unheaded-304", "co2_paragraphs"] == "10"
    assert "by position" in by_section.loc["co2-unheaded-287", "inference_reason"]
    # Three blocks for four missing numbers (12–15): left open, every candidate listed.
    assert by_section.loc["co2-unheaded-333", "co2_paragraphs"] == "12;13;14;15"
    assert "cannot tell" in by_section.loc["co2-unheaded-333", "inference_reason"]


def test_parser_works_on_any_text_not_just_line_numbers():
    lines = ["\tVI. \tSuivi", "\t\tParagraphe\xa06", "Texte.", " Bloc sans titre.",
             "Suite.", "\t\tParagraphe\xa09", "Fin."]
    df = corpus.parse_paragraphs(lines)
    assert list(df.section) == ["part-vi", "co2-6", "co2-6", "co2-unheaded-4",
                                "co2-unheaded-4", "co2-9", "co2-9"]
    assert df.loc[3, "co2_paragraphs"] == "7;8"
    assert "cannot tell" in df.loc[3, "inference_reason"]


def test_sections_table_is_in_reading_order(df):
    s = corpus.sections(df)
    assert s.section.is_unique
    assert list(s.first_line) == sorted(s.first_line)
    assert s.lines.sum() == len(df)
