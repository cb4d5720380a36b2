"""The `beacon` command: start the GUI, set up a database, show the settings, print the version."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.config import KEYS, ResolvedSettings
from desktop.errors import BeaconError
from desktop.i18n import LANGUAGES, current_language, pick, set_language
from desktop.texts import CLI_ADMIN_ACTIONS as ADMIN_ACTIONS
from desktop.texts import CLI_TEXTS as TEXT

if TYPE_CHECKING:
    from desktop.workflow.common.outage import OutageWatch
    from desktop.workflow.notify.dispatch import DispatchResult


def _signed_in(args: argparse.Namespace, admin_action: str | None = None):  # -> Actor
    """Who runs this command, after the database is bound; an administrator when `admin_action` says so.

    PostgreSQL: the login the command connected as (`--as` is refused: a command is a person too).
    SQLite: `--user` (or `--as`, or BEACON_USER) and the password (BEACON_PASSWORD, or asked on the
    terminal), checked like the GUI's sign-in, delay and lockout included.
    """
    import getpass

    from desktop.models.db import backend
    from desktop.workflow.common import session

    as_login = getattr(args, "as_login", None)
    if backend() == "postgresql":
        if as_login:
            raise BeaconError("auth.as_on_postgres")
        actor = session.signed_in_actor()
    else:
        login = as_login or args.user or os.environ.get("BEACON_USER")
        if not login:
            raise BeaconError("auth.sign_in_needed")
        password = os.environ.get("BEACON_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                raise BeaconError("auth.sign_in_needed")
            password = getpass.getpass(pick(TEXT["password_prompt"]).format(login=login))
        actor = session.authenticate(login, password)
    if admin_action and "admin" not in actor.roles:
        raise BeaconError("auth.admin_only", action=ADMIN_ACTIONS[admin_action], who=actor.login)
    return actor


def _say(message: str, **params: object) -> None:
    print(pick(TEXT[message]).format(**params))


def _seconds(text: str) -> float:
    """A positive, finite number of seconds (argparse type)."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(pick(TEXT["bad_seconds"]).format(value=text)) from None
    if not math.isfinite(value) or value <= 0 or value > 86400:
        raise argparse.ArgumentTypeError(pick(TEXT["bad_seconds"]).format(value=text))
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = argparse.ArgumentParser(prog="beacon", description="Beacon ITSM — incidents (장애) and problems (문제).")
    parser.add_argument("--version", action="version", version=f"Beacon ITSM {__version__}")
    parser.add_argument("--database", metavar="URL", help="sqlite:///path/beacon.db or postgresql://user:pass@host/db")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages (ko or en)")
    parser.add_argument("--user", metavar="LOGIN",
                        help="SQLite: who runs the command (asks the password, or BEACON_PASSWORD); "
                             "PostgreSQL: the command is the login it connects as")
    parser.add_argument("--smoke-test", action="store_true",
                        help="start the GUI, sign in as the demo administrator, open the incident list, exit")
    sub = parser.add_subparsers(dest="command")
    init = sub.add_parser("init-db", help="create or upgrade a database; optionally load demo data")
    init.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)
    init.add_argument("--demo", action="store_true", help="load the demo bank (about 1,500 incidents)")
    init.add_argument("--admin-password", metavar="PASSWORD", help="password of the first 'admin' account")
    process = sub.add_parser("process", help="work with process definitions")
    process_sub = process.add_subparsers(dest="process_command", required=True)
    check = process_sub.add_parser("check", help="validate a process definition file")
    check.add_argument("file", help="a TOML process definition, e.g. desktop/resources/processes/incident.toml")
    check.add_argument("--database", metavar="URL", dest="sub_database",
                       help="also accept the roles defined in this database")
    export = process_sub.add_parser("export", help="write the version in force of a process to a TOML file")
    export.add_argument("kind", choices=("incident", "problem", "change", "work_order"), metavar="KIND",
                        help="incident, problem, change or work_order")
    export.add_argument("--out", required=True, metavar="FILE.toml")
    export.add_argument("--version", dest="process_version", type=int, metavar="N",
                        help="an older stored version instead of the one in force")
    load = process_sub.add_parser("import", help="save a TOML file as the process's next version, in force for "
                                                 "new cases (checked as a save in Administration > Processes)")
    load.add_argument("file", metavar="FILE.toml")
    for command in (export, load):
        command.add_argument("--as", dest="as_login", default=None, metavar="LOGIN",
                             help="SQLite: the administrator who signs in (password asked); PostgreSQL: refused")
        command.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)
    sla = sub.add_parser("sla", help="SLA clocks")
    sla_sub = sla.add_subparsers(dest="sla_command", required=True)
    sla_check = sla_sub.add_parser("check", help="queue warnings and breaches that are due (run every minute)")
    sla_check.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)
    sla_check.add_argument("--every", type=_seconds, metavar="SECONDS",
                           help="keep running, checking every SECONDS (instead of a timer)")
    sla_check.add_argument("--wait", type=_seconds, default=50.0, metavar="SECONDS",
                           help="how long a single check waits out a database outage before giving up (default 50)")
    dispatch = sub.add_parser("dispatch", help="deliver e-mail and webhook notices (runs until stopped)")
    dispatch.add_argument("--once", action="store_true", help="deliver what is due now, then exit")
    dispatch.add_argument("--interval", type=_seconds, default=5.0, metavar="SECONDS", help="pause between rounds")
    dispatch.add_argument("--health", action="store_true",
                          help="print the outbox backlog and the age of its oldest notice; exit 1 if unavailable")
    dispatch.add_argument("--max-age", type=_seconds, metavar="SECONDS",
                          help="with --health: exit 1 also when the oldest waiting notice is older than this")
    dispatch.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)
    setting = sub.add_parser("setting", help="read or change an organisation-wide setting (JSON)")
    setting_sub = setting.add_subparsers(dest="setting_command", required=True)
    get = setting_sub.add_parser("get", help="print a setting, or all of them")
    get.add_argument("key", nargs="?")
    get.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)
    put = setting_sub.add_parser("set", help="store a setting, e.g. smtp '{\"host\": \"mail\", \"port\": 25}'")
    put.add_argument("key")
    put.add_argument("value", help="a JSON value")
    put.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)
    _add_report_parser(sub)
    _add_matrix_parser(sub)
    _add_prevention_parser(sub)
    _add_export_parser(sub)
    config = sub.add_parser("config", help="the settings in force and where each comes from")
    config_sub = config.add_subparsers(dest="config_command", required=True)
    show = config_sub.add_parser("show", help="print each effective setting, its value and its source")
    show.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)
    put = config_sub.add_parser("set", help="store one of your own settings (the Windows installer uses it)")
    put.add_argument("key", choices=KEYS)
    put.add_argument("value")
    _add_import_parser(sub)
    _add_intake_parser(sub)
    return parser


