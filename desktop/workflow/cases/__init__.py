"""Cases: the services the screens call to register and work incidents, problems, changes and work
orders (`case_service`), lists and search (`queries`, `list_format`, `saved_filters`), a case's
detail and time chart (`detail`, `time_chart`), the dashboard (`dashboard`), and the cases' own
effects (`effects`).

May import `sla`, `notify`, `engine` and `common`.
"""
