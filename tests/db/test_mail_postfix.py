"""Mail through a real MTA: a private Postfix instance (Debian's `postfix`) on a loopback port relays what
Beacon sends to a recording SMTP server, as a bank's relay would pass it on to the mailbox.

The instance has its own configuration and queue in a temporary folder (nothing of the machine's
own Postfix is used or started) and stops with the test. Skipped, saying why, where Postfix is not
installed or the test is not root (Postfix's master must start as root and hand its queue to the
`postfix` user).
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from desktop.models import Notification
from desktop.workflow.notify.dispatch import SmtpSettings, SmtpTransport
from desktop.workflow.notify.mail_headers import message_id
from desktop.workflow.notify.notices import Rendered
from tests.db.test_mail_headers import korean_subjects
from tests.servers import SmtpRecorder, free_port

POSTFIX = shutil.which("postfix") or ("/usr/sbin/postfix" if Path("/usr/sbin/postfix").exists() else None)


def _why_not() -> str:
    if POSTFIX is None:
        return "Postfix is not installed (apt-get install --no-install-recommends postfix)"
    if os.geteuid() != 0:
        return "a private Postfix instance must be started as root"
    try:
        pwd.getpwnam("postfix")
    except KeyError:
        return "the postfix user is missing"
    return ""


pytestmark = pytest.mark.skipif(bool(_why_not()), reason=_why_not() or "-")


@pytest.fixture
def relay() -> Iterator[tuple[int, SmtpRecorder]]:
    """(the MTA's port, the mailbox server it relays to)."""
    mailbox = SmtpRecorder().start()
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="beacon-postfix-"))
    folder.chmod(0o755)  # the postfix user walks into its queue below it
    conf, queue, data = folder / "conf", folder / "queue", folder / "data"
    for path in (conf, queue, data):
        path.mkdir()
    shutil.chown(data, "postfix")
    (conf / "main.cf").write_text(
        "compatibility_level = 3.6\n"
        f"queue_directory = {queue}\ndata_directory = {data}\n"
        "myhostname = mta.beacon.test\nmydomain = beacon.test\nmydestination =\n"
        "inet_interfaces = loopback-only\ninet_protocols = ipv4\nmynetworks = 127.0.0.0/8\n"
        f"relayhost = [127.0.0.1]:{mailbox.port}\n"
        "alias_maps =\nalias_database =\nsmtp_tls_security_level = none\n"
        "smtpd_relay_restrictions = permit_mynetworks, reject\n")
    services = []
    for line in Path("/etc/postfix/master.cf").read_text().splitlines():
        fields = line.split()
        if fields and not line[0].isspace() and not line.startswith("#") and len(fields) >= 8:
            if fields[0] == "smtp" and fields[1] == "inet":
                fields[0] = f"127.0.0.1:{port}"
            fields[4] = "n"  # no chroot: the private queue holds none of the files a chroot needs
            line = "  ".join(fields)
        services.append(line)
    (conf / "master.cf").write_text("\n".join(services) + "\n")
    started = subprocess.run([POSTFIX, "-c", str(conf), "start"], capture_output=True, text=True, timeout=60)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        deadline = time.monotonic() + 30
        while subprocess.run(["ss", "-ltn", f"sport = :{port}"], capture_output=True, text=True,
                             timeout=10).stdout.count("LISTEN") == 0:
            assert time.monotonic() < deadline, "Postfix did not listen"
            time.sleep(0.2)
        yield port, mailbox
    finally:
        subprocess.run([POSTFIX, "-c", str(conf), "stop"], capture_output=True, timeout=60)
        mailbox.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_korean_subjects_message_id_and_date_survive_a_real_relay(relay):
    port, mailbox = relay
    transport = SmtpTransport(SmtpSettings(host="127.0.0.1", port=port, from_address="itsm@bank.example"))
    subjects = korean_subjects()
    keys = [f"event:{i}:user:7:email" for i in range(len(subjects))]
    for key, subject in zip(keys, subjects, strict=True):
        transport.send(Notification(target="lead@bank.example", dedupe_key=key), None,
                       Rendered(subject, "계정계 배치 지연\n", "<p>계정계 배치 지연</p>"))

    deadline = time.monotonic() + 60
    while len(mailbox.messages) < len(subjects):
        assert time.monotonic() < deadline, f"{len(mailbox.messages)} of {len(subjects)} relayed"
        time.sleep(0.2)

    by_key = {msg["X-Beacon-Delivery"]: msg for _, msg in mailbox.messages}
    assert set(by_key) == set(keys)
    for key, subject in zip(keys, subjects, strict=True):
        msg = by_key[key]
        assert "mta.beacon.test" in str(msg["Received"])  # it really went through Postfix
        assert msg["Subject"] == subject
        assert msg["Message-ID"] == message_id(key, "bank.example")  # the MTA kept ours
        assert parsedate_to_datetime(msg["Date"]).tzinfo is not None
        assert re.search("계정계 배치 지연", msg.get_body(("plain",)).get_content())
