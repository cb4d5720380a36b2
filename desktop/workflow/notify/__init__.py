"""Telling people: propagation groups (`propagation`), what a notice says (`notices`), delivering the
outbox by e-mail, webhook and service request (`dispatch`, `transport`, `service_requests`), the
live change feed (`live`), the inbox (`inbox`) and the `propagate` effect (`effects`).

May import `engine` and `common`; never `sla`, `cases` or the wings above them.
"""
