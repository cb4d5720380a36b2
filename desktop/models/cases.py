"""Cases (incidents, problems, changes, work orders) and what hangs off them.

Every case has one row in `Case` (its identity and human-readable number) and
one row in its kind's table, which shares the primary key. Actions, events,
attachments, links and notifications point at `Case`, so one set of tables
serves every kind with real foreign keys.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BigIntegerField,
    BlobField,
    BooleanField,
    CharField,
    Check,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from desktop.models.base import BaseModel, utcnow
from desktop.models.cmdb import ConfigurationItem
from desktop.models.org import Team, User
from desktop.models.policy import BusinessCalendar, Grade, ImpactLevel, ProcessDefinition, SlaPolicy, UrgencyLevel

CASE_KINDS = ("incident", "problem", "change", "work_order")
CASE_PREFIXES = {"incident": "INC", "problem": "PRB", "change": "CHG", "work_order": "WO"}
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


class Case(BaseModel):
    """The identity of any case: its kind and its number such as INC-2026-000123."""

    id = AutoField()
    kind = CharField(max_length=20)
    number = CharField(max_length=30, unique=True)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "cases"


class NumberSequence(BaseModel):
    """The last number handed out per prefix and year, e.g. `INC-2026` → 123."""

    name = CharField(max_length=30, primary_key=True)
    value = BigIntegerField(default=0)


class Incident(BaseModel):
    """장애: an unplanned event that degrades an IT service."""

    case = ForeignKeyField(Case, primary_key=True, backref="incident", on_delete="CASCADE")
    title = CharField(max_length=300)
    description = TextField(default="")
    application = ForeignKeyField(ConfigurationItem, backref="incidents", on_delete="RESTRICT")
    incident_type = CharField(max_length=30, default="application")
    urgency = ForeignKeyField(UrgencyLevel, on_delete="RESTRICT")
    impact = ForeignKeyField(ImpactLevel, on_delete="RESTRICT")
    grade = ForeignKeyField(Grade, on_delete="RESTRICT")
    state = CharField(max_length=30)
    process = ForeignKeyField(ProcessDefinition, null=True, on_delete="SET NULL")
    registered_by = ForeignKeyField(User, backref="registered_incidents", on_delete="RESTRICT")
    registered_at = DateTimeField(default=utcnow)
    occurred_at = DateTimeField(null=True)
    assignee = ForeignKeyField(User, null=True, backref="assigned_incidents", on_delete="SET NULL")
    assigned_team = ForeignKeyField(Team, null=True, on_delete="SET NULL")
    accepted_at = DateTimeField(null=True)
    resolved_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True)
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    waiting_for_customer = BooleanField(default=False)
    reopen_count = IntegerField(default=0)
    resolution = TextField(default="")
    cause = TextField(default="")
    result = TextField(default="")
    follow_up_plan = TextField(default="")
    recurrence_prevention = TextField(default="")
    cancel_reason = TextField(default="")
    cancelled_at = DateTimeField(null=True)
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = (
            (("registered_at", "case"), False),
            (("state", "registered_at", "case"), False),
            (("application", "registered_at"), False),
            (("grade", "registered_at"), False),
            (("assignee", "state", "registered_at"), False),
            (("assignee", "registered_at"), False),  # sorted by assignee: each person's incidents in time order
            (("title",), False),  # sorted by title
            (("closed_at", "cancelled_at"), False),  # KPI backlog: still open at a moment
            (("state", "closed_at"), False),  # dashboard trend: closed per month
        )


class Problem(BaseModel):
    """문제: the unknown underlying cause of one or more incidents."""

    case = ForeignKeyField(Case, primary_key=True, backref="problem", on_delete="CASCADE")
    title = CharField(max_length=300)
    description = TextField(default="")
    application = ForeignKeyField(ConfigurationItem, null=True, backref="problems", on_delete="RESTRICT")
    grade = ForeignKeyField(Grade, null=True, on_delete="RESTRICT")
    state = CharField(max_length=30)
    process = ForeignKeyField(ProcessDefinition, null=True, on_delete="SET NULL")
    registered_by = ForeignKeyField(User, backref="registered_problems", on_delete="RESTRICT")
    registered_at = DateTimeField(default=utcnow)
    assignee = ForeignKeyField(User, null=True, backref="assigned_problems", on_delete="SET NULL")
    assigned_team = ForeignKeyField(Team, null=True, on_delete="SET NULL")
    root_cause = TextField(default="")
    workaround = TextField(default="")
    is_known_error = BooleanField(default=False)
    known_error_at = DateTimeField(null=True)
    solution = TextField(default="")
    verification_result = TextField(default="")
    verification_count = IntegerField(default=0)
    closed_at = DateTimeField(null=True)
    cancel_reason = TextField(default="")
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = (
            (("registered_at", "case"), False),
            (("state", "registered_at", "case"), False),
            (("assignee", "state"), False),
        )


class Change(BaseModel):
    """변경: a program or data change needed to remove a cause; its own sub-process."""

    case = ForeignKeyField(Case, primary_key=True, backref="change", on_delete="CASCADE")
    title = CharField(max_length=300)
    description = TextField(default="")
    change_type = CharField(max_length=20, default="program")  # program | data | infrastructure
    parent = ForeignKeyField(Case, null=True, backref="spawned_changes", on_delete="SET NULL")
    application = ForeignKeyField(ConfigurationItem, null=True, on_delete="RESTRICT")
    state = CharField(max_length=30)
    process = ForeignKeyField(ProcessDefinition, null=True, on_delete="SET NULL")
    requested_by = ForeignKeyField(User, backref="requested_changes", on_delete="RESTRICT")
    requested_at = DateTimeField(default=utcnow)
    assignee = ForeignKeyField(User, null=True, backref="assigned_changes", on_delete="SET NULL")
    approved_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    approved_at = DateTimeField(null=True)
    planned_start = DateTimeField(null=True)
    planned_end = DateTimeField(null=True)
    implemented_at = DateTimeField(null=True)
    reviewed_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True)
    implementation_plan = TextField(default="")
    rollback_plan = TextField(default="")
    review_result = TextField(default="")
    reject_reason = TextField(default="")
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = (
            (("requested_at", "case"), False),
            (("state", "requested_at"), False),
            (("implemented_at",), False),  # "what changed?" before an incident (schema v16)
        )


class WorkOrder(BaseModel):
    """작업 지시: a task a handler issues to someone else (first line → second line)."""

    case = ForeignKeyField(Case, primary_key=True, backref="work_order", on_delete="CASCADE")
    parent = ForeignKeyField(Case, backref="work_orders", on_delete="RESTRICT")
    title = CharField(max_length=300)
    instructions = TextField(default="")
    state = CharField(max_length=30)
    process = ForeignKeyField(ProcessDefinition, null=True, on_delete="SET NULL")
    issued_by = ForeignKeyField(User, backref="issued_work_orders", on_delete="RESTRICT")
    issued_at = DateTimeField(default=utcnow)
    assignee = ForeignKeyField(User, null=True, backref="assigned_work_orders", on_delete="SET NULL")
    assigned_team = ForeignKeyField(Team, null=True, on_delete="SET NULL")
    due_at = DateTimeField(null=True)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    result = TextField(default="")
    return_reason = TextField(default="")
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = (
            (("issued_at", "case"), False),
            (("state", "issued_at"), False),
            (("assignee", "state"), False),
            (("state", "finished_at"), False),  # "what changed?" before an incident (schema v16)
        )


class ServiceRequestLink(BaseModel):
    """A service request (SR) registered in, or sent to, another system for a case."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="service_requests", on_delete="CASCADE")
    system = CharField(max_length=100)
    external_ref = CharField(max_length=100, default="")
    title = CharField(max_length=300)
    state = CharField(max_length=40, default="requested")
    url = CharField(max_length=500, default="")
    created_at = DateTimeField(default=utcnow)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    # delivery to the other system through the outbox (schema v8): the outbox row's dedupe key
    # (empty: recorded only, no system configured), when it was delivered, and what the system answered
    delivery_key = CharField(max_length=200, default="")
    delivered_at = DateTimeField(null=True)
    response = TextField(default="")


