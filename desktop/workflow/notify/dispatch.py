"""The dispatcher: delivers e-mail and webhook notices from the outbox, with retries.

Claiming is one UPDATE that marks rows `sending` for this worker with a lease
(on PostgreSQL its sub-select skips rows another worker has locked), so two
dispatchers never take the same row; sending happens outside any transaction;
a success is marked `sent` and never sent again. A failure is retried with
exponential backoff; after `max_attempts` the row is `dead`, shown to an
administrator, who may retry it. A worker that dies mid-send leaves its rows to
be claimed again when their lease ends.

Exactly once through a database fault: a `Dispatcher` notes each send that succeeded before
it marks the row (`unrecorded`); when the database goes away in between, the note survives,
and the first thing done once it is back is to mark those rows sent (never to send them
again), then to release the rows it had claimed but not sent. Only a dispatcher that dies
between a send and its mark leaves a notice to be sent twice, and then with the same
identity (`Message-ID`, `Idempotency-Key`, `X-Beacon-Delivery` from the dedupe key), so the
receiver can drop the copy.

Retry policy: attempt n (1-based) that fails waits BASE × 2^(n-1), capped at
CAP, before the next attempt; the default is 30 s, 60 s, 120 s, 240 s, then dead.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
import socket
import ssl
import threading
import urllib.error
import urllib.request
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

import peewee

from desktop.models import Notification, NotificationPreference, Setting, User, database, utcnow
from desktop.workflow.notify.mail_headers import EncodedHeader, message_id
from desktop.workflow.notify.notices import Rendered, render
from desktop.workflow.notify.service_requests import CHANNEL, ServiceRequestTransport
from desktop.workflow.notify.transport import DeliveryError, Transport

BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
DEFAULT_MAX_ATTEMPTS = 5
LEASE = timedelta(minutes=2)
TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    security: str = "plain"  # plain | starttls | ssl
    username: str = ""
    password: str = ""
    from_address: str = "beacon@localhost"
    from_name: str = "Beacon ITSM"

    @classmethod
    def from_setting(cls) -> SmtpSettings | None:
        """The organisation's SMTP server (setting `smtp`), or None when not configured."""
        row = Setting.get_or_none(Setting.key == "smtp")
        if row is None:
            return None
        raw = json.loads(row.value) or {}
        if not raw.get("host"):
            return None
        known = {k: raw[k] for k in cls.__dataclass_fields__ if k in raw}
        known["port"] = int(known.get("port", 25))
        return cls(**known)


