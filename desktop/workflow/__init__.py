"""Beacon's domain: processes, matrix, assignment, propagation, SLA, permissions.

Plain Python over `desktop.models`; never imports Qt.
"""
