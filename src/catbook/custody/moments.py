"""Reading the moments a case file records as exact instants.

Deadlines are elapsed time, so every computation runs in UTC. A naive time is local
time in the case's zone and must name exactly one instant there: a time the clocks
skipped or repeated (a DST change, Almaty's move from UTC+6 to UTC+5 on 2024-03-01)
is refused rather than guessed. Zones come from the pinned ``tzdata`` package, not
from the operating system, so every machine computes the same offsets.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from .errors import CustodyInputError

_TZDATA = resources.files("tzdata")


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
        raise CustodyInputError(
            "tz", f"expected an IANA time zone name such as 'Asia/Almaty', got {type(name).__name__}")
    if name not in _zone_names():
        raise CustodyInputError("tz", f"unknown time zone {name!r}; expected a name such as 'Asia/Almaty'")
    return _load_zone(name)


@lru_cache(maxsize=1)
def kazakhstan_zones() -> tuple[str, ...]:
    """The zones tzdata lists for Kazakhstan (country code KZ), in zone.tab order."""
    rows = _TZDATA.joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8").splitlines()
    return tuple(row.split("\t")[2] for row in rows if row.startswith("KZ\t"))


def parse_moment(value: object, field: str) -> datetime:
    """An ISO 8601 text or a datetime as a datetime (naive or aware), checked for a time of day."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        raise CustodyInputError(field, "a date alone is not a moment; give the time of day too")
    if not isinstance(value, str):
        raise CustodyInputError(
            field, f"expected an ISO 8601 date and time (text or datetime), got {type(value).__name__}")
    text = value.strip()
    if not text:
        raise CustodyInputError(field, "no time given")
    try:
        date.fromisoformat(text)
    except ValueError:
        pass
    else:
        raise CustodyInputError(field, f"{text!r} is a date without a time of day")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise CustodyInputError(
            field, f"{text!r} is not a date and time such as '2012-03-01 14:30' or '2012-03-01T14:30+06:00'"
        ) from None


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
        raise CustodyInputError(
            field, f"{shown} does not exist in {zone.key}: the clocks jumped from "
                   f"UTC{format_offset(first)} to UTC{format_offset(second)} over it")
    raise CustodyInputError(
        field, f"{shown} is ambiguous in {zone.key}: it happened twice, at UTC{format_offset(first)} "
               f"and at UTC{format_offset(second)}; add the offset, e.g. "
               f"{naive.isoformat(timespec='minutes')}{format_offset(first)}")


def format_offset(moment: datetime) -> str:
    """The UTC offset of an aware datetime as ±HH:MM."""
    total = int(moment.utcoffset().total_seconds()) // 60
    hours, minutes = divmod(abs(total), 60)
    return f"{'-' if total < 0 else '+'}{hours:02d}:{minutes:02d}"


def format_moment(moment: datetime) -> str:
    """An aware datetime as 'YYYY-MM-DD HH:MM±HH:MM': the wall time and the offset it had."""
    return moment.isoformat(sep=" ", timespec="minutes")
