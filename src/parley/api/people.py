"""People: listing, and the person page's data (offices over time, meetings, statements, co-attendees)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.engine import Connection

from parley.api.common import (
    MAX_TEXT,
    Limit,
    Offset,
    get_conn,
    json_response,
    not_found,
    paged,
)
from parley.api.schemas import Page, PersonView
from parley.store import read
from parley.store.corrections import list_corrections

router = APIRouter(prefix="/api", tags=["people"])


def people_page(conn: Connection, contains: str | None, state: str | None, limit: int,
                offset: int) -> tuple[list[read.PersonSummary], bool]:
    rows = read.list_people(conn, contains=(contains or "").strip() or None, state=(state or "").strip() or None,
                         limit=offset + limit + 1)
    return rows[offset:offset + limit], len(rows) > offset + limit


def person_view(request: Request, conn: Connection, key: str) -> dict[str, Any] | None:
    detail = read.get_person(conn, key)
    if detail is None:
        return None
    statements = read.search_statements(conn, speaker=detail.key)
    corrections = [c.to_dict() for c in list_corrections(conn, target_kind="person", target_key=detail.key)]
    return {"person": detail, "statements": statements, "co_attendees": read.co_attendees(conn, detail.key),
            "corrections": corrections}


@router.get("/people", response_model=Page[read.PersonSummary], summary="People, most reported first")
def api_people(request: Request, conn: Annotated[Connection, Depends(get_conn)],
               contains: Annotated[str | None, Query(max_length=MAX_TEXT,
                                                     description="Part of a name, any spelling or script.")] = None,
               state: Annotated[str | None, Query(max_length=16,
                                                  description="Held an office of this state (ISO3).")] = None,
               limit: Limit = 50, offset: Offset = 0):
    items, more = people_page(conn, contains, state, limit, offset)
    return paged(request, items, limit=limit, offset=offset, more=more)


@router.get("/people/{key:path}", response_model=PersonView, summary="A person: offices, meetings, statements",
            responses={404: {"description": "No such person"}})
def api_person(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """A person by key or by a name in any spelling: offices held over time (from the reports
    and the officials registry), meetings attended, statements (verbatim, dated, with their
    sources), and the people met most often at meetings."""
    view = person_view(request, conn, key)
    if view is None:
        return not_found(f"person {key!r}", "GET /api/people?contains=NAME finds keys")
    return json_response(view)
