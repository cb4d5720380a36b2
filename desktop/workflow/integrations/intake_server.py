"""The monitoring intake's HTTP service (`beacon intake --listen HOST:PORT`).

Endpoints: `POST /v1/alertmanager` (Alertmanager webhook, version 4), `POST /v1/alerts`
(the generic JSON), `GET /healthz`. Every request runs on its own thread with its own
database connection and transaction; answers are JSON; bodies over the configured
limit are refused before they are read; each request leaves one structured log line
(`intake method=POST path=/v1/alertmanager status=200 ...`). SIGINT and SIGTERM stop
accepting, let requests in flight finish, then return.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from desktop import __version__
from desktop.errors import BeaconError
from desktop.models import database
from desktop.workflow.integrations.intake import IntakeConfig, IntakeError, check_token, ingest, load_config, parse_body
from desktop.workflow.integrations.texts import TEXTS

log = logging.getLogger("beacon.intake")

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


class IntakeHandler(BaseHTTPRequestHandler):
    """One request: authenticate, read a bounded body, validate, apply in one transaction, answer JSON."""

    server_version = f"Beacon-Intake/{__version__}"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one structured line per request is written by `_finish` instead

    def _send(self, status: int, body: dict[str, Any], extra: dict[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
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

                version = current_version()
            self._send(200, {"status": "ok", "schema": version, "version": __version__})
        except Exception as exc:  # the database is down: say so, keep serving
            self._send(503, {"status": "unavailable", "reason": f"{type(exc).__name__}: {exc}"[:300]})
        self._finish(started)

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
            with database.connection_context():
                info = self._intake(fmt)
        except IntakeError as exc:
            self.close_connection = True  # the body may be unread; never parse it as the next request
            headers = {"WWW-Authenticate": 'Bearer realm="beacon-intake"'} if exc.status == 401 else None
            self._send(exc.status, exc.body(), headers)
            info = {"error": exc.code, "field": exc.field} if exc.field else {"error": exc.code}
        except BeaconError as exc:  # e.g. the `intake` setting cannot be read: an administrator must fix it
            self.close_connection = True
            self._send(500, {"error": "configuration", "reason": exc.message("en"), "reason_ko": exc.message("ko")})
            info = {"error": "configuration"}
        except Exception:
            log.exception("intake request failed")
            self._send(500, {"error": "internal", "reason": "the alert could not be stored; nothing was written"})
            info = {"error": "internal"}
        self._finish(started, **info)

    def _intake(self, fmt: str) -> dict[str, Any]:
        token_name = check_token(self.headers.get("Authorization"))  # before reading anything else
        config: IntakeConfig = load_config()
        length_text = self.headers.get("Content-Length")
        if length_text is None or not length_text.strip().isdigit():
            self.close_connection = True
            raise IntakeError(411, "length_required", TEXTS.pair("intake_server.length_required"))
        length = int(length_text)
        if length > config.max_body_bytes:
            self.close_connection = True  # the body is never read; the connection cannot be reused
            raise IntakeError(413, "too_large", TEXTS.pair("intake_server.too_large", length=length,
                                                            max_body_bytes=config.max_body_bytes))
        raw = self.rfile.read(length)
        alerts = parse_body(fmt, raw, config)
        outcomes = ingest(alerts, config=config)
        self._send(200, {"accepted": len(outcomes), "results": [o.as_json() for o in outcomes]})
        counts: dict[str, int] = {}
        for outcome in outcomes:
            counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
        return {"token": token_name, "format": fmt, "alerts": len(outcomes), **counts,
                "incidents": ",".join(sorted({o.incident for o in outcomes if o.incident}))}


class IntakeServer(ThreadingHTTPServer):
    """A threading HTTP server whose close waits for requests in flight."""

    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True


def make_server(host: str, port: int) -> IntakeServer:
    """Bind the intake on host:port (port 0 picks a free one; read it from `server_address`)."""
    return IntakeServer((host, port), IntakeHandler)


def parse_listen(text: str) -> tuple[str, int]:
    """`127.0.0.1:8787` → ("127.0.0.1", 8787); `[::1]:8787` for IPv6."""
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"got {text!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


def serve(host: str, port: int, *, ready: Callable[[IntakeServer], None] | None = None) -> None:
    """Serve until SIGINT or SIGTERM; then finish the requests in flight and return."""
    server = make_server(host, port)

    def stop(signum: int, _frame: Any) -> None:
        log.info("intake %s", _fields(event="stopping", signal=signal.Signals(signum).name))
        # shutdown() waits for serve_forever to return, so it must not run on that thread
        threading.Thread(target=server.shutdown, daemon=True).start()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if ready is not None:
            ready(server)
        log.info("intake %s", _fields(event="listening", host=server.server_address[0],
                                      port=server.server_address[1]))
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()  # joins the request threads
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info("intake %s", _fields(event="stopped"))
