"""A meeting's slots from the sentences that speak of it: date, place, chair, participants, states."""

from __future__ import annotations

import re
from datetime import date

from parley.domain.gazetteer import Match
from parley.extract.context import DocContext
from parley.extract.dates import DateMention, find_dates, month_of, resolve
from parley.extract.meetings.frames import MeetingFrame, frame_of_offset, sentences_and_after
from parley.extract.meetings.mentions import MeetingMention


def _year_hint(ctx: DocContext, frame: MeetingFrame) -> int | None:
    """A year for undated text about this meeting: its series' history, then dated context in the
    text - a plan "for 2026-2027" signed there (signed the year before it starts), "the previous
    meeting in 2018" of a yearly series."""
    if frame.series and frame.ordinal:
        y = ctx.domain.series[frame.series].year_of(frame.ordinal)
        if y:
            return y
    if frame.status != "held" or not frame.main or ctx.published is not None:
        return None  # a dated report dates its meeting better than a plan's years do
    from parley.extract.dates import year_ranges

    phrasing = ctx.profile.meetings
    for ss, se in ctx.analysis.sentences:
        if not phrasing.signed.search(ctx.text, ss, se) or phrasing.earlier.search(ctx.text, ss, se):
            continue
        ranges = year_ranges(ctx.text, ss, se)
        if ranges:
            return ranges[0][2] - 1
    series = ctx.domain.series.get(frame.series or "")
    if series is not None and series.regular == "annual":
        m = phrasing.previous_in.search(ctx.text)
        if m:
            return int(m.group("y")) + 1
    return None


# A participle of signing before a date: the date of a document named in the sentence, not the meeting's.
_SIGNED_THEN = re.compile(r"(?:(?<![а-яё])(?:подписанн|заключенн|заключённ|принят)\w*(?:\s+(?:в|во))?|"
                          r"\b(?<!was )(?<!were )(?<!been )(?<!is )(?<!are )(?<!and )signed(?:\s+(?:in|on|last))?)\s*$", re.I)