def _add_prevention_parser(sub: argparse._SubParsersAction) -> None:
    """`beacon prevention similar --text "…" [--application CODE] [--json]` and
    `beacon prevention candidates [--days N] [--json]`."""
    prevention = sub.add_parser("prevention", help="incident prevention: similar cases, problem candidates")
    prevention_sub = prevention.add_subparsers(dest="prevention_command", required=True)
    _add_candidates_parser(prevention_sub)
    similar = prevention_sub.add_parser("similar", help="open incidents, problems and known errors, and recently "
                                                        "closed incidents like a title, each with why")
    similar.add_argument("--text", required=True, help="the title (Korean or English) to find similar cases for")
    similar.add_argument("--description", default="", help="the description, if there is one")
    similar.add_argument("--application", metavar="CODE", help="the application's CI code (same application first)")
    similar.add_argument("--limit", type=int, default=5, metavar="N", help="suggestions per group (default 5)")
    similar.add_argument("--json", action="store_true", help="print JSON instead of lines")
    similar.add_argument("--as", dest="as_login", default=None, metavar="LOGIN",
                         help="SQLite: sign in as this user (what they may see); PostgreSQL: refused")
    similar.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)


def _prevention(url: str, args: argparse.Namespace) -> int:
    """`beacon prevention …`: similar cases or problem candidates."""
    if args.prevention_command == "candidates":
        return _prevention_candidates(url, args)
    return _prevention_similar(url, args)


def _prevention_similar(url: str, args: argparse.Namespace) -> int:
    """Similar cases for a typed title, as the registration dialog shows them, in the user's language."""
    import json

    from desktop.models import ConfigurationItem
    from desktop.workflow.engine.process import state_label
    from desktop.workflow.prevention.similar import GROUPS, similar_cases
    from desktop.workflow.prevention.texts import TEXTS as PREVENTION

    lang = current_language()
    if not args.text.strip():
        print(f"beacon: {PREVENTION.pick('cli.empty_text', lang)}", file=sys.stderr)
        return 2
    _open_for_reading(url)
    actor = _signed_in(args)
    application_id = None
    if args.application:
        app = ConfigurationItem.get_or_none(ConfigurationItem.code == args.application)
        if app is None:
            raise BeaconError("report.unknown_application", ref=args.application)
        application_id = app.id
    found = similar_cases(actor_id=actor.id, title=args.text, description=args.description,
                          application_id=application_id, limit=max(1, min(args.limit, 50)))
    if args.json:
        print(json.dumps({"text": args.text, "application": args.application,
                          **{g: [s.as_dict(lang) for s in found.group(g)] for g in GROUPS},
                          "elapsed_ms": round(found.elapsed_ms, 1)}, ensure_ascii=False, indent=2))
        return 0
    print(PREVENTION.pick("cli.heading", lang, text=args.text))
    for group in GROUPS:
        heading = "group.open_any" if group == "open" and found.application_id is None else f"group.{group}"
        print(f"\n{PREVENTION.pick(heading, lang)}")
        items = found.group(group)
        if not items:
            print(PREVENTION.pick("cli.none", lang))
        for s in items:
            app = s.application_en if lang == "en" and s.application_en else s.application
            print(f"  {s.number}  {s.title}  [{state_label(s.kind, s.state, lang)}] {app}  "
                  f"({PREVENTION.pick('cli.score', lang, score=f'{s.score:.2f}')})")
            if s.workaround:
                print(f"    {PREVENTION.pick('cli.workaround', lang)}: {s.workaround}")
            for key, value in (("cli.cause", s.cause), ("cli.resolution", s.resolution)):
                if value:
                    print(f"    {PREVENTION.pick(key, lang)}: {value}")
            print(f"    {PREVENTION.pick('cli.why', lang)}: {s.why(lang)}")
    print("\n" + PREVENTION.pick("cli.took", lang, ms=round(found.elapsed_ms)))
    return 0


EXPORT_LISTS = {"incidents": "incident", "problems": "problem", "changes": "change", "work-orders": "work_order"}
SORT_KEYS = {True: ("registered_at", "number", "grade", "title", "application", "state", "assignee", "sla_due"),
             False: ("opened_at", "number", "title", "state", "assignee")}  # incident list or not


