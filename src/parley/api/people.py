"""People: listing, and the person page's data (offices over time, meetings, statements, co-attendees)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.engine import Connection

from parley.server.http import (
    MAX_TEXT,
    Limit,
    Offset,
    get_conn,
    json_response,
    not_found,
    paged,
)
from parley.server.schemas import Page, PersonView
from parley.store import read

router = APIRouter(prefix="/api", tags=["people"])


@router.get("/people", response_model=Page[read.PersonSummary], summary="People, most reported first")
def api_people(request: Request, conn: Annotated[Connection, Depends(get_conn)],
               contains: Annotated[str | None, Query(max_length=MAX_TEXT,
                                                     description="Part of a name, any spelling or script.")] = None,
               state: Annotated[str | None, Query(max_length=16,
                                                  description="Held an office of this state (ISO3).")] = None,
               limit: Limit = 50, offset: Offset = 0):
    items, more = read.people_page(conn, contains, state, limit, offset)
    return paged(request, items, limit=limit, offset=offset, more=more)


@router.get("/people/{key:path}", response_model=PersonView, summary="A person: offices, meetings, statements",
            responses={404: {"description": "No such person"}})
def api_person(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """A person by key or by a name in any spelling: offices held over time (from the reports
    and the officials registry), meetings attended, statements (verbatim, dated, with their
    sources), and the people met most often at meetings."""
    view = read.person_view(conn, key)
    if view is None:
        return not_found(f"person {key!r}", "GET /api/people?contains=NAME finds keys")
    return json_response(view)
