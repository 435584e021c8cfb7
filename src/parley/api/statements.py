"""Statements: direct quotations, searchable by speaker and words."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.engine import Connection

from parley.server.http import (
    MAX_KEY,
    MAX_TEXT,
    Limit,
    Offset,
    Words,
    get_conn,
    json_response,
    not_found,
    paged,
)
from parley.server.schemas import Page
from parley.store import read

router = APIRouter(prefix="/api", tags=["statements"])


@router.get("/statements", response_model=Page[read.StatementRow], summary="Quotations, oldest first")
def api_statements(request: Request, conn: Annotated[Connection, Depends(get_conn)],
                   speaker: Annotated[str | None, Query(max_length=MAX_TEXT,
                                                        description="Who said it, any spelling.")] = None,
                   contains: Words = None,
                   meeting: Annotated[str | None, Query(max_length=MAX_KEY,
                                                        description="Said at this meeting (key).")] = None,
                   limit: Limit = 50, offset: Offset = 0):
    rows = read.search_statements(conn, speaker=(speaker or "").strip() or None,
                               contains=(contains or "").strip() or None, meeting=(meeting or "").strip() or None,
                               limit=offset + limit + 1)
    return paged(request, rows[offset:offset + limit], limit=limit, offset=offset, more=len(rows) > offset + limit)


@router.get("/statements/{key:path}", response_model=read.StatementRow, summary="One quotation with its sources",
            responses={404: {"description": "No such statement"}})
def api_statement(key: str, conn: Annotated[Connection, Depends(get_conn)]):
    s = read.get_statement(conn, key)
    if s is None:
        return not_found(f"statement {key!r}", "GET /api/statements lists them")
    return json_response(s)