class SmtpTransport:
    """E-mail over SMTP: UTF-8 subject and body, plain text and HTML parts."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def message(self, notification: Notification, rendered: Rendered, *, now: datetime | None = None) -> EmailMessage:
        """The mail for one delivery.

        `Message-ID` is a function of the delivery alone (its dedupe key and the sender's domain), so a
        re-send after a crash carries the same id and a mail client drops the copy; `Date` is when it is
        sent; the subject is encoded by `EncodedHeader`, which keeps every space a reader must show.
        """
        msg = EmailMessage()
        msg["Subject"] = EncodedHeader("Subject", rendered.subject)
        msg["From"] = formataddr((self.settings.from_name, self.settings.from_address))
        msg["To"] = notification.target
        msg["Date"] = format_datetime((now or utcnow()).replace(tzinfo=UTC))
        domain = self.settings.from_address.rpartition("@")[2] or "beacon.local"
        msg["Message-ID"] = message_id(notification.dedupe_key, domain)
        msg["X-Beacon-Delivery"] = notification.dedupe_key
        msg.set_content(rendered.text, charset="utf-8")
        msg.add_alternative(rendered.html, subtype="html", charset="utf-8")
        return msg

    def send(self, notification: Notification, recipient: User, rendered: Rendered) -> None:
        s = self.settings
        msg = self.message(notification, rendered)
        try:
            if s.security == "ssl":
                client: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT_SECONDS,
                                                        context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT_SECONDS)
            with client:
                if s.security == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if s.username:
                    client.login(s.username, s.password)
                refused = client.send_message(msg)
            if refused:
                raise DeliveryError(f"refused: {refused}")
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"{type(exc).__name__}: {exc}") from None


def webhook_body(notification: Notification, rendered: Rendered) -> dict[str, Any]:
    """The documented JSON payload of a webhook call (see README, "Webhook payload")."""
    payload = json.loads(notification.payload or "{}")
    return {
        "delivery": notification.dedupe_key,
        "kind": notification.kind,
        "reason": notification.reason,
        "case": {key: payload.get(key) for key in ("number", "case_kind", "title", "application", "grade", "state")},
        "actor": payload.get("actor", ""),
        "occurred_at": payload.get("at", ""),
        "text": rendered.subject + "\n" + rendered.text,
    }


def sign(secret: str, body: bytes) -> str:
    """The X-Beacon-Signature header value: sha256=HMAC-SHA256(secret, body) in hex."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


class WebhookTransport:
    """JSON POST to the recipient's webhook URL, signed when the preference has a secret."""

    def send(self, notification: Notification, recipient: User, rendered: Rendered) -> None:
        body = json.dumps(webhook_body(notification, rendered), ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "Beacon-ITSM",
                   "X-Beacon-Event": notification.kind, "X-Beacon-Delivery": notification.dedupe_key,
                   "Idempotency-Key": notification.dedupe_key}
        pref = NotificationPreference.get_or_none((NotificationPreference.user == recipient.id)
                                                  & (NotificationPreference.channel == "webhook")
                                                  & (NotificationPreference.target == notification.target))
        if pref is not None and pref.secret:
            headers["X-Beacon-Signature"] = sign(pref.secret, body)
        request = urllib.request.Request(notification.target, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                if not 200 <= response.status < 300:
                    raise DeliveryError(f"HTTP {response.status}")
        except urllib.error.HTTPError as exc:
            raise DeliveryError(f"HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise DeliveryError(f"{type(exc).__name__}: {exc}") from None


def default_transports() -> dict[str, Transport]:
    transports: dict[str, Transport] = {"webhook": WebhookTransport(), CHANNEL: ServiceRequestTransport()}
    smtp = SmtpSettings.from_setting()
    if smtp is not None:
        transports["email"] = SmtpTransport(smtp)
    return transports


def backoff(attempt: int) -> timedelta:
    """Wait before the next try after failed attempt number `attempt` (1-based)."""
    return min(BACKOFF_CAP, BACKOFF_BASE * (2 ** max(0, attempt - 1)))


def max_attempts() -> int:
    """The setting `delivery_max_attempts`; a value that is not a whole number ≥ 1 counts as the default."""
    row = Setting.get_or_none(Setting.key == "delivery_max_attempts")
    try:
        value = json.loads(row.value) if row else DEFAULT_MAX_ATTEMPTS
    except ValueError:
        return DEFAULT_MAX_ATTEMPTS
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else DEFAULT_MAX_ATTEMPTS


@dataclass(frozen=True)
class DispatchResult:
    claimed: int
    sent: int
    failed: int
    dead: int


def claim(worker: str, *, now: datetime, limit: int) -> list[int]:
    """Take up to `limit` deliverable rows for this worker, atomically."""
    p = database.param
    skip_locked = "" if isinstance(database.obj, peewee.SqliteDatabase) else " FOR UPDATE SKIP LOCKED"
    sql = (
        f"UPDATE notification SET status = 'sending', claimed_by = {p}, lease_until = {p} "
        f"WHERE id IN (SELECT id FROM notification WHERE channel <> 'inapp' AND ("
        f"(status IN ('pending', 'failed') AND next_attempt_at <= {p}) "
        f"OR (status = 'sending' AND lease_until < {p})) ORDER BY id LIMIT {p}{skip_locked}) RETURNING id"
    )
    with database.atomic():
        return sorted(row[0] for row in database.execute_sql(sql, (worker, now + LEASE, now, now, limit)).fetchall())


def dispatch_once(*, worker: str | None = None, now: datetime | None = None, limit: int = 50,
                  transports: Mapping[str, Transport] | None = None,
                  unrecorded: dict[int, Unrecorded] | None = None,
                  stop: threading.Event | None = None) -> DispatchResult:
    """Claim a batch and deliver it; returns what happened. Safe to run in several clients at once.

    `unrecorded` (a `Dispatcher`'s) keeps the sends whose mark the database did not take;
    `stop` ends the batch early (its unsent rows are released by `Dispatcher.release`).
    """
    worker = worker or f"{socket.gethostname()}:{uuid.uuid4().hex[:8]}"
    now = now or utcnow()
    transports = transports if transports is not None else default_transports()
    journal = unrecorded if unrecorded is not None else {}
    ids = claim(worker, now=now, limit=limit)
    sent = failed = dead = 0
    limit_attempts = max_attempts()
    for notification_id in ids:
        if stop is not None and stop.is_set():
            break
        notification = Notification.get_by_id(notification_id)
        recipient = User.get_by_id(notification.recipient_id)
        transport = transports.get(notification.channel)
        try:
            if transport is None:
                raise DeliveryError(f"no {notification.channel} transport is configured")
            try:
                answer = transport.send(notification, recipient, render(notification, recipient))
            except (DeliveryError, peewee.PeeweeException):
                raise
            except Exception as exc:  # a notice that cannot be rendered or sent must not stop the others
                raise DeliveryError(f"{type(exc).__name__}: {exc}") from None
        except DeliveryError as exc:
            attempts = notification.attempts + 1
            if attempts >= limit_attempts:
                status, dead = "dead", dead + 1
            else:
                status, failed = "failed", failed + 1
            Notification.update(status=status, attempts=attempts, last_error=str(exc)[:1000], claimed_by="",
                                lease_until=None, next_attempt_at=now + backoff(attempts)).where(
                (Notification.id == notification_id) & (Notification.claimed_by == worker)).execute()
            continue
        journal[notification_id] = Unrecorded(answer=answer, transport=transport, at=now)
        record_sent(notification_id, journal[notification_id], worker=worker)
        del journal[notification_id]
        sent += 1
    return DispatchResult(claimed=len(ids), sent=sent, failed=failed, dead=dead)


@dataclass(frozen=True)
class Unrecorded:
    """A send that succeeded, kept until the row is marked sent."""

    answer: Any
    transport: Transport
    at: datetime


def record_sent(notification_id: int, done: Unrecorded, *, worker: str | None = None) -> bool:
    """Mark one delivered notice sent (and let its transport store the answer), in one transaction.

    With `worker`, only while this worker still holds the row; without, whenever it is not sent yet
    (after an outage the lease may have lapsed, and the send did happen).
    """
    owned = (Notification.claimed_by == worker) if worker is not None else (Notification.status != "sent")
    with database.atomic():
        notification = Notification.get_or_none(Notification.id == notification_id)
        if notification is None:
            return False
        marked = Notification.update(status="sent", attempts=notification.attempts + 1, sent_at=done.at,
                                     last_error="", claimed_by="", lease_until=None).where(
            (Notification.id == notification_id) & owned).execute()
        delivered = getattr(done.transport, "delivered", None)
        if marked and delivered is not None:
            delivered(notification, done.answer, now=done.at)
    return bool(marked)


class Dispatcher:
    """A long-running dispatcher's memory: its name, and the sends the database has not recorded yet."""

    def __init__(self, worker: str | None = None) -> None:
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.unrecorded: dict[int, Unrecorded] = {}
        self.stop = threading.Event()

    def round(self, *, now: datetime | None = None, limit: int = 50,
              transports: Mapping[str, Transport] | None = None) -> DispatchResult:
        """Settle what an outage left, then deliver one batch."""
        self.settle()
        return dispatch_once(worker=self.worker, now=now, limit=limit, transports=transports,
                             unrecorded=self.unrecorded, stop=self.stop)

    def settle(self) -> int:
        """Mark sent what was delivered while the database could not record it; never send it again."""
        done = 0
        for notification_id, item in list(self.unrecorded.items()):
            record_sent(notification_id, item)
            del self.unrecorded[notification_id]
            done += 1
        return done

    def release(self) -> int:
        """Give back at once the rows this worker claimed and did not send (after an outage, or on stop)."""
        self.settle()
        return Notification.update(status="pending", claimed_by="", lease_until=None).where(
            (Notification.claimed_by == self.worker) & (Notification.status == "sending")).execute()


@dataclass(frozen=True)
class Backlog:
    """What waits in the outbox: for `beacon dispatch --health` and the intake's `/healthz`."""

    waiting: int  # pending, failed (to retry) or being sent
    dead: int
    oldest_at: datetime | None

    def oldest_age(self, now: datetime | None = None) -> float | None:
        """Seconds the oldest waiting notice has waited (None when nothing waits)."""
        if self.oldest_at is None:
            return None
        return max(0.0, ((now or utcnow()) - self.oldest_at).total_seconds())

    def as_json(self, now: datetime | None = None) -> dict[str, Any]:
        age = self.oldest_age(now)
        return {"outbox_waiting": self.waiting, "outbox_dead": self.dead,
                "oldest_waiting_seconds": None if age is None else round(age, 1)}


def backlog() -> Backlog:
    """Count the outbox: notices still to deliver, dead ones, and when the oldest waiting one was queued."""
    waiting = (Notification.channel != "inapp") & Notification.status.in_(("pending", "failed", "sending"))
    count, oldest = Notification.select(peewee.fn.COUNT(Notification.id), peewee.fn.MIN(Notification.created_at)) \
        .where(waiting).tuples().get()
    dead = Notification.select().where((Notification.channel != "inapp") & (Notification.status == "dead")).count()
    if isinstance(oldest, str):  # SQLite hands an aggregate back as text
        oldest = datetime.fromisoformat(oldest)
    return Backlog(waiting=int(count or 0), dead=dead, oldest_at=oldest)


# --- administration --------------------------------------------------------------------

@dataclass(frozen=True)
class DeadLetter:
    id: int
    recipient: str
    channel: str
    target: str
    kind: str
    attempts: int
    last_error: str
    created_at: datetime


def dead_letters(limit: int = 200) -> list[DeadLetter]:
    """Notices that could not be delivered after every retry, newest first."""
    query = (Notification.select(Notification.id, User.name, Notification.channel, Notification.target,
                                 Notification.kind, Notification.attempts, Notification.last_error,
                                 Notification.created_at)
             .join(User, on=(Notification.recipient == User.id))
             .where(Notification.status == "dead").order_by(Notification.id.desc()).limit(limit))
    return [DeadLetter(*row) for row in query.tuples()]


def retry_dead(ids: list[int], *, now: datetime | None = None) -> int:
    """Give dead notices a fresh set of attempts; returns how many were requeued."""
    return Notification.update(status="pending", attempts=0, next_attempt_at=now or utcnow(), last_error="").where(
        Notification.id.in_(ids) & (Notification.status == "dead")).execute()
