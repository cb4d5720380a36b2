"""What the fault tests drive and count: a loop registering incidents, a dispatcher process, a mail sink."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from desktop.errors import BeaconError
from desktop.models import Notification, Setting, User, database
from desktop.workflow.cases import case_service as cs
from desktop.workflow.notify.notices import set_preference

ROOT = Path(__file__).resolve().parents[2]


def mail_bank(bank, smtp_port: int) -> None:
    """Every registration e-mails the team lead and the department head (two notices)."""
    Setting.create(key="smtp", value=json.dumps({"host": "127.0.0.1", "port": smtp_port, "security": "plain",
                                                  "from_address": "itsm@bank.example"}))
    for persona in ("lead", "head"):
        User.update(email=f"{persona}@bank.example").where(User.id == bank.id(persona)).execute()
        set_preference(user_id=bank.id(persona), channel="email", enabled=True)


@dataclass
class Registrations:
    """A thread registering incidents one after another, counting what each attempt got."""

    bank: object
    pause: float = 0.02
    ok: int = 0
    errors: Counter = field(default_factory=Counter)  # translated error code → count
    raw: list[str] = field(default_factory=list)  # anything that was not a sentence: must stay empty
    first_failure: float | None = None  # of the outage going on, if any
    outages: list[float] = field(default_factory=list)  # seconds from a first refusal to the next success
    numbers: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> Registrations:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        bank = self.bank
        i = 0
        while not self._stop.is_set():
            i += 1
            try:
                result = cs.register_incident(actor_id=bank.id("customer"), title=f"부하 장애 {i}",
                                              description="fault test", application_id=bank.app.id,
                                              urgency="high", incident_type="application")
                self.ok += 1
                self.numbers.append(result.number)
                if self.first_failure is not None:
                    self.outages.append(time.monotonic() - self.first_failure)
                    self.first_failure = None
            except BeaconError as exc:
                self.first_failure = self.first_failure or time.monotonic()
                assert exc.message("ko") and exc.message("en")
                self.errors[exc.code] += 1
            except Exception as exc:  # a raw driver error reaching a person: the test fails on it
                self.raw.append(f"{type(exc).__name__}: {exc}"[:200])
                from desktop.models import db as dbmod

                dbmod.drop_connection()
            time.sleep(self.pause)
        database.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(120)

    @property
    def outage_seconds(self) -> float:
        """Seconds without service: from each first refused registration to the next one that worked."""
        return sum(self.outages)


def start_dispatcher(url: str, log: Path, interval: float = 0.2) -> subprocess.Popen:
    env = {**os.environ, "BEACON_LANG": "en", "BEACON_DATABASE_URL": url}
    return subprocess.Popen([sys.executable, "-m", "desktop.cli", "dispatch", "--interval", str(interval)],
                            cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)


def wait_delivered(timeout: float = 120) -> int:
    """Wait until no e-mail notice waits; returns how many were sent."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            waiting = Notification.select().where((Notification.channel == "email")
                                                  & (Notification.status != "sent")).count()
            if waiting == 0:
                return Notification.select().where(Notification.channel == "email").count()
        except Exception:
            from desktop.models import db as dbmod

            dbmod.drop_connection()
        if time.monotonic() > deadline:
            raise TimeoutError("notices still waiting")
        time.sleep(0.3)


def sink_figures(smtp) -> tuple[int, int]:
    """(messages received, duplicates by Message-ID)."""
    ids = Counter(msg["Message-ID"] for _, msg in smtp.messages)
    return sum(ids.values()), sum(n - 1 for n in ids.values())


@dataclass
class Alerts:
    """A monitoring system posting one new alert every `pause` seconds to the intake, retrying on 503 as
    Alertmanager does; counts every answer."""

    base: str
    token: str
    pause: float = 0.05
    statuses: Counter = field(default_factory=Counter)
    sent: int = 0  # alerts that finally got a 200
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> Alerts:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _post(self, body: bytes) -> int:
        import urllib.error
        import urllib.request

        request = urllib.request.Request(self.base + "/v1/alerts", data=body, method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError:
            return 0  # no answer at all (the intake is not there): must not happen

    def _run(self) -> None:
        i = 0
        while not self._stop.is_set():
            i += 1
            body = json.dumps({"source": "faults", "fingerprint": f"alert-{i}", "status": "firing",
                               "ci": "IBK", "title": f"경보 {i}"}).encode()
            while True:
                status = self._post(body)
                self.statuses[status] += 1
                if status != 503:
                    break
                time.sleep(0.2)  # Alertmanager waits and sends again
            self.sent += status == 200
            time.sleep(self.pause)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(120)


def start_intake(url: str, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "BEACON_LANG": "en", "BEACON_DATABASE_URL": url}
    return subprocess.Popen([sys.executable, "-m", "desktop.cli", "intake", "--listen", f"127.0.0.1:{port}"],
                            cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)


def wait_answers(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5).close()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)