def assign_dates(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    text = ctx.text
    for f in frames:
        tense = "future" if f.status == "planned" else "past"
        hint = _year_hint(ctx, f)
        anchor = ctx.published
        if anchor is None and hint and ctx.dateline and ctx.dateline.date and ctx.dateline.date.month:
            d = ctx.dateline.date
            try:
                anchor = date(hint, d.month, d.day or 1)
            except ValueError:
                anchor = None
        best: tuple[int, DateMention] | None = None
        for m in sorted(f.mentions, key=lambda x: x.span[0]):
            ss, se = m.sentence
            for d in find_dates(text, ctx.profile.dates, ss, se):
                if frame_of_offset(frames, m.sentence, d.start) is not f:
                    continue
                if ctx.in_quote(d.start) != ctx.in_quote(m.span[0]):
                    continue  # a date said inside a quotation dates what the quotation speaks of
                if d.relative and not re.search(r"today|yesterday|tomorrow|сегодня|вчера|завтра|weekday", d.relative):
                    continue
                if _SIGNED_THEN.search(text, max(0, d.start - 40), d.start):
                    continue  # "подписанного в январе договора", "the treaty signed in January": the document's date
                dist = min(abs(d.start - m.span[1]), abs(d.start - m.span[0]))
                score = dist - (40 if d.day is not None else 0) - (30 if d.end_day else 0) - (20 if not d.relative else 0)
                if ctx.dateline and ctx.dateline.span[0] <= d.start < ctx.dateline.span[1]:
                    score += 60  # the day the agency filed: the meeting's own date, when the text gives one, wins
                if best is None or score < best[0]:
                    best = (score, d)
        if best is None and f.main and ctx.dateline is not None:
            # The lead says when, the meeting is named a sentence later: "MOSCOW, Oct 12 (Reuters) - X told
            # security chiefs on Wednesday that ... . X was speaking at a meeting of the Council ...".
            lead = ctx.sentence(ctx.dateline.span[1])
            if not any(m.sentence == lead for g in frames if g is not f for m in g.mentions):
                found = [d for d in find_dates(text, ctx.profile.dates, *lead)
                         if not ctx.in_quote(d.start) and not (ctx.dateline.span[0] <= d.start < ctx.dateline.span[1])
                         and (d.day is not None or (d.relative and "weekday" in d.relative))]
                if found:
                    best = (0, found[0])
        if best is not None:
            d = best[1]
            start, end = resolve(d, anchor, tense, year_hint=hint if d.year is None else None)
            if start:
                f.start, f.end, f.date_span, f.date_source = start, end, (d.start, d.end), "text"
                continue
        year = _year_only(ctx, frames, f)
        if year is not None:
            f.start, f.date_span, f.date_source = year[0], year[1], "text"
            line = ctx.dateline.date if ctx.dateline else None
            if (len(year[0]) == 4 and f.main and f.status == "held" and line is not None and line.year is None
                    and line.month and line.day):
                # "Ташкент, 3 октября (УзА) ... проведенное в 2024 году": the dateline's day in the text's year.
                f.start = f"{year[0]}-{line.month:02d}-{line.day:02d}"
            continue
        if f.status == "held" and f.main and anchor is not None:
            # A report of a meeting it does not date was written the day of it (or just after).
            f.start, f.date_source = anchor.isoformat(), "published"
            f.date_span = ctx.published_span or (
                (ctx.dateline.date.start, ctx.dateline.date.end) if ctx.dateline and ctx.dateline.date else None)


def _year_only(ctx: DocContext, frames: list[MeetingFrame], f: MeetingFrame) -> tuple[str, tuple[int, int]] | None:
    """ "The next meeting will be held in Minsk in 2027": a year with no month or day."""
    for m in f.mentions:
        for y in ctx.profile.meetings.year_only.finditer(ctx.text, *m.sentence):
            if frame_of_offset(frames, m.sentence, y.start()) is f:
                return y.group("y"), y.span("y")
    if ctx.published is None:
        return None
    for m in f.mentions:
        # "last year's summit in Astana", "следующее заседание в следующем году": counted from the report's year.
        for y in ctx.profile.meetings.relative_year.finditer(ctx.text, *m.sentence):
            if frame_of_offset(frames, m.sentence, y.start()) is not f:
                continue
            this_month = y.groupdict().get("this_month")
            if y.group("last_month") or y.group("next_month") or this_month:
                step = -1 if y.group("last_month") else 0 if this_month else 1
                months = ctx.published.year * 12 + ctx.published.month - 1 + step
                return f"{months // 12}-{months % 12 + 1:02d}", y.span()
            year = ctx.published.year + (-1 if y.group("last") else 1)
            month = _month_near(ctx, m.sentence, y.start())
            return (f"{year}-{month:02d}" if month else str(year)), y.span()
    return None


def _month_near(ctx: DocContext, sentence: tuple[int, int], pos: int) -> int | None:
    """A month named right before "last year" ("in August last year", "в октябре прошлого года")."""
    words = re.findall(r"[^\W\d_]+", ctx.text[max(sentence[0], pos - 20):pos])
    return month_of(words[-1], ctx.profile.dates) if words else None


def _other_year(ctx: DocContext, sentence: tuple[int, int]) -> bool:
    """Whether a sentence names a year other than the report's."""
    if ctx.published is None:
        return False
    return any(int(y) != ctx.published.year for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", ctx.text[sentence[0]:sentence[1]]))


def assign_places(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    text = ctx.text
    phrasing = ctx.profile.meetings
    for f in frames:
        # Held online, so nowhere: unless the sentence speaks of another year's meeting ("The video
        # conference meeting ... was held in 2020" in a report of this year's).
        virtual = any(_held_online(ctx, m.sentence) for m in f.mentions
                      if not m.generic and not _other_year(ctx, m.sentence))
        if virtual:
            continue
        for m in sorted(f.mentions, key=lambda x: (x.generic, x.span[0])):
            ss, se = m.sentence
            for p in ctx.places:
                if not (ss <= p.start < se) or frame_of_offset(frames, m.sentence, p.start) is not f:
                    continue
                if ctx.dateline and ctx.dateline.span[0] <= p.start < ctx.dateline.span[1]:
                    continue  # where the agency filed from, not where the meeting was
                if _in_organization(ctx, p):
                    continue  # "the Shanghai Cooperation Organisation" names no place
                before = text[max(ss, p.start - 40):p.start]
                after = text[p.end:min(se, p.end + 40)]
                if phrasing.place_cue.search(before) or phrasing.host_after.match(after):
                    if p.value.kind == "region" and f.place is None:
                        f.country, f.country_span = p.value.state, (p.start, p.end)
                        continue
                    _place_at(f, p)
                    break
            if f.place:
                break
        if f.place is None:
            _capital_by_adjective(ctx, f, frames)
        if f.place is None and ctx.dateline and ctx.dateline.place and any(
                phrasing.here.search(text, *m.sentence) for m in f.mentions if not m.generic or f.main):
            # "the meeting held here": where the agency filed from.
            _place_at(f, ctx.dateline.place)
        if f.place is None and f.ordinal and not f.series:
            # "II Minsk International Conference": the city in a meeting's proper name.
            for m in f.mentions:
                inside = [p for p in ctx.places if m.span[0] <= p.start < m.span[1] and p.value.kind == "city"
                          and not _in_organization(ctx, p)]
                if inside:
                    _place_at(f, inside[0])
                    break
        if f.country is None:
            for m in f.mentions:
                ss, se = m.sentence
                for st in ctx.states:
                    if ss <= st.start < se and st.kind == "name" and frame_of_offset(frames, m.sentence, st.start) is f:
                        before = text[max(ss, st.start - 12):st.start]
                        after = text[st.end:min(se, st.end + 40)]
                        if phrasing.host_after.match(after) or (
                                phrasing.state_in.search(before)
                                and (f.status == "planned" or f.relation)):
                            f.country, f.country_span = st.value, (st.start, st.end)
                            break
                if f.country:
                    break
        if f.place is None and f.status == "held" and not f.relation:
            _visit_in_dateline_city(ctx, f)


def _in_organization(ctx: DocContext, p: Match) -> bool:
    """Whether a place's name is part of an organisation's ("the Shanghai Cooperation Organisation")."""
    return any(o.start <= p.start and p.end <= o.end for o in ctx.organizations)


def _place_at(f: MeetingFrame, p: Match) -> None:
    """The meeting is at a place the text names. A meeting "in the Kremlin" is a meeting in Moscow;
    a country residence keeps its name."""
    f.place, f.place_span = p.value.city or p.value.name, (p.start, p.end)
    f.country, f.country_span = p.value.state, (p.start, p.end)


def _held_online(ctx: DocContext, sentence: tuple[int, int]) -> bool:
    """The sentence says the meeting was held online, not that one participant joined online
    ("Pakistan joined via video link")."""
    phrasing = ctx.profile.meetings
    for v in phrasing.virtual.finditer(ctx.text, *sentence):
        if not phrasing.joined_remotely.search(ctx.text[max(sentence[0], v.start() - 50):v.start()]):
            return True
    return False


def _capital_by_adjective(ctx: DocContext, f: MeetingFrame, frames: list[MeetingFrame]) -> None:
    """ "the meeting in the Indian capital", "в белорусской столице": the state's capital."""
    phrasing = ctx.profile.meetings
    for m in f.mentions:
        ss, se = m.sentence
        for st in ctx.states:
            if not (ss <= st.start < se) or st.kind != "adjective" or frame_of_offset(frames, m.sentence, st.start) is not f:
                continue
            cap = phrasing.capital.match(ctx.text, st.end)
            if cap is None or not phrasing.place_cue.search(ctx.text[max(ss, st.start - 40):st.start]):
                continue
            name = ctx.domain.states.get(st.value, {}).get("capital")
            if name:
                f.place, f.place_span = name, (st.start, cap.end())
                f.country, f.country_span = st.value, (st.start, cap.end())
                return


def _visit_in_dateline_city(ctx: DocContext, f: MeetingFrame) -> None:
    """ "ДУШАНБЕ, 7-го октября – Рахмон провел переговоры с Лукашенко, прибывшим в Таджикистан с
    официальным визитом": talks with a visitor to the country the agency files from, with no city
    named, are in the dateline's city."""
    line = ctx.dateline
    if line is None or line.place is None:
        return
    phrasing = ctx.profile.meetings
    home = line.place.value.state
    for ss, se in sorted(sentences_and_after(ctx, f)):
        if not phrasing.guest.search(ctx.text, ss, se):
            continue
        visited = {st.value for st in ctx.states if ss <= st.start < se and st.kind == "name"
                   and phrasing.state_in.search(ctx.text[max(ss, st.start - 12):st.start])}
        if home in visited or f.country == home:
            _place_at(f, line.place)
            return


def round_host(ctx: DocContext, f: MeetingFrame) -> None:
    """A numbered round of consultations is chaired by the side that holds it at home: "Yang Jiechi
    held the 10th round of China-Russia Strategic Security Consultation" in Beijing, "под
    сопредседательством Гизата Нурдаулетова и Ван И" in Astana. The guest who "held" a round abroad
    chairs nothing, nor does a round "held in Yerevan" without a host named."""
    if not f.ordinal or f.country is None or len(f.persons) < 2:
        return
    text, pat = ctx.text, ctx.profile.meetings.round_host
    when = f.start
    hosts: dict[int, tuple[int, int]] = {}
    for ss, se in sorted(sentences_and_after(ctx, f)):
        for c in pat.finditer(text, ss, se):
            if c.group("after"):
                cand = [x for x in ctx.mentions if ss <= x.start and x.end <= c.start() and c.start() - x.end < 60
                        and x.person in f.persons]
                picks = cand[-1:]
            else:
                picks = [x for x in ctx.mentions if c.end() <= x.start < c.end() + 200 and x.end <= se
                         and x.person in f.persons]
            for x in picks:
                if ctx.people[x.person].state_at(when) == f.country:
                    hosts.setdefault(x.person, (x.start, x.end))
    if len(hosts) == 1:
        (pid, span), = hosts.items()
        f.chair, f.chair_span = pid, span


def assign_chair(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    text = ctx.text
    pat = ctx.profile.meetings.chair
    for f in frames:
        if f.format == "bilateral":
            continue  # two sides: a chair only for a numbered round its host holds (round_host)
        for sent in _sentences_and_next(ctx, f, frames):
            ss, se = sent
            for c in pat.finditer(text, ss, se):
                if frame_of_offset(frames, sent, c.start()) not in (f, None):
                    continue
                if c.groupdict().get("after"):
                    # "X chaired the meeting": the person just before the verb.
                    cand = [x for x in ctx.mentions if ss <= x.start and x.end <= c.start() and c.start() - x.end < 90]
                    pick = cand[-1] if cand else None
                else:
                    cand = [x for x in ctx.mentions if c.end() <= x.start < c.end() + 140 and x.end <= se
                            and not re.search(r"[.;]", text[c.end():x.start])]
                    pick = cand[0] if cand else None
                    if pick is None and ctx.profile.meetings.case_chain is not None:
                        # Free word order: "Иван Кубраков будет председательствовать на заседании".
                        before = [x for x in ctx.mentions if ss <= x.start and x.end <= c.start()
                                  and not re.search(r"[.;,:]", text[x.end:c.start()]) and c.start() - x.end < 60]
                        if before:
                            pick = before[-1]
                            f.chair, f.chair_span = pick.person, (pick.start, c.end())
                            break
                if pick is not None:
                    between = text[c.end():pick.start] if not c.groupdict().get("after") else ""
                    if re.search(r"[.;]", between):
                        continue
                    f.chair = pick.person
                    f.chair_span = (pick.start, c.end()) if c.groupdict().get("after") else (c.start(), pick.end)
                    break
            if f.chair is not None:
                break
        if f.chair is None:
            _opener(ctx, frames, f)


def _sentences_and_next(ctx: DocContext, f: MeetingFrame, frames: list[MeetingFrame]) -> list[tuple[int, int]]:
    """The sentences naming a meeting, each followed by the next one when that names no meeting:
    "... will be held in Minsk. Belarus's minister will chair it."."""
    named = {m.sentence for g in frames for m in g.mentions}
    out: list[tuple[int, int]] = []
    for m in sorted(f.mentions, key=lambda x: x.span[0]):
        if m.sentence not in out:
            out.append(m.sentence)
        nxt = ctx.analysis.sentence_after(m.sentence)
        if nxt is not None and nxt not in named and nxt not in out:
            out.append(nxt)
    return out


def _opener(ctx: DocContext, frames: list[MeetingFrame], f: MeetingFrame) -> None:
    """ "Kyrgyz Defence Minister X opened the meeting", "Заседание открыл министр X": the person
    right before the verb, or right after it when the meeting stands first."""
    text = ctx.text
    for sent in _sentences_and_next(ctx, f, frames):
        ss, se = sent
        for c in ctx.profile.meetings.opener.finditer(text, ss, se):
            if frame_of_offset(frames, sent, c.start()) not in (f, None):
                continue
            before = [x for x in ctx.mentions if ss <= x.start and x.end <= c.start() and c.start() - x.end < 90
                      and not re.search(r"[.;,]", text[x.end:c.start()])]
            after = [x for x in ctx.mentions if c.end() <= x.start < c.end() + 90 and x.end <= se
                     and not re.search(r"[.;,]", text[c.end():x.start])]
            pick = before[-1] if before else (after[0] if after else None)
            if pick is not None and not ctx.people[pick.person].is_expert:
                f.chair = pick.person
                f.chair_span = (min(pick.start, c.start()), max(pick.end, c.end()))
                return


_BULLET = re.compile(r"\s*(?:[-–—•*·]|\d{1,2}[.)])\s")
_LIST_LINE = 300  # a list item is a line this long at the most


def attendance_list(ctx: DocContext) -> set[tuple[int, int]]:
    """The sentences of a list that a sentence of taking part opens with a colon ("В заседании приняли
    участие:", "Attending the meeting were:", "The heads of delegations were:"): one line an item, up to a blank line (or, when the items
    carry bullets, up to the first line without one). The cue stands once, before the list."""
    text, sents = ctx.text, ctx.analysis.sentences
    phrasing = ctx.profile.meetings
    out: set[tuple[int, int]] = set()
    for s, e in sents:
        if not text[s:e].rstrip().endswith(":") or ctx.in_quote(s):
            continue
        # "приняли участие:", "Attending were:", "The heads of delegations were:"
        if not (phrasing.attendance.search(text, s, e) or phrasing.list_cue.search(text, s, e)):
            continue
        pos = text.find("\n", e)
        bulleted: bool | None = None
        while pos >= 0:
            start = pos + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[start:end]
            pos = end if end < len(text) else -1
            if not line.strip():
                if bulleted:
                    continue
                if bulleted is None:
                    continue  # blank lines between the cue and the first item
                break
            if bulleted is None:
                bulleted = bool(_BULLET.match(line))
            elif bulleted and not _BULLET.match(line):
                break
            if len(line.strip()) > _LIST_LINE:
                break
            out.update(x for x in sents if start <= x[0] < end)
    return out


def assign_participants(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    text = ctx.text
    phrasing = ctx.profile.meetings
    main = next((f for f in frames if f.main), None)
    listed = attendance_list(ctx)
    for mention in ctx.mentions:
        person = ctx.people[mention.person]
        if ctx.in_quote(mention.start) or person.is_expert or "press" in person.roles():
            continue
        if mention.kind == "patronymic":
            continue  # "Алексей Леонтьевич, ...?": whom an interviewer addresses
        if phrasing.on_behalf.search(text, max(0, mention.start - 80), mention.start):
            continue  # "greeted the guests on behalf of President X": X sent words, he did not come
        sent = ctx.sentence(mention.start)
        if ctx.text[sent[0]:sent[1]].rstrip().endswith("?"):
            continue  # a question reports no one's participation
        frame = frame_of_offset(frames, sent, mention.start)
        if (frame is None and main is not None and (phrasing.attendance.search(text, *sent) or sent in listed)
                and (main.status == "held" or phrasing.planned.search(text, *sent))  # "are expected to take part"
                and not phrasing.negation.search(text, sent[0], mention.start)):
            frame = main
        if frame is None or frame.format == "bilateral":
            continue  # bilateral talks have exactly their two sides
        if frame.status == "planned" and not (phrasing.attendance.search(text, *sent) or sent in listed):
            continue  # who announces a meeting is not thereby taking part in it
        if phrasing.negation_after.search(phrasing.clause_break.split(text[mention.end:sent[1]])[0]):
            continue  # "X will not attend the meeting"
        if (phrasing.hedged is not None and phrasing.hedged.search(text[sent[0]:sent[1]]) and frame.main
                and mention.person != frame.chair):
            continue
        frame.persons.setdefault(mention.person, []).append((mention.start, mention.end))
    for f in frames:
        for m in f.mentions:
            if m.reception:  # the leader who meets the body takes part, announced or held
                for pid in m.persons:
                    f.persons.setdefault(pid, []).append(m.span)
        if f.format == "bilateral" and not f.persons:
            _sides_people(ctx, f)
        if f.chair is not None:
            f.persons.setdefault(f.chair, []).append(f.chair_span or (0, 0))
    if main is not None and main.status == "held":
        for pid in ctx.addressed:
            main.persons.setdefault(pid, []).extend((m.start, m.end) for m in ctx.people[pid].mentions)
        # Who is quoted in a report of a meeting spoke there, unless an expert or a spokesman.
        for q in ctx.quotes:
            p = ctx.people[q.speaker] if q.speaker is not None else None
            if p is None or p.is_expert or "press" in p.roles():
                continue
            if q.mode in ("speech",) or p.roles() & {"security-council", "head-of-state", "head-of-government", "minister", "special-services",
                                                          "organization"}:
                main.persons.setdefault(q.speaker, []).append((q.start, q.end))


def _sides_people(ctx: DocContext, f: MeetingFrame) -> None:
    """ "China-Russia consultations ... were held by Wang Yi and Nikolai Patrushev": talks named by
    their two states have, as their people, the first person of each side named in their sentences
    (or the sentence right after)."""
    sides = {s for m in f.mentions for s in m.sides}
    spans = sentences_and_after(ctx, f)
    if not sides:
        # "The Chinese delegation will be led by X, while the Russian side will be represented by Y."
        after = ctx.profile.meetings.delegation_after
        sides = {st.value for st in ctx.states if st.kind == "adjective" and any(a <= st.start < b for a, b in spans)
                 and after.match(ctx.text, st.end) and not ctx.in_quote(st.start)}
    if len(sides) != 2:
        return
    found: dict[str, tuple[int, tuple[int, int]]] = {}
    when = f.start or (ctx.published.isoformat() if ctx.published else None)
    for x in ctx.mentions:
        st = ctx.people[x.person].state_at(when)  # the text's, else the registry's at the time
        if st in sides and st not in found and any(a <= x.start < b for a, b in spans) and not ctx.in_quote(x.start):
            found[st] = (x.person, (x.start, x.end))
    if len(found) < 2:
        # The states of the people are not given: the two people named, when they are only two.
        named = {x.person: (x.start, x.end) for x in ctx.mentions
                 if any(a <= x.start < b for a, b in spans) and not ctx.in_quote(x.start)}
        if len(named) == 2:
            found = {str(pid): (pid, span) for pid, span in named.items()}
    if len(found) == 2:
        for pid, span in found.values():
            f.persons.setdefault(pid, []).append(span)


def _context_sentences(ctx: DocContext, f: MeetingFrame, frames: list[MeetingFrame]) -> list[tuple[int, int]]:
    """The sentences that speak of a meeting: those naming it, and for the main meeting the sentences
    right after them that say who took part ("It was attended by representatives of ...")."""
    out = {m.sentence for m in f.mentions}
    if not f.main:
        return sorted(out)
    sents = ctx.analysis.sentences
    part = ctx.profile.meetings.participation
    for i, sent in enumerate(sents):
        if sent not in out or i + 1 >= len(sents):
            continue
        nxt = sents[i + 1]
        same_paragraph = "\n" not in ctx.text[sent[1]:nxt[0]] or not ctx.text[sent[1]:nxt[0]].strip()
        other = any(m.sentence == nxt for g in frames if g is not f for m in g.mentions)
        if same_paragraph and not other and part.search(ctx.text, *nxt):
            out.add(nxt)
    # Further on, "The representatives of A, B and C participated in it": a sentence that says who
    # attended, about no other meeting, speaks of the main one when it points back to it, when the
    # report speaks of no other, or before the report first names another.
    attendance = ctx.profile.meetings.attendance
    alone = len(frames) == 1
    first_other = min((m.sentence[0] for g in frames if g is not f for m in g.mentions), default=len(ctx.text))
    for sent in sents:
        if sent in out or ctx.in_quote(sent[0]) or not attendance.search(ctx.text, *sent):
            continue
        if any(m.sentence == sent for g in frames if g is not f for m in g.mentions):
            continue
        if alone or sent[1] <= first_other or ctx.profile.meetings.points_back.search(ctx.text, *sent):
            out.add(sent)
    return sorted(out)


def assign_states_orgs(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    text = ctx.text
    phrasing = ctx.profile.meetings
    for f in frames:
        if f.country and f.status == "held" and not f.relation:  # a host represents itself at what it holds
            f.states.setdefault(f.country, []).append(f.country_span or f.place_span or (0, 0))
        when = f.start or (ctx.published.isoformat() if ctx.published else None)
        for pid, spans in f.persons.items():
            # The state the text gives, else the one the registry says the official served then.
            st = ctx.people[pid].state_at(when)
            if st:
                f.states.setdefault(st, []).extend(spans)
            for o in ctx.people[pid].offices:
                if o.organization and o.role == "organization" and o.organization in ctx.domain.convening_organizations:
                    f.organizations.setdefault(o.organization, []).extend(spans)
        for m in f.mentions:
            for st in m.sides:  # "China-Russia consultations": both sides are represented
                f.states.setdefault(st, []).append(m.span)
        if f.organization:
            f.organizations.setdefault(f.organization, []).append(f.mentions[0].span)
        elif f.series and ctx.domain.series[f.series].organization:
            f.organizations.setdefault(ctx.domain.series[f.series].organization, []).append(f.mentions[0].span)
        for ss, se in _context_sentences(ctx, f, frames):
            if not phrasing.participation.search(text, ss, se) and not any(m.sentence == (ss, se) for m in f.mentions):
                continue
            items = [st for st in ctx.states if ss <= st.start < se and not ctx.in_quote(st.start)]
            listed = _listed(ctx, items, ss, frames, f)
            attending = bool(phrasing.attendance.search(text, ss, se))
            listed += [st for st in items if attending and st not in listed and _office_of_state(ctx, st, ss)
                       and frame_of_offset(frames, (ss, se), st.start) in (None, f)
                       and not phrasing.negation.search(text[max(ss, st.start - 70):st.start])
                       and not phrasing.negation_after.search(phrasing.clause_break.split(text[st.end:se])[0])]
            for st in listed:
                f.states.setdefault(st.value, []).append((st.start, st.end))
            orgs = [o for o in ctx.organizations if ss <= o.start < se]
            for o in _listed(ctx, orgs, ss, frames, f):
                f.organizations.setdefault(o.value, []).append((o.start, o.end))
        if f.country and f.status == "planned" and not f.relation and f.states:
            # An announced meeting whose participants are listed: the host will be among them.
            f.states.setdefault(f.country, []).append(f.country_span or f.place_span or (0, 0))


def _office_of_state(ctx: DocContext, st, sent_start: int) -> bool:
    """A state named in an office that takes part, with or without a name after it: "a Deputy Foreign
    Minister of Tajikistan also attended", "заместитель Министра иностранных дел Республики Таджикистан"."""
    if st.kind != "name":
        return False
    before = ctx.text[max(sent_start, st.start - 120):st.start]
    people = ctx.profile.people
    if people.written is not None:
        return people.written.office_before_state.search(before) is not None
    # Titles read through the registry (offices.json), the state's formal words left between.
    from parley.extract.offices import russian_offices_in

    for pat, entry in russian_offices_in(before):
        if entry.get("role") in (None, "expert", "press", "organization"):
            continue
        for m in pat.finditer(before):
            if people.declined.state_form.fullmatch(before[m.end():]):
                return True
    return False


def _without_names(ctx: DocContext, start: int, end: int) -> str:
    """The words between two list items without the people named there and the dashes or brackets
    that pair them with their state: "Azerbaijan – Ali Asadov, Belarus", "Armenia (X) and Belarus"."""
    gap = ctx.text[start:end]
    for m in ctx.mentions:
        if start <= m.start and m.end <= end:
            gap = gap[:m.start - start] + " " * (m.end - m.start) + gap[m.end - start:]
    if gap == ctx.text[start:end]:
        return gap  # no name in between: a dash or a bracket there pairs nothing
    return re.sub(r"[–—:()]|\s-\s", " ", gap)


def _list_before_attendance(ctx: DocContext, items: list) -> list:
    """ "Armenia, Belarus and Kazakhstan took part": a list of names with no cue before it, the verb
    of taking part right after it."""
    phrasing = ctx.profile.meetings
    chain: list = []
    for it in sorted(items, key=lambda m: m.start):
        if getattr(it, "kind", "name") == "adjective":
            chain = []
            continue
        if chain and not phrasing.list_join.match(_without_names(ctx, chain[-1].end, it.start)):
            chain = []
        chain.append(it)
        if len(chain) >= 2 and phrasing.attended_after.match(ctx.text, it.end):
            return chain
        if phrasing.represented_after.match(ctx.text, it.end):
            return chain  # "Kazakhstan is represented by ...", "Россию представляет ..."
    return []


def _listed(ctx: DocContext, items: list, sent_start: int, frames: list[MeetingFrame], f: MeetingFrame) -> list:
    """The items (state or organisation matches of one sentence) a participation phrase lists:
    the first after a cue ("representatives of"), and those joined to it ("..., Tajikistan and
    Uzbekistan"); none after a negation ("we did not see representatives of Ukraine and Moldova")."""
    text, phrasing = ctx.text, ctx.profile.meetings
    out, prev = [], None
    for it in sorted(items, key=lambda m: m.start):
        owner = frame_of_offset(frames, ctx.sentence(it.start), it.start)
        if owner is not None and owner is not f:
            prev = None
            continue
        before = text[sent_start:it.start]
        joined = prev is not None and phrasing.list_join.match(_without_names(ctx, prev.end, it.start))
        if joined:
            out.append(it)
            prev = it
            continue
        delegation = getattr(it, "kind", "") == "adjective" and phrasing.delegation_after.match(
            text[it.end:it.end + 15])
        cue = phrasing.list_cue.search(before[-140:]) and getattr(it, "kind", "name") != "adjective"
        neg = phrasing.negation.search(before[-70:])
        if (cue or delegation) and not neg:
            out.append(it)
            prev = it
        else:
            prev = None
    out.extend(_list_before_attendance(ctx, [it for it in items if it not in out]))
    out.sort(key=lambda m: m.start)
    # "Representatives of Ukraine and Moldova did not attend": a negation after the list undoes it.
    if out:
        after = text[out[-1].end:ctx.sentence(out[-1].start)[1]]
        clause = phrasing.clause_break.split(after)[0]
        if phrasing.negation_after.search(clause):
            return []
    return out


def assign_names(ctx: DocContext, f: MeetingFrame) -> None:
    """The meeting as the text names it: the phrase that says most about it (its series, body,
    number, organisation), the first of those that say as much (a report names a meeting in full
    first), with the place it is "in" when the text names it right after the phrase ("... Heads of
    Government in Astana")."""
    def score(m: MeetingMention) -> tuple:
        size = m.span[1] - m.span[0]
        informative = bool(m.series or m.body or m.joint or m.organization or m.ordinal)
        toks = ctx.analysis.tokens_in(*m.trigger)
        cited = not toks or toks[0].case in ("", "Nom")  # the meeting as its subject, not in a prepositional phrase
        return (not m.generic, informative, not m.verbal, m.joint == f.joint, m.ordinal is not None, m.series == f.series,
                bool(f.body) and m.body == f.body, bool(f.organization) and m.organization == f.organization,
                cited, size < 250, -m.span[0])
    best = max(f.mentions, key=score)
    start, end = best.span
    if best.verbal and not best.reception:
        # "the SCO defence ministers [had met]": the gathering, without its verb and auxiliaries.
        end = min(end, start + len(ctx.profile.meetings.trailing_auxiliaries.sub("", ctx.text[start:best.trigger[0]])))
    if best.reception:
        # "встреча X с секретарями ..., прибывших в Душанбе для участия ...": whom he met, not what they came for.
        comma = ctx.text.find(", ", best.trigger[1], end)
        end = comma if comma != -1 else end
    if f.place_span and not best.generic:
        gap = ctx.text[end:f.place_span[0]]
        if ctx.profile.meetings.in_place.fullmatch(gap):
            end = f.place_span[1]
    name = " ".join(ctx.text[start:end].split())
    f.name, f.name_span = _citation_form(ctx, best, name.strip(" ,.;:")), (start, end)


def _citation_form(ctx: DocContext, m: MeetingMention, name: str) -> str:
    """A name that starts with its meeting word declined ("заседании Совета глав правительств") starts
    with the word in the nominative, as names are cited ("заседание Совета глав правительств")."""
    forms = ctx.profile.meetings.citation_forms
    toks = ctx.analysis.tokens_in(*m.trigger)
    if not forms or not toks or toks[0].start != m.span[0] or toks[0].case in ("", "Nom"):
        return name
    t = toks[0]
    form = forms.get(t.lemma + ("+pl" if t.number == "Plur" else "")) or forms.get(t.lemma)
    if form is None:
        return name
    form = form.capitalize() if t.text[:1].isupper() else form
    return form + name[len(t.text):] if name.startswith(t.text) else name


def body_name(ctx: DocContext, f: MeetingFrame) -> str | None:
    """The canonical English name of the body that meets: its series' body, or the body the
    phrase names, with the organisation it belongs to."""
    if f.series:
        s = ctx.domain.series[f.series]
        return ctx.domain.body_name(s.body, s.organization) or s.name
    if f.joint:
        return None
    return ctx.domain.body_name(f.body, f.organization) if f.body else None
