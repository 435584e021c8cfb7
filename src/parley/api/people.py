"""People: listing, and the person page's data (offices over time, meetings, statements, co-attendees),
each long list bounded in the view and paged at its own endpoint."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Connection

from parley.server.http import MAX_TEXT, After, Limit, Offset, get_conn, not_found, page_response
from parley.server.schemas import Page, PersonView
from parley.store import read

router = APIRouter(prefix="/api", tags=["people"])
NOT_FOUND = {404: {"description": "No such person"}}


@router.get("/people", response_model=Page[read.PersonSummary], summary="People, most reported first")
def api_people(request: Request, conn: Annotated[Connection, Depends(get_conn)],
               contains: Annotated[str | None, Query(max_length=MAX_TEXT,
                                                     description="Part of a name, any spelling or script.")] = None,
               state: Annotated[str | None, Query(max_length=16,
                                                  description="Held an office of this state (ISO3).")] = None,
               limit: Limit = 50, offset: Offset = 0, after: After = None):
    return page_response(request, read.people_page(conn, contains=contains, state=state, limit=limit, offset=offset,
                                                   after=after))


def _missing(key: str) -> JSONResponse:
    return not_found(f"person {key!r}", "GET /api/people?contains=NAME finds keys")


# The sub-lists come before the person: ``{key:path}`` would take "KEY/meetings" as a key.
@router.get("/people/{key:path}/meetings", response_model=Page[read.MeetingSummary],
            summary="The meetings a person attended, oldest first", responses=NOT_FOUND)
def api_person_meetings(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)],
                        limit: Limit = 50, offset: Offset = 0, after: After = None):
    pk = read.person_key_for(conn, key)
    return _missing(key) if pk is None else page_response(request, read.person_meetings(
        conn, pk, limit=limit, offset=offset, after=after))


@router.get("/people/{key:path}/statements", response_model=Page[read.StatementRow],
            summary="A person's statements, oldest first", responses=NOT_FOUND)
def api_person_statements(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)],
                          limit: Limit = 50, offset: Offset = 0, after: After = None):
    pk = read.person_key_for(conn, key)
    return _missing(key) if pk is None else page_response(request, read.statements_page(
        conn, speaker=pk, limit=limit, offset=offset, after=after))


@router.get("/people/{key:path}/sources", response_model=Page[read.SourceRef],
            summary="Every report naming a person, oldest first", responses=NOT_FOUND)
def api_person_sources(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)],
                       limit: Limit = 50, offset: Offset = 0, after: After = None):
    pk = read.person_key_for(conn, key)
    return _missing(key) if pk is None else page_response(request, read.sources_page(
        conn, "person", pk, limit=limit, offset=offset, after=after))


@router.get("/people/{key:path}/co-attendees", response_model=Page[read.CoAttendee],
            summary="Who a person met, most shared meetings first", responses=NOT_FOUND)
def api_person_co_attendees(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)],
                            limit: Limit = 50, offset: Offset = 0):
    pk = read.person_key_for(conn, key)
    return _missing(key) if pk is None else page_response(request, read.co_attendees(conn, pk, limit=limit,
                                                                                     offset=offset))


@router.get("/people/{key:path}", response_model=PersonView, summary="A person: offices, meetings, statements",
            responses=NOT_FOUND)
def api_person(key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """A person by key or by a name in any spelling: offices held over time (from the reports
    and the officials registry), the first meetings attended, statements (verbatim, dated, with
    their sources) and reports, with their counts (``person.meetings_count``, ``person.statements``,
    ``person.sources_count``, ``person.co_attendees_count``: the rest at ``/meetings``,
    ``/statements``, ``/sources``, ``/co-attendees`` under the person's URL), and the people met
    most often at meetings."""
    view = read.person_view(conn, key)
    return _missing(key) if view is None else view