def _add_export_parser(sub: argparse._SubParsersAction) -> None:
    """`beacon export incidents|problems|changes|work-orders [filters] --format csv|xlsx --out FILE`."""
    export = sub.add_parser("export", help="write a case list, filtered and sorted, to CSV or XLSX (scheduled reports)")
    export.add_argument("list", choices=list(EXPORT_LISTS), help="which list")
    export.add_argument("--state", action="append", default=[], metavar="STATE",
                        help="only cases in this state (a state name, or 'open'); repeat for more")
    export.add_argument("--grade", action="append", type=int, default=[], metavar="LEVEL",
                        help="incidents only: only this grade level (1 = most severe); repeat for more")
    export.add_argument("--application", action="append", default=[], metavar="CODE",
                        help="incidents only: only this application's incidents (CI code); repeat for more")
    export.add_argument("--from", dest="date_from", metavar="DATE", help="registered on or after this day (YYYY-MM-DD)")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="registered on or before this day (YYYY-MM-DD)")
    export.add_argument("--text", default="", help="words in the title (incidents: also the description)")
    export.add_argument("--sort", metavar="COLUMN",
                        help="order by this column (default: newest first), e.g. number, grade, title, state, sla_due")
    export.add_argument("--ascending", action="store_true", help="sort ascending (default: descending)")
    export.add_argument("--format", dest="export_format", choices=("csv", "xlsx"), required=True)
    export.add_argument("--out", required=True, metavar="FILE", help="where to write the file")
    export.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of headers and values")
    export.add_argument("--tz", dest="time_zone", metavar="ZONE", help="time zone of the dates (default: your setting)")
    export.add_argument("--as", dest="as_login", default=None, metavar="LOGIN",
                        help="SQLite: sign in as this user (password asked) and export what they see; "
                             "PostgreSQL: refused, the login is the connection's")
    export.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)


def _export_day(value: str | None, zone: str, *, next_day: bool = False) -> datetime | None:
    """A YYYY-MM-DD day in `zone` as the naive UTC moment it starts (or the next day starts).

    Raises:
        ValueError: not a YYYY-MM-DD date.
    """
    from datetime import UTC, timedelta
    from zoneinfo import ZoneInfo

    if value is None:
        return None
    day = datetime.strptime(value, "%Y-%m-%d") + timedelta(days=1 if next_day else 0)
    return day.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC).replace(tzinfo=None)


