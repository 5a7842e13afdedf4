"""The custody period as a chart: hours since the arrest, each deadline and each act marked.

The x axis is elapsed hours, the quantity the law counts, so a change of UTC offset
during custody cannot distort it. Figures are built without pyplot (no global state),
which lets the calculator render them to PNG many times in one session.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
import math
from io import BytesIO

from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator

from catbook.custody.engine import Finding
from catbook.custody.moments import DEFAULT_ZONE, format_moment, resolve_zone, to_utc

STATUS_COLOURS = {"met": "#2e7d32", "missed": "#c62828", "not_recorded": "#6d4c41", "pending": "#757575"}
_ALLOWED_COLOUR = "#c9d9e8"
_HOURS_PER_TICK = 12
#: At most this many ticks: a case audited years after the arrest gets wider ticks, not thousands
#: of them (12-hour ticks over 14 years took matplotlib 46 s to draw).
_MAX_TICKS = 16


def custody_timeline(findings: Sequence[Finding], *, arrested_at, tz: str = DEFAULT_ZONE,
                     now=None) -> Figure:
    """A chart of one audit: a bar per rule from its clock start to its deadline.

    A dot marks when the act was done (green met, red missed); a red segment shows an
    overrun; a dashed line marks ``now`` when given. Inputs are read like audit()'s.
    """
    zone = resolve_zone(tz)
    arrest = to_utc(arrested_at, zone, "arrested_at")

    def hours(moment: datetime) -> float:
        return (moment - arrest).total_seconds() / 3600

    figure = Figure(figsize=(8.5, 1.9 + 0.55 * len(findings)), layout="constrained")
    ax = figure.subplots()
    labelled = set()

    def label(text: str) -> str:
        """Each legend entry once."""
        if text in labelled:
            return "_nolegend_"
        labelled.add(text)
        return text

    for row, finding in enumerate(findings):
        start, due = hours(finding.deadline.starts_at), hours(finding.due)
        ax.barh(row, due - start, left=start, height=0.5, color=_ALLOWED_COLOUR, label=label("time allowed"))
        ax.plot([due], [row], marker="|", markersize=16, markeredgewidth=2, color="#1f3b57",
                linestyle="none", label=label("deadline"))
        ax.annotate(format_moment(finding.due), (due, row), xytext=(4, 7), textcoords="offset points",
                    fontsize=7, color="#1f3b57",
                    bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.5})
        if finding.overrun is not None:
            ax.plot([due, due + finding.overrun.total_seconds() / 3600], [row, row], linewidth=3,
                    color=STATUS_COLOURS["missed"], label=label("overrun"))
        if finding.actual is not None:
            ax.plot([hours(finding.actual)], [row], marker="o", markersize=7, linestyle="none",
                    color=STATUS_COLOURS[finding.status], label=label(f"act done ({finding.status})"))
    ends = [hours(f.due) + (f.overrun.total_seconds() / 3600 if f.overrun else 0) for f in findings]
    if now is not None:
        ends.append(hours(to_utc(now, zone, "now")))
        ax.axvline(ends[-1], color="black", linestyle="--", linewidth=1, label=label("now"))
    ax.set_yticks(range(len(findings)), [f.rule for f in findings])
    ax.set_ylim(len(findings) - 0.5, -0.5)
    right = max(ends, default=1) * 1.2 + 1  # room for the due-time labels
    ax.set_xlim(0, right)
    ax.xaxis.set_major_locator(MultipleLocator(tick_hours(right)))
    ax.set_xlabel("Hours since the arrest (elapsed time)")
    ax.set_ylabel("Rule")
    ax.set_title(f"Custody clock from the arrest at {format_moment(arrest.astimezone(zone))} ({zone.key})",
                 fontsize=10)
    ax.grid(axis="x", color="#e0e0e0")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    figure.legend(loc="outside lower center", ncol=6, fontsize=8, frameon=False)
    return figure


def tick_hours(span: float) -> int:
    """Hours between two ticks of an axis ``span`` hours long: 12, or a multiple of 12 that
    keeps the ticks at most :data:`_MAX_TICKS`."""
    return _HOURS_PER_TICK * max(1, math.ceil(span / (_HOURS_PER_TICK * _MAX_TICKS)))


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes (what the calculator's image widget shows)."""
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    return buffer.getvalue()
