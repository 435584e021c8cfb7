"""Meetings and series: the timeline and the meeting page's data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import AfterValidator
from sqlalchemy.engine import Connection

from parley.api.common import (
    MAX_KEY,
    Limit,
    Offset,
    check_date,
    get_conn,
    json_response,
    not_found,
    paged,
)
from parley.api.schemas import MeetingView, Page
from parley.store import read
from parley.store.corrections import list_corrections

router = APIRouter(prefix="/api", tags=["meetings"])


@dataclass
class MeetingFilters:
    series: str | None = None
    since: str | None = None
    until: str | None = None
    state: str | None = None
    person: str | None = None
    status: str | None = None
    topic: str | None = None

    def clean(self) -> MeetingFilters:
        return MeetingFilters(*((v or "").strip() or None for v in (self.series, self.since, self.until, self.state,
                                                                     self.person, self.status, self.topic)))

    def active(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def meetings_page(conn: Connection, f: MeetingFilters, limit: int, offset: int) -> tuple[list[read.MeetingSummary], bool]:
    f = f.clean()
    return read.list_meetings_page(conn, series=f.series, since=f.since, until=f.until, state=f.state,
                                 person=f.person, status=f.status, topic=f.topic, limit=limit, offset=offset)


def meeting_view(request: Request, conn: Connection, key: str) -> dict[str, Any] | None:
    detail = read.get_meeting(conn, key)
    if detail is None:
        return None
    read.enrich_sources(conn, [detail.fields, detail.members])
    corrections = [c.to_dict() for c in list_corrections(conn, target_kind="meeting", target_key=detail.key)]
    return {"meeting": detail, "participants": read.participants_by_state(conn, detail),
            "corrections": corrections, "series_name": read.series_name(detail.series) or None}


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
    items, more = meetings_page(conn, MeetingFilters(series, since, until, state, person, status, topic),
                                limit, offset)
    return paged(request, items, limit=limit, offset=offset, more=more)


@router.get("/meetings/{key:path}", response_model=MeetingView, summary="One meeting with every value's sources",
            responses={404: {"description": "No such meeting"}})
def api_meeting(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """Every value with the documents (and character spans) behind it, conflicts (``flags``),
    participants grouped by state, statements, agreements, and the corrections made to it."""
    view = meeting_view(request, conn, key)
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
