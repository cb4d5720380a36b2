"""Users and teams: create, edit, disable (never delete), reset passwords, roles, notice channels.

Administrators only, each change one `admin_change` transaction with its event. A disabled
user cannot sign in and leaves every picker; their incidents, actions and events stay. The
last active administrator can neither be disabled nor lose the administrator role.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from peewee import JOIN, fn

from desktop.errors import BeaconError
from desktop.i18n import LANGUAGES
from desktop.models import NotificationPreference, Role, Team, User, UserRole, database
from desktop.models.versioning import update_versioned
from desktop.workflow.admin.texts import PERSON_FIELDS as FIELDS
from desktop.workflow.admin.texts import TEXTS
from desktop.workflow.common import auth
from desktop.workflow.common.actors import Actor
from desktop.workflow.common.audit import admin_change, record
from desktop.workflow.notify.notices import set_preference

MIN_PASSWORD_LENGTH = auth.MIN_PASSWORD_LENGTH
LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,59}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TEAM_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
USER_WORD = TEXTS.pair("people.user")
TEAM_WORD = TEXTS.pair("people.team")


def _bad(field: str, reason: dict[str, str]) -> BeaconError:
    return BeaconError("workflow.bad_value", field=FIELDS[field], reason=reason)


# --- reading ------------------------------------------------------------------------------

@dataclass(frozen=True)
class UserRow:
    """One user as the administration screen lists and edits them."""

    id: int
    login: str
    name: str
    name_en: str
    email: str
    phone: str
    title: str
    team_id: int | None
    team_name: str
    team_name_en: str
    language: str
    time_zone: str
    is_active: bool
    roles: tuple[str, ...]
    last_login_at: datetime | None
    version: int


@dataclass(frozen=True)
class Channels:
    """Which outside channels a user gets every kind of notice on (in-app is always on)."""

    email: bool = False
    email_target: str = ""  # empty: the user's own e-mail address
    webhook: bool = False
    webhook_target: str = ""


@dataclass(frozen=True)
class TeamRow:
    id: int
    code: str
    name: str
    name_en: str
    parent_id: int | None
    parent_name: str
    parent_name_en: str
    email: str
    is_active: bool
    active_members: int
    version: int


def _roles_by_user(user_ids: list[int] | None = None) -> dict[int, tuple[str, ...]]:
    query = (UserRole.select(UserRole.user, Role.code).join(Role, on=(UserRole.role == Role.id))
             .order_by(Role.sort_order, Role.code))
    if user_ids is not None:
        query = query.where(UserRole.user.in_(user_ids))
    out: dict[int, list[str]] = {}
    for user_id, code in query.tuples():
        out.setdefault(user_id, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def list_users(*, text: str = "", active: bool | None = None) -> list[UserRow]:
    """Users matching the search (login, names, e-mail, team), active/disabled or both, by name."""
    query = (User.select(User.id, User.login, User.name, User.name_en, User.email, User.phone, User.title, User.team,
                         Team.name, Team.name_en, User.language, User.time_zone, User.is_active, User.last_login_at,
                         User.version)
             .join(Team, JOIN.LEFT_OUTER, on=(User.team == Team.id)))
    words = text.strip().lower()
    if words:
        query = query.where(fn.LOWER(User.login).contains(words) | fn.LOWER(User.name).contains(words)
                            | fn.LOWER(User.name_en).contains(words) | fn.LOWER(User.email).contains(words)
                            | fn.LOWER(fn.COALESCE(Team.name, "")).contains(words))
    if active is not None:
        query = query.where(User.is_active == active)
    rows = list(database.execute(query.order_by(User.name, User.login)))  # plain rows: cheaper on thousands
    roles = _roles_by_user([r[0] for r in rows]) if len(rows) < 500 else _roles_by_user()
    return [UserRow(i, login, name, name_en or "", email or "", phone or "", title or "", team_id, team or "",
                    team_en or "", language, zone, bool(is_active), roles.get(i, ()), _moment(last_login), version)
            for (i, login, name, name_en, email, phone, title, team_id, team, team_en, language, zone, is_active,
                 last_login, version) in rows]


def _moment(value: object) -> datetime | None:
    """A timestamp from a plain cursor row: SQLite hands back text, PostgreSQL a datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def get_user(user_id: int) -> UserRow:
    """One user, fresh from the database."""
    user = User.get_or_none(User.id == user_id)
    if user is None:
        raise BeaconError("workflow.not_found", what=USER_WORD, ref=user_id)
    return _one_user(user)


