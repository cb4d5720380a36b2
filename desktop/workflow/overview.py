"""Small read-only summaries for the start screen."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from desktop.models import ConfigurationItem, Incident, Problem, User


@dataclass(frozen=True)
class Overview:
    """Counts a user sees at a glance."""

    incidents_by_state: dict[str, int]
    problems: int
    applications: int
    users: int


def overview() -> Overview:
    """Counts of incidents per state, problems, applications and users (SQL aggregates)."""
    by_state = {
        state: count
        for state, count in Incident.select(Incident.state, fn.COUNT(Incident.case)).group_by(Incident.state).tuples()
    }
    return Overview(
        incidents_by_state=by_state,
        problems=Problem.select().count(),
        applications=ConfigurationItem.select().where(ConfigurationItem.kind == "application").count(),
        users=User.select().count(),
    )
