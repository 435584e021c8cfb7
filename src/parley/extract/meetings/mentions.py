"""Meeting phrases: a meeting word with what qualifies it, or a body that meets; their series and ordinal."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.extract.context import DocContext
from parley.extract.dates import find_dates
from parley.extract.meetings.lexicon import ABBREVIATION_IN_BRACKETS, ROMAN_ORDINAL, Span
from parley.lang import CaseChain


@dataclass
class MeetingMention:
    span: Span
    trigger: Span
    sentence: Span
    series: str | None = None
    body: str | None = None
    organization: str | None = None
    ordinal: int | None = None
    joint: bool = False
    generic: bool = False
    bilateral: bool = False
    relation: str | None = None  # next | previous
    upcoming: bool = False  # "the upcoming meeting": the next one, or the one a report announces
    reception: bool = False  # a leader meeting a body ("встреча Эмомали Рахмона с секретарями ..."): not its session
    met: tuple[str | None, str | None] = (None, None)  # the series and body of whom a reception meets
    group: int | None = None  # "their meetings" of several bodies: mentions that share one date and place
    verbal: bool = False  # "Heads of CIS special services gathered": no meeting word
    planned: bool = False
    habitual: bool = False
    persons: tuple[int, ...] = ()
    sides: tuple[str, ...] = ()  # the two states of talks named by them ("China-Russia consultations")


def _ordinal_before(ctx: DocContext, pos: int, floor: int) -> tuple[int | None, int]:
    """An ordinal written just before a meeting word ("XIII", "13th", "ninth", "13-я", "третья")."""
    text = ctx.text
    phrasing = ctx.profile.meetings
    left = text[max(floor, pos - 60):pos]
    base = pos - len(left)
    for cue in (ROMAN_ORDINAL, *phrasing.ordinals):
        m = cue.pattern.search(left)
        if m:
            val = cue.value(m.group("o"))
            if val and 0 < val < 200:
                # "the 2021 trilateral", "80th anniversary": an ordinal of something else.
                between = left[m.end("o"):]
                if phrasing.ordinal_of_other.search(between):
                    continue
                return val, base + m.start("o")
    return None, pos


def _chain_phrase_end(ctx: DocContext, chain: CaseChain, pos: int, sent_end: int) -> int:
    """In a language that marks case, a meeting word's complement is its chain of nouns in the chaining
    case ("встреча секретарей советов безопасности государств – участников СНГ"), with abbreviations in
    brackets, coordinated councils ("СМИД, СМО и КССБ") and one prepositional phrase ("с главами ...",
    "по вопросам ...")."""
    toks = ctx.analysis.tokens_in(pos, sent_end)
    end, i, prep_cases = pos, 0, None
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        low = t.text.lower()
        if t.text == "(" and i + 2 < len(toks) and toks[i + 2].text == ")" and toks[i + 1].text.isupper():
            end, i = toks[i + 2].end, i + 3
            continue
        if low == "," and nxt is not None and end > pos and chain.participle.search(nxt.text):
            # "представителей, курирующих вопросы безопасности": a participle phrase qualifying the chain.
            j = i + 1
            while j < len(toks) and toks[j].text not in (",", ".", ";", ":", "(", ")", "«", "»"):
                end = toks[j].end
                j += 1
            i = j
            continue
        if low in chain.joins and nxt is not None and end > pos and (
                nxt.case in chain.cases or (nxt.text.isupper() and len(nxt.text) > 1)):
            i += 1
            continue
        if t.text in ("-", "–", "—") and nxt is not None and chain.member.match(nxt.lemma):
            i += 1
            continue
        if low in chain.prepositions and prep_cases is None and nxt is not None and nxt.case in chain.prepositions[low]:
            prep_cases = chain.prepositions[low]
            i += 1
            continue
        wordlike = t.pos in ("NOUN", "PROPN", "ADJ", "DET") or (t.text.isupper() and len(t.text) > 1)
        # "командующих пограничными войсками", "руководителей ... ведомствами": nouns of commanding
        # govern the instrumental.
        governed = t.case == "Ins" and i > 0 and chain.governs_instrumental.match(toks[i - 1].lemma) is not None
        governed = governed or (t.case == "Ins" and i > 1 and toks[i - 1].case == "Ins"
                                and chain.governs_instrumental.match(toks[i - 2].lemma) is not None)
        if wordlike and (t.case in chain.cases or (prep_cases and t.case in prep_cases) or governed
                         or (t.text.isupper() and len(t.text) > 1) or "-" in t.text):
            end, i = t.end, i + 1
            continue
        break
    return min(end, pos + 260)


def _phrase_end(ctx: DocContext, pos: int, sent_end: int) -> int:
    """Where the qualifying complement of a meeting word ends ("... of the CIS member states")."""
    text = ctx.text
    phrasing = ctx.profile.meetings
    if phrasing.case_chain is not None:
        return _chain_phrase_end(ctx, phrasing.case_chain, pos, sent_end)
    # A stop word ends the phrase (phrase_stop); a verb ends it too ("the meeting brought together ..."):
    # the tagger says which words are verbs.
    verb = next((t.start for t in ctx.analysis.tokens_in(pos, sent_end) if t.pos in ("VERB", "AUX")), sent_end)
    sent_end = min(sent_end, verb)
    end = pos
    while True:
        m = phrasing.phrase_stop.search(text, end, sent_end)
        stop_at = m.start() if m else sent_end
        # "(SCO)", "(CSTO)": an abbreviation in brackets is part of the name, not its end.
        bracket = ABBREVIATION_IN_BRACKETS.match(text, stop_at)
        if bracket is None or bracket.end() > sent_end:
            return min(stop_at, pos + 260)
        end = bracket.end()


def _phrase_start(ctx: DocContext, trig_start: int, sent_start: int) -> int:
    """Where the modifiers before a meeting word start ("the 13th international ...")."""
    text = ctx.text
    phrasing = ctx.profile.meetings
    left = text[sent_start:trig_start]
    # Modifiers, and (English) a body's name used as one ("the CSTO Committee of Secretaries of
    # Security Councils meeting").
    m = phrasing.modifiers.search(left)
    start = sent_start + (m.start() if m else len(left))
    # Never start on an article or a preposition.
    while phrasing.leading_function_words is not None:
        w = phrasing.leading_function_words.match(text[start:trig_start])
        if not w:
            break
        start += w.end()
    return start


def _classify(ctx: DocContext, span: Span) -> tuple[str | None, str | None, str | None, bool]:
    """(series, body, organisation, joint) of a meeting phrase."""
    text = ctx.text[span[0]:span[1]]
    phrasing = ctx.profile.meetings
    domain = ctx.domain
    named = next((key for key, pat in ctx.matchers.series_names if pat.search(text)), None)
    found: dict[str, int] = {}
    for key, pat in ctx.matchers.bodies:
        m = pat.search(text)
        if m:
            found[key] = m.start()
    orgs = [m for m in ctx.organizations if m.start >= span[0] and m.end <= span[1]]
    # An organisation's own body ("the SCO Regional Anti-Terrorist Structure") speaks for its parent.
    convening = [o for o in (domain.organizations.get(m.value, {}).get("parent") if m.value not in
                             domain.convening_organizations else m.value for m in orgs)
                 if o in domain.convening_organizations]
    org = convening[0] if convening else None
    body_keys = sorted(found, key=found.__getitem__)
    joint = len([k for k in body_keys if k in domain.joint_bodies]) >= 2
    joint = joint or bool(phrasing.joint.search(text) and (len(body_keys) >= 2 or phrasing.ministerial.search(text)))
    if joint:
        return None, "joint", org, True  # "совместное заседание СМИД, СМО и КССБ": no one council's series
    if named is not None:
        s = domain.series[named]
        return named, s.body, s.organization, False
    # The most specific body named wins (bodies.json lists them most specific first).
    body = next((k for k in domain.body_priority if k in found), None)
    if body is None:
        return None, None, org, False
    if org is None and not orgs:
        # "the Collective Security Council" is the CSTO's; else the organisation of the sentence or headline.
        org = domain.implied_organization(body, text) or _context_organization(ctx, span)
    series = domain.series_for(body, org)
    if body == "high-representatives" and org is None:
        # National security advisers meet in many formats; the international meeting says so.
        series = "intl-security-high-representatives" if phrasing.international.search(text) else None
    return series, body, org, False


def _context_organization(ctx: DocContext, span: Span) -> str | None:
    """The organisation a body belongs to when the phrase does not say: the one convening
    organisation named in the phrase's sentence, else in the headline ("SCO defence chiefs meet":
    "the defence ministers' meeting" of the report is the SCO's)."""
    ss, se = ctx.sentence(span[0])
    for lo, hi in ((ss, se), _headline(ctx)):
        found = {m.value for m in ctx.organizations
                 if lo <= m.start < hi and m.value in ctx.domain.convening_organizations}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