def _one_user(user: User) -> UserRow:
    team = Team.get_or_none(Team.id == user.team_id) if user.team_id else None
    return UserRow(user.id, user.login, user.name, user.name_en or "", user.email or "", user.phone or "",
                   user.title or "", user.team_id, team.name if team else "", (team.name_en or "") if team else "",
                   user.language, user.time_zone, bool(user.is_active), _roles_by_user([user.id]).get(user.id, ()),
                   user.last_login_at, user.version)


def global_roles() -> list[tuple[str, str, str]]:
    """(code, Korean, English) of every role a user can hold globally, in display order."""
    return list(Role.select(Role.code, Role.name, Role.name_en).where(Role.is_global == True)  # noqa: E712
                .order_by(Role.sort_order, Role.code).tuples())


def time_zones() -> list[str]:
    """The IANA time zones this machine knows, sorted."""
    return sorted(available_timezones())


def channels_of(user_id: int) -> Channels:
    prefs = {p.channel: p for p in NotificationPreference.select().where((NotificationPreference.user == user_id)
                                                                         & (NotificationPreference.kind == "*"))}
    email, webhook = prefs.get("email"), prefs.get("webhook")
    return Channels(email=bool(email and email.enabled), email_target=email.target if email else "",
                    webhook=bool(webhook and webhook.enabled), webhook_target=webhook.target if webhook else "")


# --- users ---------------------------------------------------------------------------------

def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BeaconError("admin.password_short", min=MIN_PASSWORD_LENGTH, length=len(password))
    auth.check_password(password)


def _check_team(team_id: int | None) -> None:
    if team_id is None:
        return
    team = Team.get_or_none(Team.id == team_id)
    if team is None:
        raise BeaconError("workflow.not_found", what=TEAM_WORD, ref=team_id)
    if not team.is_active:
        raise BeaconError("admin.inactive_choice", what=TEAM_WORD, name=team.name)


def _validate_user(login: str, name: str, email: str, language: str, time_zone: str) -> None:
    if not LOGIN_PATTERN.match(login):
        raise _bad("login", TEXTS.pair("people.login_format"))
    if not name:
        raise _bad("name", TEXTS.pair("cis.give_name"))
    if email and not EMAIL_PATTERN.match(email):
        raise _bad("email", TEXTS.pair("people.not_an_email_example", email=email))
    if language not in LANGUAGES:
        raise _bad("language", TEXTS.pair("cis.allowed", allowed=", ".join(LANGUAGES)))
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise BeaconError("report.bad_time_zone", zone=time_zone) from None


@dataclass(frozen=True)
class SavedUser:
    user: UserRow
    password: str | None = None  # a generated password, shown to the administrator once


