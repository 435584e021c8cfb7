"""From a document's extracted mentions to its extraction record."""

from __future__ import annotations

from parley.extract.context import DocContext
from parley.record import DocumentInfo, Office, Person, Record


def assemble(ctx: DocContext) -> Record:
    doc = ctx.document
    from parley.extract.metadata import find_source

    info = DocumentInfo(
        id=doc.id,
        name=doc.name,
        title=doc.title,
        published=ctx.published.isoformat() if ctx.published else None,
        language=ctx.language,
        source=find_source(ctx),
        url=doc.url,
        origin=doc.origin,
    )
    record = Record(document=info)
    record.people = [_person(ctx, i) for i in range(len(ctx.people))]
    return record


def _person(ctx: DocContext, i: int) -> Person:
    p = ctx.people[i]
    out = Person(name=p.name, aliases=list(p.aliases))
    out.offices = [Office(o.title, o.state, o.organization) for o in p.offices]
    for m in p.mentions:
        out.back("name", (m.start, m.end))
        if m.office:
            out.back("offices", m.office.span, m.office.title)
    out.confidence = 0.9 if p.official else 0.7
    return out
