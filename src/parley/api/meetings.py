"""Meetings and series: the timeline and the meeting page's data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import AfterValidator
from sqlalchemy.engine import Connection

from parley.server.http import (
    MAX_KEY,
    After,
    Limit,
    Offset,
    check_date,
    get_conn,
    json_response,
    not_found,
    page_response,
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
                 status: Status = None, topic: Topic = None, limit: Limit = 50, offset: Offset = 0,
                 after: After = None):
    """Meetings, oldest first (undated last), filtered by series, date range, state, participant,
    status and topic. Rejected meetings are left out. ``count`` is how many match; flags give a
    document count per value (the documents: ``/api/meetings/{key}/sources``)."""
    page = read.meetings_page(conn, read.MeetingFilters(series, since, until, state, person, status, topic),
                              limit, offset, after)
    return page_response(request, page)


@router.get("/meetings/{key:path}/sources", response_model=Page[read.SourceRef],
            summary="One page of a meeting's sources, or of one of its values' sources",
            responses={404: {"description": "No such meeting or value"}})
def api_meeting_sources(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)],
                        field: Annotated[str | None, Query(max_length=64, description=(
                            "A field (start, place, chair ...) or a member kind (state, person, organization, "
                            "topic); none: the meeting's own sources."))] = None,
                        value: Annotated[str | None, Query(max_length=MAX_KEY, description=(
                            "The field's value (a member's value: its key or code)."))] = None,
                        limit: Limit = 50, offset: Offset = 0):
    """The documents behind the meeting (or one of its values) that its detail does not carry:
    the detail gives each value's first few sources and ``sources_count``."""
    page = read.meeting_sources(conn, key, field or None, value, limit=limit, offset=offset)
    if page is None:
        return not_found(f"meeting {key!r}" + (f" with {field} {value!r}" if field else ""),
                         "GET /api/meetings/{key} lists its values")
    return page_response(request, page)


@router.get("/meetings/{key:path}", response_model=MeetingView, summary="One meeting with every value's sources",
            responses={404: {"description": "No such meeting"}})
def api_meeting(key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """Every value with its first sources (and character spans) and how many there are
    (``sources_count``: the rest through ``/api/meetings/{key}/sources``), conflicts (``flags``),
    participants grouped by state, statements, agreements, and the corrections made to it."""
    view = read.meeting_view(conn, key)
    if view is None:
        return not_found(f"meeting {key!r}", "GET /api/meetings lists the keys")
    return view


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
