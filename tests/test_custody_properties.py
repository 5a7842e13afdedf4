"""Properties of the custody clock that must hold for any arrest, in any zone."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings, strategies as st

from catbook.custody import audit, deadlines, country_zones
from catbook.custody.moments import resolve_zone

UTC = timezone.utc
# Kazakhstan's zones, plus zones with DST, a half-hour offset and a negative offset.
ZONES = list(country_zones()) + ["Europe/Paris", "America/New_York", "Asia/Kolkata"]
RANK = {"met": 0, "pending": 1, "missed": 2}

# Per-test settings (no global profile, so other suites keep theirs); no example
# database, so the suite writes no files into the repository.
custody_settings = settings(deadline=None, max_examples=40, database=None)

instants = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 12, 31),
                        timezones=st.just(UTC))
zones = st.sampled_from(ZONES)
minutes = st.integers(min_value=0, max_value=120 * 60)


def by_rule(items):
    return {item.rule: item for item in items}


def in_zone(instant: datetime, zone: str) -> datetime:
    return instant.astimezone(ZoneInfo(zone))


@custody_settings
@given(instants, zones, zones, st.booleans())
def test_every_deadline_is_after_the_arrest(instant, recorded_in, tz, foreigner):
    for deadline in deadlines(in_zone(instant, recorded_in), tz=tz, foreigner=foreigner):
        assert deadline.due > instant
        assert deadline.due.tzinfo.key == tz


@custody_settings
@given(instants, zones, zones)
def test_court_deadline_is_exactly_72_elapsed_hours(instant, recorded_in, tz):
    court = by_rule(deadlines(in_zone(instant, recorded_in), tz=tz))["court-72h"]
    assert court.due.astimezone(UTC) - instant == timedelta(hours=72)


@custody_settings
@given(instants, zones, st.one_of(st.none(), st.integers(min_value=0, max_value=3 * 60)))
def test_protocol_comes_before_court_and_prosecutor_after_protocol(instant, tz, protocol_minutes):
    protocol_at = None if protocol_minutes is None else instant + timedelta(minutes=protocol_minutes)
    result = by_rule(deadlines(instant, tz=tz, protocol_at=protocol_at))
    assert result["protocol-3h"].due < result["court-72h"].due
    assert result["prosecutor-notice-12h"].due > result["protocol-3h"].due
    if protocol_at is not None:
        assert result["prosecutor-notice-12h"].due - protocol_at == timedelta(hours=12)


@custody_settings
@given(instants, zones, zones, zones, st.booleans())
def test_the_same_instant_in_another_zone_gives_the_same_deadlines(instant, zone_a, zone_b, tz, foreigner):
    first = deadlines(in_zone(instant, zone_a), tz=tz, foreigner=foreigner)
    second = deadlines(in_zone(instant, zone_b), tz=tz, foreigner=foreigner)
    assert [(d.rule, d.due.astimezone(UTC), d.due.utcoffset()) for d in first] == \
           [(d.rule, d.due.astimezone(UTC), d.due.utcoffset()) for d in second]


@custody_settings
@given(instants, zones, zones)
def test_the_display_zone_never_changes_when_a_deadline_falls(instant, tz_a, tz_b):
    first = by_rule(deadlines(instant, tz=tz_a, foreigner=True))
    second = by_rule(deadlines(instant, tz=tz_b, foreigner=True))
    assert {r: d.due.astimezone(UTC) for r, d in first.items()} == \
           {r: d.due.astimezone(UTC) for r, d in second.items()}


@custody_settings
@given(instants, zones)
def test_a_naive_local_time_means_the_same_instant_as_its_aware_form(instant, tz):
    local = in_zone(instant, tz)
    wall = local.replace(tzinfo=None)
    zone = resolve_zone(tz)
    # A wall time that occurred twice is refused, not guessed (tested in test_custody_engine).
    assume(wall.replace(tzinfo=zone, fold=0).utcoffset() == wall.replace(tzinfo=zone, fold=1).utcoffset())
    from_naive = deadlines(wall.isoformat(), tz=tz)
    from_aware = deadlines(local, tz=tz)
    assert [d.due.astimezone(UTC) for d in from_naive] == [d.due.astimezone(UTC) for d in from_aware]


@custody_settings
@given(instants, zones, st.sampled_from(["protocol-3h", "family-notice-12h", "court-72h"]), minutes, minutes)
def test_status_and_overrun_never_improve_when_the_act_comes_later(instant, tz, rule, early, extra):
    now = instant + timedelta(days=30)

    def judge(offset):
        moment = instant + timedelta(minutes=offset)
        return by_rule(audit(instant, {rule: moment}, tz=tz, now=now))[rule]

    sooner, later = judge(early), judge(early + extra)
    assert RANK[sooner.status] <= RANK[later.status]
    assert (sooner.overrun or timedelta(0)) <= (later.overrun or timedelta(0))


@custody_settings
@given(instants, zones, minutes, minutes)
def test_an_act_not_done_goes_from_pending_to_missed_as_time_passes(instant, tz, early, extra):
    def court_at(offset):
        return by_rule(audit(instant, {}, tz=tz, now=instant + timedelta(minutes=offset)))["court-72h"]

    sooner, later = court_at(early), court_at(early + extra)
    assert sooner.status in {"pending", "missed"} and later.status in {"pending", "missed"}
    assert RANK[sooner.status] <= RANK[later.status]
    assert later.status == ("pending" if early + extra <= 72 * 60 else "missed")