class AlertLink(BaseModel):
    """A monitoring alert (source + fingerprint) and the incident it opened (schema v8).

    `open_key` is the fingerprint while the incident is open and NULL once it is closed;
    the unique index on (source, open_key) lets only one open incident exist per alert,
    even when two identical firings arrive at once (NULLs never collide).
    """

    id = AutoField()
    source = CharField(max_length=60)
    fingerprint = CharField(max_length=200)
    open_key = CharField(max_length=200, null=True)
    case = ForeignKeyField(Case, backref="alert_links", on_delete="CASCADE")
    first_seen = DateTimeField(default=utcnow)
    last_seen = DateTimeField(default=utcnow)
    fire_count = IntegerField(default=1)
    last_status = CharField(max_length=20, default="firing")  # firing | resolved

    class Meta:
        indexes = (
            (("source", "open_key"), True),
            (("source", "fingerprint"), False),
        )


class CaseLink(BaseModel):
    """A link between two cases, e.g. incident → problem (`problem`) or → change (`change`)."""

    id = AutoField()
    source = ForeignKeyField(Case, backref="links_out", on_delete="CASCADE")
    target = ForeignKeyField(Case, backref="links_in", on_delete="CASCADE")
    kind = CharField(max_length=20)  # problem | change | related | duplicate
    created_at = DateTimeField(default=utcnow)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("source", "target", "kind"), True),)