def generate_password() -> str:
    """A random password an administrator can pass on (12 characters, no look-alikes)."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def save_user(*, actor_id: int, user_id: int | None, login: str, name: str, name_en: str = "", email: str = "",
              phone: str = "", title: str = "", team_id: int | None = None, language: str = "ko",
              time_zone: str = "Asia/Seoul", version: int | None = None, password: str | None = None,
              roles: tuple[str, ...] | None = None, channels: Channels | None = None) -> SavedUser:
    """Create (`user_id` None) or edit a user; a new user gets `password` or a generated one (returned).

    `roles` and `channels`, when given, are saved in the same transaction: all of it or nothing.
    """
    login, name, name_en, email = login.strip(), name.strip(), name_en.strip(), email.strip()
    _validate_user(login, name, email, language, time_zone)
    if user_id is None and password:
        _check_password(password)
    with admin_change(actor_id, TEXTS.pair("people.save_user"), login) as actor:
        taken = User.get_or_none(fn.LOWER(User.login) == login.lower())
        if taken is not None and taken.id != user_id:
            raise BeaconError("admin.code_taken", what=FIELDS["login"], value=login)
        values = {"login": login, "name": name, "name_en": name_en, "email": email, "phone": phone.strip(),
                  "title": title.strip(), "team": team_id, "language": language, "time_zone": time_zone}
        shown = None
        if user_id is None:
            _check_team(team_id)
            if not password:
                password = shown = generate_password()
            user = User.create(**values)
            record(actor, "user", login, "created", None, _audit(_one_user(user)))
            if roles:
                _set_roles(actor, user.id, roles)
            if channels is not None:
                _set_channels(actor, user.id, channels)
            # a generated password is a temporary one: the first sign-in asks for a new password
            auth.store_password(user.id, password, must_change=shown is not None)
            return SavedUser(_one_user(User.get_by_id(user.id)), shown)
        before = get_user(user_id)
        if team_id != before.team_id:
            _check_team(team_id)
        if version is None:
            raise ValueError("editing a user needs the version it was read at")
        auth.rename_login(before.login, login)
        update_versioned(User, user_id, expected_version=version, changes=values, actor_id=None,
                         label=before.login)
        after = get_user(user_id)
        record(actor, "user", login, "updated", _audit(before), _audit(after))
        if roles is not None:
            _set_roles(actor, user_id, roles)
        if channels is not None:
            _set_channels(actor, user_id, channels)
        return SavedUser(get_user(user_id))


def _audit(row: UserRow) -> dict[str, object]:
    return {"login": row.login, "name": row.name, "name_en": row.name_en, "email": row.email, "phone": row.phone,
            "title": row.title, "team": row.team_id, "language": row.language, "time_zone": row.time_zone,
            "active": row.is_active, "roles": list(row.roles)}


def _active_admins() -> list[int]:
    return [i for (i,) in User.select(User.id).join(UserRole, on=(UserRole.user == User.id))
            .join(Role, on=(UserRole.role == Role.id))
            .where((Role.code == "admin") & (User.is_active == True)).tuples()]  # noqa: E712


def _refuse_last_admin(user: UserRow, action: dict[str, str]) -> None:
    admins = _active_admins()
    if user.is_active and "admin" in user.roles and admins == [user.id]:
        raise BeaconError("admin.last_admin", who=user.name, action=action)


def open_assignments(user_id: int) -> int:
    """How many open cases (any kind, by its process's final states) are assigned to the user."""
    from desktop.workflow.common.cases import KIND_MODELS
    from desktop.workflow.engine.process import definition

    return sum(model.select().where((model.assignee == user_id) & model.state.in_(definition(kind).open_states()))
               .count() for kind, model in KIND_MODELS.items())


def set_user_active(*, actor_id: int, user_id: int, active: bool, version: int) -> UserRow:
    """Disable a user (cannot sign in, leaves the pickers, history stays) or enable them again."""
    action = (TEXTS.pair("people.enable_user") if active
              else TEXTS.pair("people.disable_user"))
    with admin_change(actor_id, action) as actor:
        before = get_user(user_id)
        if before.is_active == active:
            return before
        if not active:
            if user_id == actor.id:
                raise BeaconError("admin.self_disable")
            _refuse_last_admin(before, TEXTS.pair("people.disable_them"))
        update_versioned(User, user_id, expected_version=version, changes={"is_active": active}, actor_id=None,
                         label=before.login)
        auth.sync_login(user_id)  # PostgreSQL: a disabled user's login cannot connect (NOLOGIN)
        # their open cases stay assigned to them (history), for a lead to hand over: the event says how many
        left = 0 if active else open_assignments(user_id)
        record(actor, "user", before.login, "enabled" if active else "disabled", {"active": before.is_active},
               {"active": active}, note=f"open cases still assigned: {left}" if left else "")
        return get_user(user_id)


def reset_password(*, actor_id: int, user_id: int, new_password: str | None = None) -> str | None:
    """Set a user's password; without `new_password` one is generated and returned to be shown once."""
    if new_password is not None:
        _check_password(new_password)
    with admin_change(actor_id, TEXTS.pair("people.reset_password")) as actor:
        user = get_user(user_id)
        password = new_password if new_password is not None else generate_password()
        User.update(version=User.version + 1).where(User.id == user_id).execute()
        # handed out by an administrator, so temporary: the first sign-in asks for a new one
        auth.store_password(user_id, password, must_change=True)
        # the event says that it happened, never the password or its hash
        record(actor, "user", user.login, "password_reset", None, None,
               note="generated" if new_password is None else "set by administrator")
        return None if new_password is not None else password


def _set_roles(actor: Actor, user_id: int, roles: tuple[str, ...] | list[str] | set[str]) -> None:
    wanted = set(roles)
    known = {code: i for code, i in Role.select(Role.code, Role.id).where(Role.is_global == True).tuples()}  # noqa: E712
    unknown = sorted(wanted - set(known))
    if unknown:
        raise _bad("role", TEXTS.pair("people.unknown_roles", unknown=", ".join(unknown)))
    user = get_user(user_id)
    current = set(user.roles) & set(known)
    if current == wanted:
        return
    if "admin" in current and "admin" not in wanted:
        _refuse_last_admin(user, TEXTS.pair("people.take_administrator_role_away"))
    removed, added = current - wanted, wanted - current
    if removed:
        UserRole.delete().where((UserRole.user == user_id)
                                & UserRole.role.in_([known[c] for c in removed])).execute()
    if added:
        UserRole.insert_many([{"user": user_id, "role": known[c]} for c in sorted(added)]).execute()
    auth.sync_login(user_id)  # PostgreSQL: the login's group roles follow
    record(actor, "user", user.login, "roles_changed", sorted(current), sorted(wanted))


def set_roles(*, actor_id: int, user_id: int, roles: tuple[str, ...] | list[str] | set[str]) -> UserRow:
    """Replace a user's global roles; the last active administrator keeps `admin`."""
    with admin_change(actor_id, TEXTS.pair("people.change_roles")) as actor:
        _set_roles(actor, user_id, roles)
        return get_user(user_id)


def set_channels(*, actor_id: int, user_id: int, channels: Channels) -> Channels:
    """Choose the outside channels (e-mail, webhook) a user gets every notice on."""
    with admin_change(actor_id, TEXTS.pair("people.change_notice_channels")) as actor:
        return _set_channels(actor, user_id, channels)


def _set_channels(actor: Actor, user_id: int, channels: Channels) -> Channels:
    user = get_user(user_id)
    target = channels.email_target.strip()
    if target and not EMAIL_PATTERN.match(target):
        raise _bad("email", TEXTS.pair("people.target_not_an_email", target=target))
    if channels.email and not (target or user.email):
        raise _bad("email", TEXTS.pair("people.email_notices_need_address"))
    hook = channels.webhook_target.strip()
    if hook and not re.match(r"^https?://\S+$", hook):
        raise _bad("webhook", TEXTS.pair("people.webhook_needs_http"))
    if channels.webhook and not hook:
        raise _bad("webhook", TEXTS.pair("people.webhook_notices_need_address"))
    before = channels_of(user_id)
    wanted = Channels(email=channels.email, email_target=target, webhook=channels.webhook, webhook_target=hook)
    if wanted == before:
        return before
    current = NotificationPreference.get_or_none((NotificationPreference.user == user_id)
                                                 & (NotificationPreference.kind == "*")
                                                 & (NotificationPreference.channel == "webhook"))
    set_preference(user_id=user_id, channel="email", enabled=channels.email, target=target)
    set_preference(user_id=user_id, channel="webhook", enabled=channels.webhook, target=hook,
                   secret=current.secret if current else secrets.token_hex(16))
    after = channels_of(user_id)
    record(actor, "user", user.login, "channels_changed", before.__dict__, after.__dict__)
    return after


# --- teams ---------------------------------------------------------------------------------

def list_teams(*, include_inactive: bool = True) -> list[TeamRow]:
    """Every team with its parent's name and how many active members it has, by code."""
    Parent = Team.alias()
    members = (User.select(User.team, fn.COUNT(User.id).alias("n")).where(User.is_active == True)  # noqa: E712
               .group_by(User.team))
    counts = dict(members.tuples())
    query = (Team.select(Team.id, Team.code, Team.name, Team.name_en, Team.parent, Parent.name, Parent.name_en,
                         Team.email, Team.is_active, Team.version)
             .join(Parent, JOIN.LEFT_OUTER, on=(Team.parent == Parent.id)).order_by(Team.code))
    if not include_inactive:
        query = query.where(Team.is_active == True)  # noqa: E712
    return [TeamRow(i, code, name, name_en or "", parent, parent_name or "", parent_en or "", email or "",
                    bool(active), counts.get(i, 0), version)
            for i, code, name, name_en, parent, parent_name, parent_en, email, active, version in query.tuples()]


def get_team(team_id: int) -> TeamRow:
    for row in list_teams():
        if row.id == team_id:
            return row
    raise BeaconError("workflow.not_found", what=TEAM_WORD, ref=team_id)


def save_team(*, actor_id: int, team_id: int | None, code: str, name: str, name_en: str = "",
              parent_id: int | None = None, email: str = "", version: int | None = None) -> TeamRow:
    """Create or rename/move a team; a team never sits under itself or one of its own sub-teams."""
    code, name, name_en, email = code.strip(), name.strip(), name_en.strip(), email.strip()
    if not TEAM_CODE_PATTERN.match(code):
        raise _bad("code", TEXTS.pair("people.team_code_format"))
    if not name:
        raise _bad("name", TEXTS.pair("cis.give_name"))
    if email and not EMAIL_PATTERN.match(email):
        raise _bad("email", TEXTS.pair("people.not_an_email", email=email))
    with admin_change(actor_id, TEXTS.pair("people.save_team"), code) as actor:
        taken = Team.get_or_none(fn.LOWER(Team.code) == code.lower())
        if taken is not None and taken.id != team_id:
            raise BeaconError("admin.code_taken", what=FIELDS["code"], value=code)
        if parent_id is not None:
            parent = Team.get_or_none(Team.id == parent_id)
            if parent is None:
                raise BeaconError("workflow.not_found", what=TEAM_WORD, ref=parent_id)
            if team_id is not None:
                at: Team | None = parent
                while at is not None:  # walk up from the new parent: meeting this team means a loop
                    if at.id == team_id:
                        raise BeaconError("admin.team_cycle", team=name, parent=parent.name)
                    at = Team.get_or_none(Team.id == at.parent_id) if at.parent_id else None
            if not parent.is_active and (team_id is None or get_team(team_id).parent_id != parent_id):
                raise BeaconError("admin.inactive_choice", what=TEAM_WORD, name=parent.name)
        values = {"code": code, "name": name, "name_en": name_en, "parent": parent_id, "email": email}
        if team_id is None:
            team = Team.create(**values)
            after = get_team(team.id)
            record(actor, "team", code, "created", None, after.__dict__)
            return after
        if version is None:
            raise ValueError("editing a team needs the version it was read at")
        before = get_team(team_id)
        update_versioned(Team, team_id, expected_version=version, changes=values, actor_id=None, label=before.code)
        after = get_team(team_id)
        record(actor, "team", code, "updated", before.__dict__, after.__dict__)
        return after


def set_team_active(*, actor_id: int, team_id: int, active: bool, version: int) -> TeamRow:
    """Disable a team (it leaves the pickers) once nobody active is left in it, or enable it again."""
    action = TEXTS.pair("people.enable_team") if active else TEXTS.pair("people.disable_team")
    with admin_change(actor_id, action) as actor:
        before = get_team(team_id)
        if before.is_active == active:
            return before
        if not active:
            children = Team.select().where((Team.parent == team_id) & (Team.is_active == True)).count()  # noqa: E712
            if before.active_members or children:
                raise BeaconError("admin.team_in_use", team=before.name, members=before.active_members,
                                  children=children)
        update_versioned(Team, team_id, expected_version=version, changes={"is_active": active}, actor_id=None,
                         label=before.code)
        record(actor, "team", before.code, "enabled" if active else "disabled", {"active": before.is_active},
               {"active": active})
        return get_team(team_id)
