"""The para_no columns of the data tables are the corpus's, and current."""
import pandas as pd
import pytest

from catbook.text import para_columns
from catbook.judge import tidy
from catbook.judge.audit import run_audit
from catbook.text.corpus import load_paragraphs
from catbook.text.figures import figure
from catbook.pack.paths import AUDIT_CSV, CLAIMS_CSV, FIGURES_CSV, RECOMMENDATIONS_CSV


@pytest.mark.parametrize("path", list(para_columns.STAMPED), ids=lambda p: p.name)
def test_committed_tables_carry_the_current_para_no(path):
    assert path.read_text(encoding="utf-8") == para_columns.stamped_text(path), \
        f"{path.name}: para_no is stale: run `make data`"


@pytest.mark.parametrize("path", [CLAIMS_CSV, FIGURES_CSV], ids=lambda p: p.name)
def test_each_row_names_the_paragraph_of_its_line(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    cols = list(df.columns)
    assert cols[cols.index("source_line") + 1] == "para_no"
    of_line = load_paragraphs().set_index("source_line").para_no
    for r in df.itertuples():
        assert r.para_no == str(of_line[int(r.source_line)]), r[1]


def test_recommendations_give_the_paragraphs_of_their_answer():
    df = pd.read_csv(RECOMMENDATIONS_CSV, dtype=str, keep_default_na=False).set_index("co2_paragraph")
    assert df.at["6", "answer_lines"] == "253-254" and df.at["6", "para_no"] == "191-192"
    assert (df.answer_lines.eq("") == df.para_no.eq("")).all()


def test_audit_gives_the_paragraphs_of_its_lines():
    df = pd.read_csv(AUDIT_CSV, dtype=str, keep_default_na=False)
    fresh = run_audit()
    assert list(df.para_no) == list(fresh.para_no)
    row = df.set_index("check_id").loc["torture-cases-2009-2012-by-agency"]
    assert (row.source_lines, row.para_no) == ("52;53", "43;44")


def test_tidy_tables_copy_the_figures_para_no():
    for name, df in tidy.build_tables().items():
        assert "para_no" in df.columns, name
        for r in df.itertuples():
            assert r.para_no == figure(r.figure_id).para_no, (name, r.figure_id)


@pytest.mark.parametrize("value, kind, expected", [
    ("2", "line", "1"), ("57", "line", ""), ("52;53", "lines", "43;44"), ("147;148;57", "lines", "107"),
    ("146-154", "span", "107"), ("", "span", ""), ("275-286", "span", "212-223"),
])
def test_para_no_values(value, kind, expected):
    assert para_columns.para_no_value(value, kind) == expected


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        para_columns.para_no_value("2", "paragraph")
