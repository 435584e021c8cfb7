"""What a request may cost the server before it is answered: a bounded body, a token checked
before the body is read, and a clear 503 instead of a stall when the database pool is full.

``BodyLimit`` refuses a body larger than the limit from its ``Content-Length`` at once (413,
nothing read), and counts a streamed (chunked) body as it arrives, stopping it at the limit.
``TokenFirst`` checks the bearer token of every write endpoint (and the login cookie and Origin
of every form post) from the headers alone: a request that may not write is answered 401/403
without its body being read. Both are ASGI middleware, so they run before FastAPI reads a body.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security.utils import get_authorization_scheme_param
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("parley.api")

MiB = 1024 * 1024


@dataclass(frozen=True)
class ServerLimits:
    """The limits ``parley serve`` sets (``--max-body``, ``--max-ingest-body``, ``--retry-after``)."""

    max_body: int = 8 * MiB  # every request body but /api/ingest's
    max_ingest_body: int = 64 * MiB  # /api/ingest takes batches of up to 1000 documents
    retry_after: int = 2  # seconds, in the Retry-After of a 503 when the database is busy
    concurrency: int = 8  # requests at work at once; the others wait their turn, in order of arrival
    queue_timeout: float = 10.0  # seconds a request may wait for its turn before a 503

    def body_limit(self, path: str) -> int:
        return self.max_ingest_body if path == "/api/ingest" else self.max_body


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$", re.I)


def parse_size(value: str) -> int:
    """``"8MB"`` -> 8 MiB in bytes (K, M, G are powers of 1024; a bare number is bytes)."""
    m = _SIZE.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a size: write it as 8MB, 512KB or a number of bytes")
    unit = (m[2] or "b").lower()[:1]
    size = int(float(m[1]) * {"b": 1, "k": 1024, "m": MiB, "g": 1024 * MiB}[unit])
    if size < 1024:
        raise ValueError(f"{value!r} is too small for a request body: give at least 1KB")
    return size


def limits_of(app: Any) -> ServerLimits:
    return getattr(app.state, "limits", None) or ServerLimits()


POOL_FULL = "every database connection is in use"


def busy_detail(why: str = POOL_FULL) -> str:
    return f"the server is busy ({why}); retry in a moment"


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit. An HTTPException, so that
    FastAPI's body reading passes it on to the app's handler (413) rather than calling it a
    parse error."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large(limit), headers={"Connection": "close"})


def too_large(limit: int) -> str:
    return (f"the request body is larger than this server takes ({limit} bytes; `parley serve --max-body` / "
            "`--max-ingest-body` set the limits): send less, e.g. /api/ingest in smaller batches")


class BodyLimit:
    def __init__(self, app: ASGIApp, limits: Callable[[], ServerLimits]) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits().body_limit(scope["path"])
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await _plain(scope, receive, send, 400, "Content-Length must be a number of bytes")
                return
            if int(declared) > limit:
                # Answered at once; the body is never read and the connection is closed after.
                await _plain(scope, receive, send, 413, too_large(limit), {"Connection": "close"})
                return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge as exc:  # read outside FastAPI's handlers (none today): still a 413
            if started:
                raise
            await _plain(scope, receive, send, 413, str(exc.detail), {"Connection": "close"})


async def _plain(scope: Scope, receive: Receive, send: Send, status: int, detail: str,
                 headers: dict[str, str] | None = None) -> None:
    await JSONResponse({"detail": detail}, status_code=status, headers=headers)(scope, receive, send)


class Admission:
    """At most ``concurrency`` requests at work, the others waiting in order of arrival, each for
    at most ``queue_timeout`` seconds (then 503 with Retry-After).

    The endpoints are synchronous and share one interpreter: forty of them at once (anyio's
    thread pool) share the CPU and each takes forty times longer, the slowest far longer still,
    and every one holds a database connection while it waits for the CPU. Admitted in turn, a
    request takes its connection only when it is about to be answered, and the slowest answers
    stay close to the typical ones. Static files are not counted."""

    def __init__(self, app: ASGIApp, limits: Callable[[], ServerLimits]) -> None:
        self.app = app
        self.limits = limits
        self._slots: anyio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        limits = self.limits()
        if self._slots is None:  # made on the server's event loop, at its first request
            self._slots = anyio.Semaphore(limits.concurrency)
        try:
            with anyio.fail_after(limits.queue_timeout):
                await self._slots.acquire()
        except TimeoutError:
            exc = busy(limits, f"{limits.concurrency} requests at work and more waiting")
            await _plain(scope, receive, send, exc.status_code, str(exc.detail), exc.headers)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self._slots.release()


class TokenFirst:
    """401/403 from the headers alone for writes: API write endpoints (bearer token) and the
    pages' form posts (Origin, and the login cookie where the form needs one)."""

    def __init__(self, app: ASGIApp, fastapi_app: Any, page_forms: dict[str, bool]) -> None:
        self.app = app
        self.fastapi_app = fastapi_app
        self.page_forms = page_forms  # path -> whether it needs the login cookie
        self._writes: list[tuple[re.Pattern[str], set[str]]] | None = None

    def _write_routes(self) -> list[tuple[re.Pattern[str], set[str]]]:
        # Read from the app's own OpenAPI document: every operation that needs the bearer token
        # (the ``writer`` guard) says so there, so a new write endpoint is covered without being
        # listed here.
        if self._writes is None:
            writes = []
            for path, ops in self.fastapi_app.openapi().get("paths", {}).items():
                methods = {m.upper() for m, op in ops.items() if m != "get" and op.get("security")}
                if methods:
                    rx = "".join("[^/]+" if part.startswith("{") else re.escape(part)
                                 for part in re.split(r"(\{[^}]*\})", path))
                    writes.append((re.compile(rx + "$"), methods))
            self._writes = writes
        return self._writes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        path, method = scope["path"], scope["method"]
        check: Callable[[Request], Any] | None = None
        if path in self.page_forms:
            check = self._page_check(self.page_forms[path])
        elif any(rx.match(path) and method in methods for rx, methods in self._write_routes()):
            check = _api_check
        if check is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            # The check reads the database: off the event loop, like the endpoints.
            await anyio.to_thread.run_sync(check, request)
        except HTTPException as exc:
            await self._refuse(request, exc, receive, send)
            return
        except Exception as exc:
            from sqlalchemy.exc import TimeoutError as PoolTimeout

            if not isinstance(exc, PoolTimeout):
                raise
            await self._refuse(request, busy(limits_of(self.fastapi_app)), receive, send)
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _page_check(needs_login: bool) -> Callable[[Request], Any]:
        def check(request: Request) -> None:
            from parley.server.auth import require_same_site, require_signed_in

            require_same_site(request)
            if needs_login:
                require_signed_in(request)

        return check

    async def _refuse(self, request: Request, exc: HTTPException, receive: Receive, send: Send) -> None:
        headers = dict(exc.headers or {})
        # The body was not read: close the connection rather than read it to keep it alive.
        headers["Connection"] = "close"
        response: Response
        if request.url.path.startswith("/api"):
            response = JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
        else:
            from parley.web.render import render

            response = await anyio.to_thread.run_sync(
                lambda: render(request, "error.html", {"status": exc.status_code, "message": str(exc.detail)},
                               status_code=exc.status_code))
            response.headers.update(headers)
        await response(request.scope, receive, send)


def _api_check(request: Request) -> None:
    from parley.server.auth import require_token

    scheme, token = get_authorization_scheme_param(request.headers.get("authorization"))
    require_token(request, token if scheme.lower() == "bearer" and token else None)


def busy(limits: ServerLimits, why: str = POOL_FULL) -> HTTPException:
    return HTTPException(503, busy_detail(why), headers={"Retry-After": str(limits.retry_after)})


def is_locked(exc: BaseException) -> bool:
    """SQLite's "database is locked": another writer held the database past the busy timeout."""
    return "database is locked" in str(exc)
