"""The ``para_no`` column of the data tables: the official paragraph of each cited line.

Derived from the corpus (``<pack>/report/paragraphs.csv``), never typed: ``make data``
(``python -m catbook data``) writes it into the hand-made tables, next to the column it
is derived from, and ``tests/test_para_columns.py`` proves the committed files are current.

* ``claims.csv``, ``figures.csv`` (and the tidy tables, which copy it from figures.csv):
  the paragraph of ``source_line``;
* ``audit.csv``: the paragraphs of ``source_lines``, ';'-separated, ascending, distinct
  (written by :mod:`catbook.judge.audit`);
* ``recommendations.csv``: the paragraphs ``answer_lines`` covers, ``N`` or ``N-M``
  ('' when there is no answer).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from catbook.text.corpus import para_nos_of_lines, para_of_line, para_span_of_lines
from catbook.pack.paths import CLAIMS_CSV, FIGURES_CSV, RECOMMENDATIONS_CSV

COLUMN = "para_no"
#: table -> (the column para_no is derived from, and follows; how it is read)
STAMPED: dict[Path, tuple[str, str]] = {
    CLAIMS_CSV: ("source_line", "line"),
    FIGURES_CSV: ("source_line", "line"),
    RECOMMENDATIONS_CSV: ("answer_lines", "span"),
}


def para_no_value(value, kind: str) -> str:
    """The para_no text for a line ('line'), ';'-separated lines ('lines') or a span 'A-B' ('span')."""
    text = str(value).strip()
    if not text:
        return ""
    if kind == "line":
        p = para_of_line(int(text))
        return "" if p is None else str(p)
    if kind == "lines":
        return ";".join(map(str, para_nos_of_lines(int(x) for x in text.split(";") if x.strip())))
    if kind == "span":
        first, _, last = text.partition("-")
        return para_span_of_lines(int(first), int(last or first))
    raise ValueError(f"kind: {kind!r} is not line, lines or span")


def with_para_no(df: pd.DataFrame, source: str, kind: str) -> pd.DataFrame:
    """The table with para_no recomputed, placed right after ``source``."""
    out = df.drop(columns=[COLUMN], errors="ignore")
    values = out[source].map(lambda v: para_no_value(v, kind))
    out.insert(list(out.columns).index(source) + 1, COLUMN, values)
    return out


def stamped_text(path: Path) -> str:
    """The CSV text of ``path`` with its para_no column as the corpus gives it."""
    source, kind = STAMPED[path]
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return with_para_no(df, source, kind).to_csv(index=False, lineterminator="\n")


def write_all() -> list[Path]:
    for path in STAMPED:
        path.write_text(stamped_text(path), encoding="utf-8", newline="")
    return list(STAMPED)
