"""The built-in extraction components, registered under the names pipelines use."""

from __future__ import annotations

from parley.extract import component
from parley.extract.context import DocContext
from parley.extract.metadata import read_metadata
from parley.extract.people import extract_people


@component("metadata")
def metadata(ctx: DocContext) -> None:
    # Places are needed to recognise the dateline's city.
    ctx.places = ctx.matchers.places(ctx.analysis)
    read_metadata(ctx)


@component("gazetteer")
def gazetteer(ctx: DocContext) -> None:
    ctx.states = ctx.matchers.states(ctx.analysis)
    ctx.places = ctx.matchers.places(ctx.analysis)
    ctx.organizations = ctx.matchers.organizations(ctx.analysis)


@component("people")
def people(ctx: DocContext) -> None:
    extract_people(ctx)
