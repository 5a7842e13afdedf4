"""The paragraph corpus: one row per source line, every heading recognised."""
import re

import pandas as pd
import pytest

from catbook.text import corpus
from catbook.text.source import source_lines


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


# -- the official paragraph numbers ------------------------------------------------------

# The table of contents of CAT/C/KAZ/3, as the issue gives it: (part, section) -> range.
# Typed here on purpose, independently of data/cat-c-kaz-3/report/official-paragraphs.yaml, so that a
# change to either is caught.
OFFICIAL_TABLE = [
    ("I", "", 1, 4), ("II", "", 5, 30), ("III", "art-1-4-5", 31, 45), ("III", "art-2", 46, 96),
    ("III", "art-6", 97, 99), ("III", "art-7", 100, 100), ("III", "art-8-9", 101, 101),
    ("III", "art-10", 102, 106), ("III", "art-11", 107, 107), ("III", "art-12", 108, 128),
    ("III", "art-13", 129, 136), ("III", "art-14", 137, 141), ("III", "art-15", 142, 148),
    ("IV", "", 149, 164), ("V", "", 165, 190), ("VI", "", 191, 387),
]


def test_the_data_file_holds_the_table_of_contents():
    data = corpus.official_paragraphs()
    assert data["document"]["symbol"] == "CAT/C/KAZ/3"
    assert data["document"]["language"] == "fr"
    assert data["document"]["date"] == "2014-01-09"
    assert [(str(r["part"]), r.get("section", ""), r["first"], r["last"])
            for r in data["ranges"]] == OFFICIAL_TABLE


@pytest.mark.parametrize("part, section, first, last", OFFICIAL_TABLE)
def test_numbering_reproduces_each_range_exactly(df, part, section, first, last):
    rows = df[df.part == part]
    if section:
        rows = rows[rows.section == section]
    nums = rows.para_no.dropna().astype(int)
    assert (nums.min(), nums.max()) == (first, last)
    assert sorted(nums.unique()) == list(range(first, last + 1))


def test_the_report_has_387_paragraphs_in_order(df):
    nums = df.para_no.dropna().astype(int)
    assert nums.nunique() == 387
    assert list(nums) == sorted(nums)  # numbers never go back
    assert set(nums) == set(range(1, 388))
    corpus.verify_official_numbering(df)
    assert corpus.official_ranges(df).matches.all()


def test_headings_and_the_blank_line_have_no_number(df):
    assert df[df.is_heading].para_no.isna().all()
    assert df.loc[df.source_line == 488, "para_no"].isna().all()  # the file's last line, a space
    assert df[~df.is_heading & (df.source_line != 488)].para_no.notna().all()


def test_list_items_carry_their_lead_ins_number(df):
    items = df[df.is_list_item]
    assert len(items) == 56
    by_line = df.set_index("source_line")
    for n in items.source_line:
        above = n - 1
        while by_line.at[above, "is_list_item"]:
            above -= 1
        assert by_line.at[above, "text"].rstrip().endswith(":")
        assert by_line.at[n, "para_no"] == by_line.at[above, "para_no"]
    # Article 11 is one paragraph: its lead-in and seven numbered items (lines 147-154).
    assert set(df[df.section == "art-11"].para_no.dropna()) == {107}
    assert list(df[df.section == "art-11"].is_list_item) == [False, False] + [True] * 7


def test_each_rule_marks_what_it_says(df):
    counts = corpus.list_item_rule_counts(df)
    assert dict(counts["lines marked"]) == {"after-colon": 17, "after-semicolon": 39, "numbered": 18}
    assert counts.loc["numbered", "marked by this rule only"] == 0
    items = df[df.is_list_item]
    assert items.list_item_rule.ne("").all() and df[~df.is_list_item].list_item_rule.eq("").all()
    numbered = items[items.list_item_rule.str.contains("numbered")]
    assert numbered.text.str.match(r"^\d\)\t").all()


def test_rules_work_on_any_text():
    lines = ["\tI. \tTitre", "Les textes suivants:", "le premier;", "le second.",
             "Un autre paragraphe;", "Fin:", "1)\tun;", "2)\tdeux."]
    df = corpus.parse_paragraphs(lines)
    assert list(df.para_no.astype("object").where(df.para_no.notna(), None)) == \
        [None, 1, 1, 1, 2, 3, 3, 3]
    # A paragraph ending with a semicolon is not a list item, nor is the line after it.
    assert list(df.is_list_item) == [False, False, True, True, False, False, True, True]
    assert df.list_item_rule.iloc[7] == "after-semicolon;numbered"


@pytest.mark.parametrize("typed, expected", [
    ("295", (295, 295)), ("46–96", (46, 96)), (" 46 - 96 ", (46, 96)), ("1", (1, 1)), ("387", (387, 387)),
])
def test_paragraph_range_reads_what_readers_type(typed, expected):
    assert corpus.paragraph_range(typed) == expected


@pytest.mark.parametrize("typed, reason", [
    ("", "type a paragraph number"), ("para. 5", "type a paragraph number"), ("0", "1 to 387"),
    ("388", "1 to 387"), ("96-46", "smaller number"), ("4.5", "type a paragraph number"),
])
def test_paragraph_range_names_what_is_wrong(typed, reason):
    with pytest.raises(corpus.ParagraphRangeError, match=reason) as err:
        corpus.paragraph_range(typed)
    assert err.value.field == "paragraph" and isinstance(err.value, ValueError)


def test_lines_and_paragraphs_map_both_ways():
    assert corpus.para_of_line(2) == 1 and corpus.para_of_line(1) is None
    assert corpus.paragraph_lines(107) == (147, 154)
    assert corpus.para_span_of_lines(146, 154) == "107"
    assert corpus.para_span_of_lines(57, 124) == "46-96"
    with pytest.raises(corpus.ParagraphRangeError):
        corpus.paragraph_lines(388)


def test_a_numbering_that_misses_a_range_is_refused(df, monkeypatch):
    broken = df.copy()
    broken.loc[broken.source_line == 148, ["para_no", "is_list_item"]] = [108, False]
    with pytest.raises(corpus.OfficialParagraphsError, match="art-11"):
        corpus.verify_official_numbering(broken)
