"""Bilateral talks between two named people: "talks between X and Y", "X held talks with Y",
"following the talks with Y" (X the sentence's subject), "встреча X с Y", "двусторонняя встреча X и Y",
"С высоким гостем встретился X" (the guest being the visitor named before). The patterns are each
language's (``ctx.profile.meetings.talks``, parley/lang)."""

from __future__ import annotations

import re
from bisect import bisect_left

from parley.extract.context import DocContext
from parley.extract.meetings.frames import MeetingFrame
from parley.extract.meetings.lexicon import Span
from parley.extract.meetings.mentions import MeetingMention, is_planned


def _people_in(ctx: DocContext, s: int, e: int) -> list[int]:
    out = []
    for m in ctx.mentions:
        if m.start >= s and m.end <= e and m.person not in out:
            out.append(m.person)
    return out


def _guest(ctx: DocContext, before: int) -> int | None:
    """ "the high guest": the person whose visit the text reported just before."""
    for ps, pe in reversed(ctx.analysis.sentences):
        if pe > before:
            continue
        if before - pe > 800:
            break
        if ctx.profile.meetings.guest.search(ctx.text, ps, pe):
            found = _people_in(ctx, ps, pe)
            if found:
                return found[-1]
    return None


def _role_person(ctx: DocContext, phrase_start: int, phrase_end: int) -> int | None:
    """ "the Kazakh Secretary of the Security Council": the one person named earlier with that office."""
    phrase = _spelling(ctx.text[phrase_start:phrase_end])
    states = {st.value for st in ctx.states if phrase_start <= st.start < phrase_end}
    named_before = {x.person for x in ctx.mentions if x.end <= phrase_start}
    hits = []
    for i, p in enumerate(ctx.people):
        for o in p.offices:
            words = set(re.findall(r"\w+", _spelling(o.title))) - {"of", "the"}
            if words and len(words & set(re.findall(r"\w+", phrase))) >= max(1, len(words) - 1) and (not states or o.state in states):
                hits.append(i)
                break
    if not hits and states and ctx.profile.meetings.person_word.search(phrase):
        # "the Iranian official", "the Pakistani guest": the one person of that state named before.
        when = ctx.published.isoformat() if ctx.published else None
        hits = [i for i in named_before if ctx.people[i].state_at(when) in states and not ctx.people[i].is_expert
                and "press" not in ctx.people[i].roles()]
    return hits[0] if len(hits) == 1 else None


def _spelling(text: str) -> str:
    """Lower case, one spelling: "defense" and "defence" are one word."""
    return text.lower().replace("defense", "defence")


def _side(ctx: DocContext, s: int, e: int) -> list[int]:
    found = _people_in(ctx, s, e)
    if found:
        return found
    if ctx.profile.meetings.pronoun.match(ctx.text, s, e):
        # "He met ... with X": the person the sentence before spoke of (its last name outside quotes).
        before = [x.person for x in ctx.mentions if x.end <= s and not ctx.in_quote(x.start)]
        return before[-1:]
    if ctx.profile.meetings.guest.search(ctx.text, s, e):
        g = _guest(ctx, s)
        if g is not None:
            return [g]
    r = _role_person(ctx, s, e)  # "the Armenian guest": the one Armenian named before
    return [r] if r is not None else []


def _talks(ctx: DocContext, m: re.Match[str], sentence: Span, pa: int, pb: int | None,
           sides: tuple[str, ...]) -> MeetingFrame:
    """Talks of ``pa`` with ``pb``, or with a delegation of the ``sides`` state when no one heads it by name."""
    people = (pa,) if pb is None else (pa, pb)
    # Named from the host's name on: "Igor Krasnov will receive a delegation of ...".
    host = next((x.start for x in ctx.mentions if x.person == pa and m.start() <= x.start < m.end()), m.start())
    mention = MeetingMention(span=(host, m.end()), trigger=m.span(), sentence=sentence, bilateral=True,
                             persons=people, sides=sides)
    mention.planned = is_planned(ctx, mention)
    frame = MeetingFrame(format="bilateral", mentions=[mention])
    frame.persons = {p: [m.span()] for p in people}
    return frame


