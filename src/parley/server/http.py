"""What every router shares: the store connection, JSON rendering, pagination, key paths."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Query, Request
from fastapi.responses import JSONResponse
from pydantic import AfterValidator
from sqlalchemy.engine import Connection

from parley.server.schemas import CorrectionIn
from parley.store.corrections import add_correction, revert_correction
from parley.store.db import Store
from parley.store.judgements import CorrectionView
from parley.store.read.common import Page, json_default

# Pages load scripts and styles from this site only; nothing inline, nothing from elsewhere.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

# Cytoscape.js and Swagger UI inject their own <style> elements: those two pages allow inline
# styles (never inline scripts).
CSP_INLINE_STYLES = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

# One write at a time per process: each write re-consolidates the blocks it touches, and SQLite
# takes one writer at a time anyway.
write_lock = threading.Lock()

MAX_LIMIT = 500
# Far beyond any real record, far below the 64-bit integers the databases take: an offset past
# it is a mistake, answered 422 instead of an overflow deep in the driver.
MAX_OFFSET = 1_000_000_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items per page (at most 500).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many items to skip (at most 10^9); follow "
                                                               "`next` rather than counting.")]


MAX_TEXT = 500
MAX_TERMS = 32
MAX_KEY = 500

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date(value: str | None) -> str | None:
    """A date filter: YYYY, YYYY-MM or YYYY-MM-DD that exists (blank: no filter)."""
    if value is None or not value.strip():
        return value
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError("a date is YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-11-05")
    y, mo, d = (int(x) if x else None for x in m.groups())
    try:
        date(y or 1, mo or 1, d or 1)
    except ValueError:
        raise ValueError(f"{value.strip()} is not a date of the calendar") from None
    return value.strip()


def check_words(value: str | None) -> str | None:
    """Search text: at most 32 words (each word is one more condition on every row; a thousand
    of them make a query the database refuses). More are refused with 422, never cut silently."""
    if value is not None and len(value.split()) > MAX_TERMS:
        raise ValueError(f"at most {MAX_TERMS} words: search for the distinctive ones")
    return value


DateQ = Annotated[str | None, AfterValidator(check_date),
                  Query(max_length=10, description="A date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Words = Annotated[str | None, AfterValidator(check_words),
                  Query(max_length=MAX_TEXT, description="Words (all must match): at most 500 characters, 32 words.")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT, description="At most 500 characters.")]
KeyQ = Annotated[str | None, Query(max_length=MAX_KEY, description="A key (at most 500 characters).")]


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_conn(request: Request) -> Iterator[Connection]:
    """The request's one pooled connection (reads; writes go through the store's own functions,
    which take their own connection: a write endpoint must not depend on this one).

    Everything else a request reads - its token, the corrections shown beside an entity - goes
    through ``request_conn``, which lends this same connection: a request that held one
    connection and waited for a second could, under load, wait on every other such request."""
    try:
        with request.app.state.store.connect() as conn:
            request.state.conn = conn
            try:
                yield conn
            finally:
                request.state.conn = None
    finally:
        for task in request.scope.get("state", {}).pop("parley.after_release", []):
            task()


def after_release(request: Request, task: Callable[[], None]) -> None:
    """Run ``task`` once the request has given its connection back."""
    request.scope.setdefault("state", {}).setdefault("parley.after_release", []).append(task)


@contextmanager
def request_conn(request: Request) -> Iterator[Connection]:
    """The request's connection if it holds one, else one taken just for this block."""
    conn = getattr(request.state, "conn", None)
    if conn is not None:
        yield conn
        return
    with request.app.state.store.connect() as own:
        yield own


class ViewJSON(JSONResponse):
    """JSON of read views as they are, dataclasses through ``json_default`` (converting a page to
    plain data first cost more than reading it)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                          default=json_default).encode("utf-8")


def json_response(data: Any, status_code: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return ViewJSON(data, status_code=status_code, headers=headers)


def page_links(request: Request, *, limit: int, offset: int, more: bool) -> tuple[str | None, str | None]:
    """Relative URLs of the next and previous pages of the same request (other parameters kept)."""
    def at(off: int) -> str:
        url = request.url.include_query_params(limit=limit, offset=off)
        return url.path + ("?" + url.query if url.query else "")

    nxt = at(offset + limit) if more else None
    prev = at(max(0, offset - limit)) if offset > 0 else None
    return nxt, prev


def search_links(q: str, kinds: Iterable[str]) -> dict[str, dict[str, str]]:
    """Per kind, the search of that kind alone: from the API (``api``) and as a page (``page``)."""
    out = {}
    for plural in kinds:
        query = urlencode({"q": q, "kind": plural})
        out[plural] = {"api": f"/api/search?{query}", "page": f"/search?{query}"}
    return out


After = Annotated[str | None, Query(max_length=1000, description="Where the page starts: the cursor in the previous "
                                                               "page's `next` link (faster than a large offset).")]


def page_response(request: Request, page: Page, *, extra: dict[str, Any] | None = None) -> JSONResponse:
    """The page envelope of a store.read Page: items, limit, offset, count (the total the filter
    matches), next (with the cursor: the next query starts after the last item instead of
    skipping rows), prev (and a Link header)."""
    def at(off: int, after: str | None) -> str:
        url = request.url.remove_query_params("after").include_query_params(limit=page.limit, offset=off)
        if after:
            url = url.include_query_params(after=after)
        return url.path + ("?" + url.query if url.query else "")

    nxt = at(page.offset + len(page.items), page.after) if page.more and page.items else None
    prev = at(max(0, page.offset - page.limit), None) if page.offset > 0 else None
    body = {"items": page.items, "limit": page.limit, "offset": page.offset, "count": page.total, "next": nxt,
            "prev": prev, **(extra or {})}
    links = [f'<{u}>; rel="{rel}"' for u, rel in ((nxt, "next"), (prev, "prev")) if u]
    return json_response(body, headers={"Link": ", ".join(links)} if links else None)


def keypath(key: str) -> str:
    """An entity key as a URL path (slashes kept: keys are paths, ``BLR+RUS/plan/2026-2027``)."""
    return quote(key, safe="/~")


def local_path(value: str | None, default: str = "/") -> str:
    """A redirect or back-link target only if it stays on this site (no scheme, no //host)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    return value


def not_found(what: str, hint: str) -> JSONResponse:
    return JSONResponse({"detail": f"no {what}: {hint}"}, status_code=404)


def correct(store: Store, body: CorrectionIn, author: str) -> CorrectionView:
    with write_lock:
        return add_correction(store, body.target_kind, body.target_key.strip(), body.action, field=body.field or None,
                              value=body.value, author=author, reason=body.reason)


def revert(store: Store, correction_id: int, reason: str, author: str) -> CorrectionView:
    with write_lock:
        return revert_correction(store, correction_id, author=author, reason=reason)
