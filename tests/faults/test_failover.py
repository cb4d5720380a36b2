"""A standby promoted mid-load: clients that name both hosts carry on by themselves; no registration or
notice is lost or doubled (issue 18). Two private clusters: a primary and a streaming standby."""

from __future__ import annotations

import signal
import time

import pytest

from desktop.models import Case, Incident, Notification, ensure_schema
from desktop.models import db as dbmod
from desktop.workflow.admin.defaults import seed_defaults
from tests.bank import make_bank
from tests.faults.clusters import PASSWORD, Cluster, require_cluster_tools
from tests.faults.load import Registrations, mail_bank, sink_figures, start_dispatcher, wait_delivered
from tests.servers import SmtpRecorder


@pytest.fixture
def pair():
    require_cluster_tools()
    primary = Cluster("primary").create()
    standby = Cluster("standby")
    yield primary, standby
    dbmod.close()
    standby.drop()
    primary.drop()


def test_the_standby_is_promoted_mid_load_and_clients_carry_on(pair, tmp_path):
    primary, standby = pair
    both = (f"postgresql://beacon:{PASSWORD}@127.0.0.1:{primary.port},127.0.0.1:{standby.port}/beacon"
            "?target_session_attrs=read-write")
    smtp = SmtpRecorder().start()
    dbmod.close()
    dbmod.connect(primary.url())
    ensure_schema()
    seed_defaults()
    bank = make_bank()
    mail_bank(bank, smtp.port)
    dbmod.close()
    standby.standby_of(primary)
    assert standby.in_recovery()
    dbmod.connect(both)  # this process is now a client with both hosts, like every desk and service
    log = tmp_path / "dispatch.log"
    dispatcher = start_dispatcher(both, log)
    load = Registrations(bank).start()
    try:
        time.sleep(4)
        failed_at = time.monotonic()
        primary.stop("fast")  # a clean stop first sends every committed change to the standby
        standby.promote()
        deadline = time.monotonic() + 30
        while standby.in_recovery():
            assert time.monotonic() < deadline, "the standby was not promoted"
            time.sleep(0.1)
        promoted_after = time.monotonic() - failed_at
        time.sleep(6)
        load.stop()
        sent = wait_delivered()
        time.sleep(1)
        assert dispatcher.poll() is None, log.read_text()
    finally:
        load.stop()
        dispatcher.send_signal(signal.SIGTERM)
        dispatcher.wait(30)
        smtp.stop()
    output = log.read_text()
    received, duplicates = sink_figures(smtp)
    incidents = Incident.select().count()
    numbers = [n for (n,) in Case.select(Case.number).where(Case.kind == "incident").tuples()]
    email_rows = Notification.select().where(Notification.channel == "email").count()
    print(f"\nprimary stopped, standby promoted {promoted_after:.1f} s later; registrations refused for "
          f"{load.outage_seconds:.1f} s ({', '.join(f'{s:.1f}' for s in load.outages)} s); {load.ok} registered, "
          f"{sum(load.errors.values())} got a sentence {dict(load.errors)}, {len(load.raw)} raw errors; "
          f"{incidents} incidents on the new primary; {email_rows} e-mail notices, {sent} sent, {received} received "
          f"at the sink, {duplicates} duplicates")
    print("dispatcher log:\n" + "\n".join(line for line in output.splitlines() if "database" in line.lower()))
    assert not load.raw, load.raw
    assert load.ok > 0
    assert load.ok <= incidents <= load.ok + load.errors.get("db.commit_unknown", 0)  # none lost, none doubled
    assert len(numbers) == len(set(numbers)) == incidents
    assert set(load.numbers) <= set(numbers)  # every registration a person was told about is there
    assert received == email_rows and duplicates == 0
    assert "Traceback" not in output and dispatcher.returncode == 0