def _headline(ctx: DocContext) -> Span:
    """The headline: the first line of the text when it is a short line of its own."""
    text = ctx.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end == -1 or end - start > 200:
        return (0, 0)
    return (start, end)


def _with_person(ctx: DocContext, trigger_end: int, sent_end: int) -> bool:
    """ "a meeting with the Kazakh Foreign Minister X", "встреча с Х": talks between two sides (a
    meeting "with the heads of delegations" is not)."""
    phrasing = ctx.profile.meetings
    w = phrasing.with_whom.match(ctx.text, trigger_end, sent_end)
    if w is None:
        # "a meeting of Security Council Secretary X with Y", "встреча секретаря Совбеза X с Y"
        first = next((x for x in ctx.mentions if trigger_end <= x.start < min(sent_end, trigger_end + 120)), None)
        if first is None or re.search(r"[,;:]", ctx.text[trigger_end:first.start]):
            return False
        w = phrasing.with_whom.match(ctx.text, first.end, sent_end)
        if w is None or w.start() - first.end > 0 and ctx.text[first.end:w.start()].strip():
            return False
    nxt = next((x for x in ctx.mentions if x.start >= w.end()), None)
    if nxt is not None and nxt.start - w.end() < 90 and "," not in ctx.text[w.end():nxt.start]:
        return not phrasing.group.search(ctx.text, w.end(), nxt.start)
    # No name: "a meeting with the Belarusian head of state" is with one official.
    clause = re.split(r"[,;.]", ctx.text[w.end():min(sent_end, w.end() + 80)])[0]
    return bool(phrasing.official.search(clause)) and not phrasing.group.search(clause)


