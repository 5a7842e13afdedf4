"""The custody rules as dated data, loaded from the pack's custody/rules.yaml and checked on load.

Legal values (durations, dates, legal bases, the report's words) live in the YAML
file; the code only knows how a clock starts and how the version in force is chosen,
so a change in the law is an edit of the data. Loading refuses a file the engine
could misread: unknown keys, overlapping versions, a custody clock with a gap in time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from catbook.pack.paths import CUSTODY_DIR
from catbook.pack.datafile import read_yaml
from catbook.custody.errors import RulesDataError

RULES_FILE = CUSTODY_DIR / "rules.yaml"

#: What starts a clock when it is not another rule's act: the moment of actual arrest.
ARREST = "arrest"
#: Units a limit can be stated in, and limits the report states without a number.
UNITS = ("hours", "days", "months")
OPEN_LIMITS = ("immediately", "without delay")
#: Who a custody-clock rule can apply to, given what deadlines()/audit() know of the person.
CLOCK_AUDIENCES = ("all", "foreigner", "juvenile")
#: The one open limit a clock can run on: due at the moment its clock starts.
CLOCK_OPEN_LIMITS = ("immediately",)

_RULE_KEYS = {"id", "title", "computable", "applies_to", "starts_from", "act", "duration",
              "description", "basis", "source_lines", "quote_fr", "quote_line", "note", "in_force",
              "immediately", "later_law"}
_RULE_REQUIRED = _RULE_KEYS - {"act", "note", "immediately", "later_law"}
_IMMEDIATELY_KEYS = {"source_lines", "quote_fr", "quote_line"}
_EXTERNAL_KEYS = {"source", "publisher", "symbol", "date", "url", "says"}
_VERSION_KEYS = {"from", "to", "source_lines", "quote_fr", "quote_line", "note", "lawful_delay"}
_DELAY_KEYS = {"duration", "starts_from", "description", "basis"}
_PERIOD_KEYS = {"from", "to", "source_lines", "quote_fr", "quote_line", "note"}


@dataclass(frozen=True)
class Duration:
    """A limit as the report states it: an amount of a unit, or 'immediately'/'without delay'."""

    amount: int | None
    unit: str

    @property
    def label(self) -> str:
        if self.amount is None:
            return self.unit
        return f"{self.amount} {self.unit if self.amount != 1 else self.unit[:-1]}"

    @property
    def is_immediate(self) -> bool:
        return self.unit == "immediately"

    def as_timedelta(self) -> timedelta:
        """The exact elapsed time of an hour limit; "immediately" is no time at all.

        Only hours make a clock: the report never says whether its days are calendar
        or working days, and months have no fixed length. "Immediately" is read as due
        at the moment the clock starts, so any later act is late by the time passed.
        """
        if self.is_immediate:
            return timedelta(0)
        if self.unit != "hours":
            raise ValueError(f"a limit of {self.label} has no exact elapsed time")
        return timedelta(hours=self.amount)


@dataclass(frozen=True)
class Act:
    """What a custody rule requires to be done; its id can start another rule's clock."""

    id: str
    label: str


@dataclass(frozen=True)
class LawfulDelay:
    """A longer limit the law allowed in exceptional circumstances (kept beside the rule)."""

    duration: Duration
    starts_from: str
    description: str
    basis: str


@dataclass(frozen=True)
class Immediately:
    """Where the report also says "immédiatement" of a rule it gives an hour limit."""

    source_lines: tuple[int, ...]
    quote_fr: str
    quote_line: int


@dataclass(frozen=True)
class ExternalSource:
    """A fact about the law from outside the report, kept with where it was found.

    ``date`` is the source's own date as text (YYYY-MM-DD, or YYYY-MM when it shows no day).

    ``source`` is always "external": these are not what the report states, and the
    book shows them marked as such.
    """

    publisher: str
    symbol: str
    date: str
    url: str
    says: str
    source: str = "external"