def _export(url: str, args: argparse.Namespace, default_zone: str) -> int:
    """Export a list with the same function as the GUI's Export button; what it holds is what `--as` may see."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from desktop.models import ConfigurationItem
    from desktop.workflow.cases.queries import CaseFilter, IncidentFilter, Sort
    from desktop.workflow.engine.process import known_states, open_states
    from desktop.workflow.integrations.export import LIST_NAMES, ExportSpec, export_list

    def fail(message: str, **params: object) -> int:
        print(f"beacon: {pick(TEXT[message]).format(**params)}", file=sys.stderr)
        return 2

    kind = EXPORT_LISTS[args.list]
    lang = args.report_lang or current_language()
    zone = args.time_zone or default_zone
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BeaconError("report.bad_time_zone", zone=zone) from exc
    if kind != "incident":
        for option, given in (("--grade", args.grade), ("--application", args.application)):
            if given:
                return fail("export_bad_option", option=option)
    try:
        since = _export_day(args.date_from, zone)
    except ValueError:
        return fail("export_bad_date", value=args.date_from)
    try:
        until = _export_day(args.date_to, zone, next_day=True)
    except ValueError:
        return fail("export_bad_date", value=args.date_to)
    sort_keys = SORT_KEYS[kind == "incident"]
    if args.sort and args.sort not in sort_keys:
        return fail("export_bad_sort", sort=args.sort, allowed=", ".join(sort_keys))
    _open_for_reading(url)
    actor = _signed_in(args)  # what the file holds is what this person may see
    states: list[str] = []
    for state in args.state:
        if state == "open":
            states += open_states(kind)
        elif state in known_states(kind):
            states.append(state)
        else:
            return fail("export_bad_state", state=state, list=pick(LIST_NAMES[kind], lang),
                        allowed=", ".join(known_states(kind)))
    filters: IncidentFilter | CaseFilter
    if kind == "incident":
        apps = []
        for code in args.application:
            app = ConfigurationItem.get_or_none(ConfigurationItem.code == code)
            if app is None:
                raise BeaconError("report.unknown_application", ref=code)
            apps.append(app.id)
        filters = IncidentFilter(states=tuple(states), grades=tuple(args.grade), application_ids=tuple(apps),
                                 text=args.text.strip(), registered_from=since, registered_to=until)
    else:
        filters = CaseFilter(states=tuple(states), text=args.text.strip(), opened_from=since, opened_to=until)
    sort = Sort(args.sort, not args.ascending) if args.sort else None
    spec = ExportSpec(kind=kind, filters=filters, sort=sort)
    result = export_list(actor_id=actor.id, spec=spec, path=args.out, fmt=args.export_format, language=lang,
                         time_zone=zone)
    _say("exported_one" if result.rows == 1 else "exported", list=pick(LIST_NAMES[kind], lang), path=result.path,
         rows=result.rows)
    return 0


# the importer's formats and encodings (`importer.FORMATS`, `importer.ENCODINGS`; a test keeps them equal), named
# here so that building the grammar — `beacon --version`, `beacon report` — does not import the workflow
IMPORT_FORMATS = ("servicenow", "generic")
IMPORT_ENCODINGS = ("auto", "utf-8", "cp949")


def _add_import_parser(sub: argparse._SubParsersAction) -> None:
    """`beacon import incidents FILE.csv --format servicenow|generic [--mapping MAP.toml] [--dry-run] ...`."""
    load = sub.add_parser("import", help="import incidents from another ITSM (CSV); all rows or none")
    load_sub = load.add_subparsers(dest="import_command", required=True)
    incidents = load_sub.add_parser("incidents", help="import incidents from a ServiceNow or generic CSV export")
    incidents.add_argument("file", metavar="FILE.csv")
    incidents.add_argument("--format", dest="import_format", choices=IMPORT_FORMATS, default="servicenow",
                           help="servicenow (built-in mapping) or generic (needs --mapping)")
    incidents.add_argument("--mapping", metavar="MAP.toml", help="a mapping file (column → field, value maps, ...)")
    incidents.add_argument("--dry-run", action="store_true",
                           help="check every row, list unknown applications/users/groups; save nothing")
    incidents.add_argument("--encoding", choices=IMPORT_ENCODINGS, help="file encoding (default: the mapping's, auto)")
    incidents.add_argument("--source-tz", metavar="ZONE", help="time zone of naive times in the file "
                           "(default: the mapping's, Asia/Seoul)")
    incidents.add_argument("--null-marker", dest="null_markers", action="append", default=[], metavar="TEXT",
                           help="a cell holding exactly this text is empty, e.g. --null-marker '?' (repeatable; "
                           "adds to the mapping's [source] null_markers)")
    incidents.add_argument("--as", dest="as_login", default=None, metavar="LOGIN",
                           help="SQLite: the administrator who signs in (password asked); PostgreSQL: refused")
    incidents.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)


def _import(url: str, args: argparse.Namespace) -> int:
    """Import incidents; bad rows are printed one a line and nothing is imported (exit 1)."""
    from pathlib import Path

    from desktop.workflow.integrations import importer

    mapping = (importer.read_mapping_file(Path(args.mapping)) if args.mapping
               else importer.builtin_mapping(args.import_format))
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"beacon: {pick(TEXT['cannot_read']).format(path=path, reason=exc.strerror or exc)}", file=sys.stderr)
        return 2
    _open_for_reading(url)
    actor = _signed_in(args, "import")
    report = importer.run_import(actor_id=actor.id, data=data, mapping=mapping, encoding=args.encoding,
                                 time_zone=args.source_tz, dry_run=args.dry_run, file_name=path.name,
                                 null_markers=args.null_markers)
    for unknown in report.unknowns:
        _say("import_unknown", text=unknown.message(current_language()))
    for warning in report.warnings:
        _say("import_warning", text=pick(warning))
    if report.issues:
        for issue in report.issues:
            print(f"{path}: {issue.message(current_language())}", file=sys.stderr)
        print(f"beacon: {pick(TEXT['import_rejected']).format(path=path, count=len(report.issues))}", file=sys.stderr)
        return 1
    figures = {"rows": report.rows, "new": report.new, "skipped": report.skipped, "events": report.events,
               "pauses": report.pauses, "links": report.links, "placeholders": report.placeholders,
               "seconds": report.seconds}
    if not report.new:
        _say("import_nothing", skipped=report.skipped)
    elif report.applied:
        _say("import_done", **figures)
        for source, number in report.numbers[:20]:
            _say("import_numbers", source=source, number=number)
    else:
        _say("import_checked", **figures)
    return 0


def _add_intake_parser(sub: argparse._SubParsersAction) -> None:
    """`beacon intake --listen HOST:PORT` and `beacon intake token create|revoke|list`."""
    intake = sub.add_parser("intake", help="monitoring intake: an HTTP service that turns alerts into incidents")
    intake.add_argument("--listen", metavar="HOST:PORT", help="address to serve on, e.g. 127.0.0.1:8787")
    intake.add_argument("--tls-cert", metavar="FILE.pem", help="serve HTTPS with this certificate chain (PEM)")
    intake.add_argument("--tls-key", metavar="FILE.pem", help="the private key of --tls-cert (PEM)")
    intake.add_argument("--workers", type=int, default=64, metavar="N",
                        help="connections served at once (default 64; more wait briefly, then get 503)")
    intake.add_argument("--db-connections", type=int, default=4, metavar="N",
                        help="PostgreSQL connections the intake may hold at most (default 4)")
    intake.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)
    intake_sub = intake.add_subparsers(dest="intake_command")
    token = intake_sub.add_parser("token", help="bearer tokens monitoring systems send")
    token_sub = token.add_subparsers(dest="token_command", required=True)
    create = token_sub.add_parser("create", help="make a token and print it once")
    create.add_argument("name", help="who uses it, e.g. alertmanager-prod")
    revoke = token_sub.add_parser("revoke", help="remove a token; requests with it get 401 from then on")
    revoke.add_argument("name")
    listing = token_sub.add_parser("list", help="the tokens by name (never the tokens themselves)")
    for command in (create, revoke, listing):
        command.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)


def _intake(url: str, args: argparse.Namespace) -> int:
    from desktop.setup import open_database
    from desktop.workflow.integrations import intake

    if args.intake_command == "token":
        open_database(url)
        _signed_in(args, "intake")
        if args.token_command == "create":
            token = intake.create_token(args.name)
            _ensure_system_user()
            _say("intake_token_created", name=args.name, token=token)
            return 0
        if args.token_command == "revoke":
            if not intake.revoke_token(args.name):
                print(f"beacon: {pick(TEXT['intake_token_unknown']).format(name=args.name)}", file=sys.stderr)
                return 1
            _say("intake_token_revoked", name=args.name)
            return 0
        tokens = intake.list_tokens()
        if not tokens:
            _say("intake_token_none")
        for info in tokens:
            print(f"{info.name}\t{info.prefix}…\t{info.created_at}")
        return 0
    from desktop.workflow.integrations.intake_server import parse_listen, serve

    try:
        host, port = parse_listen(args.listen or "")
    except ValueError as exc:
        print(f"beacon: {pick(TEXT['intake_listen_needed']).format(reason=exc)}", file=sys.stderr)
        return 2
    tls = None
    if args.tls_cert or args.tls_key:
        from desktop.workflow.integrations.intake_server import tls_context

        if not (args.tls_cert and args.tls_key):
            print(f"beacon: {pick(TEXT['intake_tls_pair'])}", file=sys.stderr)
            return 2
        try:
            tls = tls_context(args.tls_cert, args.tls_key)
        except (OSError, ValueError) as exc:  # ssl.SSLError is an OSError
            print(f"beacon: {pick(TEXT['intake_tls_bad']).format(reason=exc)}", file=sys.stderr)
            return 2
    if not 1 <= args.workers <= 1024 or not 1 <= args.db_connections <= 100:
        print(f"beacon: {pick(TEXT['intake_bad_sizes'])}", file=sys.stderr)
        return 2
    from desktop.workflow.common.outage import OutageWatch

    log = _service_log("intake")
    watch = OutageWatch(log)
    # a server next to the database never creates one; it waits for a database that is restarting
    if watch.until(lambda: _open_for_reading(url, pool=args.db_connections) or True) is None:
        return 0
    _ensure_system_user()
    serve(host, port, tls=tls, workers=args.workers)
    return 0


def _ensure_system_user() -> None:
    """Make sure the monitoring system user exists before the first alert arrives."""
    from desktop.models import database
    from desktop.workflow.integrations.intake import load_config, system_actor

    with database.atomic():
        system_actor(load_config())


def _add_matrix_parser(sub: argparse._SubParsersAction) -> None:
    """`beacon matrix export FILE.csv` and `beacon matrix import FILE.csv [--dry-run]`, acting as `--as LOGIN`."""
    matrix = sub.add_parser("matrix", help="export or import the CI-to-owner matrix as CSV (UTF-8 with BOM)")
    matrix_sub = matrix.add_subparsers(dest="matrix_command", required=True)
    export = matrix_sub.add_parser("export", help="write the whole matrix to a CSV file")
    export.add_argument("file", metavar="FILE.csv")
    load = matrix_sub.add_parser("import", help="replace the cells a CSV file names; all rows or none")
    load.add_argument("file", metavar="FILE.csv")
    load.add_argument("--dry-run", action="store_true", help="check every row and say what would change; save nothing")
    for command in (export, load):
        command.add_argument("--as", dest="as_login", default=None, metavar="LOGIN",
                             help="SQLite: the administrator who signs in (password asked); PostgreSQL: refused")
        command.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)


def _matrix(url: str, args: argparse.Namespace) -> int:
    """Export or import the owner matrix; bad rows are printed one a line and nothing is imported (exit 1)."""
    from pathlib import Path

    from desktop.workflow.admin import matrix as admin_matrix

    _open_for_reading(url)
    actor = _signed_in(args, "matrix")
    path = Path(args.file)
    if args.matrix_command == "export":
        data = admin_matrix.export_matrix_csv(actor_id=actor.id)
        try:
            path.write_bytes(data)
        except OSError as exc:
            print(f"beacon: {pick(TEXT['cannot_read']).format(path=path, reason=exc.strerror or exc)}",
                  file=sys.stderr)
            return 2
        _say("matrix_exported", path=path, rows=data.count(b"\n") - 1)
        return 0
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"beacon: {pick(TEXT['cannot_read']).format(path=path, reason=exc.strerror or exc)}", file=sys.stderr)
        return 2
    result = admin_matrix.import_matrix_csv(actor_id=actor.id, data=data, dry_run=args.dry_run, source=path.name)
    if result.errors:
        for error in result.errors:
            print(f"{path}: {error.message(current_language())}", file=sys.stderr)
        print(f"beacon: {pick(TEXT['matrix_rejected']).format(path=path, count=len(result.errors))}", file=sys.stderr)
        return 1
    _say("matrix_imported" if result.applied else "matrix_checked", rows=result.rows, cells=result.cells,
         added=result.added, removed=result.removed)
    return 0


def _add_candidates_parser(prevention_sub: argparse._SubParsersAction) -> None:
    """`beacon prevention candidates [--days N] [--json]`: problem candidates, for scheduled use."""
    found = prevention_sub.add_parser("candidates", help="groups of similar incidents that recur and have no problem")
    found.add_argument("--days", type=int, default=None, metavar="N",
                       help="look back N days (default: the setting problem_candidates.lookback_days, 90)")
    found.add_argument("--json", action="store_true", help="print JSON (one object, groups with their evidence)")
    found.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)


def _prevention_candidates(url: str, args: argparse.Namespace) -> int:
    """Print the problem candidates (those who manage problems only); JSON for a scheduler or a script."""
    import json

    from desktop.workflow.prevention import candidates
    from desktop.workflow.prevention.texts import CANDIDATE_TEXTS
    from desktop.workflow.sla.durations import format_minutes

    _open_for_reading(url)
    actor = _signed_in(args)
    if not candidates.may_manage(actor.id):
        raise BeaconError("workflow.not_allowed", who=actor.display, record=CANDIDATE_TEXTS.pair("page"),
                          action=CANDIDATE_TEXTS.pair("page"))
    run = candidates.detect(days=args.days)
    lang = current_language()
    if args.json:
        print(json.dumps({
            "lookback_days": run.lookback_days, "window_days": run.window_days, "min_incidents": run.min_incidents,
            "min_similarity": run.min_similarity, "scanned": run.scanned, "dismissed_hidden": run.hidden,
            "groups": [{
                "application": g.application, "application_en": g.application_en, "peak": g.peak,
                "first": g.first_at.isoformat() + "Z", "last": g.last_at.isoformat() + "Z",
                "common_words": list(g.common_words), "total_downtime_minutes": g.total_downtime_minutes,
                "open": g.open_count,
                "why": g.why(lang, window_days=run.window_days, min_incidents=run.min_incidents),
                "previously_dismissed": g.previously_dismissed.reason if g.previously_dismissed else None,
                "incidents": [{"number": i.number, "title": i.title, "state": i.state,
                               "registered_at": i.registered_at.isoformat() + "Z",
                               "downtime_minutes": i.downtime_minutes} for i in g.incidents],
            } for g in run.groups]}, ensure_ascii=False, indent=2))
        return 0
    if not run.groups:
        print(CANDIDATE_TEXTS.pick("cli.none", lang, days=run.lookback_days))
        return 0
    print(CANDIDATE_TEXTS.pick("cli.header", lang, count=len(run.groups), days=run.lookback_days,
                               min=run.min_incidents, window=run.window_days))
    for g in run.groups:
        print()
        print(CANDIDATE_TEXTS.pick("cli.group", lang, application=g.application_name(lang), count=len(g.incidents),
                                   first=g.first_at.strftime("%Y-%m-%d"), last=g.last_at.strftime("%Y-%m-%d"),
                                   downtime=format_minutes(g.total_downtime_minutes, lang),
                                   words=g.words_text(lang)))
        for i in g.incidents:
            print(f"  {i.number}  {i.registered_at:%Y-%m-%d %H:%M}  {i.title}")
    return 0


def _add_report_parser(sub: argparse._SubParsersAction) -> None:
    """`beacon report incident|problem NUMBER` and `beacon report sla --month YYYY-MM`, each to a PDF file."""
    report = sub.add_parser("report", help="print an incident, problem or monthly SLA report to a PDF file")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    incident = report_sub.add_parser("incident", help="incident report (장애 보고서)")
    incident.add_argument("number", help="incident number, e.g. INC-2026-000123, or its number in the system it "
                          "was imported from, e.g. INC0010001")
    problem = report_sub.add_parser("problem", help="problem report (문제 보고서)")
    problem.add_argument("number", help="problem number, e.g. PRB-2026-000007")
    sla = report_sub.add_parser("sla", help="monthly SLA report (월간 SLA 보고서)")
    sla.add_argument("--month", required=True, metavar="YYYY-MM", help="calendar month in the reader's time zone")
    sla.add_argument("--application", metavar="CODE", help="only incidents of this application")
    sla.add_argument("--team", metavar="CODE", help="only incidents assigned to this team")
    for command in (incident, problem, sla):
        # its own dest: the top-level --lang would otherwise be overwritten by this one's default
        command.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the report")
        command.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
        command.add_argument("--tz", dest="time_zone", metavar="ZONE",
                             help="reader's time zone (default: the organisation's, Asia/Seoul)")
        command.add_argument("--database", metavar="URL", dest="sub_database", help=argparse.SUPPRESS)


def _config(resolved: ResolvedSettings, args: argparse.Namespace) -> int:
    """`config show` prints the settings in force and their sources; `config set` stores one user setting."""
    from desktop.config import describe_settings, update_user_settings

    if args.config_command == "show":
        print("\n".join(describe_settings(resolved)))
        return 0
    path = update_user_settings(**{args.key: args.value})
    _say("config_saved", key=args.key, path=path)
    if args.key in resolved.locked:
        print(f"beacon: {pick(TEXT['config_locked']).format(key=args.key, path=resolved.site.path)}",
              file=sys.stderr)
    return 0


def _setting(url: str, args: argparse.Namespace) -> int:
    import json

    from desktop.models import db as dbmod
    from desktop.setup import open_database
    from desktop.workflow.common.settings import (
        all_settings,
        get_setting,
        hide_secrets,
        parse_setting,
        put_setting,
    )

    open_database(url)
    if args.setting_command == "get":
        admin = True  # PostgreSQL: row security already hides the secrets from whoever connected
        if dbmod.backend() == "sqlite":  # anyone signed in reads the settings; only an administrator the secrets
            admin = "admin" in _signed_in(args).roles
        values = {args.key: get_setting(args.key)} if args.key else all_settings()
        for key, value in values.items():
            shown = value if admin else hide_secrets(key, value)
            print(f"{key} = {json.dumps(shown, ensure_ascii=False)}")
        return 0
    _signed_in(args, "setting")  # an administrator, before anything about the value is said
    value = parse_setting(args.key, args.value)
    if args.key == "intake":  # the intake checks its own setting to the last key
        from desktop.workflow.integrations.intake import IntakeConfig

        IntakeConfig.from_value(value)
    put_setting(args.key, value)
    _say("setting_saved", key=args.key)
    return 0


def _service_log(name: str) -> logging.Logger:
    log = logging.getLogger(f"beacon.{name}")
    log.setLevel(logging.INFO)
    return log


def _stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM (systemd stopping the unit) and SIGINT end the loop after the notice in hand."""
    import signal

    def handler(_signum: int, _frame: object) -> None:
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, handler)


