"""Mail any relay accepts and every reader shows as written: stable Message-ID, a Date, Korean subjects intact.

Sent through a real SMTP server on 127.0.0.1 (aiosmtpd) and read back with `email.parser` (policy
`default`), as a standards-following mail client would.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

import pytest

from desktop.models import Notification, Setting
from desktop.workflow.notify.dispatch import SmtpSettings, SmtpTransport, dispatch_once
from desktop.workflow.notify.notices import Rendered, set_preference
from desktop.workflow.notify.transport import DeliveryError
from tests.bank import make_bank
from tests.db.test_delivery import T0, configure_smtp, register, set_email
from tests.servers import SmtpRecorder

WORDS = ["계정계", "배치", "지연", "인터넷뱅킹", "로그인", "실패", "(긴급)", "카드승인", "응답시간", "초과", "DB", "락",
         "경합", "모바일뱅킹", "간편이체", "오류", "발생", "정보계", "ETL", "작업"]


def korean_subjects() -> list[str]:
    """20 subjects from one word to a long line, with the words a folder likes to break at."""
    out = ["[Beacon] INC-2026-000123 장애 등록: 계정계 배치 지연"]  # the subject that lost its space
    for n in range(1, 20):
        words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(n * 2 + (n == 1))]
        spacer = "  " if n == 5 else " "  # two spaces in a row, kept too
        out.append(f"[Beacon] INC-2026-{n:06d} 장애 등록: " + spacer.join(words))
    return out


@pytest.fixture
def smtp():
    server = SmtpRecorder().start()
    yield server
    server.stop()


def test_twenty_korean_subjects_arrive_exactly_as_written(db, smtp):
    transport = SmtpTransport(SmtpSettings(host="127.0.0.1", port=smtp.port, from_address="itsm@bank.example"))
    subjects = korean_subjects()
    lengths = sorted({len(s) for s in subjects})
    assert len(subjects) == 20 and len(lengths) >= 18 and lengths[0] < 45 and lengths[-1] > 150
    for i, subject in enumerate(subjects):
        notice = Notification(target=f"u{i}@bank.example", dedupe_key=f"event:{i}:user:1:email")
        transport.send(notice, None, Rendered(subject, "본문", "<p>본문</p>"))

    assert len(smtp.messages) == 20
    for subject, (_, received) in zip(subjects, smtp.messages, strict=True):
        raw = received.as_bytes(policy=policy.SMTP)
        parsed = BytesParser(policy=policy.default).parsebytes(raw)
        assert parsed["Subject"] == subject
        header = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
        folded = re.search(r"^Subject: (.*?)\r\n(?=\S)", header, re.S | re.M).group(1)
        for line in ("Subject: " + folded).split("\r\n"):
            assert len(line) <= 78  # RFC 5322's line length, so no relay refolds it
        for word in re.findall(r"=\?[^?]+\?[bB]\?[^?]*\?=", folded):
            assert len(word) <= 75  # RFC 2047's encoded-word limit


def test_python_default_folding_would_have_lost_the_space():
    """Why the subject is encoded by hand: the stock folder breaks "계정계 배치 지연" into "계정계배치 지연"."""
    from email.message import EmailMessage

    subject = "[Beacon] INC-2026-000123 장애 등록: 계정계 배치 지연"
    stock = EmailMessage()
    stock["Subject"] = subject
    stock.set_content("x")
    assert BytesParser(policy=policy.default).parsebytes(stock.as_bytes())["Subject"] != subject
    ours = SmtpTransport(SmtpSettings(host="x")).message(
        Notification(target="a@b.example", dedupe_key="k"), Rendered(subject, "x", "<p>x</p>"))
    assert BytesParser(policy=policy.default).parsebytes(ours.as_bytes())["Subject"] == subject


class SendsThenFails:
    """A transport whose send reaches the server but whose success is lost (a crash before it is recorded)."""

    def __init__(self, inner: SmtpTransport) -> None:
        self.inner = inner

    def send(self, notification, recipient, rendered):
        self.inner.send(notification, recipient, rendered)
        raise DeliveryError("connection lost after DATA")


def test_a_resend_carries_the_same_message_id_and_every_mail_a_date(db, smtp):
    bank = make_bank()
    configure_smtp(smtp.port)
    for persona in ("lead", "head"):
        set_email(bank.users[persona], f"{persona}@bank.example")
        set_preference(user_id=bank.id(persona), channel="email", enabled=True)
    register(bank)
    transport = SmtpTransport(SmtpSettings.from_setting())

    assert dispatch_once(now=T0, transports={"email": SendsThenFails(transport)}).failed == 2
    assert dispatch_once(now=T0 + timedelta(minutes=5), transports={"email": transport}).sent == 2

    assert len(smtp.messages) == 4
    by_to: dict[str, list] = {}
    for to, message in smtp.messages:
        by_to.setdefault(to[0], []).append(message)
    ids = {to: {m["Message-ID"] for m in messages} for to, messages in by_to.items()}
    assert all(len(found) == 1 for found in ids.values())  # the re-send is recognisable as the same mail
    assert ids["lead@bank.example"] != ids["head@bank.example"]  # and another delivery is another mail
    for _, message in smtp.messages:
        assert re.fullmatch(r"<beacon\.[0-9a-f]{32}@beaconbank\.example>", message["Message-ID"])
        sent_at = parsedate_to_datetime(message["Date"])
        assert sent_at.tzinfo is not None
        assert abs(sent_at - datetime.now(UTC)) < timedelta(minutes=5)
    keys = {n.dedupe_key for n in Notification.select().where(Notification.channel == "email")}
    assert {m["X-Beacon-Delivery"] for _, m in smtp.messages} == keys
    assert Setting.get(Setting.key == "smtp")
