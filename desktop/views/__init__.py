"""Qt widgets, table models and dialogs. Calls workflow services only; never peewee."""
