"""The demo bank: a product feature (a new SQLite database starts with it), not domain logic.

`bank` builds a realistic bank's applications, people, matrix and a year of incidents through the
workflow's own services. May import `desktop.workflow` and `desktop.models`; nothing imports it but
`desktop.setup`, the command line, tests and benchmarks.
"""
