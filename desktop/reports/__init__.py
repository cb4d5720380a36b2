"""Report data assembly and fpdf2 rendering (no Qt).

- `data`: incident and problem report data from the case rows and the event log
- `sla_data`: the monthly SLA figures (SQL aggregates through `desktop.workflow.sla.kpi`)
- `report_service`: what callers use — make a report as PDF bytes, write it to a file
- `layout`, `charts`, `case_pdf`, `sla_pdf`, `labels`: the look of the printed page
- `texts`: every word a report prints, in Korean and English (read through `labels`)

Only `report_service` functions import fpdf2, and only when called.
"""
