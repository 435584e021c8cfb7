"""Meetings: phrases grouped into one meeting each, and the meeting a report is about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parley.extract.context import DocContext
from parley.extract.meetings.lexicon import Span
from parley.extract.meetings.mentions import MeetingMention


@dataclass
class MeetingFrame:
    mentions: list[MeetingMention] = field(default_factory=list)
    series: str | None = None
    ordinal: int | None = None
    organization: str | None = None
    body: str | None = None  # the key of the body that meets (bodies.json)
    body_name: str | None = None  # its canonical English name
    format: str = "multilateral"
    status: str = "held"
    relation: str | None = None
    joint: bool = False
    name: str = ""
    name_span: Span | None = None
    start: str | None = None
    end: str | None = None
    date_span: Span | None = None
    date_source: str = ""
    place: str | None = None
    place_span: Span | None = None
    country: str | None = None
    country_span: Span | None = None
    chair: int | None = None
    chair_span: Span | None = None
    persons: dict[int, list[Span]] = field(default_factory=dict)
    states: dict[str, list[Span]] = field(default_factory=dict)
    organizations: dict[str, list[Span]] = field(default_factory=dict)
    topics: dict[str, list[Span]] = field(default_factory=dict)
    part_of: int | None = None
    confidence: float = 0.6
    main: bool = False
    fallback: bool = False  # made from the report's first meeting word, no phrase naming a meeting

    @property
    def sentences(self) -> list[Span]:
        return sorted({m.sentence for m in self.mentions})


def _compatible(frame: MeetingFrame, m: MeetingMention) -> bool:
    if m.bilateral != (frame.format == "bilateral"):
        return False
    if frame.mentions and m.reception != frame.mentions[0].reception:
        return False  # a leader meeting a body is not the body's session
    if frame.mentions and frame.mentions[0].planned != m.planned and not frame.relation and not m.reception:
        return False  # one held and one announced: two meetings, unless their dates say otherwise (see merge_frames)
    if frame.relation != m.relation:
        return False
    if frame.series and m.series and frame.series != m.series:
        return False
    if frame.ordinal and m.ordinal and frame.ordinal != m.ordinal:
        return False
    if frame.joint != m.joint:
        return False
    if frame.body and m.body and frame.body != m.body:
        return False
    return not (frame.organization and m.organization and frame.organization != m.organization)


def _specific(ctx: DocContext, m: MeetingMention) -> bool:
    """A phrase that identifies a meeting by itself: its series, body, number, organisation, proper
    name, or the two states of bilateral talks."""
    if m.habitual:
        return False
    return bool(m.series or m.joint or m.ordinal or m.body or m.sides or m.reception or _named(ctx, m)
                or (m.organization and not m.generic))


def _same_meeting(ctx: DocContext, f: MeetingFrame, m: MeetingMention) -> bool:
    if f.series or m.series or f.joint:
        return True
    if any(_verb_and_object(ctx, x, m) or _verb_and_object(ctx, m, x) for x in f.mentions):
        return True  # "Совет провел в минувший вторник свое 38-е заседание": the body's verb, its meeting
    if f.body and f.body == m.body:
        return True
    if m.body is None and m.organization and m.organization == f.organization:
        return True
    if f.format == "bilateral" and m.sides and set(m.sides) == {s for x in f.mentions for s in x.sides}:
        return True
    return _same_name(ctx, f, m)


def _verb_and_object(ctx: DocContext, verbal: MeetingMention, word: MeetingMention) -> bool:
    """Whether ``word`` names the meeting a body's verb ``verbal`` speaks of: the object of that verb,
    in the same clause ("The Council held its 38th meeting", "Совет провел ... свое заседание")."""
    return (verbal.verbal and not word.verbal and verbal.sentence == word.sentence
            and verbal.trigger[1] <= word.span[0] and not re.search(r"[,;:]", ctx.text[verbal.trigger[1]:word.span[0]]))


def build_frames(ctx: DocContext, mentions: list[MeetingMention]) -> list[MeetingFrame]:
    frames: list[MeetingFrame] = []
    for m in mentions:
        if not _specific(ctx, m):
            continue
        if m.upcoming:
            # "The upcoming meeting" of a report that announces one is that meeting.
            announced = next((f for f in frames if f.relation is None and all(x.planned for x in f.mentions)
                              and _same_meeting(ctx, f, m) and f.format == ("bilateral" if m.bilateral else "multilateral")
                              and not (f.series and m.series and f.series != m.series)
                              and not (f.body and m.body and f.body != m.body)), None)
            if announced is not None:
                m.relation, m.planned = None, True
        frame = next((f for f in frames if _compatible(f, m) and _same_meeting(ctx, f, m)), None)
        if frame is None:
            frame = MeetingFrame(series=m.series, ordinal=m.ordinal, organization=m.organization,
                                 relation=m.relation, joint=m.joint, body=m.body if not m.joint else None,
                                 format="bilateral" if m.bilateral else "multilateral")
            frames.append(frame)
        frame.mentions.append(m)
        frame.series = frame.series or m.series
        frame.ordinal = frame.ordinal or m.ordinal
        frame.organization = frame.organization or m.organization
        frame.body = frame.body or (m.body if not m.joint else None)
    if not any(f.relation is None for f in frames):
        # No phrase names the meeting, yet the report speaks of one: "Defence Minister X attended the
        # meeting held here on Tuesday". Its first reported mention (held or announced) is the meeting;
        # "the meeting", "the event" later refer to it.
        lead = [m for m in mentions if not m.habitual and not m.relation and not m.generic and not m.bilateral
                and not ctx.in_quote(m.trigger[0]) and m.trigger[0] < ctx.body_start + 1500]
        if lead:
            frames.append(MeetingFrame(mentions=[lead[0]], fallback=True))
    return frames


def _named(ctx: DocContext, m: MeetingMention) -> bool:
    """A meeting with a proper name ("II Minsk International Conference on Eurasian Security")."""
    phrase = ctx.text[m.span[0]:m.span[1]]
    words = re.findall(r"[\w-]+", phrase)
    caps = [w for w in words if w[:1].isupper()]
    return ctx.profile.meetings.capitalised_names and m.ordinal is not None and len(caps) >= 3 and ctx.text[m.trigger[0]].isupper()


def _same_name(ctx: DocContext, f: MeetingFrame, m: MeetingMention) -> bool:
    a = {w.lower() for w in re.findall(r"\w+", ctx.text[f.mentions[0].span[0]:f.mentions[0].span[1]])}
    b = {w.lower() for w in re.findall(r"\w+", ctx.text[m.span[0]:m.span[1]])}
    return len(a & b) >= max(2, min(len(a), len(b)) // 2)


def attach_generic(ctx: DocContext, frames: list[MeetingFrame], mentions: list[MeetingMention]) -> None:
    """ "the meeting", "the event": the most recent held meeting of the text (or the main one).
    "The next meeting" of a report on one series is that series' next meeting."""
    if not frames:
        return
    # The series, or else the body, a report is about: "the next meeting" is that one's next meeting.
    held = [f for f in frames if not f.relation and f.format == "multilateral" and not f.joint]
    topics = {(f.series, None if f.series else f.body, f.organization) for f in held if f.series or f.body}
    for m in mentions:
        if m.habitual or any(m in f.mentions for f in frames):
            continue
        if m.upcoming and not m.bilateral:
            # "The upcoming meeting" of a report announcing one is that meeting.
            announced = [f for f in held if all(x.planned for x in f.mentions)]
            if len(announced) == 1:
                m.relation, m.planned = None, True
                announced[0].mentions.append(m)
                continue
        if m.relation and not m.bilateral and len(topics) == 1 and not m.generic and not (m.series or m.body):
            series, body, org = next(iter(topics))
            m.series, m.body = series, body
            m.organization = m.organization or org
            frame = next((f for f in frames if f.series == series and f.body == body and f.relation == m.relation),
                         None)
            if frame is None:
                frame = MeetingFrame(series=series, body=body, organization=m.organization, relation=m.relation)
                frames.append(frame)
            frame.mentions.append(m)
            continue
        if m.relation or m.bilateral:
            continue
        if ctx.profile.meetings.demonstrative.search(ctx.text, max(0, m.trigger[0] - 12), m.trigger[0]):
            # "At that meeting": the meeting the sentence before spoke of, previous or next ones too.
            prior = ctx.analysis.sentence_before(m.sentence)
            spoken = [f for f in frames if any(x.sentence == prior for x in f.mentions)]
            if len(spoken) == 1:
                spoken[0].mentions.append(m)
            continue  # a meeting the text spoke of without naming it is none of those found
        before = [f for f in frames if f.format == "multilateral" and f.relation is None and f.mentions
                  and min(x.span[0] for x in f.mentions) <= m.span[0]]
        target = max(before, key=lambda f: max(x.span[0] for x in f.mentions if x.span[0] <= m.span[0]), default=None)
        if target is None:
            target = next((f for f in frames if f.format == "multilateral" and f.relation is None), None)
        if target is not None:
            target.mentions.append(m)


