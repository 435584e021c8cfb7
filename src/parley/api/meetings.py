"""Meetings and series: the timeline and the meeting page's data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import AfterValidator
from sqlalchemy.engine import Connection

from parley.server.http import (
    MAX_KEY,
    Limit,
    Offset,
    check_date,
    get_conn,
    json_response,
    not_found,
    paged,
)
from parley.server.schemas import MeetingView, Page
from parley.store import read

router = APIRouter(prefix="/api", tags=["meetings"])


Series = Annotated[str | None, Query(max_length=MAX_KEY, description="Series key, e.g. "
                                                                    "cis-security-council-secretaries.")]
Since = Annotated[str | None, AfterValidator(check_date),
                  Query(max_length=10, description="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[str | None, AfterValidator(check_date),
                  Query(max_length=10, description="Up to this date (inclusive; YYYY, YYYY-MM or YYYY-MM-DD).")]
State = Annotated[str | None, Query(max_length=16, description="ISO 3166-1 alpha-3 code of a state represented.")]
Person = Annotated[str | None, Query(max_length=MAX_KEY, description="A participant: a name in any spelling, "
                                                                    "or a person key.")]
Status = Annotated[str | None, Query(pattern="^(held|planned)$", description="held or planned.")]
Topic = Annotated[str | None, Query(max_length=MAX_KEY, description="Topic key, e.g. terrorism.")]


@router.get("/meetings", response_model=Page[read.MeetingSummary], summary="Meetings in date order (the timeline)")
def api_meetings(request: Request, conn: Annotated[Connection, Depends(get_conn)], series: Series = None,
                 since: Since = None, until: Until = None, state: State = None, person: Person = None,
                 status: Status = None, topic: Topic = None, limit: Limit = 50, offset: Offset = 0):
    """Meetings, oldest first (undated last), filtered by series, date range, state, participant,
    status and topic. Rejected meetings are left out."""
    items, more = read.meetings_page(conn, read.MeetingFilters(series, since, until, state, person, status, topic),
                                limit, offset)
    return paged(request, items, limit=limit, offset=offset, more=more)


@router.get("/meetings/{key:path}", response_model=MeetingView, summary="One meeting with every value's sources",
            responses={404: {"description": "No such meeting"}})
def api_meeting(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """Every value with the documents (and character spans) behind it, conflicts (``flags``),
    participants grouped by state, statements, agreements, and the corrections made to it."""
    view = read.meeting_view(conn, key)
    if view is None:
        return not_found(f"meeting {key!r}", "GET /api/meetings lists the keys")
    return json_response(view)


@router.get("/series", summary="The known meeting series with how many meetings each has")
def api_series_list(conn: Annotated[Connection, Depends(get_conn)]):
    return json_response(read.list_series(conn))


@router.get("/series/{key}", summary="A series' timeline: held, planned and missing meetings")
def api_series(key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """Meetings of the series in order; ordinals no report covers are listed as ``missing``
    with their expected year when the series meets once a year."""
    known = {s["key"] for s in read.list_series(conn)}
    if key not in known:
        return not_found(f"series {key!r}", "GET /api/series lists them")
    return json_response(read.series_timeline(conn, key))
