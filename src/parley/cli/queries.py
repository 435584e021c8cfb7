"""Reading the record: ``parley meetings|meeting|series|person|people|agreements|agreement|statements|review``.

Listing commands print tables, or JSON with ``--json``; a lookup that finds nothing exits 1.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from parley.cli.common import (
    DbOpt,
    JsonOpt,
    LimitOpt,
    OffsetOpt,
    describe_flag,
    flag_codes,
    key_table,
    open_kb,
    out,
    print_json,
    report_failures,
    show,
    shown_line,
    warn_pending,
)


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
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Meetings in date order, with how many documents report each and open flags."""
    from parley.store.read import list_meetings

    with open_kb(db) as store, store.connect() as conn:
        rows = list_meetings(conn, series=series, since=since, until=until, state=state, person=person, status=status,
                             topic=topic, include_rejected=include_rejected, limit=limit)
        if not as_json:
            warn_pending(store)
    if as_json:
        print_json(rows)
        return
    table = key_table(f"{len(rows)} meeting(s)", ("date", 10), ("no.", 3), ("meeting", 0), ("place", 12),
                   ("status", 7), ("docs", 4), ("flags", 0), ("key", -1))
    for r in rows:
        status = r.status + (" ✗" if r.rejected else "")
        table.add_row(r.start or "?", "" if r.ordinal is None else str(r.ordinal), r.label,
                      r.place or r.country or "", status, str(r.documents), flag_codes(r.flags), r.key)
    out.print(table)
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
            mark = "[green]✓[/green] " if e.get("chosen") else "  "
            who = ", ".join(sorted({(s.get("outlet") or s.get("document", "")[:8]) if "document" in s
                                    else f"correction {s['correction']} by {s['by']}" for s in e["sources"]}))
            more = e["sources_count"] - len(e["sources"])
            table.add_row(fname, f"{mark}{e['value']}", who + (f" and {more} more" if more else ""))
    for kind in ("state", "organization", "person", "topic"):
        for mm in d.members.get(kind, []):
            table.add_row(kind, mm["label"], f"{mm['sources_count']} source(s)")
    out.print(table)
    for f in d.open_flags:
        out.print(f"[yellow]{f['code']}[/yellow] {f.get('field', '')}: {describe_flag(f)}")
    src = Table("document", "outlet", "published", "url", "status", "evidence",
                title=f"sources: the first {len(d.sources)} of {d.sources_count}")
    for s in d.sources:
        src.add_row(s.document_id[:12], s.outlet or "", s.published or "", s.url or "", s.status or "",
                    " ".join(f"{a}-{b}" for a, b in s.evidence[:4]))
    out.print(src)
    if d.statements_count:
        out.print(f"{d.statements_count} statement(s): `parley statements --meeting {d.key}`")
    for a in d.agreements:
        out.print(f"agreement: {a.title_en or a.title} ({a.key})")