def sentences_and_after(ctx: DocContext, f: MeetingFrame) -> set[Span]:
    """The sentences naming a meeting and the sentence right after each."""
    own = {m.sentence for m in f.mentions}
    return own | {n for s in own if (n := ctx.analysis.sentence_after(s)) is not None}


def merge_talks(ctx: DocContext, frames: list[MeetingFrame], talks: list[MeetingFrame]) -> list[MeetingFrame]:
    """Talks found from their two people ("X held talks with Y") that a phrase naming the two states
    ("the China-Russia strategic security consultations") already speaks of, in the same sentence or
    the next, are that meeting: it gains its people."""
    out = list(frames)

    if talks:
        # The report's first meeting word spoke of the talks ("X met Y ... during the meeting"), not of
        # a meeting of its own, unless its sentence speaks of many ("delegations of A, B and C").
        out = [f for f in out if not f.fallback or _many_sides(ctx, f.mentions[0].sentence)]
    when = ctx.published.isoformat() if ctx.published else None
    for t in talks:
        sentences = {m.sentence for m in t.mentions}
        same = next((f for f in frames if f.format == "bilateral" and f.mentions[0].sides and not f.persons
                     and sentences & sentences_and_after(ctx, f)), None)
        if same is None and all(m.span[1] <= ctx.body_start for m in t.mentions):
            # A headline ("Shoigu and Wang Yi held consultations in Beijing") over "the 19th round of
            # Russian-Chinese consultations": the one talks of the two people's states.
            states = {ctx.people[pid].state_at(when) for pid in t.persons}
            sided = [f for f in frames if f.format == "bilateral" and not f.persons and not f.relation
                     and len(states) == 2 and {s for m in f.mentions for s in m.sides} == states]
            same = sided[0] if len(sided) == 1 else None
        if same is None:
            out.append(t)
            continue
        same.mentions.extend(t.mentions)
        same.persons = dict(t.persons)
    return out


