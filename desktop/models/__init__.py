"""Beacon's storage: peewee models on one DatabaseProxy, SQLite or PostgreSQL.

No business rules live here and nothing here imports Qt.
"""

from desktop.models.base import BaseModel, database, utcnow
from desktop.models.cases import (
    ATTACHMENT_MAX_BYTES,
    CASE_KINDS,
    CASE_PREFIXES,
    Action,
    Attachment,
    Case,
    CaseLink,
    Change,
    Event,
    Incident,
    Notification,
    NumberSequence,
    Problem,
    ServiceRequestLink,
    SlaClock,
    SlaPause,
    WorkOrder,
)
from desktop.models.cmdb import CI_KINDS, CIRelation, ConfigurationItem, OwnerMatrixEntry, PropagationOverride
from desktop.models.org import Role, Team, User, UserRole
from desktop.models.policy import (
    BusinessCalendar,
    CalendarDay,
    Grade,
    ImpactLevel,
    PriorityMatrixCell,
    ProcessDefinition,
    Setting,
    SlaPolicy,
    UrgencyLevel,
)
from desktop.models.schema import ALL_MODELS, SCHEMA_VERSION, SchemaVersion, ensure_schema

__all__ = [
    "ALL_MODELS",
    "ATTACHMENT_MAX_BYTES",
    "CASE_KINDS",
    "CASE_PREFIXES",
    "CI_KINDS",
    "SCHEMA_VERSION",
    "Action",
    "Attachment",
    "BaseModel",
    "BusinessCalendar",
    "CIRelation",
    "CalendarDay",
    "Case",
    "CaseLink",
    "Change",
    "ConfigurationItem",
    "Event",
    "Grade",
    "ImpactLevel",
    "Incident",
    "Notification",
    "NumberSequence",
    "OwnerMatrixEntry",
    "PriorityMatrixCell",
    "Problem",
    "ProcessDefinition",
    "PropagationOverride",
    "Role",
    "SchemaVersion",
    "ServiceRequestLink",
    "Setting",
    "SlaClock",
    "SlaPause",
    "SlaPolicy",
    "Team",
    "UrgencyLevel",
    "User",
    "UserRole",
    "WorkOrder",
    "database",
    "ensure_schema",
    "utcnow",
]
