"""The web application: ``create_app(db_url)`` -> a FastAPI app serving the JSON API under
``/api``, the pages, the static files and the OpenAPI docs (``/docs``, offline)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley import __version__
from parley.api import agreements, documents, ingest, meetings, network, people, review, search, statements
from parley.errors import BadCursor, StoreBusy, StoreError
from parley.server.etag import ETagMiddleware
from parley.server.guard import Admission, BodyLimit, ServerLimits, TokenFirst, busy, is_locked, limits_of
from parley.server.http import CSP, CSP_INLINE_STYLES, get_conn, json_response
from parley.store.db import Store, open_store

log = logging.getLogger("parley.api")

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"

DESCRIPTION = """The verified record of intergovernmental security meetings: meetings, people,
agreements and statements, every value with the documents and character spans behind it.

Reading is open. Writing (corrections, review decisions, ingest) needs a token from
`parley token create NAME`, sent as `Authorization: Bearer <token>`.

Lists are paged: `limit` and `offset`, and `next` / `prev` links (also in the `Link` header).
Every GET answer has a weak `ETag`; send it back in `If-None-Match` to get `304 Not Modified`.

Limits: request bodies up to 8 MB (64 MB for `/api/ingest`; `parley serve --max-body` and
`--max-ingest-body` change them), larger ones get `413`; `offset` at most 10^9; keys at most 500
characters; search text at most 500 characters and 32 words (more: `422`). When every database
connection is busy the answer is `503` with `Retry-After`: retry after that many seconds.
"""


class SecurityHeaders:
    """CSP and friends on every response (pages render untrusted reports: defence in depth)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                h = MutableHeaders(scope=message)
                h.setdefault("content-security-policy", CSP)
                h.setdefault("x-content-type-options", "nosniff")
                h.setdefault("referrer-policy", "same-origin")
                h.setdefault("x-frame-options", "DENY")
                if "text/html" in h.get("content-type", ""):
                    h.setdefault("vary", "Cookie")
            await send(message)

        await self.app(scope, receive, wrapped)


def _wants_html(request: Request) -> bool:
    return not (request.url.path.startswith("/api") or request.url.path == "/openapi.json")


def create_app(db_url: str | None = None, *, store: Store | None = None, limits: ServerLimits | None = None
               ) -> FastAPI:
    """The app on the knowledge base at ``db_url`` (a SQLite path or URL, a postgresql:// URL;
    default $PARLEY_DB or ./parley.db), or on an open ``store``; ``limits`` bound what one
    request may send."""
    if store is None:
        store = open_store(db_url, create=False)
    limits = limits or ServerLimits()
    app = FastAPI(title="Parley", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")
    # A write waits for another process's write (a `parley ingest`) no longer than a request
    # waits for its turn; then it is answered 503 with Retry-After.
    store.lock_wait = limits.queue_timeout
    app.state.store = store
    app.state.limits = limits

    for r in (meetings, people, agreements, statements, documents, search, network, review, ingest):
        app.include_router(r.router)

    @app.get("/api", tags=["index"], summary="What the API holds and where to find it")
    def api_index(conn: Annotated[Connection, Depends(get_conn)]):
        from parley.store.read import totals

        return json_response({
            "name": "parley", "version": __version__, "totals": totals(conn), "docs": "/docs",
            "openapi": "/openapi.json",
            "endpoints": {"meetings": "/api/meetings", "series": "/api/series", "people": "/api/people",
                          "agreements": "/api/agreements", "statements": "/api/statements",
                          "search": "/api/search?q=", "network": "/api/network", "review": "/api/review",
                          "corrections": "/api/corrections", "documents": "/api/documents/{id}"},
        })

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        html = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley API</title><link rel="icon" href="data:,">'
                '<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css"></head><body>'
                '<div id="swagger-ui"></div><script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>'
                '<script src="/static/swagger-init.js"></script></body></html>')
        return HTMLResponse(html, headers={"content-security-policy": CSP_INLINE_STYLES})

    from parley.web.pages import router as pages_router

    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(BadCursor)
    async def bad_cursor(request: Request, exc: BadCursor):
        return await _error(request, 422, f"{exc}: follow the `next` link of the previous page")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        if isinstance(exc, StoreBusy):
            b = busy(limits_of(request.app), "another process is writing to the database")
            return await _error(request, b.status_code, str(b.detail), b.headers)
        return await _error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return await _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(PoolTimeout)
    async def pool_busy(request: Request, exc: PoolTimeout):
        # Every pooled connection stayed in use for pool_timeout: tell the client when to come
        # back instead of letting requests queue for ever.
        b = busy(limits_of(request.app))
        return await _error(request, b.status_code, str(b.detail), b.headers)

    @app.exception_handler(OperationalError)
    async def database_error(request: Request, exc: OperationalError):
        if not is_locked(exc):
            raise exc
        # Logged with its stack: a locked SQLite database means two writers met (see
        # benchmarks/README.md); the client is told to retry, nothing was written.
        log.error("database locked on %s %s", request.method, request.url.path, exc_info=exc)
        b = busy(limits_of(request.app), "another write holds the database")
        return await _error(request, b.status_code, str(b.detail), b.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if not _wants_html(request):
            return JSONResponse({"detail": jsonable(exc.errors())}, status_code=422)
        msgs = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', [])[1:])}: {e.get('msg')}" for e in exc.errors())
        return await _error(request, 422, f"bad request: {msgs}")

    from parley.web.pages import FORMS

    # Starlette runs the last added outermost: security headers on everything, then the body
    # limit (from the headers, before anything is read), then admission (a bounded number of
    # requests at work, the others waiting in order), then the token check, then ETags.
    app.add_middleware(ETagMiddleware)
    app.add_middleware(TokenFirst, fastapi_app=app, page_forms=FORMS)
    app.add_middleware(Admission, limits=lambda: app.state.limits)
    app.add_middleware(BodyLimit, limits=lambda: app.state.limits)
    app.add_middleware(SecurityHeaders)
    return app


def jsonable(value):
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(value)


async def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None):
    if not _wants_html(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    if status == 401 and request.method == "GET":
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    from parley.web.render import render

    response = render(request, "error.html", {"status": status, "message": message}, status_code=status)
    response.headers.update(headers or {})  # Retry-After on a busy page, as on the API
    return response
