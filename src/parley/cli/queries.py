"""Reading the record: ``parley meetings|meeting|series|person|people|agreements|agreement|statements|review``.

Listing commands print tables, or JSON with ``--json``; a lookup that finds nothing exits 1.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from parley.cli.common import (
    DbOpt,
    JsonOpt,
    LimitOpt,
    OffsetOpt,
    describe_flag,
    doc_name,
    flag_codes,
    open_kb,
    out,
    print_json,
    report_failures,
    show,
    shown_line,
    warn_pending,
)
from parley.cli.listing import Format, FormatOpt, emit, short, text
from parley.cli.listing import key as key_col

# "All of them" as a page size: more than any store holds.
ALL = 2**31 - 1


def meetings(
    db: DbOpt = None,
    series: Annotated[str | None, typer.Option(help="Series key, e.g. cis-security-council-secretaries.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date.")] = None,
    state: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-3 of a state represented.")] = None,
    person: Annotated[str | None, typer.Option(help="A participant, in any spelling.")] = None,
    status: Annotated[str | None, typer.Option(help="held or planned.")] = None,
    topic: Annotated[str | None, typer.Option(help="Topic key, e.g. terrorism.")] = None,
    include_rejected: Annotated[bool, typer.Option("--all", help="Include meetings rejected by a correction.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many [default: all].")] = None,
    offset: OffsetOpt = 0,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
) -> None:
    """Meetings in date order, with how many documents report each and open flags."""
    from parley.store.read import MeetingFilters, meetings_page

    with open_kb(db) as store, store.connect() as conn:
        page = meetings_page(conn, MeetingFilters(series, since, until, state, person, status, topic, include_rejected),
                             limit=limit or ALL, offset=offset)
        if not as_json:
            warn_pending(store)
    rows = page.items
    if as_json:
        print_json(rows)
        return
    emit(shown_line(page, "meeting(s)"),
         [short("date"), short("no.", drop=3), text("meeting"), text("place", drop=5), short("status", drop=4),
          short("docs", drop=2), text("flags", drop=6), key_col()],
         [(r.start or "?", "" if r.ordinal is None else str(r.ordinal), r.label, r.place or r.country,
           r.status + (" ✗" if r.rejected else ""), str(r.documents), flag_codes(r.flags), r.key) for r in rows], fmt)
    if not rows:
        raise typer.Exit(1)


def meeting(key: Annotated[str, typer.Argument(help="Meeting key (see `parley meetings`).")], db: DbOpt = None,
            as_json: JsonOpt = False) -> None:
    """One meeting: every value with the documents behind it, conflicts, statements, agreements."""
    from parley.store.read import meeting_view

    with open_kb(db) as store, store.connect() as conn:
        view = meeting_view(conn, key)
    # --json: the same view as GET /api/meetings/{key} and the meeting's page
    show(view, missing=f"meeting {key!r}", hint="`parley meetings` lists the keys", as_json=as_json,
         render=_print_meeting)


def _print_meeting(view: dict) -> None:
    d = view["meeting"]
    out.print(f"[bold]{escape(d.label)}[/bold]  ({escape(d.key)})")
    if d.name and d.name != d.label:
        out.print(f"reported as: {escape(d.name)}", highlight=False)
    table = Table("field", "value", "reported by", show_lines=False)
    for fname in ("series", "ordinal", "status", "start", "end", "place", "country", "chair", "format"):
        entries = d.fields.get(fname) or []
        for e in entries:
            mark = "✓ " if e.get("chosen") else "  "
            who = ", ".join(sorted({doc_name(s.get("name"), s["document"]) if "document" in s
                                    else f"correction {s['correction']} by {s['by']}" for s in e["sources"]}))
            more = e["sources_count"] - len(e["sources"])
            table.add_row(fname, Text(f"{mark}{e['value']}"), Text(who + (f" and {more} more" if more else "")))
    for kind in ("state", "organization", "person", "topic"):
        for mm in d.members.get(kind, []):
            table.add_row(kind, Text(mm["label"]), f"{mm['sources_count']} source(s)")
    out.print(table)
    for f in d.open_flags:
        out.print(f"[yellow]{f['code']}[/yellow] " + escape(f"{f.get('field', '')}: {describe_flag(f)}"))
    emit(f"sources: the first {len(d.sources)} of {d.sources_count}",
         [key_col("document"), text("outlet", drop=3), short("published", drop=2), text("url", drop=4),
          short("status", drop=1), text("evidence", drop=5)],
         [(doc_name(s.name, s.document_id), s.outlet, s.published, s.url, s.status,
           " ".join(f"{a}-{b}" for a, b in s.evidence[:4])) for s in d.sources])
    if d.statements_count:
        out.print(escape(f"{d.statements_count} statement(s): `parley statements --meeting {d.key}`"))
    for a in d.agreements:
        out.print(escape(f"agreement: {a.title_en or a.title} ({a.key})"))


def series(key: Annotated[str | None, typer.Argument(help="Series key; none lists the series.")] = None,
           db: DbOpt = None, as_json: JsonOpt = False, fmt: FormatOpt = Format.table) -> None:
    """A series' meetings in order: held, planned, and missing ordinals inferred from the others."""
    from parley.store.read import list_series, series_timeline

    with open_kb(db) as store, store.connect() as conn:
        if key is None:
            data = list_series(conn)
            if as_json:
                print_json(data)
                return
            emit(f"{len(data)} series", [key_col("series"), short("meetings"), text("name")],
                 [(s["key"], str(s["meetings"]), s["name"]) for s in data], fmt)
            return
        tl = series_timeline(conn, key)
    if as_json:
        print_json(tl)
        return
    regular = f"one a year (year = ordinal + {tl.offset})" if tl.regular == "annual" and tl.offset is not None \
        else (tl.regular or "no regular interval known")
    # A missing ordinal has no meeting key: its row says so in the status column.
    emit(f"{key}: {regular}",
         [short("no."), short("year", drop=3), short("date", drop=2), short("status"), text("place", drop=4),
          short("docs", drop=1), text("notes", drop=5), key_col("meeting")],
         [("" if e.ordinal is None else (f"{e.ordinal}?" if e.inferred_ordinal else str(e.ordinal)),
           str(e.year or e.expected_year or ""), e.start, e.state, e.place, str(e.sources or ""), "; ".join(e.notes),
           e.meeting) for e in tl.entries], fmt)


