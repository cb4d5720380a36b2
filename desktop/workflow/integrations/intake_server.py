"""The monitoring intake's HTTP service (`beacon intake --listen HOST:PORT`).

Endpoints: `POST /v1/alertmanager` (Alertmanager webhook, version 4), `POST /v1/alerts`
(the generic JSON), `GET /healthz`. Answers are JSON; each request leaves one structured
log line (`intake method=POST path=/v1/alertmanager status=200 ...`). SIGINT and SIGTERM
stop accepting, let requests in flight finish, then return.

A slow or hostile client cannot starve it: a bounded pool of workers serves the
connections (beyond it and a short queue a connection gets 503 at once); every socket has a
timeout, and a body must arrive whole within `BODY_SECONDS`; a request holds a database
connection (from a small pool) only for its token check and, once its body has been read and
validated, for its one transaction, never while it waits for the client. `application/json`
is required (415); any malformed body is a 400, a field over its limit a 422 naming it. A
database fault is a 503 with `Retry-After` and one log line per outage; the server runs on.
`/healthz` says only "ok" or "unavailable" to anyone; with a valid token it adds the schema,
the version and the outbox backlog. Optional TLS (`--tls-cert`, `--tls-key`).
"""

from __future__ import annotations

import json
import logging
import signal
import ssl
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from desktop import __version__
from desktop.errors import BeaconError, DatabaseError
from desktop.models import database
from desktop.models import db as dbmod
from desktop.workflow.common.outage import OutageLog
from desktop.workflow.integrations.intake import IntakeConfig, IntakeError, check_token, ingest, load_config, parse_body
from desktop.workflow.integrations.texts import TEXTS

log = logging.getLogger("beacon.intake")
outages = OutageLog(log)

WORKERS = 64  # connections served at once; a stalled client holds a worker, never a database connection
QUEUE = 64  # accepted connections waiting for a worker; beyond that, 503 at once
SOCKET_SECONDS = 10.0  # the longest a client may keep us waiting for its next bytes
BODY_SECONDS = 30.0  # the whole body must have arrived by then

ROUTES = {"/v1/alertmanager": "alertmanager", "/v1/alerts": "generic"}


def _fields(**values: Any) -> str:
    """key=value pairs, quoted when they hold spaces, for one greppable log line."""
    parts = []
    for key, value in values.items():
        text = str(value)
        if not text or any(c in text for c in ' ="'):
            text = json.dumps(text, ensure_ascii=False)
        parts.append(f"{key}={text}")
    return " ".join(parts)


def _database_fault(exc: BaseException) -> BaseException | None:
    """The database fault behind `exc`, if one is: itself, or what it was raised while handling.

    Tidying up after a restart can fail in turn (closing the connection a dead savepoint left open), and
    that second error must not turn the 503 a sender retries into a 500 it gives up on.
    """
    seen: BaseException | None = exc
    while seen is not None:
        if dbmod.is_transient(seen) or (isinstance(seen, DatabaseError) and seen.code != "db.not_initialized"):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


