"""The custody clock: the deadlines an arrest starts, and an audit of what was done when.

Every limit is elapsed time counted in UTC from an exact instant, so a change of UTC
offset in the zone (daylight saving, Almaty's 2024 move to UTC+5) never stretches or
shrinks it; due times are then shown in the case's zone. Which version of a rule
applies is decided by the local calendar date of the arrest, and an arrest outside the
period the report covers is computed with the report's rules but always warned about.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from .errors import CustodyInputError
from .moments import format_moment, resolve_zone, to_utc
from .rules import ARREST, KnownPeriod, Rule, RuleBook, load_rules

#: The act of the protocol of arrest, which ``deadlines(protocol_at=...)`` records.
PROTOCOL_ACT = "protocol"
STATUSES = ("met", "missed", "pending")


@dataclass(frozen=True)
class Deadline:
    """When one rule's act is due for one arrest, and on what legal basis.

    ``is_upper_bound`` is true when the clock starts at an act whose time is unknown
    (the prosecutor's twelve hours without a protocol time): the due time then assumes
    that act was done at its own deadline, and ``warnings`` says so.
    ``lawful_delay_until`` is set when the version in force allowed a longer delay in
    exceptional circumstances (family notice before the Law of 18 January 2011).
    """

    rule: str
    due: datetime
    starts_at: datetime
    description: str
    basis: str
    source_lines: list[int]
    warnings: list[str]
    notes: list[str]
    lawful_delay_until: datetime | None = None
    is_upper_bound: bool = False


@dataclass(frozen=True)
class Finding:
    """The verdict on one deadline: met, missed, or pending (not done, not yet due).

    ``overrun`` is how late the act was; for an act not done by a passed deadline it is
    the lateness so far (``now - due``), which keeps growing until the act is done.
    """

    deadline: Deadline
    actual: datetime | None
    status: str
    overrun: timedelta | None

    @property
    def rule(self) -> str:
        return self.deadline.rule

    @property
    def due(self) -> datetime:
        return self.deadline.due

    @property
    def basis(self) -> str:
        return self.deadline.basis

    @property
    def description(self) -> str:
        return self.deadline.description

    @property
    def source_lines(self) -> list[int]:
        return self.deadline.source_lines

    @property
    def warnings(self) -> list[str]:
        return self.deadline.warnings

    @property
    def notes(self) -> list[str]:
        return self.deadline.notes


def deadlines(arrested_at, *, tz: str = "Asia/Almaty", protocol_at=None,
              foreigner: bool = False) -> list[Deadline]:
    """Every custody deadline an arrest starts, sorted by due time.

    ``arrested_at`` is the moment of actual deprivation of liberty (ISO 8601 text or
    datetime; naive means local time in ``tz``). The prosecutor's twelve hours run from
    the protocol: with ``protocol_at`` they are exact; without it the deadline is the
    latest possible one (the protocol's own limit, then twelve hours), flagged by
    ``is_upper_bound`` and a warning. ``consular-notice-12h`` is included only for a
    foreign national. Raises CustodyInputError naming the bad field.
    """
    zone = resolve_zone(tz)
    arrest = to_utc(arrested_at, zone, "arrested_at")
    acts = {}
    if protocol_at is not None:
        acts[PROTOCOL_ACT] = _moment_after_arrest(protocol_at, arrest, zone, "protocol_at")
    return _schedule(load_rules(), arrest, zone, acts, foreigner=foreigner)


def audit(arrested_at, events: Mapping, *, tz: str = "Asia/Almaty", now=None,
          foreigner: bool = False) -> list[Finding]:
    """Judge each custody deadline against the moments the acts were done.

    ``events`` maps a rule id to when its act was done (a value of None means not
    done); the time given for ``protocol-3h`` starts the prosecutor's clock. An act
    done exactly at its deadline is met, one minute later missed. An act not done is
    pending while ``now`` (default: the current time) has not passed the deadline and
    missed after it. Unknown rule ids, the consular rule for a non-foreigner, and
    events before the arrest or after ``now`` raise CustodyInputError.
    """
    zone = resolve_zone(tz)
    arrest = to_utc(arrested_at, zone, "arrested_at")
    book = load_rules()
    rules = {rule.id: rule for rule in book.custody_rules(foreigner=foreigner)}
    if not isinstance(events, Mapping):
        raise CustodyInputError("events",
                                f"expected a mapping of rule id to time, got {type(events).__name__}")
    done = {}
    for rule_id, value in events.items():
        field = f"events[{rule_id}]"
        if rule_id not in rules:
            raise CustodyInputError(field, _not_audited_reason(book, rule_id))
        if value is not None:
            done[rule_id] = _moment_after_arrest(value, arrest, zone, field)
    if now is None:
        checked_now = datetime.now(timezone.utc)
        if checked_now < arrest:
            raise CustodyInputError("arrested_at", f"{_shown(arrest, zone)} is in the future")
    else:
        checked_now = _moment_after_arrest(now, arrest, zone, "now")
    for rule_id, moment in done.items():
        if moment > checked_now:
            raise CustodyInputError(f"events[{rule_id}]",
                                    f"{_shown(moment, zone)} is after now ({_shown(checked_now, zone)})")
    acts = {rules[rule_id].act.id: moment for rule_id, moment in done.items()}
    return [_judge(deadline, done.get(deadline.rule), checked_now)
            for deadline in _schedule(book, arrest, zone, acts, foreigner=foreigner)]


def _moment_after_arrest(value, arrest: datetime, zone: ZoneInfo, field: str) -> datetime:
    """``value`` as a UTC instant, refused if it comes before the arrest."""
    moment = to_utc(value, zone, field)
    if moment < arrest:
        raise CustodyInputError(field, f"{_shown(moment, zone)} is before the arrest ({_shown(arrest, zone)})")
    return moment


def _shown(moment: datetime, zone: ZoneInfo) -> str:
    return format_moment(moment.astimezone(zone))


def _not_audited_reason(book: RuleBook, rule_id: str) -> str:
    known = {rule.id: rule for rule in book.rules}
    if rule_id in known and known[rule_id].computable:
        return f"{rule_id} applies only to a foreign national (foreigner=False)"
    if rule_id in known:
        return f"{rule_id} is recorded from the report but is not a custody clock the engine audits"
    clocks = ", ".join(rule.id for rule in book.rules if rule.computable)
    return f"unknown rule id {rule_id!r}; expected one of: {clocks}"


class _Clock:
    """Start and due instants of one arrest's clocks; an unknown act counts at its own deadline."""

    def __init__(self, rules: tuple[Rule, ...], arrest: datetime, acts: Mapping[str, datetime]):
        self._by_act = {rule.act.id: rule for rule in rules}
        self._arrest = arrest
        self._acts = acts
        self._dues: dict[str, datetime] = {}

    def start(self, origin: str) -> tuple[datetime, bool]:
        """When a clock starting at ``origin`` starts, and whether that is an assumption."""
        if origin == ARREST:
            return self._arrest, False
        if origin in self._acts:
            return self._acts[origin], False
        return self.due(self._by_act[origin]), True

    def due(self, rule: Rule) -> datetime:
        if rule.id not in self._dues:
            self._dues[rule.id] = self.start(rule.starts_from)[0] + rule.duration.as_timedelta()
        return self._dues[rule.id]

    def act_label(self, origin: str) -> str:
        return self._by_act[origin].act.label


def _schedule(book: RuleBook, arrest: datetime, zone: ZoneInfo, acts: Mapping[str, datetime],
              *, foreigner: bool) -> list[Deadline]:
    rules = book.custody_rules(foreigner=foreigner)
    clock = _Clock(rules, arrest, acts)
    day = arrest.astimezone(zone).date()
    period_warnings = _period_warnings(book.known_period, day, zone)
    result = []
    for rule in rules:
        version = rule.version_on(day)
        start, assumed = clock.start(rule.starts_from)
        due = clock.due(rule)
        warnings = list(period_warnings)
        if assumed:
            warnings.append(
                f"No time was given for '{clock.act_label(rule.starts_from)}': the clock is assumed to start "
                "at that act's own deadline, so this is the latest possible due time if it was done on time.")
        notes = [version.note] if version.note else []
        delay_until = None
        if version.lawful_delay:
            delay = version.lawful_delay
            delay_until = (clock.start(delay.starts_from)[0] + delay.duration.as_timedelta()).astimezone(zone)
            notes.append(f"{delay.description} Basis: {delay.basis}.")
        result.append(Deadline(
            rule=rule.id, due=due.astimezone(zone), starts_at=start.astimezone(zone),
            description=rule.description, basis=rule.basis,
            source_lines=sorted(set(rule.source_lines) | set(version.source_lines)),
            warnings=warnings, notes=notes, lawful_delay_until=delay_until, is_upper_bound=assumed,
        ))
    order = {rule.id: i for i, rule in enumerate(rules)}
    return sorted(result, key=lambda d: (d.due, order[d.rule]))


def _period_warnings(period: KnownPeriod, day: date, zone: ZoneInfo) -> list[str]:
    if period.contains(day):
        return []
    side = "before" if day < period.start else "after"
    return [f"The arrest on {day} ({zone.key}) is {side} the period the report covers "
            f"({period.start} to {period.end}): these are the limits the report states for its own "
            "period, not necessarily the law in force on that date."]


def _judge(deadline: Deadline, actual: datetime | None, now: datetime) -> Finding:
    if actual is not None:
        late = actual - deadline.due
        local = actual.astimezone(deadline.due.tzinfo)
        return Finding(deadline, local, "met", None) if late <= timedelta(0) \
            else Finding(deadline, local, "missed", late)
    if now <= deadline.due:
        return Finding(deadline, None, "pending", None)
    return Finding(deadline, None, "missed", now - deadline.due)