@dataclass(frozen=True)
class Version:
    """One dated state of a rule; dates are inclusive, None means the report gives no bound."""

    valid_from: date | None
    valid_to: date | None
    source_lines: tuple[int, ...] = ()
    quote_fr: str | None = None
    quote_line: int | None = None
    note: str | None = None
    lawful_delay: LawfulDelay | None = None

    def covers(self, day: date) -> bool:
        return ((self.valid_from is None or self.valid_from <= day)
                and (self.valid_to is None or day <= self.valid_to))

    @property
    def label(self) -> str:
        if self.valid_from and self.valid_to:
            return f"{self.valid_from} to {self.valid_to}"
        if self.valid_from:
            return f"from {self.valid_from}"
        if self.valid_to:
            return f"until {self.valid_to}"
        return "no dated change"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    computable: bool
    applies_to: str
    starts_from: str
    act: Act | None
    duration: Duration
    description: str
    basis: str
    source_lines: tuple[int, ...]
    quote_fr: str
    quote_line: int
    note: str | None
    versions: tuple[Version, ...]
    immediately: Immediately | None = None
    later_law: tuple[ExternalSource, ...] = ()

    def version_on(self, day: date) -> Version | None:
        """The version in force on ``day`` (a local calendar date), if the report gives one."""
        return next((v for v in self.versions if v.covers(day)), None)

    def applies(self, *, foreigner: bool, juvenile: bool = False) -> bool:
        return (self.applies_to == "all" or (self.applies_to == "foreigner" and foreigner)
                or (self.applies_to == "juvenile" and juvenile))


@dataclass(frozen=True)
class KnownPeriod:
    """The dates for which the report tells us the law: outside them results carry a warning."""

    start: date
    end: date
    source_lines: tuple[int, ...]
    quote_fr: str
    quote_line: int
    note: str

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class RuleBook:
    known_period: KnownPeriod
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def custody_rules(self, *, foreigner: bool, juvenile: bool = False) -> tuple[Rule, ...]:
        """The computable rules that apply to this person, in file order."""
        return tuple(r for r in self.rules if r.computable and r.applies(foreigner=foreigner, juvenile=juvenile))


def load_rules(path: Path = RULES_FILE) -> RuleBook:
    """The rule book in ``path``, validated; cached, since the file is read-only data."""
    return _load_rules(Path(path).resolve())


@lru_cache(maxsize=4)
def _load_rules(path: Path) -> RuleBook:
    raw = read_yaml(path, RulesDataError)
    where = path.name
    if not isinstance(raw, dict) or set(raw) != {"known_period", "rules"}:
        raise RulesDataError(f"{where}: expected exactly the keys 'known_period' and 'rules'")
    period = _known_period(raw["known_period"], f"{where}: known_period")
    if not isinstance(raw["rules"], list) or not raw["rules"]:
        raise RulesDataError(f"{where}: 'rules' must be a non-empty list")
    rules = tuple(_rule(entry, f"{where}: rules[{i}]") for i, entry in enumerate(raw["rules"]))
    _check_book(rules, where)
    return RuleBook(period, rules)


def _known_period(raw: object, where: str) -> KnownPeriod:
    _check_keys(raw, _PERIOD_KEYS, _PERIOD_KEYS, where)
    start, end = _date(raw["from"], f"{where}.from"), _date(raw["to"], f"{where}.to")
    if start is None or end is None or start > end:
        raise RulesDataError(f"{where}: needs dates with from <= to")
    lines = _lines(raw["source_lines"], f"{where}.source_lines")
    return KnownPeriod(start, end, lines, _text(raw["quote_fr"], f"{where}.quote_fr"),
                       _quote_line(raw["quote_line"], lines, where), _text(raw["note"], f"{where}.note"))


def _rule(raw: object, where: str) -> Rule:
    _check_keys(raw, _RULE_KEYS, _RULE_REQUIRED, where)
    rule_id = _text(raw["id"], f"{where}.id")
    where = f"{where.rsplit(':', 1)[0]}: rule {rule_id}"
    if not isinstance(raw["computable"], bool):
        raise RulesDataError(f"{where}: 'computable' must be true or false")
    lines = _lines(raw["source_lines"], f"{where}.source_lines")
    act = None
    if "act" in raw:
        _check_keys(raw["act"], {"id", "label"}, {"id", "label"}, f"{where}.act")
        act = Act(_text(raw["act"]["id"], f"{where}.act.id"),
                  _text(raw["act"]["label"], f"{where}.act.label"))
    rule = Rule(
        id=rule_id, title=_text(raw["title"], f"{where}.title"), computable=raw["computable"],
        applies_to=_text(raw["applies_to"], f"{where}.applies_to"),
        starts_from=_text(raw["starts_from"], f"{where}.starts_from"), act=act,
        duration=_duration(raw["duration"], f"{where}.duration"),
        description=_text(raw["description"], f"{where}.description"),
        basis=_text(raw["basis"], f"{where}.basis"), source_lines=lines,
        quote_fr=_text(raw["quote_fr"], f"{where}.quote_fr"),
        quote_line=_quote_line(raw["quote_line"], lines, where),
        note=_text(raw["note"], f"{where}.note") if "note" in raw else None,
        versions=_versions(raw["in_force"], f"{where}.in_force"),
        immediately=_immediately(raw["immediately"], f"{where}.immediately") if "immediately" in raw else None,
        later_law=_later_law(raw["later_law"], f"{where}.later_law") if "later_law" in raw else (),
    )
    if rule.computable:
        _check_clock_rule(rule, where)
    return rule


