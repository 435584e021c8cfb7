"""Agreements: plans, programmes, treaties, agreements, memoranda, declarations, conventions, strategies.

An agreement phrase is a document word ("plan", "treaty", "программа") with what
qualifies it ("cooperation plan between the Councils of security of the two countries for
2022-2023"); a bare word ("agreements and treaties") is not a specific document and is
left out. Its years come from the period it covers ("for 2026-2027", "through 2025",
"на второе полугодие 2017 года – первое полугодие 2018 года"); its parties from the
states and organisations the phrase or the signing sentence names, or from the
signatories' states; it is signed where the text says so, on the date it gives.

Each language's words (document words, where a title ends, signing) are its profile's
``agreements`` (parley.lang). The few patterns here that hold English and Russian words together
("for 2025" / "на 2025 год") read every report alike, whatever its language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parley.extract.context import DocContext
from parley.extract.dates import find_dates, resolve, year_ranges
from parley.extract.meetings.frames import MeetingFrame
from parley.lang import AgreementPhrasing

Span = tuple[int, int]

# Read in English and Russian alike, whatever the report's language (a title may be quoted from the
# other): half-years ("H2 2019 – H1 2020", "second half of 2019", "второе полугодие 2017 года"), and
# the word after a document word that makes it general ("agreements and treaties").
_HALF = re.compile(r"(?:H[12]|(?:first|second) half(?: of)?|(?:перв|втор)\w+ полугоди\w+)\s+(?P<y>(?:19|20)\d\d)", re.I)
# A document word followed by another in a list ("agreements and treaties"), not by a clause about it
# ("the Kazan Declaration, which ...", "a joint communique and approved the budget").
_GENERIC_AFTER = re.compile(
    r"^\s*(?:(?:and|or|и|или)\s(?!(?:the\s+|also\s+|then\s+)?(?:approved|adopted|signed|agreed|decided|discussed|"
    r"noted|утвердил\w*|подписал\w*|одобрил\w*|принял\w*|обсудил\w*))|,\s(?!(?:which|that|who|где|котор\w+)\b))",
    re.I)
_VENUE = re.compile(r"\s+(?:Cent(?:re|er)|Hall|Palace|Complex|Building)\b")
_STATEMENT = re.compile(r"^statements?$", re.I)
_ADOPTED_ONLY = re.compile(r"^(?:lists? of|regulations? on|(?:set|package) of|комплекс|перечень|перечн|положени)", re.I)
# The minutes of a meeting, signed at it: a document though its title is no more than the word.
_PROTOCOL = re.compile(r"^(?:protocol|протокол\w*)$", re.I)


@dataclass
class AgreementMention:
    span: Span
    title: str
    kind: str
    sentence: Span
    valid_from: int | None = None
    valid_to: int | None = None
    signed: str | None = None
    signed_span: Span | None = None
    parties: dict[str, list[Span]] = field(default_factory=dict)
    signatories: dict[int, list[Span]] = field(default_factory=dict)
    at_meeting: bool = False
    draft: bool = False
    kind_start: int = 0


def _title_end(ctx: DocContext, start: int, sent_end: int) -> int:
    text = ctx.text
    phrasing = ctx.profile.agreements
    m = phrasing.title_stop.search(text, start, sent_end)
    while (m is not None and phrasing.between is not None and re.match(r"\s(?:и|and)\s", m.group(), re.I)
           and phrasing.between.search(text, start, m.start()) and not phrasing.between.search(text, m.end(), sent_end)):
        # "План консультаций между МИД России и МИД Таджикистана": "и" joins the two sides of "между".
        m = phrasing.title_stop.search(text, m.end(), sent_end)
    end = m.start() if m else sent_end
    if m and text[end] == "," and not year_ranges(text, start, end):
        # "plan of consultations on foreign policy, security and defence issues for 2025": the period
        # that names the document comes after a list.
        period = re.match(r",\s[^.;:!?\"“”«»]{0,80}?\b(?:for|на)\s+(?:19|20)\d\d(?:\s*[-–—−]\s*(?:19|20)?\d\d)?"
                          r"(?:\s+(?:годы|год))?", text[end:sent_end])
        if period and not re.search(r"\b(?:was|were|is|are|will|which|signed|said)\b", period.group()) \
                and not phrasing.signed.search(period.group()):
            end += period.end()
    return min(end, start + 220)


def _title_start(ctx: DocContext, kind_start: int, sent_start: int) -> int:
    phrasing = ctx.profile.agreements
    if phrasing.title_modifiers is None or phrasing.determiner is None:
        return _adjectives_before(ctx, kind_start, sent_start)
    text = ctx.text
    left = text[sent_start:kind_start]
    m = phrasing.title_modifiers.search(left)
    start = sent_start + (m.start() if m else len(left))
    w = phrasing.determiner.match(text[start:kind_start])
    return start + (w.end() if w else 0)


def _adjectives_before(ctx: DocContext, kind_start: int, sent_start: int) -> int:
    """Where the tagger's adjectives and acronyms before a document word start ("Антинаркотическая
    стратегия"), never taking participles ("подписанных ранее Договора")."""
    start = kind_start
    for t in reversed(ctx.analysis.tokens_in(max(sent_start, kind_start - 80), kind_start)):
        if t.pos == "ADJ" or (t.text.isupper() and len(t.text) > 1):
            start = t.start
            continue
        break
    return start