def _open_service_database(url: str, watch: OutageWatch, *, deadline: float | None = None) -> bool:
    """Open an existing database for a service, waiting out an outage (a service starts before its server)."""
    from desktop.setup import open_database

    return watch.until(lambda: open_database(url), deadline=deadline) is not None


def _dispatch(url: str, args: argparse.Namespace) -> int:
    from desktop.workflow.common.outage import OutageWatch
    from desktop.workflow.notify.dispatch import Dispatcher
    from desktop.workflow.sla.clocks import check_clocks

    if args.health:
        return _dispatch_health(url, args)
    log = _service_log("dispatch")
    dispatcher = Dispatcher()
    watch = OutageWatch(log, on_recover=dispatcher.release, stop=dispatcher.stop)
    if not args.once:
        _stop_on_signals(dispatcher.stop)
    if not _open_service_database(url, watch, deadline=args.interval * 10 if args.once else None):
        return 0 if dispatcher.stop.is_set() else 75

    def one_round() -> DispatchResult:
        check_clocks()
        return dispatcher.round()

    while not dispatcher.stop.is_set():
        result = watch.run(one_round)
        if result is not None and (result.claimed or args.once):
            _say("dispatched", claimed=result.claimed, sent=result.sent, failed=result.failed, dead=result.dead)
        if args.once and (result is not None or watch.retries >= 5):
            break
        if result is not None:
            dispatcher.stop.wait(args.interval)
    watch.until(dispatcher.release, deadline=10)  # hand back at once what this worker held
    return 0 if not watch.down else 75