def _versions(raw: object, where: str) -> tuple[Version, ...]:
    if not isinstance(raw, list) or not raw:
        raise RulesDataError(f"{where}: needs at least one dated version")
    versions = []
    for i, entry in enumerate(raw):
        here = f"{where}[{i}]"
        _check_keys(entry, _VERSION_KEYS, {"from", "to"}, here)
        lines = _lines(entry.get("source_lines", []), f"{here}.source_lines", allow_empty=True)
        has_quote = "quote_fr" in entry
        if has_quote != ("quote_line" in entry):
            raise RulesDataError(f"{here}: quote_fr and quote_line go together")
        version = Version(
            valid_from=_date(entry["from"], f"{here}.from"), valid_to=_date(entry["to"], f"{here}.to"),
            source_lines=lines,
            quote_fr=_text(entry["quote_fr"], f"{here}.quote_fr") if has_quote else None,
            quote_line=_quote_line(entry["quote_line"], lines, here) if has_quote else None,
            note=_text(entry["note"], f"{here}.note") if "note" in entry else None,
            lawful_delay=_lawful_delay(entry["lawful_delay"], f"{here}.lawful_delay")
            if "lawful_delay" in entry else None,
        )
        if version.valid_from and version.valid_to and version.valid_from > version.valid_to:
            raise RulesDataError(f"{here}: 'from' is after 'to'")
        versions.append(version)
    for earlier, later in zip(versions, versions[1:]):
        if earlier.valid_to is None or later.valid_from is None or later.valid_from <= earlier.valid_to:
            raise RulesDataError(f"{where}: versions must be in date order and must not overlap")
    return tuple(versions)


def _immediately(raw: object, where: str) -> Immediately:
    _check_keys(raw, _IMMEDIATELY_KEYS, _IMMEDIATELY_KEYS, where)
    lines = _lines(raw["source_lines"], f"{where}.source_lines")
    return Immediately(lines, _text(raw["quote_fr"], f"{where}.quote_fr"), _quote_line(raw["quote_line"], lines, where))