def _many_sides(ctx: DocContext, sentence: Span) -> bool:
    states = {st.value for st in ctx.states if sentence[0] <= st.start < sentence[1]}
    return len(states) >= 3 or bool(ctx.profile.meetings.many.search(ctx.text, *sentence))


def frame_of_offset(frames: list[MeetingFrame], sentence: Span, pos: int) -> MeetingFrame | None:
    """Of the meetings spoken of in a sentence, the one whose phrase is nearest ``pos``."""
    best, dist = None, None
    for f in frames:
        for m in f.mentions:
            if m.sentence != sentence:
                continue
            d = 0 if m.span[0] <= pos < m.span[1] else min(abs(pos - m.span[0]), abs(pos - m.span[1]))
            if dist is None or d < dist:
                best, dist = f, d
    return best


def meeting_status(ctx: DocContext, frame: MeetingFrame) -> str:
    """Held or planned, by the tense around its mentions; a mention that names the meeting (its
    series or number) counts twice as much as "the meeting"."""
    if frame.relation == "next":
        return "planned"
    if frame.relation == "previous":
        return "held"
    weighed = [(m.planned, 2 if (m.series or m.ordinal) else 1) for m in frame.mentions if not m.generic]
    if not weighed:
        weighed = [(m.planned, 1) for m in frame.mentions]
    planned = sum(w for p, w in weighed if p)
    total = sum(w for _, w in weighed)
    return "planned" if total and planned * 2 > total else "held"


