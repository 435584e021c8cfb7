"""From a document's extracted mentions to its extraction record."""

from __future__ import annotations

from parley.extract.context import DocContext
from parley.extract.meetings import MeetingFrame
from parley.extract.metadata import find_source
from parley.record import Agreement, DocumentInfo, Meeting, Office, Person, Record, Statement, Supported


def assemble(ctx: DocContext) -> Record:
    doc = ctx.document
    info = DocumentInfo(
        id=doc.id,
        name=doc.name,
        title=doc.title,
        published=ctx.published.isoformat() if ctx.published else None,
        language=ctx.language,
        source=find_source(ctx),
        url=doc.url,
        origin=doc.origin,
        text_sha=doc.text_sha,
    )
    record = Record(document=info)
    record.people = [_person(ctx, i) for i in range(len(ctx.people))]
    frames = [f for f in ctx.frames if _worth_reporting(ctx, f)]
    main_index = next((i for i, f in enumerate(frames) if f.main), None)
    record.meetings = [_meeting(ctx, f, main_index) for f in frames]
    for a in ctx.agreements:
        record.agreements.append(_agreement(ctx, a, main_index))
    for q in ctx.quotes:
        if q.speaker is None:
            continue
        st = Statement(speaker=ctx.people[q.speaker].name, quote=" ".join(ctx.text[q.start:q.end].split()))
        st.back("quote", (q.start, q.end))
        st.back("speaker", q.attribution)
        st.meeting = main_index if main_index is not None and record.meetings[main_index].status == "held" else None
        st.confidence = {"quote": 0.85, "dash": 0.75, "answer": 0.8, "speech": 0.8, "implied": 0.6}.get(q.mode, 0.6)
        record.statements.append(st)
    return record


def _worth_reporting(ctx: DocContext, f: MeetingFrame) -> bool:
    """Precision first: a meeting is reported when the text identifies it well enough to be checked."""
    if f.main:
        return True
    if f.format == "bilateral":
        # Two people, or one who receives a delegation of a state named
        return len(f.persons) >= 2 or (len(f.persons) == 1 and any(m.sides for m in f.mentions))
    # A meeting mentioned in passing, with neither date nor place nor number, cannot be told apart
    # from any other of its series: it is left out.
    identified = f.start or f.place or f.country or f.ordinal
    met = any(m.reception and m.met[1] and m.persons for m in f.mentions)  # a named leader meets a body
    # A numbered meeting with a proper name: "the Seventh Moscow Conference", "the seventh Moscow Conference".
    named = bool(f.ordinal) and any(w[:1].isupper() for w in f.name.split()[:3])
    return bool(identified and (f.series or f.body or f.joint or f.organization or met or named))


def _person(ctx: DocContext, i: int) -> Person:
    p = ctx.people[i]
    out = Person(name=p.name, aliases=list(p.aliases))
    out.offices = [Office(o.title, o.state, o.organization) for o in p.offices]
    for m in p.mentions:
        out.back("name", (m.start, m.end))
    for o in p.offices:
        out.back("offices", o.span, o.title)
    out.confidence = 0.9 if p.official else 0.7
    return out


def _values(item: Supported, slot: str, found: dict[str, list[tuple[int, int]]]) -> list[str]:
    """A list slot's values, in the order found, each backed by its own spans."""
    for value, spans in found.items():
        for span in spans:
            item.back(slot, span, value)
    return list(found)


def _meeting(ctx: DocContext, f: MeetingFrame, main_index: int | None) -> Meeting:
    m = Meeting(name=f.name, format=f.format, series=f.series, ordinal=f.ordinal, start=f.start, end=f.end,
                place=f.place, country=f.country, status=f.status, body=f.body_name)
    m.back("name", f.name_span)
    for mention in f.mentions:
        m.evidence.append(mention.sentence)
    if f.series:
        m.back("series", f.name_span)
    if f.ordinal:
        m.back("ordinal", f.name_span)
    m.back("start", f.date_span)
    m.back("place", f.place_span)
    m.back("country", f.country_span)
    if f.chair is not None:
        m.chair = ctx.people[f.chair].name
        m.back("chair", f.chair_span)
    m.states = _values(m, "states", f.states)
    m.organizations = _values(m, "organizations", f.organizations)
    m.persons = _values(m, "persons", {ctx.people[pid].name: spans for pid, spans in f.persons.items()})
    m.topics = _values(m, "topics", f.topics)
    if f.part_of is not None and main_index is not None and not f.main:
        m.part_of = main_index
    conf = 0.5 + 0.15 * bool(f.series) + 0.1 * bool(f.start) + 0.1 * bool(f.place) + 0.05 * len(f.mentions)
    m.confidence = min(conf, 0.95) if f.date_source != "published" else min(conf, 0.8)
    return m


def _agreement(ctx: DocContext, a, main_index: int | None) -> Agreement:  # noqa: ANN001 - AgreementMention
    out = Agreement(title=a.title, kind=a.kind, signed=a.signed, valid_from=a.valid_from, valid_to=a.valid_to)
    out.back("title", a.span)
    out.back("signed", a.signed_span)
    out.parties = _values(out, "parties", a.parties)
    out.signatories = _values(out, "signatories", {ctx.people[pid].name: spans for pid, spans in a.signatories.items()})
    if a.at_meeting:
        out.meeting = main_index
    out.confidence = 0.6 + 0.15 * bool(a.valid_from) + 0.1 * bool(a.signed) + (0.0 if not a.draft else -0.2)
    if ctx.language == "ru":
        out.title_en = _title_en(a.title)
    return out


def _title_en(title: str) -> str | None:
    from parley.extract.agreement_titles import english_title

    return english_title(title)

