"""A list read as the API's page envelope, or 422 when ``after`` is not a cursor from a ``next``
link (decode_cursor refuses it with a ValueError, which would otherwise be a server error)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from parley.server.http import page_response
from parley.store.read.common import Page


def cursor_page(request: Request, read_page: Callable[[], Page[Any] | None],
                missing: Callable[[], JSONResponse] | None = None) -> JSONResponse:
    """``read_page()`` as a page; ``missing()`` when it finds no such thing (None)."""
    try:
        page = read_page()
    except ValueError as exc:
        return JSONResponse({"detail": str(exc)}, status_code=422)
    if page is None:
        assert missing is not None, "a read that can miss needs its 404"
        return missing()
    return page_response(request, page)