class Action(BaseModel):
    """조치 내역: a timestamped entry of what was done on a case."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="actions", on_delete="CASCADE")
    actor = ForeignKeyField(User, on_delete="RESTRICT")
    acted_at = DateTimeField(default=utcnow)  # when it was done, as the handler says
    recorded_at = DateTimeField(default=utcnow)
    kind = CharField(max_length=20, default="note")  # note | investigation | fix | contact | workaround
    body = TextField()
    minutes_spent = IntegerField(null=True)

    class Meta:
        indexes = ((("case", "acted_at"), False),)


class Attachment(BaseModel):
    """A file attached to a case, stored in the database (size-limited)."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="attachments", on_delete="CASCADE")
    file_name = CharField(max_length=255)
    content_type = CharField(max_length=100, default="application/octet-stream")
    size = IntegerField(constraints=[Check(f"size >= 0 AND size <= {ATTACHMENT_MAX_BYTES}")])
    sha256 = CharField(max_length=64)
    data = BlobField()
    uploaded_by = ForeignKeyField(User, on_delete="RESTRICT")
    uploaded_at = DateTimeField(default=utcnow)


class Event(BaseModel):
    """An immutable entry of the audit log: who, when, what, before → after.

    The database refuses UPDATE and DELETE on this table (triggers), so the
    time chart, audit trail and reports read a history nobody can rewrite.
    """

    id = AutoField()
    case = ForeignKeyField(Case, null=True, backref="events", on_delete="RESTRICT")
    entity = CharField(max_length=40)  # incident | problem | owner_matrix | propagation_group | ...
    entity_id = CharField(max_length=60, default="")
    kind = CharField(max_length=40)  # transition name or change kind
    actor = ForeignKeyField(User, null=True, on_delete="RESTRICT")
    occurred_at = DateTimeField(default=utcnow)
    from_state = CharField(max_length=30, default="")
    to_state = CharField(max_length=30, default="")
    before = TextField(default="{}")  # JSON of changed fields before
    after = TextField(default="{}")  # JSON of changed fields after
    note = TextField(default="")

    class Meta:
        indexes = (
            (("case", "occurred_at"), False),
            (("entity", "entity_id"), False),
        )