def find_bilateral(ctx: DocContext, frames: list[MeetingFrame]) -> list[MeetingFrame]:
    text = ctx.text
    phrasing = ctx.profile.meetings
    out: list[MeetingFrame] = []
    seen: set[frozenset[int]] = set()
    talk = phrasing.talk_words
    starts = sorted(m.start for m in ctx.mentions)
    for ss, se in ctx.analysis.sentences:
        if ctx.in_quote(ss) or not talk.search(text, ss, se):
            continue  # the patterns are costly: only sentences with a word for talks or meeting
        i = bisect_left(starts, ss)
        if (i == len(starts) or starts[i] >= se) and not phrasing.pronoun.match(text, ss, se) \
                and not phrasing.guest.search(text, ss, se) and not phrasing.person_word.search(text, ss, se):
            continue  # talks need a side named here, by name, pronoun, guest or role
        for pat, kind in phrasing.talks:
            # An initial's period ("с А. Довалом") ends no side: the patterns read the masked text.
            for m in pat.finditer(ctx.initials_masked, ss, se):
                if kind == "subject":
                    subj = [x.person for x in ctx.mentions if ss <= x.start < m.start()]
                    side_a = subj[:1]
                else:
                    a0, a1 = m.span("a")
                    reported = [c.end() for c in phrasing.complement.finditer(text, a0, a1)] \
                        if phrasing.complement is not None else []
                    if reported and _people_in(ctx, reported[-1], a1):
                        a0 = reported[-1]  # "Wang Yi said that [Xi Jinping and Narendra Modi] held a meeting"
                    # Only the end of a long left side names the person: "... Sergei Shoigu"; not one
                    # named in a clause about the subject (", who took over from Chang Wanquan,").
                    side_a = _side(ctx, a0, a1)
                    clauses = [c.span() for c in phrasing.person_clause.finditer(text, a0, a1)] \
                        if phrasing.person_clause is not None else []
                    side_a = [pid for pid in side_a if not any(
                        cs <= x.start < ce for x in ctx.mentions if x.person == pid and a0 <= x.start < a1
                        for cs, ce in clauses)] or side_a
                    # A group as the subject ("The Secretaries ... X and Y held talks"): the words
                    # before the first name say so.
                    head_end = next((x.start for x in ctx.mentions if a0 <= x.start < a1), a1)
                    if phrasing.talks_group.search(text, a0, head_end) and len(side_a) != 2:
                        continue
                b0, b1 = m.span("b")
                if phrasing.delegation.match(text, b0, b1) and side_a and kind != "subject":
                    # "X will receive a delegation of Kyrgyzstan('s prosecutors) headed by Y": Y if named,
                    # else the delegation's state is the other side.
                    b1 = min(se, b1 + len(re.match(r"[^.;]{0,120}", text[b1:se]).group()))
                    head = _people_in(ctx, b0, b1)
                    states = tuple(dict.fromkeys(st.value for st in ctx.states if b0 <= st.start < b1))
                    if not head and len(states) == 1:
                        out.append(_talks(ctx, m, (ss, se), side_a[-1], None, states))
                        continue
                    if head:
                        side_b = head[:1]
                        out.extend(_talks(ctx, m, (ss, se), pa, side_b[0], states[:1]) for pa in side_a[-1:]
                                   if frozenset((pa, side_b[0])) not in seen and pa != side_b[0])
                        seen.update(frozenset((pa, side_b[0])) for pa in side_a[-1:])
                    continue
                if phrasing.talks_group.search(text, b0, b1):
                    continue
                side_b = _side(ctx, b0, b1)
                for _ in range(2):
                    # "with the deputy adviser, secretary of the Council Rajinder Khanna": titles in
                    # apposition before the name run on past a comma.
                    nxt = re.match(r",\s+[^\W\d_A-ZА-ЯЁ][^,;.]{0,100}", text[b1:se])
                    if side_b or not nxt:
                        break
                    b1 += nxt.end()
                    side_b = _side(ctx, b0, b1)
                if not side_a or not side_b:
                    continue
                # "X and Y held talks with Z", "X held meetings with Y and Z": one talk per pair.
                lefts = side_a[-2:] if len(side_a) == 2 and kind != "subject" and len(side_b) == 1 else side_a[-1:]
                rights = side_b[:3] if len(lefts) == 1 and phrasing.talk_joined.search(text, b0, b1) else side_b[:1]
                for pa, pb in ((a, b) for a in lefts for b in rights):
                    if pa == pb or frozenset((pa, pb)) in seen:
                        continue
                    seen.add(frozenset((pa, pb)))
                    # The talks as the text words them, from the first side's name to the second's.
                    names = [x for x in ctx.mentions if m.start() <= x.start and x.end <= m.end() and x.person in (pa, pb)]
                    span = (min(x.start for x in names), max(x.end for x in names)) if len(names) >= 2 else m.span()
                    if kind == "subject" or span[0] > m.start() + 40:
                        # With the titles before the first name, but never the agency's dateline.
                        lead = m.start()
                        if ctx.dateline and ctx.dateline.span[0] <= lead < ctx.dateline.span[1]:
                            lead = ctx.dateline.span[1] + len(text[ctx.dateline.span[1]:span[0]]) - len(
                                text[ctx.dateline.span[1]:span[0]].lstrip(" -–—:)"))
                        span = (min(span[0], lead), span[1])
                    mention = MeetingMention(span=span, trigger=m.span(), sentence=(ss, se), bilateral=True,
                                             persons=(pa, pb))
                    mention.planned = is_planned(ctx, mention)
                    frame = MeetingFrame(format="bilateral", mentions=[mention])
                    frame.persons = {pa: [m.span()], pb: [m.span()]}
                    out.append(frame)
    return out