def _state_by_adjective_stem(ctx: DocContext, stem: str) -> str | None:
    """The state whose adjective in the text's language has this stem ("китайск" -> CHN)."""
    found = {iso for iso, e in ctx.domain.states.items()
             for adj in e.get(f"adjectives_{ctx.language}", [])
             if adj.lower().startswith(stem) and len(adj) - len(stem) <= 3}
    return found.pop() if len(found) == 1 else None


def _compound_sides(ctx: DocContext, span: Span) -> tuple[str, ...]:
    """ "китайско-российские консультации": the states of a compound adjective."""
    compound = ctx.profile.meetings.compound_adjective
    m = compound.search(ctx.text, *span) if compound is not None else None
    if m is None:
        return ()
    sides = []
    for stem in (m.group(1), m.group(2)):
        iso = _state_by_adjective_stem(ctx, stem.lower())
        if iso is None:
            return ()
        sides.append(iso)
    return tuple(sides) if sides[0] != sides[1] else ()


def _two_sides(ctx: DocContext, span: Span) -> tuple[str, ...]:
    """The two states a phrase pairs: "China-Russia", "India–Russia", "китайско-российские",
    "советов безопасности Белоруссии и России"."""
    text = ctx.text
    joiner = ctx.profile.meetings.side_joiner
    states = [st for st in ctx.states if span[0] <= st.start < span[1]]
    # "Russia and China" names two sides only when no third state is in the phrase.
    two = len({st.value for st in states}) == 2
    for a, b in zip(states, states[1:], strict=False):
        if two and a.value != b.value and joiner.fullmatch(text[a.end:b.start]):
            return (a.value, b.value)
    return _compound_sides(ctx, span)


