"""Arithmetic over figures: the working a chapter shows."""
import pandas as pd
import pytest

from catbook.judge import compare
from catbook.text.figures import FigureLookupError


@pytest.fixture
def figs():
    return pd.DataFrame({
        "figure_id": ["a", "b", "s", "c"],
        "period": ["2009", "2013", "2009-2013", "2014"],
        "value": [63000.0, 48684.0, 13000.0, 50000.0],
        "unit": ["persons"] * 4,
        "qualifier": ["exact"] * 4,
        "source_line": [104, 104, 104, 200],
    })


def test_pick_keeps_the_order_asked_and_refuses_unknown_ids(figs):
    assert list(compare.pick(figs, "b", "a").figure_id) == ["b", "a"]
    with pytest.raises(FigureLookupError, match="zz"):
        compare.pick(figs, "a", "zz")


def test_stated_change_shows_the_gap(figs):
    row = compare.stated_change(figs, "a", "b", "s").iloc[0]
    assert row["computed change"] == "-14,316 (-22.7%)"
    assert row["gap"] == "1,316"


def test_year_on_year_directions(figs):
    out = compare.year_on_year(figs, "a", "b", "c")
    assert list(out.direction) == ["", "down", "up"]
    assert out.change.iloc[1] == -14316