def _specific(ctx: DocContext, start: int, kind_start: int, kind_end: int, end: int) -> bool:
    """A named document, not the word in general ("withdrawing from agreements and treaties")."""
    text = ctx.text
    phrasing = ctx.profile.agreements
    word = text[kind_start:kind_end]
    after = text[kind_end:end]
    before = text[start:kind_start]
    signed = phrasing.signed.search(text, *ctx.sentence(kind_start)) is not None  # signed, adopted, approved
    if _PROTOCOL.match(word) and signed:
        return True  # "A Protocol of the meeting was signed", "подписан протокол"
    if _VENUE.match(text, kind_end):
        return False  # "the Jinnah Convention Centre": a place
    if _ADOPTED_ONLY.match(word):
        return signed  # "the list of additional measures", "Комплекс совместных мер": a document when adopted
    if _STATEMENT.match(word) and not word[:1].isupper():
        # "adopted a statement on strengthening security guarantees": a document; "in a statement", no.
        return signed and re.match(r"\s+(?:on|of|in connection with|regarding)\b", after, re.I) is not None
    if _GENERIC_AFTER.match(text[kind_end:kind_end + 40]) and not after.strip():
        return False
    has_years = bool(re.search(r"(?:19|20)\d\d", text[start:end]))
    capital = word[:1].isupper() and not text[max(0, kind_start - 2):kind_start].strip().endswith(".")
    qualified = bool(re.match(r"\s+(?:on|of|for|between|to|about|in the field|in the sphere|о|об|по|на|между|в сфере|в области)\b", after, re.I))
    case = phrasing.qualifying_case
    if case is not None and not qualified:
        # "план сотрудничества ...": a document word governing a genitive names one document.
        nxt = ctx.analysis.tokens_in(kind_end, kind_end + 60)
        # "план сотрудничества", "план совместных мероприятий": the first noun, past its adjectives.
        while nxt and nxt[0].pos == "ADJ" and nxt[0].case == case:
            nxt = nxt[1:]
        qualified = bool(nxt) and nxt[0].case == case and nxt[0].pos == "NOUN"
    modified = len(re.findall(r"\w+", before)) >= 1
    if re.match(r"\s+(?:of|for)\s+(?:the\s+)?(?:event|meeting|forum|visit|conference|summit|talks|day|session)\b|"
                r"\s+(?:мероприяти|встреч|визит|форум|заседани)", after, re.I):
        return False  # the programme of an event is its agenda
    plural = _plural(ctx, kind_start, kind_end)
    if plural and not has_years and not capital:
        return False  # plurals name kinds of documents, not one
    named_by = bool(re.match(r"\s+(?:[A-ZА-ЯЁ]{2,}\b\s*){1,3}", after))  # "Декларация СКБ ОДКБ"
    if phrasing.statement is not None and phrasing.statement.match(word) and not capital:
        return False  # "в своем заявлении": a statement made, not a document adopted
    if " " in word.strip() and signed:
        return True  # "signed a joint statement", "подписали Совместное заявление"
    # Named after a city: "the Samarkand Declaration", "Бишкекскую декларацию".
    if kind_of(word, phrasing) != "other" and _named_after_a_place(ctx, kind_start):
        return True
    if kind_of(word, phrasing) == "other" and not (has_years or capital):
        return False  # "the concept of a rules-based order" is an idea, not a document
    return has_years or qualified or (capital and (modified or named_by)) or (
        modified and len(re.findall(r"\w+", before)) >= 2)


def _named_after_a_place(ctx: DocContext, kind_start: int) -> bool:
    """The word before the document word is a city ("Samarkand Declaration") or its Russian
    adjective ("Бишкекская декларация"), not at the start of a sentence."""
    prev = re.search(r"([A-ZА-ЯЁ][\w-]+)\s+$", ctx.text[max(0, kind_start - 40):kind_start])
    if prev is None:
        return False
    start = kind_start - len(prev.group(0))
    if start == ctx.sentence(kind_start)[0]:
        return False
    if any(p.start <= start < p.end for p in ctx.places):
        return True
    adjective = ctx.profile.agreements.place_adjective
    return adjective is not None and adjective.fullmatch(prev.group(1)) is not None