def _sides_in_context(ctx: DocContext, sentence: Span, trigger: int) -> tuple[str, ...]:
    """The two sides of talks a phrase does not name: two capitals for their states ("Beijing and
    Moscow are set to conduct a consultation"), or the two delegations of the sentence and the next
    ("The Chinese delegation will be led by X, while the Russian side will be represented by Y")."""
    text = ctx.text
    joiner = ctx.profile.meetings.side_joiner
    cities = [p for p in ctx.places if sentence[0] <= p.start < trigger and p.kind == "place"
              and getattr(p.value, "state", None) and not ctx.in_quote(p.start)]
    for a, b in zip(cities, cities[1:], strict=False):
        if a.value.state != b.value.state and joiner.fullmatch(text[a.end:b.start]):
            return (a.value.state, b.value.state)
    spans = [sentence]
    if (nxt := ctx.analysis.sentence_after(sentence)) is not None:
        spans.append(nxt)
    after = ctx.profile.meetings.delegation_after
    found: list[str] = []
    for st in ctx.states:
        if st.kind == "adjective" and any(a <= st.start < b for a, b in spans) and after.match(text, st.end) \
                and st.value not in found and not ctx.in_quote(st.start):
            found.append(st.value)
    return tuple(found) if len(found) == 2 else ()


def find_meeting_mentions(ctx: DocContext) -> list[MeetingMention]:
    text = ctx.text
    phrasing = ctx.profile.meetings
    out: list[MeetingMention] = []
    quote_spans = [(q.start, q.end) for q in ctx.quotes if q.mode in ("quote", "dash")]
    for ss, se in ctx.analysis.sentences:
        for m in phrasing.triggers.finditer(text, ss, se):
            trig = m.group("t")
            ps = _phrase_start(ctx, m.start(), ss)
            pe = _phrase_end(ctx, m.end(), se)
            series, body, org, joint = _classify(ctx, (ps, pe))
            if series is None and not joint:
                # The body may be named just before the meeting word ("the SCO Security Council Secretaries
                # meeting") or be the one holding it ("The CSTO Committee of Secretaries ... held a meeting").
                series2, body2, org2, _ = _classify(ctx, (ps, m.end()))
                series, body, org = series or series2, body or body2, org or org2
                holds = phrasing.holds.search(text[ss:m.start()])
                if series is None and holds:
                    series, body, org, joint = _classify(ctx, (ss, ss + holds.start()))
            ordinal, ostart = _ordinal_before(ctx, m.start(), ss)
            if ordinal is None:
                ordinal, ostart = _ordinal_before(ctx, ps, ss) if ps > ss else (None, ps)
            if ordinal is not None and phrasing.ordinal_idiom.match(text, m.end("t"), se):
                ordinal, ostart = None, ps  # "the first defence ministers' meeting since the expansion"
            ps = min(ps, ostart)
            sentence_text = text[ss:se]
            sides = _two_sides(ctx, (ps, pe))
            bilateral = _with_person(ctx, m.end("t"), se) or (bool(phrasing.bilateral_trigger.match(trig)) and not phrasing.multilateral.search(text, ps, pe)
                         and not (org and series is None and body is not None)) or bool(
                phrasing.bilateral.search(text[ps:m.start()])) or bool(sides and not series)
            if bilateral:
                series, body, joint = None, None, False  # talks between two sides belong to no series
                sides = sides or _sides_in_context(ctx, (ss, se), m.start())
            mention = MeetingMention(
                span=(ps, pe), trigger=m.span("t"), sentence=(ss, se), series=series, body=body,
                organization=org, ordinal=ordinal, joint=joint,
                generic=bool(phrasing.generic_trigger.match(trig)) and series is None,
                bilateral=bilateral, sides=sides if bilateral else (),
                habitual=bool(phrasing.habitual.search(sentence_text))
                or bool(phrasing.provided_for.search(text[max(ss, m.start() - 100):m.start()])) or (
                    ordinal is None and _plural_trigger(ctx, m) and not _anchored(ctx, pe, se)),
            )
            host = _host(ctx, m.end("t"), pe) if (series or body) else None
            if host is not None or ((series or body) and phrasing.with_whom.match(text, m.end("t"), pe)):
                # "встреча Эмомали Рахмона с секретарями советов безопасности ШОС", "Meeting with
                # secretaries of Security Councils".
                _as_reception(mention, series, body, host)
            local = text[max(ss, ps - 40):min(se, pe + 10)]
            nxt = phrasing.next.search(local)
            if nxt:
                mention.relation = "next"
                mention.upcoming = bool(phrasing.upcoming.fullmatch(nxt.group()))
            elif phrasing.previous.search(text[max(ss, ps - 30):pe]) or phrasing.met_before.search(text, ss, ps):
                mention.relation = "previous"  # "... had last met on the sidelines of a meeting of BRICS NSAs"
            mention.planned = is_planned(ctx, mention)
            if any(a <= m.start() < b for a, b in quote_spans):
                mention.habitual = True  # a meeting spoken of inside a quote is not reported by the text
            out.append(mention)
            out.extend(_their_meetings(ctx, m, mention))
        # "It will be held today in Moscow", "Она пройдет под председательством ...": the meeting of
        # the sentence before, by its pronoun.
        pron = phrasing.pronoun_subject.match(text, ss, se)
        if pron and any(x.sentence[1] <= ss and ss - x.sentence[1] < 4 and not x.habitual for x in out):
            mention = MeetingMention(span=pron.span("p"), trigger=pron.span("p"), sentence=(ss, se), generic=True)
            mention.planned = is_planned(ctx, mention)
            out.append(mention)
        # A body that meets, with no meeting word: the sentence's first such verb, or one in a relative
        # clause after the body ("... submitted to the Council of CIS Heads of State, which meets in Bishkek").
        named = any(x.sentence == (ss, se) and (x.series or x.joint or x.body) for x in out)
        for i, g in enumerate(phrasing.gather.finditer(text, ss, se)):
            if named and not _receives_participants(ctx, g, se):
                break
            lo = max(ss, g.start() - 40)
            rel = phrasing.relative_clause.search(text[lo:g.start()] + " ")
            if i and not (rel and phrasing.convenes.fullmatch(g.group())):
                continue
            mention = _gathering(ctx, g, (ss, se))
            if mention is not None:
                if rel and lo + rel.start() > mention.span[0]:
                    mention.span = (mention.span[0], lo + rel.start())  # the body, not "which meets"
                out.append(mention)
                break
    for m in out:
        # "... met the secretaries, who came for the 9th meeting": the meeting of the body received.
        r = next((x for x in out if x.reception and x.sentence == m.sentence and x.met[1]), None)
        if r is not None and not m.reception and m.ordinal and not (m.series or m.body):
            m.series, m.body, m.organization = r.met[0], r.met[1], m.organization or r.organization
    return out