def _dispatch_health(url: str, args: argparse.Namespace) -> int:
    """`beacon dispatch --health`: backlog and age of the oldest waiting notice; 1 when unavailable or late."""
    from desktop.workflow.notify.dispatch import backlog

    try:
        _open_for_reading(url)
        found = backlog()
    except BeaconError as exc:
        print(pick(TEXT["health_down"]).format(reason=exc.message()))
        return 1
    except Exception as exc:
        from desktop.models import db as dbmod

        print(pick(TEXT["health_down"]).format(reason=dbmod.explain(exc)))
        return 1
    age = found.oldest_age()
    age_text = pick(TEXT["health_none"]) if age is None else pick(TEXT["health_age"]).format(seconds=age)
    _say("health_ok", waiting=found.waiting, age=age_text, dead=found.dead)
    if args.max_age is not None and age is not None and age > args.max_age:
        print(pick(TEXT["health_old"]).format(age=age_text, limit=args.max_age))
        return 1
    return 0


def _sla_check(url: str, args: argparse.Namespace) -> int:
    from desktop.workflow.common.outage import OutageWatch
    from desktop.workflow.sla.clocks import check_clocks

    log = _service_log("sla")
    stop = threading.Event()
    watch = OutageWatch(log, stop=stop)
    if args.every:
        _stop_on_signals(stop)
    if not _open_service_database(url, watch, deadline=None if args.every else args.wait):
        if stop.is_set():
            return 0
        print(f"beacon: {pick(TEXT['service_gave_up']).format(seconds=args.wait)}", file=sys.stderr)
        return 75
    while True:
        result = watch.until(check_clocks, deadline=None if args.every else args.wait)
        if result is not None:
            _say("sla_checked", checked=result.checked, warnings=result.warnings, breaches=result.breaches)
        elif not stop.is_set() and not args.every:
            print(f"beacon: {pick(TEXT['service_gave_up']).format(seconds=args.wait)}", file=sys.stderr)
            return 75
        if not args.every or stop.wait(args.every):
            return 0


