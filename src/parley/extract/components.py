"""The built-in extraction components, registered under the names pipelines use."""

from __future__ import annotations

from parley.extract import component
from parley.extract.agreements import extract_agreements
from parley.extract.context import DocContext
from parley.extract.meetings import extract_meetings
from parley.extract.metadata import read_metadata
from parley.extract.people import extract_people
from parley.extract.statements import extract_statements
from parley.extract.topics import extract_topics


@component("gazetteer")
def gazetteer(ctx: DocContext) -> None:
    ctx.states = ctx.matchers.states(ctx.analysis)
    ctx.places = ctx.matchers.places(ctx.analysis)
    ctx.organizations = ctx.matchers.organizations(ctx.analysis)


@component("metadata")
def metadata(ctx: DocContext) -> None:
    # After the gazetteer: the dateline's city is one of its places.
    read_metadata(ctx)


@component("people")
def people(ctx: DocContext) -> None:
    extract_people(ctx)


@component("statements")
def statements(ctx: DocContext) -> None:
    extract_statements(ctx)


@component("meetings")
def meetings(ctx: DocContext) -> None:
    extract_meetings(ctx)


@component("agreements")
def agreements(ctx: DocContext) -> None:
    extract_agreements(ctx)


@component("topics")
def topics(ctx: DocContext) -> None:
    extract_topics(ctx)