def _receives_participants(ctx: DocContext, g: re.Match[str], sent_end: int) -> bool:
    """ "Tokayev received the heads of delegations taking part in the meeting of Prosecutors General":
    a leader meets the participants of a meeting, a meeting of its own beside the one they came for."""
    phrasing = ctx.profile.meetings
    if phrasing.receives.fullmatch(g.group()) is None:
        return False
    return bool(phrasing.talks_group.search(ctx.text[g.end():min(sent_end, g.end() + 60)]))


def _gathering(ctx: DocContext, g: re.Match[str], sentence: Span) -> MeetingMention | None:
    """The meeting of a body named with a verb of meeting: the body is the subject ("Heads of CIS
    special services gathered") or whom one meets ("Lukashenko met with the secretaries of the
    Security Councils of the CSTO member states")."""
    text, phrasing = ctx.text, ctx.profile.meetings
    ss, se = sentence
    series, body, org, joint = _classify(ctx, (ss, g.start()))
    host, reception, obj_end = None, False, g.end()
    if not series and not body:
        # The object runs to the clause's end: "примет секретарей советов безопасности ШОС, которые ...".
        obj_end = _phrase_end(ctx, g.end(), se)
        receives = phrasing.receives.fullmatch(g.group()) is not None
        if receives:
            comma = text.find(", ", g.end(), se)
            obj_end = max(obj_end, min(comma if comma != -1 else se, g.end() + 150))
        series, body, org, joint = _classify(ctx, (g.end(), obj_end))
        # "Lukashenko met with the secretaries of the CSTO security councils": he meets the body.
        reception = bool(series or body) and receives
        subject = [x for x in ctx.mentions if ss <= x.start and x.end <= g.start()
                   and not re.search(r"[,;:]", text[x.end:g.start()])]
        host = subject[-1].person if subject and reception else None
    found = [m for key, pat in ctx.matchers.bodies if key == body for m in pat.finditer(text, ss, se)]
    if body and not series and not joint and not any(_names_a_body(ctx, m.span()) for m in found):
        return None  # "The Secretary of the Security Council held talks": one official, not a body
    if not (series or joint or (body and not ctx.in_quote(g.start()))):
        return None
    if not (series or joint or org) and not (phrasing.convenes.fullmatch(g.group()) or phrasing.receives.fullmatch(g.group())):
        return None  # "the heads of state signed": whose heads, at what gathering, the text does not say
    # The phrase runs from the body's name (with its modifiers) to the verb, not from the sentence's
    # start: "... announced that [the SCO foreign ministers will meet]".
    starts = [m.start() for m in found if m.start() < g.start()]
    ps = _phrase_start(ctx, min(starts), ss) if starts and body else ss
    mention = MeetingMention(span=(ps, g.end()), trigger=g.span(), sentence=sentence, series=series,
                             body=None if joint else body, organization=org, verbal=True, joint=joint,
                             habitual=bool(phrasing.habitual.search(text, ss, se)))
    if phrasing.previous.search(text[max(ss, g.start() - 30):g.end()]):
        mention.relation = "previous"  # "The Council last met in Bishkek"
    if reception:
        _as_reception(mention, series, body, host)
        # Named from the host to whom he meets: "Медведев примет секретарей советов безопасности ШОС".
        lead = next((x.start for x in ctx.mentions if x.person == host and ss <= x.start < g.start()), g.start())
        mention.span = (lead, obj_end)
    mention.planned = is_planned(ctx, mention)
    return mention


