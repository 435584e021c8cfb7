"""The knowledge base's one read layer: functions taking a Connection (or Session) and returning
typed views (dataclasses) that the command line, the JSON API and the pages all render. Every value
comes with the documents behind it; conflicts and corrections are part of the answer.

One module per resource; this package re-exports them.
"""

from __future__ import annotations

from parley.store.read.agreements import (
    AgreementDetail,
    AgreementSummary,
    agreement_view,
    agreements_page,
    get_agreement,
    list_agreements,
)
from parley.store.read.common import Conn, SourceRef, enrich_sources, to_dict, totals
from parley.store.read.documents import (
    DocumentView,
    Segment,
    document_view,
    fact_spans,
    format_spans,
    get_document,
    matching_documents,
    merge_spans,
    parse_spans,
    record_of,
    segments,
)
from parley.store.read.labels import FilterOptions, filter_options, series_name, state_name, topic_name
from parley.store.read.lookup import find_people, meeting_keys_for, person_alias_keys, person_keys_by_alias
from parley.store.read.meetings import (
    MeetingDetail,
    MeetingFilters,
    MeetingSummary,
    Participant,
    StateGroup,
    get_meeting,
    list_meetings,
    list_meetings_page,
    list_series,
    meeting_topics,
    meeting_view,
    meetings_page,
    participants_by_state,
    series_timeline,
)
from parley.store.read.network import Network, network
from parley.store.read.people import (
    CoAttendee,
    OfficeHolder,
    OfficeSpan,
    PersonDetail,
    PersonSummary,
    co_attendees,
    get_person,
    list_people,
    office_holders,
    parse_office,
    people_page,
    person_view,
)
from parley.store.read.review import (
    ReviewItem,
    corrections_page,
    review_page,
)
from parley.store.read.search import SearchResults, search
from parley.store.read.statements import StatementRow, get_statement, search_statements

__all__ = [
    "AgreementDetail",
    "AgreementSummary",
    "CoAttendee",
    "Conn",
    "DocumentView",
    "FilterOptions",
    "MeetingDetail",
    "MeetingFilters",
    "MeetingSummary",
    "Network",
    "OfficeHolder",
    "OfficeSpan",
    "Participant",
    "PersonDetail",
    "PersonSummary",
    "ReviewItem",
    "SearchResults",
    "Segment",
    "SourceRef",
    "StateGroup",
    "StatementRow",
    "agreement_view",
    "agreements_page",
    "co_attendees",
    "corrections_page",
    "document_view",
    "enrich_sources",
    "fact_spans",
    "filter_options",
    "find_people",
    "format_spans",
    "get_agreement",
    "get_document",
    "matching_documents",
    "get_meeting",
    "get_person",
    "get_statement",
    "list_agreements",
    "list_meetings",
    "list_meetings_page",
    "list_people",
    "list_series",
    "meeting_keys_for",
    "meeting_topics",
    "meeting_view",
    "meetings_page",
    "merge_spans",
    "network",
    "office_holders",
    "parse_office",
    "parse_spans",
    "participants_by_state",
    "people_page",
    "person_alias_keys",
    "person_keys_by_alias",
    "person_view",
    "record_of",
    "review_page",
    "search",
    "search_statements",
    "segments",
    "series_name",
    "series_timeline",
    "state_name",
    "to_dict",
    "topic_name",
    "totals",
]