def _plural(ctx: DocContext, start: int, end: int) -> bool:
    toks = ctx.analysis.tokens_in(start, end)
    if toks and toks[0].number:
        return toks[0].number == "Plur"
    return ctx.text[start:end].lower().endswith(ctx.profile.agreements.plural_endings)


def kind_of(word: str, phrasing: AgreementPhrasing) -> str:
    """The kind of document a document word names ("treaties" -> "treaty"), "other" for the rest."""
    return next((k for p, k in phrasing.kinds if p.fullmatch(word)), "other")


def find_agreements(ctx: DocContext) -> list[AgreementMention]:
    text = ctx.text
    phrasing = ctx.profile.agreements
    out: list[AgreementMention] = []
    for ss, se in ctx.analysis.sentences:
        for m in phrasing.document_word.finditer(text, ss, se):
            if any(a.span[0] <= m.start() < a.span[1] for a in out):
                continue
            if text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")":
                continue  # "memorandum of understanding (MoU)": an abbreviation of the title before
            if any(o.start <= m.start() < o.end for o in ctx.organizations):
                continue  # "Collective Security Treaty Organization" names no treaty
            kind = kind_of(m.group("w"), phrasing)
            start = _title_start(ctx, m.start(), ss)
            end = _title_end(ctx, m.end(), se)
            # Another document named inside ("our joint plans include approving a Program of ...")
            # ends this title where its own begins.
            inner = phrasing.document_word.search(text, m.end(), end)
            while inner and text[inner.start() - 1:inner.start()] == "(" and text[inner.end():inner.end() + 1] == ")":
                inner = phrasing.document_word.search(text, inner.end(), end)  # "(MoU)": the same document
            if inner and not phrasing.inner_of.search(text[m.end():inner.start()]):
                end = min(end, _title_start(ctx, inner.start(), m.end()))
                while end > m.end() and text[end - 1] in " ,":
                    end -= 1
            if not _specific(ctx, start, m.start(), m.end(), end):
                continue
            title = " ".join(text[start:end].split()).strip(" ,«»\"")
            if len(re.findall(r"\w+", title)) < 2 and not _PROTOCOL.match(title):
                continue
            mention = AgreementMention(span=(start, end), title=title, kind=kind, sentence=(ss, se),
                                       kind_start=m.start())
            mention.draft = bool(phrasing.draft.search(text, max(ss, start - 25), end))
            _years(ctx, mention)
            out.append(mention)
    return out


def _years(ctx: DocContext, a: AgreementMention) -> None:
    text = ctx.text
    s, e = a.span
    ranges = year_ranges(text, s, min(e + 5, len(text)))
    if ranges:
        _, _, y1, y2 = ranges[0]
        a.valid_from, a.valid_to = y1, y2
        return
    halves = list(_HALF.finditer(text, s, e + 60))
    if len(halves) >= 2:
        a.valid_from, a.valid_to = int(halves[0].group("y")), int(halves[-1].group("y"))
        return
    within = [h for h in halves if h.start() < e]
    if len(within) == 1:  # "the work plan for the second half of 2025"
        a.valid_from = a.valid_to = int(within[0].group("y"))
        return
    until = ctx.profile.agreements.until.search(text, s, e + 2)
    if until:
        a.valid_to = int(until.group("y"))
        return
    single = re.search(r"\b(?:for|на)\s+(?P<y>(?:19|20)\d\d)\s*(?:год\w*)?\b", text[s:e], re.I)
    if single and a.kind in ("plan", "program"):
        a.valid_from = a.valid_to = int(single.group("y"))


# In English and Russian alike, as _HALF: a relative clause before a signing word, a year alone.
_RELATIVE_CLAUSE = re.compile(r"\b(?:which|that|who)\b|(?<![а-яё])(?:котор\w+)(?![а-яё])", re.I)
_YEAR_ONLY = re.compile(r"\b(?:in|since|в)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-–—]\s*\d)", re.I)