class IntakeHandler(BaseHTTPRequestHandler):
    """One request: authenticate, read a bounded body, validate, apply in one transaction, answer JSON."""

    server_version = f"Beacon-Intake/{__version__}"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one structured line per request is written by `_finish` instead

    def setup(self) -> None:
        self.timeout = getattr(self.server, "socket_seconds", SOCKET_SECONDS)
        super().setup()

    def _send(self, status: int, body: dict[str, Any], extra: dict[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8", "backslashreplace")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
        self._status = status

    def _finish(self, started: float, **more: Any) -> None:
        log.info("intake %s", _fields(method=self.command, path=self.path, status=getattr(self, "_status", 0),
                                      client=self.client_address[0], ms=round((time.monotonic() - started) * 1000),
                                      **more))

    def do_GET(self) -> None:
        started = time.monotonic()
        if self.path != "/healthz":
            self._send(404, {"error": "not_found", "reason": f"no such endpoint: GET {self.path}"})
            return self._finish(started)
        try:
            with database.connection_context():
                from desktop.models.schema import current_version
                from desktop.workflow.notify.dispatch import backlog

                version = current_version()
                trusted = self._trusted()
                found = backlog() if trusted else None
            outages.worked()
            body: dict[str, Any] = {"status": "ok"}
            if found is not None:  # a monitoring system with a token may see more; a stranger only ok
                body.update(schema=version, version=__version__, **found.as_json())
            self._send(200, body)
        except Exception as exc:  # the database is down: say so (and nothing about where it is), keep serving
            if dbmod.is_transient(exc) or isinstance(exc, DatabaseError):
                outages.failed(exc)
            else:
                log.warning("intake %s", _fields(event="health_failed", error=type(exc).__name__))
            self._send(503, {"status": "unavailable"}, {"Retry-After": "5"})
        self._finish(started)

    def _trusted(self) -> bool:
        if not self.headers.get("Authorization"):
            return False
        try:
            check_token(self.headers.get("Authorization"))
        except IntakeError:
            return False
        return True

    def do_POST(self) -> None:
        started = time.monotonic()
        fmt = ROUTES.get(self.path.split("?", 1)[0])
        if fmt is None:
            self._send(404, {"error": "not_found", "reason": f"no such endpoint: POST {self.path}; "
                                                              f"use {' or '.join(ROUTES)}"})
            self.close_connection = True
            return self._finish(started)
        info: dict[str, Any] = {}
        try:
            info = self._intake(fmt)
            outages.worked()
        except IntakeError as exc:
            self.close_connection = True  # the body may be unread; never parse it as the next request
            headers = {"WWW-Authenticate": 'Bearer realm="beacon-intake"'} if exc.status == 401 else None
            self._send(exc.status, exc.body(), headers)
            info = {"error": exc.code, "field": exc.field} if exc.field else {"error": exc.code}
        except Exception as exc:
            self.close_connection = True
            fault = _database_fault(exc)
            if fault is not None:
                dbmod.drop_connection()  # whatever the fault left half-open (a savepoint, a pooled socket) goes
                outages.failed(fault)  # a restart or failover: the sender retries, nothing was written
                reason = TEXTS.pair("intake_server.unavailable")
                self._send(503, {"error": "unavailable", "reason": reason["en"], "reason_ko": reason["ko"]},
                           {"Retry-After": "5"})
                info = {"error": "unavailable"}
            elif isinstance(exc, BeaconError):  # e.g. the `intake` setting cannot be read: an administrator must fix it
                self._send(500, {"error": "configuration", "reason": exc.message("en"),
                                 "reason_ko": exc.message("ko")})
                info = {"error": "configuration"}
            else:
                log.exception("intake request failed")
                self._send(500, {"error": "internal", "reason": "the alert could not be stored; nothing was written"})
                info = {"error": "internal"}
        self._finish(started, **info)

    def _intake(self, fmt: str) -> dict[str, Any]:
        # 1. who is it (a short look at the tokens; the connection goes back to the pool at once)
        with database.connection_context():
            check_token(self.headers.get("Authorization"))  # before reading anything else
            config: IntakeConfig = load_config()
        # 2. the body, read and validated with no database connection held
        content_type = (self.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        if content_type != "application/json":
            raise IntakeError(415, "unsupported_media_type",
                              TEXTS.pair("intake_server.json_only", given=content_type or "-"), "Content-Type")
        length_text = self.headers.get("Content-Length")
        if length_text is None or not length_text.strip().isdigit():
            raise IntakeError(411, "length_required", TEXTS.pair("intake_server.length_required"))
        length = int(length_text)
        if length > config.max_body_bytes:
            raise IntakeError(413, "too_large", TEXTS.pair("intake_server.too_large", length=length,
                                                            max_body_bytes=config.max_body_bytes), "body")
        alerts = parse_body(fmt, self._read_body(length), config)
        # 3. one transaction; the token is checked again in it, so a token revoked meanwhile writes nothing
        with database.connection_context():
            token_name = check_token(self.headers.get("Authorization"))
            outcomes = ingest(alerts)
        self._send(200, {"accepted": len(outcomes), "results": [o.as_json() for o in outcomes]})
        counts: dict[str, int] = {}
        for outcome in outcomes:
            counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
        return {"token": token_name, "format": fmt, "alerts": len(outcomes), **counts,
                "incidents": ",".join(sorted({o.incident for o in outcomes if o.incident}))}

    def _read_body(self, length: int) -> bytes:
        """The whole body within BODY_SECONDS (each read also bounded by the socket timeout), else 408."""
        deadline = time.monotonic() + getattr(self.server, "body_seconds", BODY_SECONDS)
        chunks: list[bytes] = []
        remaining = length
        try:
            while remaining > 0:
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = self.rfile.read1(min(remaining, 65536))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
        except TimeoutError:
            raise IntakeError(408, "timeout", TEXTS.pair("intake_server.body_timeout")) from None
        if remaining:
            raise IntakeError(400, "malformed", TEXTS.pair("intake_server.body_short"), "body")
        return b"".join(chunks)


class IntakeServer(HTTPServer):
    """An HTTP server with a bounded pool of workers; its close waits for requests in flight."""

    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], *, workers: int = WORKERS,
                 queue: int = QUEUE, socket_seconds: float = SOCKET_SECONDS, body_seconds: float = BODY_SECONDS,
                 tls: ssl.SSLContext | None = None) -> None:
        super().__init__(address, handler)
        self.socket_seconds = socket_seconds
        self.body_seconds = body_seconds
        self.workers = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="intake")
        self.slots = threading.BoundedSemaphore(workers + queue)
        self.tls = tls
        if tls is not None:  # the handshake happens on a worker, never on the thread that accepts
            self.socket = tls.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):  # every worker busy and the queue full: say so, at once
            log.warning("intake %s", _fields(event="busy", client=client_address[0]))
            if self.tls is None:
                try:
                    request.settimeout(1)
                    request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
                                    b"Content-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    pass
            self.shutdown_request(request)
            return
        self.workers.submit(self._serve, request, client_address)

    def _serve(self, request: Any, client_address: Any) -> None:
        try:
            request.settimeout(self.socket_seconds)
            if isinstance(request, ssl.SSLSocket):
                request.do_handshake()
            self.finish_request(request, client_address)
        except (OSError, ssl.SSLError) as exc:  # a client that went away or never finished its handshake
            log.info("intake %s", _fields(event="dropped", client=client_address[0], reason=type(exc).__name__))
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            self.slots.release()

    def server_close(self) -> None:
        super().server_close()
        self.workers.shutdown(wait=True)


