"""Business calendars: working hours per weekday, a time zone, public and own holidays.

All arithmetic is on whole minutes: every instant is first truncated to its
minute (UTC), so measuring [a, b] equals measuring [a, m] plus [m, b] for any m,
and business minutes never exceed wall minutes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
import peewee

from desktop.models import BusinessCalendar, CalendarDay
from desktop.models.prepared import Prepared, param

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_SEARCH_DAYS = 366 * 5


def floor_minute(moment: datetime) -> datetime:
    """Naive UTC instant truncated to the minute."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(second=0, microsecond=0)


def wall_minutes(start: datetime, end: datetime) -> int:
    """Whole wall-clock minutes from start to end (0 if end is not after start)."""
    a, b = floor_minute(start), floor_minute(end)
    return max(0, int((b - a).total_seconds() // 60))


@lru_cache(maxsize=64)
def _public_holidays(country: str, year: int) -> dict[date, str]:
    return dict(holidays.country_holidays(country, years=year, language="ko"))


def _parse_clock(text: str) -> time | None:
    if text == "24:00":
        return None  # end of day
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


@dataclass
class WorkingCalendar:
    """A calendar ready for arithmetic. `hours[weekday]` are local (start, end) pairs; end None = midnight."""

    code: str
    time_zone: str
    hours: dict[int, list[tuple[time, time | None]]]
    is_24x7: bool = False
    holiday_country: str = ""
    own_days: dict[date, str] = field(default_factory=dict)  # date → "holiday" | "workday"
    _day_cache: dict[date, list[tuple[datetime, datetime]]] = field(default_factory=dict, repr=False)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @classmethod
    def from_model(cls, calendar: BusinessCalendar) -> WorkingCalendar:
        """Build from a stored calendar and its own holidays / working days."""
        own = {d: kind for d, kind in CalendarDay.select(CalendarDay.day, CalendarDay.kind)
               .where(CalendarDay.calendar == calendar.id).tuples()}
        return cls._from_columns(calendar.code, calendar.time_zone, calendar.working_hours, calendar.is_24x7,
                                 calendar.holiday_country, own)

    @classmethod
    def _from_columns(cls, code: str, time_zone: str, working_hours: str, is_24x7: bool, holiday_country: str,
                      own: dict[date, str]) -> WorkingCalendar:
        raw = json.loads(working_hours or "{}")
        hours: dict[int, list[tuple[time, time | None]]] = {}
        for index, name in enumerate(WEEKDAYS):
            spans = []
            for start, end in raw.get(name, []):
                begin = _parse_clock(start)
                spans.append((begin or time(0), _parse_clock(end)))
            hours[index] = spans
        return cls(code=code, time_zone=time_zone, hours=hours, is_24x7=is_24x7, holiday_country=holiday_country,
                   own_days=own)

    # --- which days work ------------------------------------------------------------

    def holiday_name(self, day: date) -> str | None:
        """The public or own holiday on `day`, if any (own working days override)."""
        own = self.own_days.get(day)
        if own == "workday":
            return None
        if own == "holiday":
            return "holiday"
        if self.holiday_country:
            return _public_holidays(self.holiday_country, day.year).get(day)
        return None

    def is_working_day(self, day: date) -> bool:
        if self.is_24x7:
            return True
        if self.own_days.get(day) == "workday":
            return True
        return bool(self.hours.get(day.weekday())) and self.holiday_name(day) is None

    def intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """Working intervals of a local day, as naive UTC instants, in order."""
        cached = self._day_cache.get(day)
        if cached is not None:
            return cached
        zone = self.zone
        if self.is_24x7:
            spans: list[tuple[time, time | None]] = [(time(0), None)]
        elif not self.is_working_day(day):
            spans = []
        else:
            spans = self.hours.get(day.weekday()) or [(time(9), time(18))]  # an extra working day on a weekend
        result = []
        for begin, end in spans:
            local_start = datetime.combine(day, begin, zone)
            local_end = datetime.combine(day + timedelta(days=1), time(0), zone) if end is None \
                else datetime.combine(day, end, zone)
            a = local_start.astimezone(UTC).replace(tzinfo=None)
            b = local_end.astimezone(UTC).replace(tzinfo=None)
            if b > a:
                result.append((a, b))
        self._day_cache[day] = result
        return result

    def local_day(self, moment: datetime) -> date:
        return moment.replace(tzinfo=UTC).astimezone(self.zone).date()

    def is_working_time(self, moment: datetime) -> bool:
        """True when `moment` (naive UTC) falls inside working hours."""
        m = floor_minute(moment)
        return any(a <= m < b for a, b in self.intervals(self.local_day(m)))

    def working_minutes_per_day(self) -> int:
        """Minutes of a normal working day (for showing business figures as days)."""
        if self.is_24x7:
            return 24 * 60
        best = 0
        for spans in self.hours.values():
            total = 0
            for begin, end in spans:
                end_minutes = 24 * 60 if end is None else end.hour * 60 + end.minute
                total += end_minutes - (begin.hour * 60 + begin.minute)
            best = max(best, total)
        return best or 24 * 60

    # --- arithmetic -----------------------------------------------------------------

    def business_minutes(self, start: datetime, end: datetime) -> int:
        """Working minutes between two instants (naive UTC)."""
        a, b = floor_minute(start), floor_minute(end)
        if b <= a:
            return 0
        if self.is_24x7:
            return int((b - a).total_seconds() // 60)
        total = 0
        day = self.local_day(a) - timedelta(days=1)
        last = self.local_day(b) + timedelta(days=1)
        while day <= last:
            for s, e in self.intervals(day):
                lo, hi = max(s, a), min(e, b)
                if hi > lo:
                    total += int((hi - lo).total_seconds() // 60)
            day += timedelta(days=1)
        return total

    def add_business_minutes(self, start: datetime, minutes: int) -> datetime:
        """The instant at which `minutes` working minutes after `start` are used up."""
        a = floor_minute(start)
        if minutes <= 0:
            return a
        if self.is_24x7:
            return a + timedelta(minutes=minutes)
        left = minutes
        day = self.local_day(a) - timedelta(days=1)
        for _ in range(MAX_SEARCH_DAYS):
            for s, e in self.intervals(day):
                lo = max(s, a)
                if e <= lo:
                    continue
                available = int((e - lo).total_seconds() // 60)
                if available >= left:
                    return lo + timedelta(minutes=left)
                left -= available
            day += timedelta(days=1)
        raise ValueError(f"calendar {self.code} has no working time within {MAX_SEARCH_DAYS} days")


# a calendar with its own days in one statement (one row per day, or one with no day)
_CALENDAR = Prepared(lambda: BusinessCalendar.select(
    BusinessCalendar.code, BusinessCalendar.time_zone, BusinessCalendar.working_hours, BusinessCalendar.is_24x7,
    BusinessCalendar.holiday_country, CalendarDay.day, CalendarDay.kind)
    .join(CalendarDay, peewee.JOIN.LEFT_OUTER, on=(CalendarDay.calendar == BusinessCalendar.id))
    .where(BusinessCalendar.id == param("id")).tuples())


def load_calendar(calendar_id: int) -> WorkingCalendar:
    """The stored calendar ready for arithmetic.

    Raises:
        BusinessCalendar.DoesNotExist: no calendar has this id.
    """
    rows = _CALENDAR.tuples(id=calendar_id)
    if not rows:
        raise BusinessCalendar.DoesNotExist(f"no business calendar {calendar_id}")
    code, zone, hours, is_24x7, country, _, _ = rows[0]
    own = {day: kind for *_, day, kind in rows if day is not None}
    return WorkingCalendar._from_columns(code, zone, hours, is_24x7, country, own)

