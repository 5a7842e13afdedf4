"""Arithmetic on the report's own figures: what a stated change or trend should be.

Each function takes rows of <pack>/figures.csv (chosen by figure_id) and returns a
small table that shows the inputs, the computed result and what the report says,
so a chapter can show its working rather than a bare verdict.
"""
from __future__ import annotations

import pandas as pd


def pick(figs: pd.DataFrame, *ids: str) -> pd.DataFrame:
    """The rows with these figure ids, in the order given (a missing id is a FigureLookupError)."""
    from catbook.text.figures import figures_by_id
    return figures_by_id(ids, figures=figs)


def stated_change(figs: pd.DataFrame, start: str, end: str, stated: str) -> pd.DataFrame:
    """Compare a change the report states (e.g. "a fallu de 13 000") with end − start."""
    rows = pick(figs, start, end, stated)
    a, b, s = rows.value.astype(float)
    computed = b - a
    return pd.DataFrame([{
        "from": f"{a:,.0f} ({rows.period[0]}, line {rows.source_line[0]})",
        "to": f"{b:,.0f} ({rows.period[1]}, line {rows.source_line[1]})",
        "computed change": f"{computed:+,.0f} ({computed / a:+.1%})",
        "stated change": f"{s:,.0f} (line {rows.source_line[2]}, {rows.qualifier[2]})",
        "gap": f"{abs(computed) - s:,.0f}",
    }])


def year_on_year(figs: pd.DataFrame, *ids: str) -> pd.DataFrame:
    """Successive values of one series with the change between each and the one before."""
    rows = pick(figs, *ids)
    out = rows[["figure_id", "period", "value", "unit", "source_line"]].copy()
    out["change"] = out.value.diff()
    out["direction"] = out.change.map(
        lambda c: "" if pd.isna(c) else ("up" if c > 0 else "down" if c < 0 else "flat"))
    return out