def person(
    name: Annotated[str, typer.Argument(help="A name in any spelling, a person key, or an office "
                                             "(\"Secretary of the Security Council of Russia\").")],
    db: DbOpt = None,
    at: Annotated[str | None, typer.Option(help="For an office: who held it on this date.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """A person: spellings, offices over time, the first meetings and statements; or who held an
    office on a date."""
    from parley.store.read import office_holders, parse_office, person_view

    with open_kb(db) as store, store.connect() as conn:
        office = parse_office(name)
        view = None if (office and office[1]) else person_view(conn, name)
        holders = office_holders(conn, office[0], office[1], at=at) if office and view is None else None
    if holders is not None:
        if as_json:
            print_json(holders)
            return
        title = f"{office[0]} ({office[1] or 'any state'})" + (f" on {at}" if at else " (latest)")
        emit(title, [text("name"), text("title", drop=3), short("from", drop=2), short("to", drop=1),
                     short("basis", drop=4), key_col()],
             [(h.name, h.title, h.first_seen or "?", h.last_seen, h.basis, h.person_key) for h in holders])
        if not holders:
            raise typer.Exit(1)
        return
    # --json: the view the API and the person page show
    show(view, missing=f"person matches {name!r}", hint="try another spelling, or `parley people --contains`",
         as_json=as_json, render=_print_person)


def _print_person(view: dict) -> None:
    detail = view["person"]
    out.print(Text.assemble((detail.name, "bold"), f"  ({detail.key}){'  registry' if detail.official else ''}"))
    if detail.aliases:
        out.print(Text("also written: " + ", ".join(detail.aliases)))
    out.print(f"seen {detail.first_seen or '?'} – {detail.last_seen or '?'} in {detail.documents} document(s); "
              f"{detail.statements} statement(s)")
    table = Table("office", "state/org", "first", "last", "basis", title="offices")
    for o in detail.offices:
        table.add_row(Text(o.title), Text(o.state or o.organization or ""), o.first_seen or "?", o.last_seen or "",
                      o.basis + (f" ({o.documents} doc)" if o.basis == "reports" else ""))
    out.print(table)
    emit(f"{len(detail.meetings)} of {detail.meetings_count} meeting(s)",
         [short("date"), text("meeting"), text("place", drop=1), key_col()],
         [(m.start or "?", m.label, m.place, m.key) for m in detail.meetings])
    if detail.meetings_count > len(detail.meetings):
        out.print(escape(f"all of them: parley meetings --person {detail.key}"))
    if detail.statements > len(view["statements"]):
        out.print(escape(f"all {detail.statements} statements: parley statements --speaker {detail.key}"))


def people(db: DbOpt = None,
           contains: Annotated[str | None, typer.Option(help="Part of a name, any spelling.")] = None,
           state: Annotated[str | None, typer.Option(help="Held an office of this state (ISO3).")] = None,
           limit: LimitOpt = 100, offset: OffsetOpt = 0, as_json: JsonOpt = False, fmt: FormatOpt = Format.table
           ) -> None:
    """People, most reported first."""
    from parley.store.read import people_page

    with open_kb(db) as store, store.connect() as conn:
        page = people_page(conn, contains=contains, state=state, limit=limit, offset=offset)
    if as_json:
        print_json(page.items)
        return
    emit(shown_line(page, "person(s)"), [text("name"), short("seen", drop=2), short("docs", drop=1), key_col()],
         [(p.name, f"{p.first_seen or '?'} – {p.last_seen or '?'}", str(p.documents), p.key) for p in page.items], fmt)


def agreements(
    db: DbOpt = None,
    party: Annotated[str | None, typer.Option(help="A party: ISO3 or organisation key.")] = None,
    kind: Annotated[str | None, typer.Option(help="plan, program, treaty, agreement, memorandum ...")] = None,
    contains: Annotated[str | None, typer.Option(help="Words of the title.")] = None,
    since: Annotated[int | None, typer.Option(help="In force or signed from this year.")] = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0,
    as_json: JsonOpt = False, fmt: FormatOpt = Format.table,
) -> None:
    """Agreements, grouped by parties, successive plans in order with their predecessors."""
    from parley.store.read import agreements_page

    with open_kb(db) as store, store.connect() as conn:
        page = agreements_page(conn, party=party, kind=kind, contains=contains, since=since, limit=limit,
                               offset=offset)
    if as_json:
        print_json(page.items)
        return
    emit(shown_line(page, "agreement(s)"),
         [short("parties", drop=3), short("kind", drop=4), short("years", drop=5), short("signed", drop=2),
          text("title", drop=1), short("docs", drop=6), key_col("follows", drop=7), key_col()],
         [("+".join(a.parties), a.kind, f"{a.valid_from or ''}–{a.valid_to or ''}" if a.valid_from or a.valid_to
           else "", a.signed, a.title_en or a.title, str(a.documents), a.predecessor, a.key) for a in page.items], fmt)


def agreement(key: Annotated[str, typer.Argument()], db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """One agreement with its first sources and its sequence (predecessor, successor)."""
    from parley.store.read import agreement_view

    with open_kb(db) as store, store.connect() as conn:
        view = agreement_view(conn, key)
    # --json: the view the API and the agreement page show
    show(view, missing=f"agreement {key!r}", hint="`parley agreements` lists the keys", as_json=as_json,
         render=_print_agreement)


def _print_agreement(view: dict) -> None:
    d = view["agreement"]
    out.print(Text.assemble((d.title_en or d.title, "bold"), f" ({d.key})"))
    out.print(Text(f"{d.kind}; parties {', '.join(d.parties) or '?'}; signed {d.signed or '?'}; "
                   f"{d.valid_from or ''}–{d.valid_to or ''}; meetings: {', '.join(d.meetings) or '-'}"))
    for a in d.chain:
        out.print(Text(f"  {'→' if a.key == d.key else ' '} {a.valid_from}–{a.valid_to} {a.title_en or a.title} "
                       f"({a.key})"))
    for s in d.sources:
        out.print(Text(f"  source {doc_name(s.name, s.document_id)} {s.outlet or ''} {s.published or ''} {s.url or ''}"))
    if d.sources_count > len(d.sources):
        out.print(Text(f"  ... {d.sources_count} sources in all: GET /api/agreements/{d.key}/sources"))


def statements(
    db: DbOpt = None,
    speaker: Annotated[str | None, typer.Option(help="Who said it, any spelling.")] = None,
    contains: Annotated[str | None, typer.Option(help="Words the quotation contains (all of them).")] = None,
    meeting: Annotated[str | None, typer.Option(help="Said at this meeting (key).")] = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0,
    as_json: JsonOpt = False, fmt: FormatOpt = Format.table,
) -> None:
    """Direct quotations, oldest first, with the meeting and outlets."""
    from parley.store.read import statements_page

    with open_kb(db) as store, store.connect() as conn:
        page = statements_page(conn, speaker=speaker, contains=contains, meeting=meeting, limit=limit, offset=offset)
    if as_json:
        print_json(page.items)
        return
    emit(shown_line(page, "statement(s)"),
         [short("date", drop=2), text("speaker", drop=3), text("quote"), text("outlets", drop=4),
          key_col("meeting", drop=5), key_col()],
         [(s.date or "?", s.speaker, s.quote, ", ".join(sorted({x.outlet or "?" for x in s.sources})), s.meeting, s.key)
          for s in page.items], fmt)
    if not page.items:
        raise typer.Exit(1)


def review(db: DbOpt = None,
           below: Annotated[float, typer.Option(help="Confidence under which a fact needs review.")] = 0.7,
           limit: Annotated[int, typer.Option()] = 50, as_json: JsonOpt = False, fmt: FormatOpt = Format.table
           ) -> None:
    """Facts to check: conflicts first, then low confidence. Settle them with `parley fix`."""
    from parley.store.blocks import failed_blocks
    from parley.store.read import review_page

    with open_kb(db) as store, store.connect() as conn:
        page = review_page(conn, below=below, limit=limit)
        failed = failed_blocks(conn)
    items = page.items
    if as_json:
        print_json(items)
        return
    report_failures(failed)
    emit(f"{len(items)} of {page.total} item(s) to review",
         [short("kind"), key_col(), text("what", drop=1), short("conf.", drop=3), short("docs", drop=4),
          text("why", drop=2)],
         [(i.kind, i.key, i.label, f"{i.confidence:.2f}", str(i.documents), "; ".join(i.reasons)) for i in items], fmt)
