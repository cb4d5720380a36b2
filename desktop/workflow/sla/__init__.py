"""Time: business calendars (`calendars`), SLA clocks and their escalation (`clocks`), the clocks'
effects (`effects`), on-time rates and KPIs (`kpi`), elapsed time as "1일 7시간 20분" (`durations`)
and a client's background round of escalation and delivery (`background`).

May import `notify`, `engine` and `common`; never `cases` or the wings above it.
"""
