"""PostgreSQL restarted under load: the dispatcher runs on, every notice arrives exactly once, every
registration either succeeded or got a sentence (issue 18). Runs on a private cluster."""

from __future__ import annotations

import signal
import time

import pytest

from desktop.models import Incident, Notification, ensure_schema
from desktop.models import db as dbmod
from desktop.workflow.admin.defaults import seed_defaults
from tests.bank import make_bank
from tests.faults.clusters import Cluster, require_cluster_tools
from tests.faults.load import Registrations, mail_bank, sink_figures, start_dispatcher, wait_delivered
from tests.servers import SmtpRecorder


@pytest.fixture
def cluster():
    require_cluster_tools()
    c = Cluster("restart").create()
    yield c
    dbmod.close()
    c.drop()


def test_a_restart_under_load_loses_nothing_and_sends_nothing_twice(cluster, tmp_path):
    smtp = SmtpRecorder().start()
    dbmod.close()
    dbmod.connect(cluster.url())
    ensure_schema()
    seed_defaults()
    bank = make_bank()
    mail_bank(bank, smtp.port)
    log = tmp_path / "dispatch.log"
    dispatcher = start_dispatcher(cluster.url(), log)
    load = Registrations(bank).start()
    try:
        time.sleep(3)
        restart_seconds = cluster.restart()  # a quick restart (fast shutdown: every session ended)
        time.sleep(3)
        stopped = time.monotonic()
        cluster.stop()  # and a longer one, as the issue measured (9 s): 6 s without a server
        time.sleep(6)
        cluster.start()
        down_seconds = time.monotonic() - stopped
        time.sleep(5)
        load.stop()
        sent = wait_delivered()
        time.sleep(1)  # a duplicate, if any, would arrive now
        assert dispatcher.poll() is None, log.read_text()  # still running after the restart
    finally:
        load.stop()
        dispatcher.send_signal(signal.SIGTERM)
        dispatcher.wait(30)
        smtp.stop()
    output = log.read_text()
    received, duplicates = sink_figures(smtp)
    incidents = Incident.select().count()
    email_rows = Notification.select().where(Notification.channel == "email").count()
    print(f"\nrestart took {restart_seconds:.1f} s, then {down_seconds:.1f} s stopped; registrations refused "
          f"for {load.outage_seconds:.1f} s in all ({', '.join(f'{s:.1f}' for s in load.outages)} s); "
          f"{load.ok} registered, {sum(load.errors.values())} got a sentence {dict(load.errors)}, "
          f"{len(load.raw)} raw errors; {incidents} incidents stored; {email_rows} e-mail notices, {sent} marked "
          f"sent, {received} received at the sink, {duplicates} duplicates")
    print("dispatcher log:\n" + "\n".join(line for line in output.splitlines() if "database" in line.lower()))
    assert not load.raw, load.raw
    assert load.ok > 0 and incidents >= load.ok
    assert incidents <= load.ok + load.errors.get("db.commit_unknown", 0)  # only an unknown commit may have made one
    assert received == email_rows and duplicates == 0
    assert "Traceback" not in output
    assert dispatcher.returncode == 0