def _as_reception(mention: MeetingMention, series: str | None, body: str | None, host: int | None) -> None:
    """A leader meets a body: a meeting of its own, in no series, which remembers whom it met."""
    mention.reception, mention.met, mention.series, mention.body = True, (series, body), None, None
    mention.persons = (host,) if host is not None else ()


def _their_meetings(ctx: DocContext, m: re.Match[str], plural: MeetingMention) -> list[MeetingMention]:
    """ "... the CSTO bodies - the Collective Security Council, the Council of Foreign Ministers, the
    Council of Defence Ministers - during their sessions in Minsk on 22-23 June": one meeting of each
    body listed, all on the date and in the place of "their sessions"."""
    text, ss = ctx.text, plural.sentence[0]
    if not ctx.profile.meetings.their.search(text, max(ss, m.start() - 30), m.start()) or not _plural_trigger(ctx, m):
        return []
    listed: dict[str, re.Match[str]] = {}
    for key, pat in ctx.matchers.bodies:
        for b in pat.finditer(text, ss, m.start()):
            if key not in listed and not any(o.start() <= b.start() < o.end() for o in listed.values()):
                listed[key] = b
    if len(listed) < 2 or ctx.profile.meetings.joint.search(text, ss, m.start()):
        return []
    org = _context_organization(ctx, (ss, ss))
    plural.habitual = True  # the bodies' meetings, not one
    out = []
    for key, b in sorted(listed.items(), key=lambda kv: kv[1].start()):
        one = MeetingMention(span=b.span(), trigger=m.span("t"), sentence=plural.sentence,
                             series=ctx.domain.series_for(key, org), body=key, organization=org, group=m.start())
        one.planned = plural.planned
        out.append(one)
    return out


def _host(ctx: DocContext, trigger_end: int, phrase_end: int) -> int | None:
    """The person whose meeting with a body the phrase names: "meeting of X with the ...", "встреча X с ..."."""
    inside = [x for x in ctx.mentions if trigger_end <= x.start and x.end <= phrase_end]
    if inside and ctx.profile.meetings.with_whom.match(ctx.text, inside[0].end, phrase_end) and \
            ctx.text[trigger_end:inside[0].start].strip() in ("", "of"):
        return inside[0].person
    return None


