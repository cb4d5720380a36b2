"""Private PostgreSQL clusters for fault tests: started, restarted, promoted and dropped by the test itself.

Never the shared `main` cluster: a restart there would break everyone else's tests. Each cluster has
its own name (`beacon_<name>`) and port; `drop()` removes it whatever happened. Needs Debian's
postgresql-common tools and root (to act as the postgres user); otherwise the tests are skipped,
and fail under CI=true.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import IN_CI
from tests.servers import free_port

VERSION = "15"
PASSWORD = "beacon-faults"


def require_cluster_tools() -> None:
    problem = None
    if shutil.which("pg_createcluster") is None:
        problem = "pg_createcluster is not installed (postgresql-common)"
    elif os.geteuid() != 0:
        problem = "private PostgreSQL clusters need root (to act as the postgres user)"
    if problem:
        if IN_CI:
            pytest.fail(problem + " (CI=true)")
        pytest.skip(problem)


def _run(*args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=check, timeout=timeout)


def _psql(port: int, sql: str, *, db: str = "postgres") -> str:
    return _run("su", "postgres", "-c", f"psql -p {port} -d {db} -Atqc \"{sql}\"").stdout.strip()


class Cluster:
    """One private cluster on 127.0.0.1:port with a `beacon` role and database."""

    def __init__(self, name: str, port: int | None = None) -> None:
        self.name = f"beacon_{name}_{os.getpid()}"  # two test runs at once never share a cluster
        self.port = port or free_port()

    @property
    def data(self) -> Path:
        return Path(f"/var/lib/postgresql/{VERSION}/{self.name}")

    def url(self, db: str = "beacon") -> str:
        return f"postgresql://beacon:{PASSWORD}@127.0.0.1:{self.port}/{db}"

    def create(self, *, with_database: bool = True) -> Cluster:
        self.drop()
        _run("pg_createcluster", VERSION, self.name, "--port", str(self.port), "--",
             "--auth-host=scram-sha-256", "--auth-local=peer")
        conf = Path(f"/etc/postgresql/{VERSION}/{self.name}/conf.d/beacon-faults.conf")
        conf.write_text("listen_addresses = '127.0.0.1'\nfsync = off\nsynchronous_commit = on\n"
                        "shared_buffers = 32MB\nmax_connections = 200\nwal_keep_size = 256MB\n"
                        "max_wal_senders = 5\nhot_standby = on\n", encoding="utf-8")
        self.start()
        if with_database:
            _psql(self.port, f"CREATE ROLE beacon LOGIN CREATEROLE PASSWORD '{PASSWORD}'")
            _psql(self.port, f"CREATE ROLE replicator REPLICATION LOGIN PASSWORD '{PASSWORD}'")
            _run("su", "postgres", "-c", f"createdb -p {self.port} -O beacon beacon")
        return self

    def start(self) -> None:
        _run("pg_ctlcluster", VERSION, self.name, "start")
        self.wait_ready()

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while _run("pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.port), check=False).returncode != 0:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name} did not come up")
            time.sleep(0.1)

    def restart(self) -> float:
        """Restart (fast: every session is ended); returns the seconds it took."""
        started = time.monotonic()
        _run("pg_ctlcluster", VERSION, self.name, "restart", "-m", "fast")
        self.wait_ready()
        return time.monotonic() - started

    def stop(self, mode: str = "fast") -> None:
        _run("pg_ctlcluster", VERSION, self.name, "stop", "-m", mode, check=False)

    def promote(self) -> None:
        _run("pg_ctlcluster", VERSION, self.name, "promote")

    def standby_of(self, primary: Cluster) -> Cluster:
        """Make this cluster a streaming standby of `primary` (pg_basebackup -R), and start it."""
        self.drop()
        _run("pg_createcluster", VERSION, self.name, "--port", str(self.port))
        conf = Path(f"/etc/postgresql/{VERSION}/{self.name}/conf.d/beacon-faults.conf")
        conf.write_text("listen_addresses = '127.0.0.1'\nfsync = off\nmax_connections = 200\n"
                        "hot_standby = on\nwal_keep_size = 256MB\nmax_wal_senders = 5\n", encoding="utf-8")
        shutil.rmtree(self.data)
        _run("su", "postgres", "-c", f"PGPASSWORD={PASSWORD} pg_basebackup -h 127.0.0.1 -p {primary.port} "
             f"-U replicator -D {self.data} -R -X stream -c fast")
        self.start()
        return self

    def sessions(self, application_prefix: str = "beacon") -> int:
        """Client sessions of Beacon (by application_name) right now."""
        return int(_psql(self.port, "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE "
                                    f"'{application_prefix}%' AND backend_type = 'client backend'"))

    def in_recovery(self) -> bool:
        return _psql(self.port, "SELECT pg_is_in_recovery()") == "t"

    def drop(self) -> None:
        _run("pg_dropcluster", VERSION, self.name, "--stop", check=False)
