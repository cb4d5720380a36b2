"""Organisation-wide policy data: levels, priority matrix, calendars, SLA, processes, settings."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from desktop.models.base import BaseModel, utcnow
from desktop.models.org import User


class UrgencyLevel(BaseModel):
    """How fast the business needs the service back (chosen by the customer)."""

    id = AutoField()
    code = CharField(max_length=20, unique=True)
    rank = IntegerField(unique=True)  # 1 is the most urgent
    name = CharField(max_length=40)
    name_en = CharField(max_length=40)


class ImpactLevel(BaseModel):
    """How much of the business an outage of a CI hits."""

    id = AutoField()
    code = CharField(max_length=20, unique=True)
    rank = IntegerField(unique=True)  # 1 is the widest impact
    name = CharField(max_length=40)
    name_en = CharField(max_length=40)


class Grade(BaseModel):
    """Incident grade (장애 등급); level 1 is the most severe."""

    id = AutoField()
    level = IntegerField(unique=True)
    name = CharField(max_length=40)
    name_en = CharField(max_length=40)
    color = CharField(max_length=9, default="#888888")


class PriorityMatrixCell(BaseModel):
    """One cell of the priority matrix: urgency × impact → grade."""

    id = AutoField()
    urgency = ForeignKeyField(UrgencyLevel, on_delete="CASCADE")
    impact = ForeignKeyField(ImpactLevel, on_delete="CASCADE")
    grade = ForeignKeyField(Grade, on_delete="RESTRICT")
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    updated_by = ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("urgency", "impact"), True),)


class BusinessCalendar(BaseModel):
    """Working time used by SLA clocks: hours per weekday, time zone, holidays."""

    id = AutoField()
    code = CharField(max_length=40, unique=True)
    name = CharField(max_length=100)
    name_en = CharField(max_length=100)
    time_zone = CharField(max_length=60, default="Asia/Seoul")
    # JSON: {"mon": [["09:00", "18:00"]], ..., "sun": []}; empty means 24×7.
    working_hours = TextField(default="{}")
    is_24x7 = BooleanField(default=False)
    # ISO country code for public holidays from the `holidays` package, or "".
    holiday_country = CharField(max_length=8, default="")
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    updated_by = ForeignKeyField(User, null=True, on_delete="SET NULL")


class CalendarDay(BaseModel):
    """An organisation's own holiday or extra working day in a calendar."""

    id = AutoField()
    calendar = ForeignKeyField(BusinessCalendar, backref="days", on_delete="CASCADE")
    day = DateField()
    kind = CharField(max_length=10)  # "holiday" | "workday"
    name = CharField(max_length=100, default="")

    class Meta:
        indexes = ((("calendar", "day"), True),)


class SlaPolicy(BaseModel):
    """SLA targets for one grade of one kind of case."""

    id = AutoField()
    case_kind = CharField(max_length=20, default="incident")
    grade = ForeignKeyField(Grade, on_delete="CASCADE")
    response_minutes = IntegerField()
    resolution_minutes = IntegerField()
    calendar = ForeignKeyField(BusinessCalendar, on_delete="RESTRICT")
    warning_percent = IntegerField(default=80)
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    updated_by = ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("case_kind", "grade"), True),)


class ProcessDefinition(BaseModel):
    """One loaded version of a process definition (incident, problem, change, work order)."""

    id = AutoField()
    process = CharField(max_length=30)
    version = IntegerField()
    source = TextField()  # the TOML text as loaded
    checksum = CharField(max_length=64)
    is_active = BooleanField(default=True)
    loaded_at = DateTimeField(default=utcnow)
    loaded_by = ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("process", "version"), True),)


class Setting(BaseModel):
    """An organisation-wide setting shared by every client (JSON value)."""

    key = CharField(max_length=100, primary_key=True)
    value = TextField(default="null")
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    updated_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
