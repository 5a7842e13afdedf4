"""Reading the moments a case file records as exact instants.

Deadlines are elapsed time, so every computation runs in UTC. A naive time is local
time in the case's zone and must name exactly one instant there: a time the clocks
skipped or repeated (a DST change, or a zone moving to another UTC offset)
is refused rather than guessed. Zones come from the pinned ``tzdata`` package, not
from the operating system, so every machine computes the same offsets.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from catbook.custody.errors import CustodyInputError
from catbook.custody.messages import message

_TZDATA = resources.files("tzdata")
from catbook.pack.report import report

#: The zone a case is read in when none is given (``default_zone`` of the pack's report.yaml).
DEFAULT_ZONE: str = report().default_zone


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(_TZDATA.joinpath("zones").read_text(encoding="utf-8").split())


@lru_cache(maxsize=None)
def _load_zone(name: str) -> ZoneInfo:
    with _TZDATA.joinpath("zoneinfo", *name.split("/")).open("rb") as data:
        return ZoneInfo.from_file(data, key=name)


def resolve_zone(name: object) -> ZoneInfo:
    """The IANA zone called ``name``, or CustodyInputError on field "tz"."""
    if not isinstance(name, str):
        raise CustodyInputError("tz", message("error.tz_type", type=type(name).__name__))
    if name not in _zone_names():
        raise CustodyInputError("tz", message("error.tz_unknown", name=repr(name)))
    return _load_zone(name)


@lru_cache(maxsize=1)
def country_zones() -> tuple[str, ...]:
    """The zones tzdata lists for the report's country (``country`` of the pack's report.yaml),
    in zone.tab order."""
    code = report().country
    rows = _TZDATA.joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8").splitlines()
    return tuple(row.split("\t")[2] for row in rows if row.startswith(f"{code}\t"))


#: A date written day first with dots, as usual in Kazakhstan (``03.09.2010 19:00``): two-digit day
#: and month, four-digit year, then nothing or a space or "T" and the time as ISO 8601 writes it.
_DOTTED = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})((?:[ T].*)?)", re.DOTALL | re.ASCII)


def iso_text(text: str) -> str:
    """``text`` with a day-first dotted date (``03.09.2010 19:00``) rewritten as ISO (``2010-09-03 19:00``);
    any other text unchanged. The JavaScript engine rewrites it the same way (isoText)."""
    match = _DOTTED.fullmatch(text)
    if match is None:
        return text
    day, month, year, rest = match.groups()
    return f"{year}-{month}-{day}{rest}"


def parse_moment(value: object, field: str) -> datetime:
    """An ISO 8601 text (or the same with a day-first dotted date, ``03.09.2010 19:00``) or a
    datetime as a datetime (naive or aware), checked for a time of day. Messages quote the text as typed."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        raise CustodyInputError(field, message("error.date_object"))
    if not isinstance(value, str):
        raise CustodyInputError(field, message("error.moment_type", type=type(value).__name__))
    text = value.strip()
    if not text:
        raise CustodyInputError(field, message("error.no_time"))
    iso = iso_text(text)
    try:
        date.fromisoformat(iso)
    except ValueError:
        pass
    else:
        raise CustodyInputError(field, message("error.date_only", text=repr(text)))
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        raise CustodyInputError(field, message("error.not_a_moment", text=repr(text))) from None


def to_utc(value: object, zone: ZoneInfo, field: str) -> datetime:
    """The instant ``value`` names, in UTC: aware times as they are, naive ones as local in ``zone``."""
    moment = parse_moment(value, field)
    if moment.utcoffset() is not None:
        return moment.astimezone(timezone.utc)
    return _localize(moment, zone, field).astimezone(timezone.utc)


def _localize(naive: datetime, zone: ZoneInfo, field: str) -> datetime:
    """Attach ``zone`` to a wall-clock time, refusing times that occur zero or two times."""
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    shown = naive.isoformat(sep=" ", timespec="minutes")
    if first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != naive:
        raise CustodyInputError(field, message("error.skipped", shown=shown, zone=zone.key,
                                               before=format_offset(first), after=format_offset(second)))
    raise CustodyInputError(field, message(
        "error.ambiguous", shown=shown, zone=zone.key, before=format_offset(first), after=format_offset(second),
        example=f"{naive.isoformat(timespec='minutes')}{format_offset(first)}"))


def format_offset(moment: datetime) -> str:
    """The UTC offset of an aware datetime as ±HH:MM."""
    total = int(moment.utcoffset().total_seconds()) // 60
    hours, minutes = divmod(abs(total), 60)
    return f"{'-' if total < 0 else '+'}{hours:02d}:{minutes:02d}"


def format_moment(moment: datetime) -> str:
    """An aware datetime as 'YYYY-MM-DD HH:MM±HH:MM': the wall time and the offset it had."""
    return moment.isoformat(sep=" ", timespec="minutes")
