"""Statements: direct quotations, searchable by speaker and words."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.engine import Connection

from parley.server.http import (
    MAX_KEY,
    MAX_TEXT,
    After,
    Limit,
    Offset,
    Words,
    get_conn,
    not_found,
    page_response,
)
from parley.server.schemas import Page
from parley.store import read

router = APIRouter(prefix="/api", tags=["statements"])
NOT_FOUND = {404: {"description": "No such statement"}}


@router.get("/statements", response_model=Page[read.StatementRow], summary="Quotations, oldest first")
def api_statements(request: Request, conn: Annotated[Connection, Depends(get_conn)],
                   speaker: Annotated[str | None, Query(max_length=MAX_TEXT,
                                                        description="Who said it, any spelling.")] = None,
                   contains: Words = None,
                   meeting: Annotated[str | None, Query(max_length=MAX_KEY,
                                                        description="Said at this meeting (key).")] = None,
                   limit: Limit = 50, offset: Offset = 0, after: After = None):
    return page_response(request, read.statements_page(conn, speaker=speaker, contains=contains, meeting=meeting,
                                                       limit=limit, offset=offset, after=after))


# Before the statement: ``{key:path}`` would take "KEY/sources" as a key.
@router.get("/statements/{key:path}/sources", response_model=Page[read.SourceRef],
            summary="Every report of a quotation, oldest first", responses=NOT_FOUND)
def api_statement_sources(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)],
                          limit: Limit = 50, offset: Offset = 0, after: After = None):
    page = read.sources_page(conn, "statement", key, limit=limit, offset=offset, after=after)
    if page is None:
        return not_found(f"statement {key!r}", "GET /api/statements lists them")
    return page_response(request, page)


@router.get("/statements/{key:path}", response_model=read.StatementRow,
            summary="One quotation with its first sources", responses=NOT_FOUND)
def api_statement(key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """The quotation, its meeting, and the first few of its sources (``documents`` counts them
    all; ``/sources`` under its URL pages them)."""
    s = read.get_statement(conn, key)
    return not_found(f"statement {key!r}", "GET /api/statements lists them") if s is None else s