def make_server(host: str, port: int, *, tls: ssl.SSLContext | None = None, workers: int = WORKERS,
                queue: int = QUEUE, socket_seconds: float = SOCKET_SECONDS) -> IntakeServer:
    """Bind the intake on host:port (port 0 picks a free one; read it from `server_address`)."""
    return IntakeServer((host, port), IntakeHandler, tls=tls, workers=workers, queue=queue,
                        socket_seconds=socket_seconds)


def tls_context(cert: str, key: str) -> ssl.SSLContext:
    """A server TLS context (TLS 1.2 or later) from a PEM certificate chain and key."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)
    return context


def parse_listen(text: str) -> tuple[str, int]:
    """`127.0.0.1:8787` → ("127.0.0.1", 8787); `[::1]:8787` for IPv6."""
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"got {text!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


def serve(host: str, port: int, *, ready: Callable[[IntakeServer], None] | None = None,
          tls: ssl.SSLContext | None = None, workers: int = WORKERS) -> None:
    """Serve until SIGINT or SIGTERM; then finish the requests in flight and return."""
    server = make_server(host, port, tls=tls, workers=workers)

    def stop(signum: int, _frame: Any) -> None:
        log.info("intake %s", _fields(event="stopping", signal=signal.Signals(signum).name))
        # shutdown() waits for serve_forever to return, so it must not run on that thread
        threading.Thread(target=server.shutdown, daemon=True).start()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if ready is not None:
            ready(server)
        log.info("intake %s", _fields(event="listening", host=server.server_address[0],
                                      port=server.server_address[1], tls="on" if tls else "off"))
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()  # joins the request threads
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info("intake %s", _fields(event="stopped"))
