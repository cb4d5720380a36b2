"""Make a report: assemble its data, render it, hand back PDF bytes (or write them to a file).

What the CLI calls today and the desktop print/preview will call later (on a
worker thread: a report takes a few tenths of a second). fpdf2 is imported
only here, inside the functions, so starting Beacon never pays for it.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.errors import BeaconError
from desktop.i18n import LANGUAGES, current_language
from desktop.workflow.common.settings import get_setting

DEFAULT_TIME_ZONE = "Asia/Seoul"
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def reader_zone(name: str | None = None) -> ZoneInfo:
    """The reader's time zone: `name`, else the organisation's setting, else Asia/Seoul.

    Raises:
        BeaconError: `report.bad_time_zone` for a name the zone database does not know.
    """
    chosen = name or str(get_setting("time_zone", DEFAULT_TIME_ZONE) or DEFAULT_TIME_ZONE)
    try:
        return ZoneInfo(chosen)
    except (ZoneInfoNotFoundError, ValueError):
        raise BeaconError("report.bad_time_zone", zone=chosen) from None


def parse_month(text: str) -> tuple[int, int]:
    """'2026-10' → (2026, 10).

    Raises:
        BeaconError: `report.bad_month` for anything else.
    """
    match = _MONTH.match(text or "")
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise BeaconError("report.bad_month", value=text)
    return int(match.group(1)), int(match.group(2))


def _language(lang: str | None) -> str:
    chosen = lang or current_language()
    if chosen not in LANGUAGES:
        raise ValueError(f"unsupported language {chosen!r}")
    return chosen


def incident_report_pdf(ref: str | int, *, lang: str | None = None, time_zone: str | None = None,
                        actor_id: int | None = None, now: datetime | None = None) -> bytes:
    """The incident report (장애 보고서) of one incident as PDF bytes.

    Args:
        ref: incident number (INC-2026-000123) or case id.
        lang: "ko" or "en" (default: the current language).
        time_zone: the reader's zone name (default: the organisation's, Asia/Seoul).
        actor_id: the signed-in user, when there is one (customers print only their own).
        now: report time, naive UTC (default: now).
    """
    from desktop.reports.case_pdf import render_case_report
    from desktop.reports.data import load_incident_report

    zone = reader_zone(time_zone)
    data = load_incident_report(ref, actor_id=actor_id, now=now)
    return render_case_report(data, lang=_language(lang), zone=zone)


def problem_report_pdf(ref: str | int, *, lang: str | None = None, time_zone: str | None = None,
                       actor_id: int | None = None, now: datetime | None = None) -> bytes:
    """The problem report (문제 보고서) of one problem as PDF bytes (arguments as for incidents)."""
    from desktop.reports.case_pdf import render_case_report
    from desktop.reports.data import load_problem_report

    zone = reader_zone(time_zone)
    data = load_problem_report(ref, actor_id=actor_id, now=now)
    return render_case_report(data, lang=_language(lang), zone=zone)


def sla_report_pdf(month: str, *, application: str | None = None, team: str | None = None,
                   lang: str | None = None, time_zone: str | None = None, now: datetime | None = None) -> bytes:
    """The monthly SLA report for `month` ('2026-10'), optionally for one application or team (codes)."""
    from desktop.reports.sla_data import load_sla_report
    from desktop.reports.sla_pdf import render_sla_report

    year, number = parse_month(month)
    zone = reader_zone(time_zone)
    data = load_sla_report(year, number, zone=zone, application_code=application, team_code=team, now=now)
    return render_sla_report(data, lang=_language(lang), zone=zone)


def write_pdf(data: bytes, path: str | Path) -> Path:
    """Write the PDF next to its final name, then move it there: a reader never sees half a file.

    Raises:
        BeaconError: `report.cannot_write` when the folder is missing or not writable.
    """
    target = Path(path).expanduser()
    try:
        folder = target.parent if str(target.parent) else Path(".")
        handle, temporary = tempfile.mkstemp(prefix=".beacon-report-", suffix=".pdf", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise BeaconError("report.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from None
    return target


def page_count(data: bytes) -> int:
    """Pages of a PDF made here (read from its page tree, no parser needed)."""
    found = re.search(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.S)
    if found:
        return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
