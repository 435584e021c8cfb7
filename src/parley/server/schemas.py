"""Response and request models for the OpenAPI description (``/docs``).

The endpoints return the store's query dataclasses as JSON; these models describe them (they
are the same dataclasses, wrapped in the page envelope), and the request bodies are validated.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from parley.store import read

T = TypeVar("T")

# Keys are a few dozen characters (``cis-security-council-secretaries/14``, a document's sha256
# with ``:meeting:0``); 500 leaves room for any real one and refuses megabyte keys at the door.
MAX_KEY = 500
MAX_FIELD = 64
MAX_REASON = 4000


class Page(BaseModel, Generic[T]):
    """A page of results; follow ``next`` (a relative URL) until it is null."""

    items: list[T]
    limit: int
    offset: int
    count: int
    next: str | None = Field(description="The next page, or null on the last one.")
    prev: str | None = None


class MeetingView(BaseModel):
    """A meeting: every value with its sources (``fields``), members with sources, flags
    (conflicts), participants grouped by state, statements and agreements, corrections."""

    model_config = ConfigDict(extra="allow")
    meeting: read.MeetingDetail
    participants: list[read.StateGroup]
    corrections: list[dict[str, Any]]
    series_name: str | None


class PersonView(BaseModel):
    model_config = ConfigDict(extra="allow")
    person: read.PersonDetail
    statements: list[read.StatementRow]
    co_attendees: list[read.CoAttendee]
    corrections: list[dict[str, Any]]


class AgreementView(BaseModel):
    model_config = ConfigDict(extra="allow")
    agreement: read.AgreementDetail
    corrections: list[dict[str, Any]]


class Highlight(BaseModel):
    start: int
    end: int
    text: str


class DocumentOut(BaseModel):
    """A stored document: metadata, original text, extraction record, and the spans asked for
    (``?spans=12-40,88-93`` or ``?fact=meeting:0``) with their text."""

    model_config = ConfigDict(extra="allow")
    id: str
    name: str
    url: str | None
    outlet: str | None
    title: str | None
    language: str | None
    published: str | None
    raw_text: str | None
    record: dict[str, Any]
    highlights: list[Highlight]
    removed_by: int | None = Field(None, description="The correction that took it out of the record (its facts do "
                                                     "not count), or null.")
    copies: list[read.CopyRef] = Field([], description="The same text found elsewhere (another URL, or the page "
                                                       "fetched again with other furniture): no second source.")


class SearchOut(BaseModel):
    """One page of each kind searched, best match first."""

    query: str
    people: list[read.PersonSummary]
    meetings: list[read.MeetingSummary]
    agreements: list[read.AgreementSummary]
    statements: list[read.StatementRow]
    documents: list[dict[str, Any]]
    count: dict[str, int] = Field(description="How many of each kind searched match in all.")
    kind: str | None = None
    limit: int
    offset: int
    next: dict[str, str] = Field(description="Per kind with more matches: the URL of its next page.")
    all: dict[str, dict[str, str]] = Field(description="Per kind searched: all of that kind, from the API (api) "
                                                       "and as a page (page).")


class NetworkOut(BaseModel):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    meetings: int
    truncated: bool


class CorrectionIn(BaseModel):
    """A review decision or any correction; kept with who (the token's name), when and why."""

    target_kind: Literal["meeting", "person", "agreement", "statement", "fact", "document"]
    target_key: str = Field(min_length=1, max_length=MAX_KEY,
                            description="The entity's key, DOCUMENT_ID:KIND:INDEX for a fact, or a document's id "
                                        "(action remove: the document no longer counts) - at most 500 characters.")
    action: Literal["accept", "reject", "edit", "add", "remove", "same_as", "not_same_as", "split"]
    field: str | None = Field(None, max_length=MAX_FIELD,
                              description="For edit/add/remove (and accept of one field): the field.")
    value: Any = Field(None, description="For edit/add/remove: the new value (null clears a field). For a meeting "
                                         "or a person: same_as, not_same_as: the other's key (not_same_as: or, "
                                         "when this record holds both, the other's documents, a list); split: "
                                         "the groups of documents, a list of lists of ids, prefixes or names.")
    reason: str = Field(min_length=1, max_length=MAX_REASON, description="Why: kept with the correction.")


class RevertIn(BaseModel):
    reason: str = Field(min_length=1, max_length=MAX_REASON)


class IngestIn(BaseModel):
    """Extraction records (``"schema": "parley/extraction/v1"``, with the original ``text``) are
    stored as they are; documents (``{"id", "url", "title", "published", "source", "text"}`` or
    ``"html"`` instead of ``"text"``) are extracted first, which loads the language models."""

    records: list[dict[str, Any]] = Field(default_factory=list)
    documents: list[dict[str, Any]] = Field(default_factory=list)


class WhoAmI(BaseModel):
    id: str
    name: str