def _later_law(raw: object, where: str) -> tuple[ExternalSource, ...]:
    if not isinstance(raw, list) or not raw:
        raise RulesDataError(f"{where}: expected a non-empty list of external sources")
    entries = []
    for i, entry in enumerate(raw):
        here = f"{where}[{i}]"
        _check_keys(entry, _EXTERNAL_KEYS, _EXTERNAL_KEYS, here)
        if entry["source"] != "external":
            raise RulesDataError(f"{here}: 'source' must be 'external' (the report's own facts go elsewhere)")
        day = entry["date"]
        if isinstance(day, date):
            day = day.isoformat()
        if not isinstance(day, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", day):
            raise RulesDataError(f"{here}: 'date' must be the source's date, YYYY-MM-DD (or YYYY-MM when the "
                                 "source shows no day)")
        url = _text(entry["url"], f"{here}.url")
        if not url.startswith(("https://", "http://")):
            raise RulesDataError(f"{here}: 'url' must be the address the source was found at")
        entries.append(ExternalSource(_text(entry["publisher"], f"{here}.publisher"),
                                      _text(entry["symbol"], f"{here}.symbol"), day, url,
                                      _text(entry["says"], f"{here}.says")))
    return tuple(entries)


def _lawful_delay(raw: object, where: str) -> LawfulDelay:
    _check_keys(raw, _DELAY_KEYS, _DELAY_KEYS, where)
    return LawfulDelay(_duration(raw["duration"], f"{where}.duration"),
                       _text(raw["starts_from"], f"{where}.starts_from"),
                       _text(raw["description"], f"{where}.description"),
                       _text(raw["basis"], f"{where}.basis"))


def _check_clock_rule(rule: Rule, where: str) -> None:
    """A custody clock must be computable for any arrest: hours, an act, no gap in time."""
    if rule.act is None:
        raise RulesDataError(f"{where}: a computable rule needs an 'act'")
    if rule.duration.unit != "hours" and rule.duration.unit not in CLOCK_OPEN_LIMITS:
        raise RulesDataError(f"{where}: a computable rule needs a limit in hours or {CLOCK_OPEN_LIMITS}")
    if rule.applies_to not in CLOCK_AUDIENCES:
        raise RulesDataError(f"{where}: a computable rule applies to one of {CLOCK_AUDIENCES}")
    first, last = rule.versions[0], rule.versions[-1]
    gaps = [a.valid_to + timedelta(days=1) != b.valid_from for a, b in zip(rule.versions, rule.versions[1:])]
    if first.valid_from is not None or last.valid_to is not None or any(gaps):
        raise RulesDataError(
            f"{where}: a computable rule's versions must cover every date (first 'from' and last 'to' "
            "null, each version starting the day after the previous one ends)")
    for version in rule.versions:
        if version.lawful_delay and version.lawful_delay.duration.unit != "hours":
            raise RulesDataError(f"{where}: a lawful delay of a computable rule needs a limit in hours")


def _check_book(rules: tuple[Rule, ...], where: str) -> None:
    """Ids and acts unique; every clock starts at the arrest or at another clock's act, without cycles."""
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise RulesDataError(f"{where}: duplicate rule ids")
    clocks = [r for r in rules if r.computable]
    acts = {r.act.id: r for r in clocks}
    if len(acts) != len(clocks) or ARREST in acts:
        raise RulesDataError(f"{where}: acts of computable rules must be unique and not '{ARREST}'")
    for rule in clocks:
        origins = [rule.starts_from] + [v.lawful_delay.starts_from for v in rule.versions if v.lawful_delay]
        for origin in origins:
            if origin != ARREST and origin not in acts:
                raise RulesDataError(f"{where}: rule {rule.id} starts from unknown act {origin!r}")
        origin_rule = acts.get(rule.starts_from)
        if origin_rule and origin_rule.applies_to not in ("all", rule.applies_to):
            raise RulesDataError(f"{where}: rule {rule.id} starts from an act that may not apply to its person")
        seen, origin = {rule.id}, rule.starts_from
        while origin != ARREST:
            origin_rule = acts[origin]
            if origin_rule.id in seen:
                raise RulesDataError(f"{where}: rule {rule.id} starts from its own clock (a cycle)")
            seen.add(origin_rule.id)
            origin = origin_rule.starts_from


def _check_keys(raw: object, allowed: set[str], required: set[str], where: str) -> None:
    if not isinstance(raw, dict):
        raise RulesDataError(f"{where}: expected a mapping")
    unknown, missing = set(raw) - allowed, required - set(raw)
    if unknown or missing:
        raise RulesDataError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")


def _text(raw: object, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise RulesDataError(f"{where}: expected non-empty text")
    return raw


def _date(raw: object, where: str) -> date | None:
    if raw is not None and (not isinstance(raw, date) or hasattr(raw, "hour")):
        raise RulesDataError(f"{where}: expected a date (YYYY-MM-DD) or null")
    return raw


def _lines(raw: object, where: str, allow_empty: bool = False) -> tuple[int, ...]:
    if not isinstance(raw, list) or (not raw and not allow_empty) or \
            not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in raw):
        raise RulesDataError(f"{where}: expected a list of line numbers (1-based)")
    return tuple(raw)


def _quote_line(raw: object, lines: tuple[int, ...], where: str) -> int:
    if raw not in lines:
        raise RulesDataError(f"{where}: quote_line {raw!r} is not one of its source_lines")
    return raw


def _duration(raw: object, where: str) -> Duration:
    if raw in OPEN_LIMITS:
        return Duration(None, raw)
    if isinstance(raw, dict) and len(raw) == 1:
        (unit, amount), = raw.items()
        if unit in UNITS and isinstance(amount, int) and not isinstance(amount, bool) and amount > 0:
            return Duration(amount, unit)
    raise RulesDataError(
        f"{where}: expected one of {{hours: N}}, {{days: N}}, {{months: N}}, {' or '.join(OPEN_LIMITS)}")