def series(key: Annotated[str | None, typer.Argument(help="Series key; none lists the series.")] = None,
           db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """A series' meetings in order: held, planned, and missing ordinals inferred from the others."""
    from parley.store.read import list_series, series_timeline

    with open_kb(db) as store, store.connect() as conn:
        if key is None:
            data = list_series(conn)
            if as_json:
                print_json(data)
                return
            table = Table("series", "meetings", "name")
            for s in data:
                table.add_row(s["key"], str(s["meetings"]), s["name"])
            out.print(table)
            return
        tl = series_timeline(conn, key)
    if as_json:
        print_json(tl)
        return
    regular = f"one a year (year = ordinal + {tl.offset})" if tl.regular == "annual" and tl.offset is not None \
        else (tl.regular or "no regular interval known")
    table = key_table(f"{key}: {regular}", ("no.", 4), ("year", 4), ("date", 10), ("status", 7), ("place", 14),
                   ("docs", 4), ("notes", 0), ("meeting", -1))
    styles = {"held": "", "planned": "cyan", "missing": "yellow"}
    for e in tl.entries:
        no = "" if e.ordinal is None else (f"{e.ordinal}?" if e.inferred_ordinal else str(e.ordinal))
        table.add_row(no, str(e.year or e.expected_year or ""), e.start or "", e.state, e.place or "",
                      str(e.sources or ""), "; ".join(e.notes), e.meeting or "", style=styles.get(e.state, ""))
    out.print(table)


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
        table = Table("name", "title", "from", "to", "basis", "key", title=title)
        for h in holders:
            table.add_row(h.name, h.title, h.first_seen or "?", h.last_seen or "", h.basis, h.person_key)
        out.print(table)
        if not holders:
            raise typer.Exit(1)
        return
    # --json: the view the API and the person page show
    show(view, missing=f"person matches {name!r}", hint="try another spelling, or `parley people --contains`",
         as_json=as_json, render=_print_person)


def _print_person(view: dict) -> None:
    detail = view["person"]
    out.print(f"[bold]{detail.name}[/bold]  ({detail.key}){'  registry' if detail.official else ''}")
    if detail.aliases:
        out.print("also written: " + ", ".join(detail.aliases))
    out.print(f"seen {detail.first_seen or '?'} – {detail.last_seen or '?'} in {detail.documents} document(s); "
              f"{detail.statements} statement(s)")
    table = Table("office", "state/org", "first", "last", "basis", title="offices")
    for o in detail.offices:
        table.add_row(o.title, o.state or o.organization or "", o.first_seen or "?", o.last_seen or "",
                      o.basis + (f" ({o.documents} doc)" if o.basis == "reports" else ""))
    out.print(table)
    mt = Table("date", "meeting", "place", "key",
               title=f"{len(detail.meetings)} of {detail.meetings_count} meeting(s)")
    for m in detail.meetings:
        mt.add_row(m.start or "?", m.label, m.place or "", m.key)
    out.print(mt)
    if detail.meetings_count > len(detail.meetings):
        out.print(f"all of them: parley meetings --person {detail.key}")
    if detail.statements > len(view["statements"]):
        out.print(f"all {detail.statements} statements: parley statements --speaker {detail.key}")


def people(db: DbOpt = None,
           contains: Annotated[str | None, typer.Option(help="Part of a name, any spelling.")] = None,
           state: Annotated[str | None, typer.Option(help="Held an office of this state (ISO3).")] = None,
           limit: LimitOpt = 100, offset: OffsetOpt = 0, as_json: JsonOpt = False) -> None:
    """People, most reported first."""
    from parley.store.read import people_page

    with open_kb(db) as store, store.connect() as conn:
        page = people_page(conn, contains=contains, state=state, limit=limit, offset=offset)
    if as_json:
        print_json(page.items)
        return
    table = Table("name", "seen", "docs", "key", title=shown_line(page, "person(s)"))
    for p in page.items:
        table.add_row(p.name, f"{p.first_seen or '?'} – {p.last_seen or '?'}", str(p.documents), p.key)
    out.print(table)


def agreements(
    db: DbOpt = None,
    party: Annotated[str | None, typer.Option(help="A party: ISO3 or organisation key.")] = None,
    kind: Annotated[str | None, typer.Option(help="plan, program, treaty, agreement, memorandum ...")] = None,
    contains: Annotated[str | None, typer.Option(help="Words of the title.")] = None,
    since: Annotated[int | None, typer.Option(help="In force or signed from this year.")] = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0,
    as_json: JsonOpt = False,
) -> None:
    """Agreements, grouped by parties, successive plans in order with their predecessors."""
    from parley.store.read import agreements_page

    with open_kb(db) as store, store.connect() as conn:
        page = agreements_page(conn, party=party, kind=kind, contains=contains, since=since, limit=limit,
                               offset=offset)
    if as_json:
        print_json(page.items)
        return
    table = Table("parties", "kind", "years", "signed", "title", "docs", "follows", "key",
                  title=shown_line(page, "agreement(s)"))
    for a in page.items:
        years = f"{a.valid_from or ''}–{a.valid_to or ''}" if a.valid_from or a.valid_to else ""
        table.add_row("+".join(a.parties), a.kind or "", years, a.signed or "", (a.title_en or a.title)[:60],
                      str(a.documents), a.predecessor or "", a.key)
    out.print(table)


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
    out.print(f"[bold]{d.title_en or d.title}[/bold] ({d.key})")
    out.print(f"{d.kind}; parties {', '.join(d.parties) or '?'}; signed {d.signed or '?'}; "
              f"{d.valid_from or ''}–{d.valid_to or ''}; meetings: {', '.join(d.meetings) or '-'}")
    for a in d.chain:
        out.print(f"  {'→' if a.key == d.key else ' '} {a.valid_from}–{a.valid_to} {a.title_en or a.title} ({a.key})")
    for s in d.sources:
        out.print(f"  source {s.document_id[:12]} {s.outlet or ''} {s.published or ''} {s.url or ''}")
    if d.sources_count > len(d.sources):
        out.print(f"  ... {d.sources_count} sources in all: GET /api/agreements/{d.key}/sources")


def statements(
    db: DbOpt = None,
    speaker: Annotated[str | None, typer.Option(help="Who said it, any spelling.")] = None,
    contains: Annotated[str | None, typer.Option(help="Words the quotation contains (all of them).")] = None,
    meeting: Annotated[str | None, typer.Option(help="Said at this meeting (key).")] = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0,
    as_json: JsonOpt = False,
) -> None:
    """Direct quotations, oldest first, with the meeting and outlets."""
    from parley.store.read import statements_page

    with open_kb(db) as store, store.connect() as conn:
        page = statements_page(conn, speaker=speaker, contains=contains, meeting=meeting, limit=limit, offset=offset)
    if as_json:
        print_json(page.items)
        return
    table = Table("date", "speaker", "quote", "outlets", "meeting", title=shown_line(page, "statement(s)"))
    for s in page.items:
        q = s.quote if len(s.quote) <= 160 else s.quote[:157] + "..."
        table.add_row(s.date or "?", s.speaker or "", q, ", ".join(sorted({x.outlet or "?" for x in s.sources})),
                      s.meeting or "")
    out.print(table)
    if not page.items:
        raise typer.Exit(1)


def review(db: DbOpt = None,
           below: Annotated[float, typer.Option(help="Confidence under which a fact needs review.")] = 0.7,
           limit: Annotated[int, typer.Option()] = 50, as_json: JsonOpt = False) -> None:
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
    table = Table("kind", "key", "what", "conf.", "docs", "why",
                  title=f"{len(items)} of {page.total} item(s) to review")
    for i in items:
        table.add_row(i.kind, i.key, i.label[:60], f"{i.confidence:.2f}", str(i.documents), "; ".join(i.reasons))
    out.print(table)
