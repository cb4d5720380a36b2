"""Passwords: argon2id hashes on SQLite, each person's own PostgreSQL login (SCRAM) on PostgreSQL.

One password policy everywhere (`check_password`). On PostgreSQL a password never reaches the database
in plain text: the client turns it into a SCRAM verifier (libpq's `PQencryptPasswordConn`) and an
administrator's change goes through `beacon_login_save`, a function owned by the owner role.
"""

from __future__ import annotations

import os
import sys
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.errors import BeaconError
from desktop.models import Credential, Role, User, UserRole, database
from desktop.models.db import backend

MIN_PASSWORD_LENGTH = 10
DEMO_PASSWORD = "beacon"
FAST_HASH_ENV = "BEACON_FAST_HASH"


@cache
def _hasher() -> PasswordHasher:
    """The library's defaults; tests (and the benchmarks) may lower the cost, nobody else."""
    if os.environ.get(FAST_HASH_ENV) == "1":
        if "pytest" not in sys.modules and not os.environ.get("BEACON_BENCH"):
            raise BeaconError("auth.fast_hash_refused")
        return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return PasswordHasher()


def hash_password(password: str) -> str:
    """Hash a password to an argon2id PHC string."""
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when `password` matches `password_hash`; False for a wrong or unusable hash."""
    if not password_hash:
        return False
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than the current ones."""
    return _hasher().check_needs_rehash(password_hash)


def check_password(password: str, *, demo: bool = False) -> None:
    """The one password policy: at least 10 characters; the demo password in demo databases only.

    Raises:
        BeaconError: with the rule the password broke.
    """
    if demo and password == DEMO_PASSWORD:
        return
    if password == DEMO_PASSWORD:
        raise BeaconError("auth.demo_password")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BeaconError("auth.weak_password", min=MIN_PASSWORD_LENGTH, extra="")


# --- storing a password ---------------------------------------------------------------------

def scram_verifier(role_name: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of a password, made here so the server never sees the password."""
    from psycopg2.extensions import encrypt_password

    return str(encrypt_password(password, role_name, database.connection(), "scram-sha-256"))


def _roles_of(user_id: int) -> list[str]:
    return [code for (code,) in Role.select(Role.code).join(UserRole).where(UserRole.user == user_id).tuples()]


def sync_login(user_id: int, *, password: str | None = None, verifier: str | None = None) -> None:
    """PostgreSQL: create or update the user's login (password, group roles, enabled); SQLite: nothing.

    Call inside the administration change's transaction: the login and the rows commit together.
    """
    if backend() != "postgresql":
        return
    from desktop.models.security import login_prefix

    user = User.get_by_id(user_id)
    if password is not None and verifier is None:
        verifier = scram_verifier(login_prefix() + user.login, password)
    database.execute_sql("SELECT beacon_login_save(%s, %s, %s, %s)",
                         (user.login, verifier, _roles_of(user_id), bool(user.is_active)))


def rename_login(old: str, new: str) -> None:
    """PostgreSQL: a user's login follows a change of their Beacon login (SCRAM secrets survive a rename)."""
    if backend() == "postgresql" and old != new:
        database.execute_sql("SELECT beacon_login_rename(%s, %s)", (old, new))


def store_password(user_id: int, password: str, *, must_change: bool = False, verifier: str | None = None) -> None:
    """Set a user's password (argon2 on SQLite, the login's SCRAM verifier on PostgreSQL).

    `must_change`: a temporary password an administrator hands out; the first sign-in asks for a new one.
    """
    if backend() == "postgresql":
        sync_login(user_id, password=password, verifier=verifier)
        login = User.get_by_id(user_id).login
        database.execute_sql("SELECT beacon_set_must_change(%s, %s)", (login, must_change))
        return
    values = {"password_hash": hash_password(password), "failed_attempts": 0, "locked_until": None,
              "must_change": must_change}
    if not Credential.update(values).where(Credential.user == user_id).execute():
        Credential.create(user=user_id, **values)