def _open_for_reading(url: str, *, pool: int = 0) -> None:
    """Bind an existing Beacon database (never create one just to read from it); `pool`: see `db.connect`."""
    from desktop.errors import DatabaseError
    from desktop.models import db as dbmod
    from desktop.models import ensure_schema
    from desktop.models.schema import current_version
    from desktop.setup import connect

    target = dbmod.parse_url(url)
    if target.backend == "sqlite" and str(target.path) != ":memory:" and not target.path.exists():
        raise DatabaseError("db.file_missing", path=target.path)
    if pool and target.backend == "postgresql":
        dbmod.connect(url, create=False, pool=pool)
    else:
        connect(url)
    if current_version() is None:
        raise DatabaseError("db.not_initialized")
    ensure_schema()


def _report(url: str, args: argparse.Namespace) -> int:
    from desktop.i18n import current_language
    from desktop.reports import report_service as reports

    lang = args.report_lang or current_language()
    if args.report_command == "sla":
        reports.parse_month(args.month)  # a typo is reported before the database is touched
    _open_for_reading(url)
    if args.report_command == "incident":
        data = reports.incident_report_pdf(args.number, lang=lang, time_zone=args.time_zone)
    elif args.report_command == "problem":
        data = reports.problem_report_pdf(args.number, lang=lang, time_zone=args.time_zone)
    else:
        data = reports.sla_report_pdf(args.month, application=args.application, team=args.team, lang=lang,
                                      time_zone=args.time_zone)
    path = reports.write_pdf(data, args.out)
    pages = reports.page_count(data)
    _say("report_written_one" if pages == 1 else "report_written", path=path, pages=pages)
    return 0


def _process_check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.workflow.engine.process import load_definition_file

    roles = None
    if args.sub_database:
        from desktop.models import Role
        from desktop.setup import connect

        connect(args.sub_database)
        roles = [code for (code,) in Role.select(Role.code).tuples()]
    process = load_definition_file(Path(args.file), known_roles=roles)
    _say("process_ok", file=args.file, name=process.name, states=len(process.states),
         transitions=len(process.transitions))
    return 0