class Notification(BaseModel):
    """Outbox row: one notice to one recipient on one channel, written with its event."""

    id = AutoField()
    event = ForeignKeyField(Event, null=True, on_delete="RESTRICT")
    case = ForeignKeyField(Case, null=True, backref="notifications", on_delete="CASCADE")
    recipient = ForeignKeyField(User, backref="notifications", on_delete="CASCADE")
    channel = CharField(max_length=20)  # inapp | email | webhook
    kind = CharField(max_length=40)  # registered | accepted | regraded | closed | sla_warning | ...
    reason = CharField(max_length=60, default="")  # why this person: role or manual add
    payload = TextField(default="{}")
    # Unique key so a retried write never creates the same notice twice.
    dedupe_key = CharField(max_length=200, unique=True)
    status = CharField(max_length=12, default="pending")  # pending | sending | sent | failed | dead
    attempts = IntegerField(default=0)
    next_attempt_at = DateTimeField(default=utcnow)
    created_at = DateTimeField(default=utcnow)
    sent_at = DateTimeField(null=True)
    read_at = DateTimeField(null=True)
    last_error = TextField(default="")
    # e-mail address or webhook URL, fixed when the notice is written (schema v4)
    target = CharField(max_length=500, default="")
    # a dispatcher's claim: who holds the row and until when (schema v4)
    claimed_by = CharField(max_length=60, default="")
    lease_until = DateTimeField(null=True)

    class Meta:
        indexes = (
            (("status", "next_attempt_at"), False),
            (("recipient", "channel", "read_at"), False),
        )


class SlaClock(BaseModel):
    """One SLA clock (response or resolution) of one case, with its raw minutes."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="sla_clocks", on_delete="CASCADE")
    kind = CharField(max_length=12)  # response | resolution
    policy = ForeignKeyField(SlaPolicy, null=True, on_delete="SET NULL")
    calendar = ForeignKeyField(BusinessCalendar, null=True, on_delete="SET NULL")
    target_minutes = IntegerField()
    uses_business_time = BooleanField(default=False)
    started_at = DateTimeField()
    paused_at = DateTimeField(null=True)
    stopped_at = DateTimeField(null=True)
    due_at = DateTimeField(null=True)
    paused_wall_minutes = IntegerField(default=0)
    paused_business_minutes = IntegerField(default=0)
    elapsed_wall_minutes = IntegerField(null=True)
    elapsed_business_minutes = IntegerField(null=True)
    warned_at = DateTimeField(null=True)
    breached_at = DateTimeField(null=True)
    met = BooleanField(null=True)
    version = IntegerField(default=1)

    class Meta:
        indexes = (
            (("case", "kind"), True),
            (("stopped_at", "due_at"), False),
        )


class SlaPause(BaseModel):
    """A span during which a case's SLA clocks do not run.

    `waiting`: the case waited for the customer; `reopened`: the time between
    closing and reopening, so a reopened case resumes where it stopped. Clocks
    subtract every pause inside their own running span, measured in their own
    calendar — so a grade change mid-case still subtracts pending time correctly.
    """

    id = AutoField()
    case = ForeignKeyField(Case, backref="sla_pauses", on_delete="CASCADE")
    started_at = DateTimeField()
    ended_at = DateTimeField(null=True)
    reason = CharField(max_length=12, default="waiting")  # waiting | reopened

    class Meta:
        indexes = ((("case", "started_at"), False),)


class NotificationPreference(BaseModel):
    """A channel a user wants for a kind of notice (`*` = every kind); in-app is always on."""

    id = AutoField()
    user = ForeignKeyField(User, backref="notification_preferences", on_delete="CASCADE")
    kind = CharField(max_length=40, default="*")
    channel = CharField(max_length=20)  # email | webhook
    enabled = BooleanField(default=True)
    target = CharField(max_length=500, default="")  # webhook URL; e-mail falls back to the user's address
    secret = CharField(max_length=200, default="")  # webhook signing secret (HMAC-SHA256)

    class Meta:
        indexes = ((("user", "kind", "channel"), True),)
