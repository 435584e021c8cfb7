"""Meetings: find the phrases that name a meeting, group them into meetings, and fill each one's slots.

A meeting phrase is a meeting word ("meeting", "session", "talks", "встреча", "заседание")
with what qualifies it ("the XIII meeting of the secretaries of the Security Councils of the
CIS countries"), or a body that meets ("Heads of CIS special services gathered in Minsk").
The body (bodies.json) and the organisation named in the phrase give the series
(series.json). Phrases of one series, one ordinal and one place in time (held, or "next")
are one meeting; generic phrases ("the meeting", "the forum") refer to the meeting in focus.
Slots come from the sentences that speak of the meeting: its date (year from the text, the
series' history or the publication date, never invented), place, chair, participants,
states and organisations represented (never those reported absent), status and topics.
"""

from __future__ import annotations

from parley.extract.context import DocContext
from parley.extract.meetings.bilateral import find_bilateral
from parley.extract.meetings.frames import (
    MeetingFrame,
    attach_generic,
    build_frames,
    choose_main,
    meeting_status,
    merge_frames,
    merge_talks,
)
from parley.extract.meetings.mentions import find_meeting_mentions
from parley.extract.meetings.slots import (
    assign_chair,
    assign_dates,
    assign_names,
    assign_participants,
    assign_places,
    assign_states_orgs,
    body_name,
    round_host,
)


def extract_meetings(ctx: DocContext) -> None:
    mentions = find_meeting_mentions(ctx)
    frames = build_frames(ctx, mentions)
    attach_generic(ctx, frames, mentions)
    frames = merge_talks(ctx, frames, find_bilateral(ctx, frames))
    for f in frames:
        f.status = meeting_status(ctx, f)
    choose_main(ctx, frames)
    assign_dates(ctx, frames)
    frames = merge_frames(ctx, frames)
    for f in frames:
        f.status = meeting_status(ctx, f)
    if sum(f.main for f in frames) != 1:
        for f in frames:
            f.main = False
        choose_main(ctx, frames)
    assign_places(ctx, frames)
    _share_group_time_and_place(frames)
    _receptions_during_the_meeting(frames)
    assign_chair(ctx, frames)
    assign_participants(ctx, frames)
    for f in frames:
        if f.format == "bilateral":
            round_host(ctx, f)
    assign_states_orgs(ctx, frames)
    for f in frames:
        assign_names(ctx, f)
        f.body_name = body_name(ctx, f)
    main = next((f for f in frames if f.main), None)
    for f in frames:
        if f is not main and main is not None and f.format == "bilateral" and f.status == main.status:
            near = any(ctx.profile.meetings.sidelines.search(ctx.text, *m.sentence) for m in f.mentions)
            if near or (f.start is None and main.start) or f.start == main.start:
                f.part_of = -1  # resolved to an index at assembly
                f.start = f.start or main.start
                f.place = f.place or main.place
                f.country = f.country or main.country
                if main.format == "bilateral":
                    continue  # talks beside talks: each has its own two sides
                # Who held talks on the sidelines took part in the meeting.
                for pid, spans in f.persons.items():
                    if not ctx.people[pid].is_expert:
                        main.persons.setdefault(pid, []).extend(spans)
                        st = ctx.people[pid].state
                        if st:
                            main.states.setdefault(st, []).extend(spans)
    ctx.frames = sorted(frames, key=lambda f: (not f.main, min(m.span[0] for m in f.mentions)))


def _receptions_during_the_meeting(frames: list[MeetingFrame]) -> None:
    """A leader who receives the participants of the meeting the report is about ("Tokayev received the
    heads of delegations taking part in the meeting of Prosecutors General") receives them while it is
    held: the two share a date and a place when the text gives them to only one."""
    main = next((f for f in frames if f.main), None)
    if main is None or main.status != "held":
        return
    for f in frames:
        if f is main or f.status != "held" or not any(m.reception and m.persons for m in f.mentions):
            continue  # a reception by a leader the text names
        met = {m.met[1] for m in f.mentions if m.reception}
        same = (main.body and main.body in met) or any(
            x.sentence == m.sentence for x in main.mentions for m in f.mentions)
        if not same:
            continue
        # One time and one place, whichever of the two the text dates and places.
        _fill_time_and_place(f, main, main)
        _fill_time_and_place(main, f, f)


def _share_group_time_and_place(frames: list[MeetingFrame]) -> None:
    """The meetings of several bodies named by one "their sessions in Minsk on 22-23 June" share its date and place."""
    groups: dict[int, list[MeetingFrame]] = {}
    for f in frames:
        for g in {m.group for m in f.mentions if m.group is not None}:
            groups.setdefault(g, []).append(f)
    for members in groups.values():
        dated = next((f for f in members if f.start), None)
        placed = next((f for f in members if f.place or f.country), None)
        for f in members:
            _fill_time_and_place(f, dated, placed)


def _fill_time_and_place(f: MeetingFrame, dated: MeetingFrame | None, placed: MeetingFrame | None) -> None:
    """A meeting the text does not date or place takes the date of ``dated`` and the place of ``placed``."""
    if dated is not None and not f.start and dated.start:
        f.start, f.end, f.date_span, f.date_source = dated.start, dated.end, dated.date_span, dated.date_source
    if placed is not None and not (f.place or f.country) and (placed.place or placed.country):
        f.place, f.place_span, f.country, f.country_span = (placed.place, placed.place_span, placed.country,
                                                            placed.country_span)


__all__ = ["MeetingFrame", "MeetingMention", "extract_meetings"]
