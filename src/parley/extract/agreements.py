"""Agreements: plans, programmes, treaties, agreements, memoranda, declarations, conventions, strategies.

An agreement phrase is a document word ("plan", "treaty", "программа") with what
qualifies it ("cooperation plan between the Councils of security of the two countries for
2022-2023"); a bare word ("agreements and treaties") is not a specific document and is
left out. Its years come from the period it covers ("for 2026-2027", "through 2025",
"на второе полугодие 2017 года – первое полугодие 2018 года"); its parties from the
states and organisations the phrase or the signing sentence names, or from the
signatories' states; it is signed where the text says so, on the date it gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parley.extract.context import DocContext
from parley.extract.dates import find_dates, resolve, year_ranges

Span = tuple[int, int]

KINDS = {
    "en": [
        (r"treat(?:y|ies)", "treaty"), (r"conventions?", "convention"), (r"memorand(?:um|a)", "memorandum"),
        (r"declarations?", "declaration"), (r"programs?|programmes?", "program"), (r"plans?", "plan"),
        (r"agreements?", "agreement"), (r"concepts?|strateg(?:y|ies)|roadmaps?|road maps?|protocols?|charters?", "other"),
    ],
    "ru": [
        (r"договор\w*", "treaty"), (r"конвенци\w+", "convention"), (r"меморандум\w*", "memorandum"),
        (r"декларац\w+", "declaration"), (r"программ\w+", "program"), (r"план\w*", "plan"),
        (r"соглашени\w+", "agreement"), (r"концепци\w+|стратеги\w+|протокол\w*|дорожн\w+ карт\w+|устав\w*", "other"),
    ],
}
_KIND_RE = {
    lang: re.compile(
        (r"\b(?P<w>" if lang == "en" else r"(?<![а-яё])(?P<w>") + "|".join(p for p, _ in table) + r")\b",
        re.I,
    )
    for lang, table in KINDS.items()
}
SIGNED = {"en": re.compile(r"\b(?:signed|signing|inked|concluded)\b", re.I),
          "ru": re.compile(r"(?<![а-яё])(?:подписал\w*|подписан\w*|подписани\w+|заключ\w+)(?![а-яё])", re.I)}
ADOPTED = {"en": re.compile(r"\b(?:adopted|approved|approving|approval|ratified|endorsed)\b", re.I),
           "ru": re.compile(r"(?<![а-яё])(?:принят\w*|утвер\w+|одобр\w+|ратифиц\w+)(?![а-яё])", re.I)}
DRAFT = {"en": re.compile(r"\b(?:draft|drafts|proposal|proposed|would|could|may)\b", re.I),
         "ru": re.compile(r"(?<![а-яё])(?:проект\w*|предлож\w+)(?![а-яё])", re.I)}
# Half-years: "H2 2019 – H1 2020", "second half of 2019", "второе полугодие 2017 года".
_HALF = re.compile(r"(?:H[12]|(?:first|second) half(?: of)?|(?:перв|втор)\w+ полугоди\w+)\s+(?P<y>(?:19|20)\d\d)", re.I)
_UNTIL = {"en": re.compile(r"\b(?:through|until|till|up to|to|by)\s+(?P<y>(?:19|20)\d\d)\b", re.I),
          "ru": re.compile(r"(?<![а-яё])(?:до|по)\s+(?P<y>(?:19|20)\d\d)\s*(?:год\w*|г\.)?", re.I)}
_GENERIC_AFTER = re.compile(r"^\s*(?:and|or|,|и|или)\s", re.I)


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


def _title_end(ctx: DocContext, start: int, sent_end: int) -> int:
    text = ctx.text
    if ctx.language == "ru":
        stop = re.compile(r"[.;:!?()]|,\s(?!\d)|\s[-–—]\s(?!\s*(?:перв|втор)\w+ полугод)|\s(?:был\w*|подписан\w*|выполнен\w*|"
                          r"который|которая|которое|которые|котор\w+|в ходе|в рамках|во время|состоял\w+|и все|"
                          r"является|являются)\s|»\s*(?:,|\.|$)", re.I)
    else:
        stop = re.compile(r"[.;:!?()\"“”]|,\s|\s[-–—]\s|\s(?:was|were|is|are|will|which|that|has|have|had|"
                          r"signed|adopted|approved|entered|during|at the|by|who|aimed|as|but|it)\s", re.I)
    m = stop.search(text, start, sent_end)
    return min(m.start() if m else sent_end, start + 220)


def _title_start(ctx: DocContext, kind_start: int, sent_start: int) -> int:
    text = ctx.text
    left = text[sent_start:kind_start]
    if ctx.language == "ru":
        m = re.search(r"(?:(?:[А-ЯЁа-яё-]+(?:ая|ое|ой|ий|ый|ые|ых|ую|ей|его|ому|ее|ского|ской)|ОДКБ|СНГ|ШОС|СКБ|СГ)\s+){0,3}$", left)
    else:
        m = re.search(r"(?:(?:[A-Z][\w'’-]*|[a-z]+-year|two-year|three-year|five-year|joint|bilateral|trilateral|"
                      r"multilateral|cooperation|targeted|interstate|comprehensive|new|draft|pentalateral|security|"
                      r"action|work|implementation|strategic|long-term|[a-z]+al|\d{4}(?:[-–]\d{2,4})?)\s+){0,5}$", left)
    start = sent_start + (m.start() if m else len(left))
    w = re.match(r"(?:the|a|an|its|their|this|that|these|those|our|his)\s+", text[start:kind_start], re.I)
    return start + (w.end() if w else 0)


def _specific(ctx: DocContext, start: int, kind_start: int, kind_end: int, end: int) -> bool:
    """A named document, not the word in general ("withdrawing from agreements and treaties")."""
    text = ctx.text
    word = text[kind_start:kind_end]
    after = text[kind_end:end]
    before = text[start:kind_start]
    if _GENERIC_AFTER.match(text[kind_end:kind_end + 6]) and not after.strip():
        return False
    has_years = bool(re.search(r"(?:19|20)\d\d", text[start:end]))
    capital = word[:1].isupper() and not text[max(0, kind_start - 2):kind_start].strip().endswith(".")
    qualified = bool(re.match(r"\s+(?:on|of|for|between|to|about|in the field|in the sphere|о|об|по|на|между|в сфере|в области)\b", after, re.I))
    modified = len(re.findall(r"\w+", before)) >= 1
    if ctx.language == "en" and word.lower().endswith(("s", "ies")) and not has_years and not capital:
        return False  # plurals name kinds of documents, not one
    return has_years or qualified or (capital and modified) or (modified and len(re.findall(r"\w+", before)) >= 2)


def find_agreements(ctx: DocContext) -> list[AgreementMention]:
    text = ctx.text
    lang = ctx.language if ctx.language in _KIND_RE else "en"
    table = KINDS[lang]
    out: list[AgreementMention] = []
    for ss, se in ctx.analysis.sentences:
        for m in _KIND_RE[lang].finditer(text, ss, se):
            if any(a.span[0] <= m.start() < a.span[1] for a in out):
                continue
            if any(o.start <= m.start() < o.end for o in ctx.organizations):
                continue  # "Collective Security Treaty Organization" names no treaty
            word = m.group("w")
            kind = next(k for p, k in table if re.fullmatch(p, word, re.I))
            start = _title_start(ctx, m.start(), ss)
            end = _title_end(ctx, m.end(), se)
            if not _specific(ctx, start, m.start(), m.end(), end):
                continue
            title = " ".join(text[start:end].split()).strip(" ,«»\"")
            if len(re.findall(r"\w+", title)) < 2:
                continue
            mention = AgreementMention(span=(start, end), title=title, kind=kind, sentence=(ss, se))
            mention.draft = bool(DRAFT[lang].search(text, max(ss, start - 25), end))
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
    lang = ctx.language if ctx.language in _UNTIL else "en"
    until = _UNTIL[lang].search(text, s, e + 2)
    if until:
        a.valid_to = int(until.group("y"))
        return
    single = re.search(r"\b(?:for|на)\s+(?P<y>(?:19|20)\d\d)\s*(?:год\w*)?\b", text[s:e], re.I)
    if single and a.kind in ("plan", "program"):
        a.valid_from = a.valid_to = int(single.group("y"))


def _signing(ctx: DocContext, a: AgreementMention, main_frame) -> None:  # noqa: ANN001 - MeetingFrame
    text = ctx.text
    lang = ctx.language if ctx.language in SIGNED else "en"
    ss, se = a.sentence
    sig = SIGNED[lang].search(text, ss, se)
    if not sig or a.draft:
        return
    # The signing date: a date in the sentence, else the meeting it was signed at.
    for d in find_dates(text, ctx.language, ss, se):
        if d.relative:
            continue
        anchor = ctx.published
        start, _ = resolve(d, anchor, "past", year_hint=None)
        if start and d.year is not None:
            a.signed, a.signed_span = start, (d.start, d.end)
            break
    at_meeting = main_frame is not None and (
        any(m.sentence == (ss, se) for m in main_frame.mentions)
        or re.search(r"\b(?:at the signing|signed at|during the meeting|on the sidelines)\b|в ходе|в рамках|по итогам", text[ss:se], re.I)
        or _near_meeting(ctx, a, main_frame)
    )
    if a.signed is None and at_meeting and main_frame.status == "held":
        a.signed, a.signed_span, a.at_meeting = main_frame.start, main_frame.date_span, True
    elif a.signed and main_frame is not None and a.signed == main_frame.start:
        a.at_meeting = True
    # Signatories: people named in the signing sentence before the verb ("X and Y signed").
    for mention in ctx.mentions:
        if ss <= mention.start < se and (mention.end <= sig.start() or lang == "ru"):
            a.signatories.setdefault(mention.person, []).append((mention.start, mention.end))


def _near_meeting(ctx: DocContext, a: AgreementMention, frame) -> bool:  # noqa: ANN001
    """Signed in the paragraph that reports the meeting, with no other date: signed there."""
    text = ctx.text
    ss, _ = a.sentence
    para_start = text.rfind("\n", 0, ss) + 1
    para_end = text.find("\n", ss)
    para_end = len(text) if para_end == -1 else para_end
    if any(para_start <= m.span[0] < para_end for m in frame.mentions):
        return True
    # The lead ("Russia and Belarus also signed a two-year plan") of a report on the meeting.
    return ss < ctx.body_start + 900 and frame.main


def _parties(ctx: DocContext, a: AgreementMention) -> None:
    s, e = a.span
    ss, se = a.sentence
    for st in ctx.states:
        if s <= st.start < e:
            a.parties.setdefault(st.value, []).append((st.start, st.end))
    for o in ctx.organizations:
        if s <= o.start < e or (o.end == s or text_between_is_possessive(ctx, o.end, s)):
            a.parties.setdefault(o.value, []).append((o.start, o.end))
    if not a.parties:
        # "Russia and Belarus also signed ...": the states that are the subject of the signing sentence.
        for st in ctx.states:
            if ss <= st.start < s and st.kind == "name" and re.search(r"\b(?:and|и)\b", ctx.text[ss:s]):
                a.parties.setdefault(st.value, []).append((st.start, st.end))
    if not a.parties and a.signatories:
        for pid, spans in a.signatories.items():
            st = ctx.people[pid].state
            if st:
                a.parties.setdefault(st, []).extend(spans)
    if not a.parties and re.search(r"\bUnion State\b|Союзн\w+ государств", ctx.text[s:e]):
        a.parties = {"RUS": [(s, e)], "BLR": [(s, e)]}


def text_between_is_possessive(ctx: DocContext, a: int, b: int) -> bool:
    return 0 <= b - a <= 3 and re.fullmatch(r"['’]s\s*", ctx.text[a:b]) is not None


def extract_agreements(ctx: DocContext) -> None:
    found = find_agreements(ctx)
    main = next((f for f in ctx.frames if f.main), None)
    for a in found:
        _signing(ctx, a, main)
        _parties(ctx, a)
        if not a.parties and main is not None and main.organization and a.kind in ("program", "plan", "declaration", "other"):
            if ctx.language == "ru" or main.organization in ctx.text[a.span[0]:a.span[1]] or main.series:
                a.parties[main.organization] = [main.mentions[0].span]
    ctx.agreements = found