def _process_file(url: str, args: argparse.Namespace) -> int:
    """`beacon process export KIND --out FILE` and `beacon process import FILE`, as an administrator.

    An import is refused exactly as a save in Administration > Processes is: the same message, with the
    line it points at (exit 2); nothing is saved then.
    """
    from pathlib import Path

    from desktop.workflow.admin import process_files

    _open_for_reading(url)
    actor = _signed_in(args, "process")
    if args.process_command == "export":
        process_id = None
        if args.process_version is not None:
            process_id = process_files.version_id(actor_id=actor.id, kind=args.kind, version=args.process_version)
        path = Path(args.out)
        try:
            version = process_files.export_file(actor_id=actor.id, kind=args.kind, path=path, process_id=process_id)
        except OSError as exc:
            print(f"beacon: {pick(TEXT['cannot_read']).format(path=path, reason=exc.strerror or exc)}",
                  file=sys.stderr)
            return 2
        _say("process_exported", process=pick(process_files.label(args.kind)), version=version, path=path)
        return 0
    path = Path(args.file)
    text = process_files.read_definition_file(path)
    try:
        kind, saved = process_files.import_text(actor_id=actor.id, text=text, file=str(path))
    except BeaconError as exc:
        line = process_files.error_line(text, exc)
        message = exc.message()
        if line is not None:
            message = pick(TEXT["process_line"]).format(line=line, message=message)
        print(f"beacon: {message}", file=sys.stderr)
        return 2
    _say("process_imported", path=path, process=pick(process_files.label(kind)), version=saved.version)
    return 0


def _init_db(url: str, args: argparse.Namespace) -> int:
    from desktop.setup import initialize_database

    result = initialize_database(url, demo=args.demo, admin_password=args.admin_password)
    if result.schema.created:
        _say("created")
    elif result.schema.upgraded:
        _say("upgraded", old=result.schema.from_version, new=result.schema.to_version)
        if result.schema.backup:
            _say("backup", path=result.schema.backup)
    if result.defaults_added:
        _say("defaults", n=result.defaults_added)
    if result.demo_loaded:
        from desktop.demo.bank import demo_counts

        _say("demo", n=demo_counts().incidents)
    if result.demo_already_present:
        _say("demo_present")
    if result.admin_password:
        _say("admin", password=result.admin_password)
    if result.logins:
        _say("logins_made", n=len(result.logins))
        for login, password in result.logins:
            _say("login_line", login=login, password=password)
    _say("ready", location=result.location, version=result.schema.to_version)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 2 a user-facing error)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    given = sys.argv[1:] if argv is None else list(argv)
    if any("\x00" in arg for arg in given):  # only a program can pass one
        print(f"beacon: {pick(TEXT['nul_argument'])}", file=sys.stderr)
        return 2
    for arg in given:  # bytes that are not UTF-8 arrive as lone surrogates; no name or value in Beacon holds one
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
            print(f"beacon: {pick(TEXT['not_utf8_argument']).format(arg=shown[:80])}", file=sys.stderr)
            return 2
    args = build_parser().parse_args(argv)
    try:
        from desktop.config import resolve_settings

        lang_flag = args.lang or getattr(args, "report_lang", None)
        if lang_flag:
            set_language(lang_flag)
        database_flag = getattr(args, "sub_database", None) or args.database
        resolved = resolve_settings(database_flag=database_flag)
        settings = resolved.settings
        if not lang_flag and not os.environ.get("BEACON_LANG"):
            set_language(settings.language)
        if args.command == "config":
            return _config(resolved, args)
        for source in resolved.ignored:  # say so, rather than quietly use another database than asked
            print(f"beacon: {pick(TEXT['lock_ignored']).format(what=source.describe(), path=resolved.site.path)}",
                  file=sys.stderr)
        if args.command == "setting":
            return _setting(settings.database_url, args)
        if args.command == "dispatch":
            return _dispatch(settings.database_url, args)
        if args.command == "sla":
            return _sla_check(settings.database_url, args)
        if args.command == "report":
            return _report(settings.database_url, args)
        if args.command == "matrix":
            return _matrix(settings.database_url, args)
        if args.command == "prevention":
            return _prevention(settings.database_url, args)
        if args.command == "export":
            return _export(settings.database_url, args, settings.time_zone)
        if args.command == "import":
            return _import(settings.database_url, args)
        if args.command == "process" and args.process_command == "check":
            return _process_check(args)
        if args.command == "process":
            return _process_file(settings.database_url, args)
        if args.command == "intake":
            return _intake(settings.database_url, args)
        if args.command == "init-db":
            return _init_db(settings.database_url, args)
        if args.smoke_test:
            from desktop.app import smoke_test

            return smoke_test(settings)
        from desktop.app import run_gui

        return run_gui(settings, ask_location=False if database_flag else None)  # --database answers it
    except BeaconError as exc:
        print(f"beacon: {exc.message()}", file=sys.stderr)
        if args.command is None and not args.smoke_test:  # started from a menu: no terminal to read this
            from desktop.app import show_startup_error

            show_startup_error(exc)
        return 75 if _transient(exc) else 2
    except KeyboardInterrupt:
        print(f"beacon: {pick(TEXT['interrupted'])}", file=sys.stderr)
        return 130
    except Exception as exc:  # no traceback reaches a person: a database fault in words, anything else named
        from desktop.models import db as dbmod

        if os.environ.get("BEACON_DEBUG"):
            raise
        if _is_database_error(exc):
            print(f"beacon: {dbmod.explain(exc)}", file=sys.stderr)
            return 75 if _transient(exc) else 2
        logging.getLogger("beacon").debug("unexpected error", exc_info=True)
        print(f"beacon: {pick(TEXT['unexpected']).format(kind=type(exc).__name__)}", file=sys.stderr)
        return 1


def _transient(exc: BaseException) -> bool:
    from desktop.models import db as dbmod

    return dbmod.is_transient(exc)


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    import peewee

    return isinstance(exc, (peewee.PeeweeException, sqlite3.Error))


if __name__ == "__main__":
    sys.exit(main())
