"""Chart helpers shared by the chapters: every chart names its unit and its source lines.

The figures come from <pack>/figures.csv rows chosen by the caller; the chart
never holds a number of its own.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
from matplotlib.patches import Patch
import pandas as pd

from catbook.pack.report import report
from catbook.text.source import SYMBOL

UNIT_LABELS = {
    "persons": "persons", "cases": "cases", "percent": "%",
    "institutions": "institutions", "places": "places", "visits": "visits",
    "interventions": "interventions",
}


def source_note(df: pd.DataFrame) -> str:
    lines = sorted(set(int(x) for x in df.source_line))
    return f"Source: {SYMBOL}, line{'s' if len(lines) > 1 else ''} " + ", ".join(map(str, lines))


def _scale(values: pd.Series, unit: str) -> tuple[pd.Series, str]:
    """Large money amounts (the pack's currency, report.yaml) read better in millions."""
    currency = report().currency
    if currency and unit == currency.unit:
        if values.max() >= 1e6:
            return values / 1e6, currency.millions_label_en
        return values, currency.label_en
    return values, UNIT_LABELS.get(unit, unit)


def figure_bars(df: pd.DataFrame, *, labels: pd.Series, title: str,
                highlight: pd.Series | None = None, highlight_label: str = "", ax=None):
    """Bar chart of figures that share one unit, labelled, with source lines in the footer.

    `highlight` (boolean Series aligned with df) marks bars to draw in a warning colour,
    e.g. a value that contradicts the text around it.
    """
    units = df.unit.unique()
    if len(units) != 1:
        raise ValueError(f"figure_bars: figures must share one unit, got {list(units)}")
    values, unit_label = _scale(df.value.astype(float), units[0])
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 3.8))
    colours = ["#b5462f" if h else "#33658a" for h in
               (highlight if highlight is not None else [False] * len(df))]
    wrapped = [textwrap.fill(str(label), 18) for label in labels]
    bars = ax.bar(wrapped, list(values), color=colours)
    for bar, (value, qualifier) in zip(bars, zip(values, df.qualifier)):
        prefix = {"more-than": "> ", "about": "≈ ", "nearly": "≈ "}.get(qualifier, "")
        ax.annotate(f"{prefix}{value:,.0f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=9)
    if highlight_label and highlight is not None and any(highlight):
        ax.legend(handles=[Patch(color="#b5462f", label=highlight_label)], frameon=False,
                  loc="upper left")
    ax.set_ylabel(unit_label)
    ax.set_title(title, fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(y=0.15)
    ax.figure.text(0.01, 0.01, source_note(df), fontsize=8, color="#555555")
    ax.figure.tight_layout(rect=(0, 0.04, 1, 1))
    return ax


def figure_chart(spec, figures: pd.DataFrame, *, highlight: pd.Series | None = None):
    """``figure_bars`` of the figures a chart of notebooks.yaml names (``display.ChartSpec``),
    labelled as it says (by their period when it gives no labels)."""
    from catbook.judge.compare import pick
    rows = pick(figures, *spec.figure_ids)
    labels = pd.Series(list(spec.labels) if spec.labels else list(rows.period.astype(str)), index=rows.index)
    return figure_bars(rows, labels=labels, title=spec.title, highlight=highlight,
                       highlight_label=spec.highlight_label)


def count_chart(spec, counts: pd.Series):
    """Horizontal bars of counts (computed by the caller), with the words of a chart of
    notebooks.yaml: title, axis labels, size and a source footer."""
    ax = counts.plot.barh(figsize=spec.size or (7, 6), color="#33658a")
    ax.invert_yaxis()
    ax.set_xlabel(spec.xlabel)
    ax.set_ylabel(spec.ylabel)
    ax.set_title(spec.title)
    if spec.footer:
        ax.figure.text(0.01, 0.01, spec.footer, fontsize=8, color="#555555")
        ax.figure.tight_layout(rect=(0, 0.06, 1, 1))
    else:
        ax.figure.tight_layout()
    return ax