def _signing(ctx: DocContext, a: AgreementMention, main_frame: MeetingFrame | None) -> None:
    text = ctx.text
    phrasing = ctx.profile.agreements
    ss, se = a.sentence
    sig = phrasing.signed.search(text, ss, se)
    if not sig or a.draft:
        return
    # The signing date: a date in the sentence, else the meeting it was signed at.
    for d in find_dates(text, ctx.profile.dates, ss, se):
        if d.relative:
            continue
        start, _ = resolve(d, ctx.published, "past", year_hint=None)
        if start:
            a.signed, a.signed_span = start, (d.start, d.end)
            break
    if a.signed is None:
        y = _YEAR_ONLY.search(text, max(ss, sig.start() - 40), min(se, sig.end() + 60))
        if y:
            a.signed, a.signed_span = y.group("y"), y.span("y")
    earlier = phrasing.earlier.search(text, ss, se)
    if a.signed is None and not earlier and main_frame is not None and main_frame.status == "held":
        # A signing the report gives no other date for is the news it reports: it happened at the meeting.
        a.signed, a.signed_span, a.at_meeting = main_frame.start, main_frame.date_span, True
    elif a.signed and main_frame is not None and a.signed == main_frame.start:
        a.at_meeting = True
    # Signatories: the people who are the subject of an active "signed" ("X and Y signed", "X и Y
    # подписали"), not those of a clause around a passive one ("Shoigu recalled the treaty, which was signed").
    clause_start = max((m.end() for m in _RELATIVE_CLAUSE.finditer(text, ss, sig.start())), default=ss)
    if re.search(r"\b(?:was|were|been|is|are)\s+$|(?<![а-яё])(?:был\w*\s+)$", text[max(ss, sig.start() - 12):sig.start()], re.I) \
            or _passive(phrasing, sig.group()):
        return
    for mention in ctx.mentions:
        if clause_start <= mention.start and mention.end <= sig.start():
            a.signatories.setdefault(mention.person, []).append((mention.start, mention.end))
    group = phrasing.group_signers.search(text, clause_start, sig.start())
    if not a.signatories and group and main_frame is not None and _between_states(ctx, main_frame):
        # "Following the talks, the ministers signed ...": the talks' participants, each for their state.
        for pid in main_frame.persons:
            person = ctx.people[pid]
            if not person.is_expert and "press" not in person.roles():
                a.signatories.setdefault(pid, []).append(group.span())


def _between_states(ctx: DocContext, frame: MeetingFrame) -> bool:
    """Talks of two or three states with no organisation behind them: what their participants sign,
    they sign for their states (an organisation's documents are the organisation's)."""
    return not frame.organization and not frame.series and (
        frame.format == "bilateral" or 2 <= len(frame.states) <= 4) and len(frame.persons) >= 2


def _passive(phrasing: AgreementPhrasing, signing_word: str) -> bool:
    """A signing word that is passive by itself ("подписан"): its sentence names no signatory."""
    return phrasing.passive_signed is not None and phrasing.passive_signed.match(signing_word) is not None


def _parties(ctx: DocContext, a: AgreementMention, kind_start: int) -> None:
    s, e = a.span
    ss, se = a.sentence
    text = ctx.text
    between = re.search(r"\b(?:between|among)\b|(?<![а-яё])между(?![а-яё])", text[s:e], re.I)
    for st in ctx.states:
        # States before the document word ("Russia-Belarus plan"), named after it ("... of Belarus and
        # Russia", "between X and Y") are its parties; adjectives describing its subject ("to
        # strengthen the Tajik-Afghan border") are not.
        if s <= st.start < kind_start or (between and s + between.start() <= st.start < e) or (
                kind_start <= st.start < e and st.kind == "name"):
            a.parties.setdefault(st.value, []).append((st.start, st.end))
    for o in ctx.organizations:
        if s <= o.start < e or text_between_is_possessive(ctx, o.end, s):
            a.parties.setdefault(o.value, []).append((o.start, o.end))
    if not a.parties:
        # "Russia and Belarus also signed ...": the states that are the subject of the signing sentence.
        for st in ctx.states:
            if ss <= st.start < s and st.kind == "name" and re.search(r"\b(?:and|и)\b", text[ss:s]):
                a.parties.setdefault(st.value, []).append((st.start, st.end))
    if not a.parties and a.signatories:
        when = a.signed or (ctx.published.isoformat() if ctx.published else None)
        for pid, spans in a.signatories.items():
            st = ctx.people[pid].state_at(when)
            if st:
                a.parties.setdefault(st, []).extend(spans)
    # A union of two states (the Russia-Belarus Union State) acts through its states.
    for org in list(a.parties):
        members = ctx.domain.org_members(org)
        if len(members) == 2:
            spans = a.parties.pop(org)
            for st in members:
                a.parties.setdefault(st, []).extend(spans)


def text_between_is_possessive(ctx: DocContext, a: int, b: int) -> bool:
    return 0 <= b - a <= 3 and re.fullmatch(r"['’]s\s*", ctx.text[a:b]) is not None


