"""What every router shares: the store connection, JSON rendering, pagination, key paths."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, is_dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Connection

from parley.store.db import Store

MAX_LIMIT = 500

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items per page (at most 500).")]
Offset = Annotated[int, Query(ge=0, description="How many items to skip; follow `next` rather than counting.")]


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_conn(request: Request) -> Iterator[Connection]:
    """A connection for one request (reads only; writes go through the store's own functions)."""
    with request.app.state.store.connect() as conn:
        yield conn


def plain(obj: Any) -> Any:
    """Dataclasses, lists, tuples and dicts as JSON-ready data."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return plain(asdict(obj))
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [plain(v) for v in obj]
    return obj


def json_response(data: Any, status_code: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(plain(data), status_code=status_code, headers=headers)


def page_links(request: Request, *, limit: int, offset: int, more: bool) -> tuple[str | None, str | None]:
    """Relative URLs of the next and previous pages of the same request (other parameters kept)."""
    def at(off: int) -> str:
        url = request.url.include_query_params(limit=limit, offset=off)
        return url.path + ("?" + url.query if url.query else "")

    nxt = at(offset + limit) if more else None
    prev = at(max(0, offset - limit)) if offset > 0 else None
    return nxt, prev


def paged(request: Request, items: list[Any], *, limit: int, offset: int, more: bool,
          extra: dict[str, Any] | None = None) -> JSONResponse:
    """The page envelope: items, limit, offset, count, next, prev (and a Link header)."""
    nxt, prev = page_links(request, limit=limit, offset=offset, more=more)
    body = {"items": items, "limit": limit, "offset": offset, "count": len(items), "next": nxt, "prev": prev,
            **(extra or {})}
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
