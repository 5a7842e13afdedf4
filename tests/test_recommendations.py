"""The recommendation tracker's graded scale (data/tracker-scale.yaml) and its rows."""
import pandas as pd
import pytest

from catbook.judge import recommendations as rec
from catbook.pack import tables
from catbook.pack.tables import TableError
from catbook.judge.external import load_previous_text


def test_scale_is_read_from_data_in_order():
    scale = rec.load_scale()
    assert list(scale.id) == ["implemented", "partly-implemented", "not-implemented", "rejected",
                              "insufficient-information"]
    assert list(rec.ASSESSMENTS) == list(scale.id)
    assert all(rec.MEANINGS[g].strip() for g in rec.ASSESSMENTS)


def test_scale_grade_without_meaning_raises(tmp_path):
    bad = tmp_path / "scale.yaml"
    bad.write_text("grades:\n  - id: implemented\n    label: implemented\n    meaning: ''\n", encoding="utf-8")
    with pytest.raises(ValueError, match="meaning"):
        rec.load_scale(bad)


def test_every_row_is_graded_and_cites_a_line():
    df = rec.load_recommendations()
    assert len(df) == 29
    assert set(df.assessment) <= set(rec.ASSESSMENTS)
    assert df.reason_en.str.contains(r"lines? \d+").all()


@pytest.mark.parametrize("paragraph,line", [(8, 277), (16, 353), (26, 421), (33, 480)])
def test_declining_answers_are_rejected(paragraph, line):
    row = rec.load_recommendations().set_index("co2_paragraph").loc[paragraph]
    assert row.assessment == "rejected"
    assert f"line {line}" in row.reason_en


def test_unknown_grade_and_old_grades_raise(tmp_path):
    df = tables.load("recommendations")
    for old in ("partly-answered", "fully-answered"):
        bad = df.copy()
        bad.loc[0, "assessment"] = old
        path = tmp_path / f"{old}.csv"
        bad.to_csv(path, index=False)
        with pytest.raises(TableError, match="assessment") as err:
            rec.load_recommendations(path)
        assert err.value.field == "assessment" and err.value.row == 2


def test_a_missing_answer_can_only_be_insufficient_information():
    df = rec.load_recommendations()
    i = df.index[df.answer_lines == ""][0]
    bad = df.copy()
    bad.loc[i, "assessment"] = "not-implemented"
    with pytest.raises(rec.RecommendationsError, match="answer_lines"):
        rec.validate(bad)


def test_co2_wording_is_computed_from_co2_text():
    reached = set(load_previous_text().co2_paragraph.astype(int))
    table = rec.tracker_table()
    assert set(table.index[table.co2_text_reached == "yes"]) == reached
    assert "no public copy" in rec.committee_wording(8)
    assert "CAT/C/KAZ/Q/3" in rec.committee_wording(6)
    extra = pd.DataFrame([{**load_previous_text().iloc[0].to_dict(), "co2_paragraph": 8}])
    assert "no public copy" not in rec.committee_wording(8, extra)


def test_tracker_table_is_drawn_for_readers_with_the_assessment_first():
    from bs4 import BeautifulSoup
    from catbook.book.display import reader_table_html
    table = rec.tracker_table()
    page = BeautifulSoup(reader_table_html(table), "html.parser")
    heads = [th.get_text(strip=True) for th in page.find("thead").find_all("th")]
    assert heads[0] == "Assessment" and heads[1].endswith("paragraph")
    assert not {"topic_en", "answer_lines", "co2_text_reached", "heading_in_text", "para_no"} & set(heads)
    assert not page.find("tbody").find("th")  # no index column
    first = page.find("tbody").find("tr").find("td")
    assert first.find("span", class_="catbook-grade").get_text() in rec.ASSESSMENTS.values()
    scale = rec.scale_table()
    assert list(scale.columns) == ["assessment", "meaning"] and list(scale.assessment) == list(rec.ASSESSMENTS.values())