def _names_a_body(ctx: DocContext, span: Span) -> bool:
    """Whether a body's phrase names a body or several of its members ("the RATS Council", "the
    secretaries", "министры"), not one official ("the Secretary of the Security Council"): its head
    noun, the first in Russian, the last before "of" in English, is collective or plural."""
    phrasing = ctx.profile.meetings
    toks = [t for t in ctx.analysis.tokens_in(*span) if t.pos in ("NOUN", "PROPN")]
    if phrasing.head_noun_before is not None:
        of = next((t.start for t in ctx.analysis.tokens_in(*span) if t.text.lower() == phrasing.head_noun_before),
                  span[1])
        before_of = [t for t in toks if t.start < of]
        # "Prosecutors General", "Secretaries General": the adjective after the noun heads nothing.
        while len(before_of) > 1 and before_of[-1].text.lower() == "general":
            before_of = before_of[:-1]
        head = before_of[-1:] or toks[:1]
        # The tagger calls capitalised plurals singular proper nouns ("Prosecutors"): the ending tells.
        if any(re.fullmatch(r"[A-Z][a-z]+[^s]s", t.text) for t in head):
            return True
    else:
        head = toks[:1]
    return any(t.number == "Plur" or phrasing.collective.match(t.text) for t in head)


def _anchored(ctx: DocContext, phrase_end: int, sent_end: int) -> bool:
    """Meetings pinned to a time and a place ("заседаний высших органов СНГ в октябре в Душанбе")."""
    window = (phrase_end, min(sent_end, phrase_end + 60))
    has_date = any(window[0] <= d.start < window[1] for d in find_dates(ctx.text, ctx.profile.dates, *window))
    has_place = any(window[0] <= p.start < window[1] for p in ctx.places)
    return has_date and has_place


def _plural_trigger(ctx: DocContext, m: re.Match[str]) -> bool:
    """ "meetings", "встречи высоких представителей проводятся с 2010 года": meetings in general."""
    phrasing = ctx.profile.meetings
    if phrasing.bilateral_trigger.match(m.group("t")):
        return False  # "talks", "переговоры": plural in form, one meeting in fact
    toks = ctx.analysis.tokens_in(m.start("t"), m.end("t"))
    if toks and toks[0].number:
        return toks[0].number == "Plur"
    return bool(phrasing.plural_trigger is not None and phrasing.plural_trigger.match(m.group("t")))


def _tense_cues(ctx: DocContext, lo: int, hi: int) -> tuple[list[Span], list[Span]]:
    """Verbs whose grammatical tense says future (planned) or past (held), where the model tells:
    "обсудят", "пройдет" against "прошла", "подписали"."""
    planned, held = [], []
    reporting = ctx.profile.meetings.reporting
    for t in ctx.analysis.tokens_in(lo, hi):
        if reporting.match(t.lemma):
            continue  # "сообщила, что заседание пройдет": the report's verb, not the meeting's
        if t.pos in ("VERB", "AUX") and t.tense:
            (planned if t.tense == "Fut" else held if t.tense == "Past" else []).append((t.start, t.end))
    return planned, held


def is_planned(ctx: DocContext, mention: MeetingMention) -> bool:
    phrasing = ctx.profile.meetings
    ss, se = mention.sentence
    text = ctx.text
    # The clause of the meeting phrase: from the phrase to the next full stop, and a little before it.
    base = max(ss, mention.span[0] - 80)
    window = text[base:min(se, mention.span[1] + 120)]
    # A relative clause on the meeting itself decides: "the session, which will open in Minsk".
    rel = phrasing.relative_clause.match(text[mention.span[1]:se])
    if rel:
        clause = text[mention.span[1] + rel.end():min(se, mention.span[1] + rel.end() + 30)]
        if phrasing.planned.match(clause) or phrasing.relative_future.match(clause):
            return True
        if phrasing.held.match(clause):
            return False
    if mention.relation == "next":
        return True
    planned = [(m.start() + base, m.end() + base) for m in phrasing.planned.finditer(window)]
    held = [(m.start() + base, m.end() + base) for m in phrasing.held.finditer(window)]
    fut, past = _tense_cues(ctx, base, base + len(window))
    planned += [c for c in fut if not any(a <= c[0] < b for a, b in held)]
    held += [c for c in past if not any(a <= c[0] < b for a, b in planned)]
    if planned and not held:
        return True
    if planned and held:
        # The cue nearest the meeting word decides: "hosted ... agreed to hold the next" vs "will be held".
        t0, t1 = mention.trigger

        def gap(c: Span) -> int:
            return t0 - c[1] if c[1] <= t0 else max(c[0] - t1, 0)

        return min(map(gap, planned)) <= min(map(gap, held))
    return False
