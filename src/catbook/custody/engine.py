"""The custody clock: the deadlines an arrest starts, and an audit of what was done when.

Every limit is elapsed time counted in UTC from an exact instant, so a change of UTC
offset in the zone (daylight saving, a country moving to another offset) never stretches or
shrinks it; due times are then shown in the case's zone. Which version of a rule
applies is decided by the local calendar date of the arrest, and an arrest outside the
period the report covers is computed with the report's rules but always warned about.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from catbook.custody.errors import CustodyInputError
from catbook.custody.messages import format_duration, message
from catbook.custody.moments import DEFAULT_ZONE, format_moment, resolve_zone, to_utc
from catbook.custody.rules import ARREST, KnownPeriod, Rule, RuleBook, Version, load_rules

#: The act of the protocol of arrest, which ``deadlines(protocol_at=...)`` records.
PROTOCOL_ACT = "protocol"
#: The verdicts on an act whose record is known: done at a time, or stated not done.
STATUSES = ("met", "missed", "pending")
#: The value of ``audit(events=...)`` for an act the record is silent about (a blank field of the form):
#: the act may or may not have been done, so once its deadline has passed it is neither met nor
#: missed but "not_recorded", with no overrun. A value of None (or a rule left out) states the act
#: was not done, judged missed once the deadline has passed, its overrun counted up to ``now``.
NOT_RECORDED = "not recorded"
#: Every status a finding can have, in the order the calculator's summary counts them.
ALL_STATUSES = ("met", "missed", "not_recorded", "pending")
#: The yes/no facts about the person and the case that deadlines()/audit() take.
FLAGS = ("foreigner", "juvenile", "delay_authorised")


@dataclass(frozen=True)
class Deadline:
    """When one rule's act is due for one arrest, and on what legal basis.

    ``is_upper_bound`` is true when the clock starts at an act whose time is unknown
    (e.g. the default pack's prosecutor's twelve hours without a protocol time): the due time then assumes
    that act was done at its own deadline, and ``warnings`` says so.
    ``lawful_delay_until`` is set when the version in force allowed a longer delay in
    exceptional circumstances (in the default pack, the family notice before a later law) and
    that delay applies: it was authorised (``delay_authorised``) and the person is not
    a minor.
    ``outer_due`` is set for a clock that starts at another act (in the default pack, the
    prosecutor's twelve hours run from the protocol): the latest the act can be due whatever the
    time of that other act, counted from the arrest through each act's own limit
    (there, arrest + 3 h + 12 h).
    ``immediately_due`` is set where rules.yaml records that the report says "immediately" of
    the act (``immediately``, in the default pack "immédiatement"): the
    moment its clock starts, the strict reading beside the hour limit.
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
    outer_due: datetime | None = None
    immediately_due: datetime | None = None


@dataclass(frozen=True)
class Finding:
    """The verdict on one deadline: met, missed, pending (not done, not yet due), or
    not_recorded (the record gives no time for the act and its deadline has passed).

    ``overrun`` is how late the act was; for an act stated not done by a passed deadline it
    is the lateness so far (``now - due``), which keeps growing until the act is done; for an
    act not recorded it is None (nothing is known to be late). ``recorded`` is False for an
    act given as ``NOT_RECORDED``.
    ``outer_status`` judges the same act against ``deadline.outer_due`` (None when the
    deadline has no outer bound), by the same rules; ``immediately_late`` is how long
    after ``deadline.immediately_due`` the act came (so far, if not done), None when the
    report states no "immediately" for the rule.
    """

    deadline: Deadline
    actual: datetime | None
    status: str
    overrun: timedelta | None
    outer_status: str | None = None
    immediately_late: timedelta | None = None
    recorded: bool = True

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


def deadlines(arrested_at, *, tz: str = DEFAULT_ZONE, protocol_at=None, foreigner: bool = False,
              juvenile: bool = False, delay_authorised: bool = False) -> list[Deadline]:
    """Every custody deadline an arrest starts, sorted by due time.

    ``arrested_at`` is the moment of actual deprivation of liberty (ISO 8601 text or
    datetime; naive means local time in ``tz``, by default report.yaml's ``default_zone``).
    A clock that starts from the protocol (``starts_from: protocol`` in rules.yaml) is exact
    with ``protocol_at``; without it the deadline is the latest possible one (the protocol's
    own limit, then the rule's), flagged by ``is_upper_bound`` and a warning. Rules with
    ``applies_to: foreigner`` are included only for a foreign national, ``juvenile`` ones only
    for a minor (``juvenile``). ``delay_authorised`` records that the lawful delay of a version
    (``lawful_delay`` in rules.yaml) was authorised. Raises CustodyInputError naming the bad field.
    """
    flags = _flags(foreigner=foreigner, juvenile=juvenile, delay_authorised=delay_authorised)
    zone = resolve_zone(tz)
    arrest = to_utc(arrested_at, zone, "arrested_at")
    acts = {}
    if protocol_at is not None:
        acts[PROTOCOL_ACT] = _moment_after_arrest(protocol_at, arrest, zone, "protocol_at")
    return _schedule(load_rules(), arrest, zone, acts, **flags)


def audit(arrested_at, events: Mapping, *, tz: str = DEFAULT_ZONE, now=None, foreigner: bool = False,
          juvenile: bool = False, delay_authorised: bool = False) -> list[Finding]:
    """Judge each custody deadline against the moments the acts were done.

    ``events`` maps a rule id to when its act was done; a value of None (or a rule left
    out) means the act was not done, and ``NOT_RECORDED`` that the record gives no time for it.
    The time given for the rule whose act is the protocol starts the clocks that run from it. An act
    done exactly at its deadline is met, one minute later missed. An act not done is
    pending while ``now`` (default: the current time) has not passed the deadline and
    missed after it; an act not recorded is pending, then not_recorded (no overrun, no
    verdict: the record cannot say whether it was done). Unknown rule ids, a rule that does not apply to the person (the
    consular rule for a non-foreigner, the parents' rule for an adult), events before
    the arrest or after ``now``, and flags that are not True/False raise
    CustodyInputError.
    """
    flags = _flags(foreigner=foreigner, juvenile=juvenile, delay_authorised=delay_authorised)
    zone = resolve_zone(tz)
    arrest = to_utc(arrested_at, zone, "arrested_at")
    book = load_rules()
    rules = {rule.id: rule for rule in book.custody_rules(foreigner=foreigner, juvenile=juvenile)}
    if not isinstance(events, Mapping):
        raise CustodyInputError("events", message("error.events_type", type=type(events).__name__))
    done, unrecorded = {}, set()
    for rule_id, value in events.items():
        field = f"events[{rule_id}]"
        if rule_id not in rules:
            raise CustodyInputError(field, _not_audited_reason(book, rule_id))
        if isinstance(value, str) and value == NOT_RECORDED:
            unrecorded.add(rule_id)
        elif value is not None:
            done[rule_id] = _moment_after_arrest(value, arrest, zone, field)
    if now is None:
        checked_now = datetime.now(timezone.utc)
        if checked_now < arrest:
            raise CustodyInputError("arrested_at", message("error.in_future", moment=_shown(arrest, zone)))
    else:
        checked_now = _moment_after_arrest(now, arrest, zone, "now")
    for rule_id, moment in done.items():
        if moment > checked_now:
            raise CustodyInputError(f"events[{rule_id}]", message(
                "error.after_now", moment=_shown(moment, zone), now=_shown(checked_now, zone)))
    acts = {rules[rule_id].act.id: moment for rule_id, moment in done.items()}
    return [_judge(deadline, done.get(deadline.rule), checked_now, recorded=deadline.rule not in unrecorded)
            for deadline in _schedule(book, arrest, zone, acts, **flags)]


def _flags(**flags: object) -> dict[str, bool]:
    """The yes/no inputs, refused unless each is exactly True or False."""
    for name, value in flags.items():
        if not isinstance(value, bool):
            raise CustodyInputError(name, message("error.flag_type", type=type(value).__name__))
    return flags


def _moment_after_arrest(value, arrest: datetime, zone: ZoneInfo, field: str) -> datetime:
    """``value`` as a UTC instant, refused if it comes before the arrest."""
    moment = to_utc(value, zone, field)
    if moment < arrest:
        raise CustodyInputError(field, message("error.before_arrest", moment=_shown(moment, zone),
                                               arrest=_shown(arrest, zone)))
    return moment


def _shown(moment: datetime, zone: ZoneInfo) -> str:
    return format_moment(moment.astimezone(zone))


def _not_audited_reason(book: RuleBook, rule_id: str) -> str:
    known = {rule.id: rule for rule in book.rules}
    if rule_id in known and known[rule_id].computable:
        key = "error.juvenile_only" if known[rule_id].applies_to == "juvenile" else "error.foreigner_only"
        return message(key, rule=rule_id)
    if rule_id in known:
        return message("error.not_a_clock", rule=rule_id)
    clocks = ", ".join(rule.id for rule in book.rules if rule.computable)
    return message("error.unknown_rule", rule=repr(rule_id), known=clocks)


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

    def outer_due(self, rule: Rule) -> datetime:
        """The due time if every act before this one came at its own deadline."""
        origin = rule.starts_from
        start = self._arrest if origin == ARREST else self.outer_due(self._by_act[origin])
        return start + rule.duration.as_timedelta()

    def origin_rule(self, origin: str) -> Rule:
        return self._by_act[origin]

    def act_label(self, origin: str) -> str:
        return self._by_act[origin].act.label


def _schedule(book: RuleBook, arrest: datetime, zone: ZoneInfo, acts: Mapping[str, datetime], *,
              foreigner: bool, juvenile: bool = False, delay_authorised: bool = False) -> list[Deadline]:
    rules = book.custody_rules(foreigner=foreigner, juvenile=juvenile)
    clock = _Clock(rules, arrest, acts)
    day = arrest.astimezone(zone).date()
    period = book.known_period
    period_warnings = _period_warnings(period, day, zone)
    result = []
    for rule in rules:
        version = rule.version_on(day)
        start, assumed = clock.start(rule.starts_from)
        due = clock.due(rule)
        warnings = list(period_warnings)
        if day > period.end:
            warnings += [message("warning.later_law", publisher=s.publisher, symbol=s.symbol, date=s.date,
                                 url=s.url, says=s.says) for s in rule.later_law]
        if assumed:
            warnings.append(message("warning.upper_bound", act=clock.act_label(rule.starts_from)))
        notes = [version.note] if version.note else []
        delay_until = _lawful_delay(rule, version, clock, zone, day, warnings, notes,
                                    juvenile=juvenile, delay_authorised=delay_authorised)
        outer = None
        if rule.starts_from != ARREST:
            outer = clock.outer_due(rule)
            origin = clock.origin_rule(rule.starts_from)
            notes.append(message("note.outer_bound", limit=rule.duration.label, act=origin.act.label,
                                 origin_limit=origin.duration.label, outer=_shown(outer, zone),
                                 total=format_duration(outer - arrest)))
        immediately = None
        if rule.duration.is_immediate:
            notes.append(message("note.immediately", lines=", ".join(map(str, rule.source_lines)),
                                 due=_shown(due, zone)))
        elif rule.immediately is not None:
            immediately = start.astimezone(zone)
            notes.append(message("note.immediately_also", lines=", ".join(map(str, rule.immediately.source_lines)),
                                 due=_shown(start, zone), limit=rule.duration.label, line=rule.quote_line))
        extra_lines = rule.immediately.source_lines if rule.immediately else ()
        result.append(Deadline(
            rule=rule.id, due=due.astimezone(zone), starts_at=start.astimezone(zone),
            description=rule.description, basis=rule.basis,
            source_lines=sorted(set(rule.source_lines) | set(version.source_lines) | set(extra_lines)),
            warnings=warnings, notes=notes, lawful_delay_until=delay_until, is_upper_bound=assumed,
            outer_due=None if outer is None else outer.astimezone(zone), immediately_due=immediately,
        ))
    order = {rule.id: i for i, rule in enumerate(rules)}
    return sorted(result, key=lambda d: (d.due, order[d.rule]))


def _lawful_delay(rule: Rule, version: Version, clock: _Clock, zone: ZoneInfo, day: date, warnings: list[str],
                  notes: list[str],
                  *, juvenile: bool, delay_authorised: bool) -> datetime | None:
    """The end of the old lawful delay when it applies; the reason in a note or warning when not.

    The delay needed exceptional circumstances and the prosecutor's authorisation, never
    applied to a minor; the versions of rules.yaml say when it was in force and where the report says so.
    """
    if not any(v.lawful_delay for v in rule.versions):
        return None
    if version.lawful_delay is None:
        if delay_authorised:
            warnings.append(message("warning.delay_gone", day=day))
        return None
    if juvenile:
        if delay_authorised:
            warnings.append(message("warning.delay_minor"))
        return None
    if not delay_authorised:
        notes.append(message("note.delay_not_authorised"))
        return None
    delay = version.lawful_delay
    notes.append(message("note.lawful_delay", description=delay.description, basis=delay.basis))
    return (clock.start(delay.starts_from)[0] + delay.duration.as_timedelta()).astimezone(zone)


def _period_warnings(period: KnownPeriod, day: date, zone: ZoneInfo) -> list[str]:
    if period.contains(day):
        return []
    side = message("warning.side_before") if day < period.start else message("warning.side_after")
    return [message("warning.outside_period", day=day, zone=zone.key, side=side, start=period.start,
                    end=period.end)]


def _status(due: datetime, actual: datetime | None, now: datetime,
            recorded: bool = True) -> tuple[str, timedelta | None]:
    """met/missed/pending/not_recorded of one act against one due time, and the overrun."""
    if actual is not None:
        late = actual - due
        return ("met", None) if late <= timedelta(0) else ("missed", late)
    if now <= due:
        return "pending", None
    if not recorded:
        return "not_recorded", None
    return "missed", now - due


def _judge(deadline: Deadline, actual: datetime | None, now: datetime, *, recorded: bool = True) -> Finding:
    status, overrun = _status(deadline.due, actual, now, recorded)
    outer = None if deadline.outer_due is None else _status(deadline.outer_due, actual, now, recorded)[0]
    immediately = None
    if deadline.immediately_due is not None and (actual is not None or recorded):
        immediately = max((actual if actual is not None else now) - deadline.immediately_due, timedelta(0))
    local = None if actual is None else actual.astimezone(deadline.due.tzinfo)
    return Finding(deadline, local, status, overrun, outer_status=outer, immediately_late=immediately,
                   recorded=recorded)


def rule_deadline(rule_id: str, start, *, tz: str = DEFAULT_ZONE, book: RuleBook | None = None) -> Deadline:
    """The deadline of one rule whose clock starts at an event the arrest does not fix (its
    ``starts_from`` in rules.yaml: an injury found, a suspension ordered), started at ``start``.

    The limit is the rule's own (``duration``), counted in UTC like every clock of the
    engine; a limit that is not an exact elapsed time (days, months) raises ValueError.
    """
    book = book or load_rules()
    rule = book.rule(rule_id)
    zone = resolve_zone(tz)
    begin = to_utc(start, zone, "start")
    due = begin + rule.duration.as_timedelta()
    return Deadline(rule=rule.id, due=due.astimezone(zone), starts_at=begin.astimezone(zone),
                    description=rule.description, basis=rule.basis, source_lines=list(rule.source_lines),
                    warnings=[], notes=[])


def judge(deadline: Deadline, done=None, *, now=None) -> Finding:
    """The verdict on one act against one deadline, by the engine's rules (met at the deadline,
    missed one minute later, pending until the deadline passes). ``done`` and ``now`` are read
    in the deadline's zone; ``now`` is required when the act was not done."""
    zone = deadline.due.tzinfo
    actual = None if done is None else to_utc(done, zone, "done")
    if actual is not None and actual < deadline.starts_at:
        raise CustodyInputError("done", f"is before the clock starts ({_shown(deadline.starts_at, zone)})")
    if actual is None and now is None:
        raise CustodyInputError("now", "an act not done needs a moment of checking")
    return _judge(deadline, actual, to_utc(now, zone, "now") if now is not None else actual)
