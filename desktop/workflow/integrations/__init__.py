"""Beacon and other systems: importing another ITSM's incidents (`importer`), monitoring alerts in
over HTTP (`intake`, `intake_server`) and lists out to Excel and CSV (`export`). (Service requests
out go through the outbox: see `notify.service_requests`.)

May import `cases`, `sla`, `notify`, `engine` and `common`; never `admin` or `prevention`.
"""