def merge_frames(ctx: DocContext, frames: list[MeetingFrame]) -> list[MeetingFrame]:
    """Frames that turn out to be one meeting: a series' held and announced mentions with no
    conflicting date, a joint sitting named once by one of its councils on the same day, and the
    talks of the same two people with no conflicting date."""
    out: list[MeetingFrame] = []
    for f in sorted(frames, key=lambda f: (not f.main, min(m.span[0] for m in f.mentions))):
        target = None
        for g in out:
            if (f.format == g.format == "bilateral" and not f.relation and not g.relation and len(f.persons) == 2
                    and set(f.persons) == set(g.persons) and (f.start is None or g.start is None or f.start == g.start)):
                target = g  # the same two people's talks, named twice ("Shoigu and Wang Yi held consultations")
                break
            if f.format != "multilateral" or g.format != "multilateral" or f.relation or g.relation:
                continue
            same_body = (f.series and f.series == g.series) or (
                not f.series and not g.series and not f.joint and not g.joint and f.body and f.body == g.body
                and f.organization == g.organization)
            same_series = same_body and (not f.ordinal or not g.ordinal or f.ordinal == g.ordinal)
            dates_agree = f.start is None or g.start is None or f.start == g.start
            # One organisation's joint sitting of its councils, named twice ("the joint session of the
            # CSTO statutory bodies"): one meeting when nothing tells them apart.
            same_joint = (_joint(ctx, f) and _joint(ctx, g) and f.organization is not None
                          and f.organization == g.organization and f.status == g.status)
            if (same_series or same_joint) and dates_agree:
                target = g
            elif (g.joint != f.joint and (f.series or g.series) and f.status == g.status == "held"
                  and f.start and f.start == g.start and f.organization == g.organization):
                target = g
                if f.joint:
                    # The joint sitting is the meeting; the council's name was one way to refer to it.
                    out[out.index(g)] = f
                    f, target = g, f
                    target.series = None
            if target:
                break
        if target is None:
            out.append(f)
            continue
        target.mentions.extend(f.mentions)
        target.start, target.end = target.start or f.start, target.end or f.end
        target.date_span = target.date_span or f.date_span
        target.ordinal = target.ordinal or f.ordinal
        target.organization = target.organization or f.organization
        target.main = target.main or f.main
    return out


_JOINT_WORD = re.compile(r"(?<!\w)(?:joint|совместн\w*|объединенн\w*)(?!\w)", re.I)


def _joint(ctx: DocContext, f: MeetingFrame) -> bool:
    """A joint sitting of several councils: named as such, or called joint ("the joint session of the
    CSTO statutory bodies")."""
    return bool(f.joint) or any(_JOINT_WORD.search(ctx.text, *m.span) for m in f.mentions)


def choose_main(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    if not frames:
        return
    lead_end = ctx.body_start + 600

    def weight(f: MeetingFrame) -> float:
        w = len(f.mentions)
        w += 3 if any(m.span[0] < lead_end for m in f.mentions) else 0
        w += 2 if f.series else 0
        w -= 4 if f.relation else 0
        w -= 2 if f.format == "bilateral" else 0
        w += 3 if f.status == "held" else 0
        return w

    main = max(frames, key=weight)
    main.main = True