def _title_words(title: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", title)} - {"the", "for", "and", "between", "годы", "года"}


def _same_agreement(a: AgreementMention, b: AgreementMention) -> bool:
    """Two mentions of one document: same kind, no conflicting period, and shared words or parties."""
    if a.kind != b.kind:
        return False
    if a.valid_from and b.valid_from and (a.valid_from, a.valid_to) != (b.valid_from, b.valid_to):
        return False
    wa, wb = _title_words(a.title), _title_words(b.title)
    overlap = len(wa & wb) / max(1, min(len(wa), len(wb)))
    shared_parties = set(a.parties) & set(b.parties)
    return overlap >= 0.6 or (bool(shared_parties) and overlap >= 0.3 and set(a.parties) == set(b.parties))


def _merge(into: AgreementMention, other: AgreementMention) -> None:
    if len(other.title) > len(into.title) and (other.valid_from or not into.valid_from):
        into.title, into.span = other.title, other.span
    into.valid_from = into.valid_from or other.valid_from
    into.valid_to = into.valid_to or other.valid_to
    if into.signed is None and other.signed:
        into.signed, into.signed_span = other.signed, other.signed_span
    into.at_meeting = into.at_meeting or other.at_meeting
    for k, v in other.parties.items():
        into.parties.setdefault(k, []).extend(v)
    for k, v in other.signatories.items():
        into.signatories.setdefault(k, []).extend(v)


def _orphan_signatories(ctx: DocContext, found: list[AgreementMention]) -> None:
    """ "X and Y signed the document" / a signing sentence whose object is cut off: the people signed
    the agreement the text spoke of just before."""
    phrasing = ctx.profile.agreements
    for ss, se in ctx.analysis.sentences:
        if any(a.sentence == (ss, se) for a in found):
            continue
        sig = phrasing.signed.search(ctx.text, ss, se)
        if not sig or _passive(phrasing, sig.group()):
            continue
        before = [a for a in found if a.sentence[1] <= ss and not a.draft]
        if not before:
            continue
        people = [m for m in ctx.mentions if ss <= m.start and m.end <= sig.start()]
        if len(people) >= 2:
            target = before[-1]
            for m in people:
                target.signatories.setdefault(m.person, []).append((m.start, m.end))


def _focus_organization(ctx: DocContext):  # noqa: ANN202 - a gazetteer Match or None
    """The organisation a report is about, when one clearly dominates its mentions (an interview
    on CIS affairs): the default party of the programmes it speaks of."""
    counts: dict[str, list] = {}
    for o in ctx.organizations:
        counts.setdefault(o.value, []).append(o)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if ranked and len(ranked[0]) >= 4 and (len(ranked) == 1 or len(ranked[0]) >= 2 * len(ranked[1])):
        return ranked[0][0]
    return None


def extract_agreements(ctx: DocContext) -> None:
    main = next((f for f in ctx.frames if f.main), None)
    focus = _focus_organization(ctx)
    merged: list[AgreementMention] = []
    for a in find_agreements(ctx):
        _signing(ctx, a, main)
        _parties(ctx, a, a.kind_start)
        same = next((b for b in merged if _same_agreement(b, a)), None)
        if same is None:
            merged.append(a)
        else:
            _merge(same, a)
    _orphan_signatories(ctx, merged)
    for a in merged:
        if a.parties:
            continue
        # A plan succeeding another of the same title ("the plan for 2024-2025 is fulfilled") has its parties.
        twin = next((b for b in merged if b is not a and b.kind == a.kind and b.parties
                     and len(_title_words(a.title) & _title_words(b.title)) >= 2), None)
        if twin is not None:
            a.parties = {k: list(v) for k, v in twin.parties.items()}
        elif main is not None and main.organization and a.kind in ("program", "plan", "declaration", "other"):
            a.parties[main.organization] = [main.mentions[0].span]
        elif focus is not None and a.kind in ("program", "plan", "declaration", "other", "agreement"):
            a.parties[focus.value] = [(focus.start, focus.end)]
        elif a.signatories:
            for pid, spans in a.signatories.items():
                st = ctx.people[pid].state
                if st:
                    a.parties.setdefault(st, []).extend(spans)
    ctx.agreements = merged
    if main is not None:
        # Who signed a document at the meeting took part in it.
        for a in merged:
            if not a.at_meeting:
                continue
            for pid, spans in a.signatories.items():
                main.persons.setdefault(pid, []).extend(spans)
                st = ctx.people[pid].state
                if st:
                    main.states.setdefault(st, []).extend(spans)
