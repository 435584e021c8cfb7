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

import re
from dataclasses import dataclass, field
from datetime import date

from parley.extract.context import DocContext
from parley.extract.dates import DateMention, find_dates, resolve

Span = tuple[int, int]

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
         "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20,
         "XXI": 21, "XXII": 22, "XXIII": 23, "XXIV": 24, "XXV": 25, "XXX": 30}
ORDINAL_WORDS_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                    "nineteenth": 19, "twentieth": 20}
ORDINAL_STEMS_RU = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6,
                    "седьм": 7, "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
                    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
                    "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20}

TRIGGERS = {
    "en": re.compile(
        r"\b(?P<t>meetings?|sessions?|summits?|conferences?|forums?|talks|consultations|sittings?|gatherings?|"
        r"round ?tables?|seminars?|events?|negotiations)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?P<t>встреч[аеиуой]\w*|заседани[еяюийм]\w*|совещани\w*|саммит\w*|сесси[яиюей]\w*|"
        r"форум\w*|переговор\w*|консультаци\w*|конференци\w*|мероприяти\w*|круглы\w+ стол\w*)(?![а-яё])", re.I),
}
_GENERIC_TRIGGER = re.compile(r"^(?:events?|мероприяти\w*|forums?|форум\w*)$", re.I)
_BILATERAL_TRIGGER = re.compile(r"^(?:talks|consultations|negotiations|переговор\w*|консультаци\w*)$", re.I)
_PLURAL_EN = re.compile(r"^(?:meetings|sessions|summits|conferences|forums|sittings|gatherings|events)$", re.I)
# A body meeting without a meeting word: "Heads of CIS special services gathered in Minsk".
_GATHER = {
    "en": re.compile(r"\b(?:gathered|met|meet|will meet|convened|assembled|are meeting|discuss|discussed|"
                     r"agreed|agree|adopted|approved|exchanged|reviewed|called for|call for|signed)\b", re.I),
    "ru": re.compile(r"(?<![а-яё])(?:встретятся|встретились|собрались|соберутся|провели встречу|провел\w* встречу|"
                     r"обсудили|обсудят|согласовали|подписали|приняли|утвердили|одобрили)(?![а-яё])", re.I),
}

PLANNED = {
    "en": re.compile(
        r"\b(?:will|shall|is to be|are to be|to be held|is scheduled|are scheduled|scheduled|planned|plans? to|"
        r"is expected|are expected|upcoming|forthcoming|next|may hold|would|is due|are due|opens|will open|"
        r"ahead of|on the eve of|in preparation for|to hold|documents? for|drafts? for|preparations? for|"
        r"to be submitted|submitted to|invited|invites|invitations?)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?:пройд[её]т|состоится|будет|будут|планиру\w+|намечен\w*|предстоящ\w+|следующ\w+|"
        r"встретятся|соберутся|проведут|откроется|накануне|в преддверии|выносятся|выносим\w*|пригласил\w*|"
        r"приглашени\w+|приглаш\w+)(?![а-яё])", re.I),
}
HELD = {
    "en": re.compile(
        r"\b(?:was held|were held|took place|has taken place|held|hosted|attended|discussed|chaired|was attended|"
        r"is taking place|is being held|are taking part|kicked off|opened|gathered|met|took part|participated|"
        r"following|focused|featured|saw|was|were|addressed|exchanged|reviewed|signed|agreed|adopted|"
        r"considered|summed up|talked|noted|discussed|concluded|ended)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?:состоял\w+|прош[лё]\w*|проходивш\w+|прошедш\w+|завершил\w+|принял\w* участие|"
        r"приняли|участвовал\w*|обсудил\w*|провел\w*|провёл|подписал\w*|был\w* подписан\w*|открыл\w*|"
        r"присутствовал\w*|выступил\w*|представлен\w*|рассмотрел\w*|согласовал\w*)(?![а-яё])", re.I),
}
NEXT = {"en": re.compile(r"\b(?:next|upcoming|forthcoming|future)\b", re.I),
        "ru": re.compile(r"(?<![а-яё])(?:следующ\w+|очередн\w+ заседани\w+ пройд\w+|предстоящ\w+)(?![а-яё])", re.I)}
PREVIOUS = {"en": re.compile(r"\b(?:previous|last year's|preceding|past)\b", re.I),
            "ru": re.compile(r"(?<![а-яё])(?:предыдущ\w+|прошл\w+|прошлогодн\w+)(?![а-яё])", re.I)}
HABITUAL = {"en": re.compile(r"\b(?:every year|annually|traditionally|regularly|usually|each year|annual meetings|such meetings)\b", re.I),
            "ru": re.compile(r"(?<![а-яё])(?:ежегодно|каждый год|регулярно|традиционно|обычно)(?![а-яё])", re.I)}
JOINT = {"en": re.compile(r"\bjoint\b", re.I), "ru": re.compile(r"(?<![а-яё])совместн\w+", re.I)}
SIDELINES = {"en": re.compile(r"\b(?:on the sidelines|on the margins|during the meeting|within the framework|as part of|at the meeting|in the course of)\b", re.I),
             "ru": re.compile(r"(?<![а-яё])(?:в рамках|на полях|в ходе)(?![а-яё])", re.I)}
CHAIR = {
    "en": re.compile(
        r"(?:under the (?:chairmanship|chairpersonship|presidency) of|chaired by|presided over by|conducted by|"
        r"hosted by|moderated by|(?P<after>\bchaired\b|\bpresided over\b|\bwill chair\b))", re.I),
    "ru": re.compile(
        r"(?:под председательством|председательствовать на встрече будет|председательствовал\w*|"
        r"председатель(?:ствующ\w+)? (?:совета|комитета)\b[^.]{0,10}?(?=,)|"
        r"(?P<after>провел\w*|провёл)(?=\s+(?:[^\s,.]+\s+){0,3}?(?:заседание|совещание|встречу(?!\s+с)))"
        r"(?!\s+встречу\s+с))", re.I),
}
PARTICIPATION = {
    "en": re.compile(
        r"\b(?:attended|attend|attending|took part|take part|taking part|participat\w+|joined|joining|present|presence|"
        r"headed by|led by|delegations?|on behalf of|received|welcomed|represented|representatives?|chaired|"
        r"speech|spoke|addressed|opened|signed|members?|heads? of delegations?|guests?|invited)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?:принял\w* участие|участвовал\w*|участник\w*|присутствовал\w*|во главе с|возглавил\w*|"
        r"делегаци\w+|представлен\w*|представител\w+|выступил\w*|открыл\w*|приветствовал\w*|принял\w*|"
        r"подписал\w*|председательств\w+|провел\w*|провёл|встретил\w*|с главами|с секретарями)(?![а-яё])", re.I),
}
# Cues strong enough to say who took part when the sentence does not name the meeting.
ATTENDANCE = {
    "en": re.compile(
        r"\b(?:attended|attending|took part|take part|taking part|participated|participating|joined|joining|"
        r"(?:was|were) present|presence|headed by|led by|delegations?|on behalf of|heads? of delegations?|"
        r"(?:was|were) represented|represented by)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?:принял\w* участие|участвовал\w*|присутствовал\w*|во главе с|возглавил\w*|"
        r"делегаци\w+|представлен\w*)(?![а-яё])", re.I),
}
HOLDS = {
    "en": re.compile(r"\s(?:held|holds|will hold|convened|conducted|is holding)\s+(?:a|an|its|the|their)?\s*(?:[\w-]+\s+){0,3}$", re.I),
    "ru": re.compile(r"\s(?:провел\w*|проведет|проведут|провёл)\s+(?:[\w-]+\s+){0,3}$", re.I),
}
NEGATION_AFTER = {
    "en": re.compile(r"\b(?:did not|didn't|do not|does not|were not|was not|never|are absent|were absent|stayed away|refused)\b", re.I),
    "ru": re.compile(r"(?<![а-яё])(?:не\s+\w+|отсутствовал\w*|отказал\w*)(?![а-яё])", re.I),
}
NEGATION = {
    "en": re.compile(r"\b(?:not|no|except|excluding|absent|without|apart from|did not see|never)\b", re.I),
    "ru": re.compile(r"(?<![а-яё])(?:не|за исключением|кроме|без|отсутствовал\w*)(?![а-яё])", re.I),
}
# What introduces the states (or organisations) represented: "representatives of", "attended by",
# "delegations from", "heads of the Security Councils of", "главами Советов безопасности стран (".
LIST_CUE = {
    "en": re.compile(r"(?:\b(?:representatives?|delegations?|delegates|heads?|secretar(?:y|ies)|ministers?|leaders?|"
                     r"officials?|participants?|members?|chiefs?|advis[eo]rs?|leadership|bodies)\b[^.;,]{0,50}?"
                     r"\b(?:of|from)|\battended by|\b(?:states|countries)\s*[(:])\s*(?:the\s+)?$", re.I),
    "ru": re.compile(r"(?:(?:представител|делегаци|глав|секретар|министр|руководител|участник|член|руководств)\w*"
                     r"[^.;]{0,70}?(?:стран\w*|государств\w*|совбез\w*|безопасности|органов|СНГ|ОДКБ|ШОС)?"
                     r"\s*[(:]?)\s*$", re.I),
}
# What joins the members of such a list.
LIST_JOIN = {
    "en": re.compile(r"^\s*(?:,|and|,\s*and|,?\s*as well as(?:\s+(?:from|of))?|&)\s*(?:the\s+)?$", re.I),
    "ru": re.compile(r"^\s*(?:,|и|,\s*и|,?\s*а также(?:\s+(?:с|из))?)\s*$", re.I),
}
_VIRTUAL = re.compile(r"\b(?:videoconference|video conference|video link|online|virtual\w*|videoconferencing)\b|"
                      r"(?<![а-яё])(?:видеоконференц\w+|онлайн|видеосвяз\w+)(?![а-яё])", re.I)


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
    verbal: bool = False  # "Heads of CIS special services gathered": no meeting word
    planned: bool = False
    habitual: bool = False
    persons: tuple[int, ...] = ()


@dataclass
class MeetingFrame:
    mentions: list[MeetingMention] = field(default_factory=list)
    series: str | None = None
    ordinal: int | None = None
    organization: str | None = None
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

    @property
    def sentences(self) -> list[Span]:
        return sorted({m.sentence for m in self.mentions})


# ------------------------------------------------------------------ mentions

def _ordinal_before(ctx: DocContext, pos: int, floor: int) -> tuple[int | None, int]:
    """An ordinal written just before a meeting word ("XIII", "13th", "ninth", "13-я", "третья")."""
    text = ctx.text
    left = text[max(floor, pos - 60):pos]
    base = pos - len(left)
    pats = [
        (r"(?<![\w-])(?P<o>[IVXL]{1,6})\s+(?:[^\W\d_][\w-]*\s+){0,4}$", lambda s: ROMAN.get(s)),
        (r"\b(?P<o>\d{1,3})(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,4}$", int),
        (r"(?<!\d)(?P<o>\d{1,3})\s*-\s*(?:я|е|й|ое|ая|ый|ой|го)\s+(?:[\w-]+\s+){0,3}$", int),
        (r"\b(?P<o>" + "|".join(ORDINAL_WORDS_EN) + r")\s+(?:[\w-]+\s+){0,4}$", lambda s: ORDINAL_WORDS_EN.get(s.lower())),
        (r"(?<![а-яё])(?P<o>(?:" + "|".join(ORDINAL_STEMS_RU) + r")[а-яё]{1,4})\s+(?:[\w-]+\s+){0,3}$",
         lambda s: next((v for k, v in sorted(ORDINAL_STEMS_RU.items(), key=lambda kv: -len(kv[0]))
                         if s.lower().startswith(k)), None)),
    ]
    for pat, conv in pats:
        m = re.search(pat, left, re.I if "а-яё" in pat or "first" in pat else 0)
        if m:
            val = conv(m.group("o"))
            if val and 0 < val < 200:
                # "the 2021 trilateral", "80th anniversary": an ordinal of something else.
                between = left[m.end("o"):]
                if re.search(r"anniversar|годовщин|юбиле|round|раунд|century|век|place", between, re.I):
                    continue
                return val, base + m.start("o")
    return None, pos


_RU_CHAIN_CASES = {"Gen"}
_RU_PREP_CASES = {"с": {"Ins"}, "со": {"Ins"}, "по": {"Dat"}, "о": {"Loc"}, "об": {"Loc"}}


def _ru_phrase_end(ctx: DocContext, pos: int, sent_end: int) -> int:
    """A Russian meeting word's complement is its chain of genitives ("встреча секретарей советов
    безопасности государств – участников СНГ"), with abbreviations in brackets, coordinated
    councils ("СМИД, СМО и КССБ") and one prepositional phrase ("с главами ...", "по вопросам ...")."""
    toks = ctx.analysis.tokens_in(pos, sent_end)
    end, i, prep_cases = pos, 0, None
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        low = t.text.lower()
        if t.text == "(" and i + 2 < len(toks) and toks[i + 2].text == ")" and toks[i + 1].text.isupper():
            end, i = toks[i + 2].end, i + 3
            continue
        if low == "," and nxt is not None and end > pos and re.search(r"(?:ющих|ящих|вших|емых|имых|нных)$", nxt.text):
            # "представителей, курирующих вопросы безопасности": a participle phrase qualifying the chain.
            j = i + 1
            while j < len(toks) and toks[j].text not in (",", ".", ";", ":", "(", ")", "«", "»"):
                end = toks[j].end
                j += 1
            i = j
            continue
        if low in (",", "и") and nxt is not None and end > pos and (
                nxt.case in _RU_CHAIN_CASES or (nxt.text.isupper() and len(nxt.text) > 1)):
            i += 1
            continue
        if t.text in ("-", "–", "—") and nxt is not None and re.match(r"(?:член|участник)", nxt.lemma):
            i += 1
            continue
        if low in _RU_PREP_CASES and prep_cases is None and nxt is not None and nxt.case in _RU_PREP_CASES[low]:
            prep_cases = _RU_PREP_CASES[low]
            i += 1
            continue
        wordlike = t.pos in ("NOUN", "PROPN", "ADJ", "DET") or (t.text.isupper() and len(t.text) > 1)
        if wordlike and (t.case in _RU_CHAIN_CASES or (prep_cases and t.case in prep_cases)
                         or (t.text.isupper() and len(t.text) > 1) or "-" in t.text):
            end, i = t.end, i + 1
            continue
        break
    return min(end, pos + 260)


def _phrase_end(ctx: DocContext, pos: int, sent_end: int) -> int:
    """Where the qualifying complement of a meeting word ends ("... of the CIS member states")."""
    text = ctx.text
    if ctx.language == "ru":
        return _ru_phrase_end(ctx, pos, sent_end)
    # A comma ends the phrase unless another council of a joint sitting follows it.
    if ctx.language == "ru":
        stop = re.compile(r"[.;:!?«»\"“”()]|,\s(?!(?:совет\w*|комитет\w*|СМИД|СМО|КССБ)\b)|\s[-–—]\s|"
                          r"\s(?:в|во|на|с|со|под|прош\w+|состоял\w+|пройд\w+|который|которая|которое|которой|"
                          r"где|по итогам|был\w*|приняли|принял\w*|открыл\w*)\s", re.I)
    else:
        stop = re.compile(r"[.;:!?\"“”«»()]|,\s(?!(?:and\s+)?(?:the\s+)?(?:Council|Committee|Board|Commission)\b)|"
                          r"\s[-–—]\s|\s(?:in(?! charge)|on|at|was|were|will|which|that|who|where|held|took|is|are|has|have|"
                          r"had|to|via|by|under|chaired|kicked|opens|focused|hosted|featured|attended|following|agreed|discussed|signed|adopted)\s")
    m = stop.search(text, pos, sent_end)
    end = m.start() if m else sent_end
    return min(end, pos + 260)


def _phrase_start(ctx: DocContext, trig_start: int, sent_start: int) -> int:
    """Where the modifiers before a meeting word start ("the 13th international ...")."""
    text = ctx.text
    left = text[sent_start:trig_start]
    if ctx.language == "ru":
        m = re.search(r"(?:(?:\d{1,3}\s*-\s*\w{1,3}|[IVXL]+|[а-яёА-ЯЁ-]+(?:ая|ое|ой|ий|ый|ые|ых|ую|ей|его|ому|ее))\s+){0,4}$", left)
    else:
        # Modifiers, and a body's name used as one ("the CSTO Committee of Secretaries of Security
        # Councils meeting"): "of"/"the"/"and" only between capitalised words.
        m = re.search(r"(?:(?:[IVXL]+|\d{1,3}(?:st|nd|rd|th)|[A-Z][\w.-]*(?:\s+(?:of|and)(?:\s+the)?(?=\s+[A-Z]))?|"
                      r"[a-z]+(?:al|ar|ary|ic|ive|ed|ing|ual|nth|th|st|nd|rd|ral|ial|int|eral)|joint|regular|ninth|"
                      r"annual|first|second|third|next|informal)\s+){0,8}$", left)
    start = sent_start + (m.start() if m else len(left))
    # Never start on an article or a preposition.
    while True:
        w = re.match(r"(?:the|a|an|its|their|this|that|his|her|our|of|and)\s+", text[start:trig_start], re.I)
        if not w:
            break
        start += w.end()
    return start


def _classify(ctx: DocContext, span: Span) -> tuple[str | None, str | None, str | None, bool]:
    """(series, body, organisation, joint) of a meeting phrase."""
    text = ctx.text[span[0]:span[1]]
    lang = ctx.language
    for key, pat in ctx.matchers.series_names:
        if pat.search(text):
            s = ctx.domain.series[key]
            return key, s.body, s.organization, False
    bodies = []
    for key, pat in ctx.matchers.bodies:
        for m in pat.finditer(text):
            bodies.append((m.start(), key))
    orgs = [m for m in ctx.organizations if m.start >= span[0] and m.end <= span[1]]
    org = next((m.value for m in orgs if m.value in ("CIS", "CSTO", "SCO", "BRICS", "EAEU", "UNION_STATE")), None)
    body_keys = []
    for _, k in sorted(bodies):
        if k not in body_keys:
            body_keys.append(k)
    joint = len([k for k in body_keys if k in ("foreign-ministers", "defence-ministers", "security-council-secretaries")]) >= 2
    joint = joint or bool(JOINT[lang].search(text) and (len(body_keys) >= 2 or re.search(r"minist|министр", text, re.I)))
    if joint:
        return None, "joint", org, True
    # A phrase naming a body in a security meeting context: the most specific body wins.
    for body in ("security-council-secretaries", "high-representatives", "special-services-heads",
                 "collective-security-council", "heads-of-state"):
        if body in body_keys:
            series = ctx.domain.series_for(body, org)
            if body == "high-representatives" and org is None:
                # National security advisers meet in many formats; the international meeting says so.
                series = "intl-security-high-representatives" if re.search(r"international|международн", text, re.I) else None
            return series, body, org, False
    return None, (body_keys[0] if body_keys else None), org, False


def find_meeting_mentions(ctx: DocContext) -> list[MeetingMention]:
    text = ctx.text
    lang = ctx.language
    out: list[MeetingMention] = []
    quote_spans = [(q.start, q.end) for q in ctx.quotes if q.mode in ("quote", "dash")]
    for ss, se in ctx.analysis.sentences:
        for m in TRIGGERS[lang].finditer(text, ss, se):
            trig = m.group("t")
            ps = _phrase_start(ctx, m.start(), ss)
            pe = _phrase_end(ctx, m.end(), se)
            series, body, org, joint = _classify(ctx, (ps, pe))
            if series is None and not joint:
                # The body may be named just before the meeting word ("the SCO Security Council Secretaries
                # meeting") or be the one holding it ("The CSTO Committee of Secretaries ... held a meeting").
                series2, body2, org2, _ = _classify(ctx, (ps, m.end()))
                series, body, org = series or series2, body or body2, org or org2
                holds = HOLDS[lang].search(text[ss:m.start()])
                if series is None and holds:
                    series, body, org, joint = _classify(ctx, (ss, ss + holds.start()))
            ordinal, ostart = _ordinal_before(ctx, m.start(), ss)
            if ordinal is None:
                ordinal, ostart = _ordinal_before(ctx, ps, ss) if ps > ss else (None, ps)
            ps = min(ps, ostart)
            sentence_text = text[ss:se]
            bilateral = bool(_BILATERAL_TRIGGER.match(trig)) or bool(re.search(r"bilateral|двусторонн", text[ps:m.start()], re.I))
            if bilateral:
                series, body, joint = None, None, False  # talks between two sides belong to no series
            mention = MeetingMention(
                span=(ps, pe), trigger=m.span("t"), sentence=(ss, se), series=series, body=body,
                organization=org, ordinal=ordinal, joint=joint,
                generic=bool(_GENERIC_TRIGGER.match(trig)) and series is None,
                bilateral=bilateral,
                habitual=bool(HABITUAL[lang].search(sentence_text)) or (
                    ordinal is None and _plural_trigger(ctx, m) and not _anchored(ctx, pe, se)),
            )
            local = text[max(ss, ps - 40):min(se, pe + 10)]
            if NEXT[lang].search(local):
                mention.relation = "next"
            elif PREVIOUS[lang].search(text[max(ss, ps - 30):pe]):
                mention.relation = "previous"
            mention.planned = _is_planned(ctx, mention)
            if any(a <= m.start() < b for a, b in quote_spans):
                mention.habitual = True  # a meeting spoken of inside a quote is not reported by the text
            out.append(mention)
        # A body that meets, with no meeting word.
        g = _GATHER[lang].search(text, ss, se)
        if g and not any(x.sentence == (ss, se) and (x.series or x.joint) for x in out):
            # The body is the subject ("Heads of CIS special services gathered") or whom one meets
            # ("Lukashenko met with the secretaries of the Security Councils of the CSTO member states").
            series, body, org, joint = _classify(ctx, (ss, g.start()))
            if not series:
                series, body, org, joint = _classify(ctx, (g.end(), _phrase_end(ctx, g.end(), se)))
            if series:
                mention = MeetingMention(span=(ss, g.end()), trigger=g.span(), sentence=(ss, se), series=series,
                                         body=body, organization=org, verbal=True,
                                         habitual=bool(HABITUAL[lang].search(text, ss, se)))
                mention.planned = _is_planned(ctx, mention)
                out.append(mention)
    return out


def _anchored(ctx: DocContext, phrase_end: int, sent_end: int) -> bool:
    """Meetings pinned to a time and a place ("заседаний высших органов СНГ в октябре в Душанбе")."""
    window = (phrase_end, min(sent_end, phrase_end + 60))
    has_date = any(window[0] <= d.start < window[1] for d in find_dates(ctx.text, ctx.language, *window))
    has_place = any(window[0] <= p.start < window[1] for p in ctx.places)
    return has_date and has_place


def _plural_trigger(ctx: DocContext, m: re.Match[str]) -> bool:
    """ "meetings", "встречи высоких представителей проводятся с 2010 года": meetings in general."""
    if _BILATERAL_TRIGGER.match(m.group("t")):
        return False  # "talks", "переговоры": plural in form, one meeting in fact
    toks = ctx.analysis.tokens_in(m.start("t"), m.end("t"))
    if toks and toks[0].number:
        return toks[0].number == "Plur"
    return bool(ctx.language == "en" and _PLURAL_EN.match(m.group("t")))


def _is_planned(ctx: DocContext, mention: MeetingMention) -> bool:
    lang = ctx.language
    ss, se = mention.sentence
    text = ctx.text
    # The clause of the meeting phrase: from the phrase to the next full stop, and a little before it.
    window = text[max(ss, mention.span[0] - 80):min(se, mention.span[1] + 120)]
    # A relative clause on the meeting itself decides: "the session, which will open in Minsk".
    rel = re.match(r"\s*,?\s*(?:which|that|where|котор\w+|где)\s+(?:[\w-]+\s+){0,2}?", text[mention.span[1]:se], re.I)
    if rel:
        clause = text[mention.span[1] + rel.end():min(se, mention.span[1] + rel.end() + 30)]
        if PLANNED[lang].match(clause) or re.match(r"(?:will|пройд|состоится|откроется|начнется)", clause, re.I):
            return True
        if HELD[lang].match(clause):
            return False
    planned = PLANNED[lang].search(window)
    held = HELD[lang].search(window)
    if mention.relation == "next":
        return True
    if planned and not held:
        return True
    if planned and held:
        # The cue nearest the meeting word decides: "hosted ... agreed to hold the next" vs "will be held".
        base = max(ss, mention.span[0] - 80)
        t0, t1 = mention.trigger[0] - base, mention.trigger[1] - base

        def gap(m: re.Match[str]) -> int:
            return t0 - m.end() if m.end() <= t0 else max(m.start() - t1, 0)

        dp = min(gap(m) for m in PLANNED[lang].finditer(window))
        dh = min(gap(m) for m in HELD[lang].finditer(window))
        return dp <= dh
    return False


# ------------------------------------------------------------------ frames

def _compatible(frame: MeetingFrame, m: MeetingMention) -> bool:
    if m.bilateral != (frame.format == "bilateral"):
        return False
    if frame.mentions and frame.mentions[0].planned != m.planned and not frame.relation:
        return False  # one held and one announced: two meetings, unless their dates say otherwise (see _merge_frames)
    if frame.relation != m.relation:
        return False
    if frame.series and m.series and frame.series != m.series:
        return False
    if frame.ordinal and m.ordinal and frame.ordinal != m.ordinal:
        return False
    if frame.joint != m.joint:
        return False
    return not (frame.series is None and m.series is None and frame.organization and m.organization
                and frame.organization != m.organization)


def build_frames(ctx: DocContext, mentions: list[MeetingMention]) -> list[MeetingFrame]:
    frames: list[MeetingFrame] = []
    specific = [m for m in mentions if not m.habitual and (m.series or m.joint or m.ordinal or _named(ctx, m))]
    for m in specific:
        frame = next((f for f in frames if _compatible(f, m) and (f.series or m.series or f.joint or _same_name(ctx, f, m))), None)
        if frame is None:
            frame = MeetingFrame(series=m.series, ordinal=m.ordinal, organization=m.organization,
                                 relation=m.relation, joint=m.joint,
                                 format="bilateral" if m.bilateral else "multilateral")
            frames.append(frame)
        frame.mentions.append(m)
        frame.series = frame.series or m.series
        frame.ordinal = frame.ordinal or m.ordinal
        frame.organization = frame.organization or m.organization
    return frames


def _named(ctx: DocContext, m: MeetingMention) -> bool:
    """A meeting with a proper name ("II Minsk International Conference on Eurasian Security")."""
    phrase = ctx.text[m.span[0]:m.span[1]]
    words = re.findall(r"[\w-]+", phrase)
    caps = [w for w in words if w[:1].isupper()]
    return ctx.language == "en" and m.ordinal is not None and len(caps) >= 3 and ctx.text[m.trigger[0]].isupper()


def _same_name(ctx: DocContext, f: MeetingFrame, m: MeetingMention) -> bool:
    a = {w.lower() for w in re.findall(r"\w+", ctx.text[f.mentions[0].span[0]:f.mentions[0].span[1]])}
    b = {w.lower() for w in re.findall(r"\w+", ctx.text[m.span[0]:m.span[1]])}
    return len(a & b) >= max(2, min(len(a), len(b)) // 2)


def attach_generic(ctx: DocContext, frames: list[MeetingFrame], mentions: list[MeetingMention]) -> None:
    """ "the meeting", "the event": the most recent held meeting of the text (or the main one).
    "The next meeting" of a report on one series is that series' next meeting."""
    if not frames:
        return
    series = {f.series for f in frames if f.series and not f.relation and f.format == "multilateral"}
    for m in mentions:
        if m.habitual or any(m in f.mentions for f in frames):
            continue
        if m.relation and not m.bilateral and len(series) == 1 and not m.generic:
            m.series = next(iter(series))
            m.organization = m.organization or ctx.domain.series[m.series].organization
            frame = next((f for f in frames if f.series == m.series and f.relation == m.relation), None)
            if frame is None:
                frame = MeetingFrame(series=m.series, organization=m.organization, relation=m.relation)
                frames.append(frame)
            frame.mentions.append(m)
            continue
        if m.relation or m.bilateral:
            continue
        before = [f for f in frames if f.format == "multilateral" and f.relation is None and f.mentions
                  and min(x.span[0] for x in f.mentions) <= m.span[0]]
        target = max(before, key=lambda f: max(x.span[0] for x in f.mentions if x.span[0] <= m.span[0]), default=None)
        if target is None:
            target = next((f for f in frames if f.format == "multilateral" and f.relation is None), None)
        if target is not None:
            target.mentions.append(m)


# ------------------------------------------------------------------ slots

def _frame_of_offset(frames: list[MeetingFrame], sentence: Span, pos: int) -> MeetingFrame | None:
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


def _status(ctx: DocContext, frame: MeetingFrame) -> str:
    votes = [m.planned for m in frame.mentions if not m.generic]
    if not votes:
        votes = [m.planned for m in frame.mentions]
    if frame.relation == "next":
        return "planned"
    if frame.relation == "previous":
        return "held"
    return "planned" if votes and sum(votes) * 2 > len(votes) else "held"


_SIGNED = {"en": re.compile(r"\b(?:signed|signing|adopted|approved)\b", re.I),
           "ru": re.compile(r"(?<![а-яё])(?:подписал\w*|подписан\w*|утвердил\w*|принял\w*)(?![а-яё])", re.I)}
_PREVIOUS_IN = {"en": re.compile(r"\b(?:previous|last|preceding)\s+(?:meeting|session)\b[^.]{0,60}?\b(?:in|of)\s+(?P<y>(?:19|20)\d\d)\b", re.I),
                "ru": re.compile(r"(?<![а-яё])(?:предыдущ|прошл)\w+\s+(?:встреч|заседани)\w*[^.]{0,60}?(?P<y>(?:19|20)\d\d)", re.I)}


def _year_hint(ctx: DocContext, frame: MeetingFrame) -> int | None:
    """A year for undated text about this meeting: its series' history, then dated context in the
    text - a plan "for 2026-2027" signed there (signed the year before it starts), "the previous
    meeting in 2018" of a yearly series."""
    if frame.series and frame.ordinal:
        y = ctx.domain.series[frame.series].year_of(frame.ordinal)
        if y:
            return y
    if frame.status != "held" or not frame.main:
        return None
    from parley.extract.dates import year_ranges

    lang = ctx.language
    for ss, se in ctx.analysis.sentences:
        if not _SIGNED[lang].search(ctx.text, ss, se) or _EARLIER_RE[lang].search(ctx.text, ss, se):
            continue
        ranges = year_ranges(ctx.text, ss, se)
        if ranges:
            return ranges[0][2] - 1
    series = ctx.domain.series.get(frame.series or "")
    if series is not None and series.regular == "annual":
        m = _PREVIOUS_IN[lang].search(ctx.text)
        if m:
            return int(m.group("y")) + 1
    return None


_EARLIER_RE = {"en": re.compile(r"\b(?:earlier|previously|last year|was signed|were signed)\b", re.I),
               "ru": re.compile(r"(?<![а-яё])(?:ранее|прежде|в прошлом году)(?![а-яё])", re.I)}


def _assign_dates(ctx: DocContext, frames: list[MeetingFrame]) -> None:
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
            for d in find_dates(text, ctx.language, ss, se):
                if _frame_of_offset(frames, m.sentence, d.start) is not f:
                    continue
                if d.relative and not re.search(r"today|yesterday|tomorrow|сегодня|вчера|завтра|weekday", d.relative):
                    continue
                if d.relative and d.relative == "today" and f.status == "planned":
                    continue
                dist = min(abs(d.start - m.span[1]), abs(d.start - m.span[0]))
                score = dist - (40 if d.day is not None else 0) - (30 if d.end_day else 0) - (20 if not d.relative else 0)
                if best is None or score < best[0]:
                    best = (score, d)
        if best is not None:
            d = best[1]
            start, end = resolve(d, anchor, tense, year_hint=hint if d.year is None else None)
            if start:
                f.start, f.end, f.date_span, f.date_source = start, end, (d.start, d.end), "text"
                continue
        year = _year_only(ctx, frames, f)
        if year is not None:
            f.start, f.date_span, f.date_source = year[0], year[1], "text"
            continue
        if f.status == "held" and f.main and anchor is not None:
            # A report of a meeting it does not date was written the day of it (or just after).
            f.start, f.date_source = anchor.isoformat(), "published"
            f.date_span = ctx.published_span or (
                (ctx.dateline.date.start, ctx.dateline.date.end) if ctx.dateline and ctx.dateline.date else None)


_YEAR_ONLY = {"en": re.compile(r"\b(?:in|during)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-–—]\s*\d)"),
              "ru": re.compile(r"(?<![а-яё])в\s+(?P<y>(?:19|20)\d\d)\s+год\w*", re.I)}


def _year_only(ctx: DocContext, frames: list[MeetingFrame], f: MeetingFrame) -> tuple[str, tuple[int, int]] | None:
    """ "The next meeting will be held in Minsk in 2027": a year with no month or day."""
    for m in f.mentions:
        for y in _YEAR_ONLY[ctx.language].finditer(ctx.text, *m.sentence):
            if _frame_of_offset(frames, m.sentence, y.start()) is f:
                return y.group("y"), y.span("y")
    return None


_PLACE_CUE = {
    "en": re.compile(r"(?:\bin|\bat|\bto|hosted by|\bfrom)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I),
    "ru": re.compile(r"(?<![а-яё])(?:в|во|на|под)\s+(?:[а-яё-]+\s+){0,3}$", re.I),
}
_HOST_AFTER = {"en": re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:hosted|will host|is hosting|hosts|host)\b|"
                                r"^\s*,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]{2,8}\.?\s+\d{1,2})\b"),  # ", Moscow, September 30"
               "ru": re.compile(r"^\s*(?:принял\w*|прим\w+)\s|^\s*,\s*\d{1,2}\s+[а-яё]+", re.I)}


def _merge_frames(ctx: DocContext, frames: list[MeetingFrame]) -> list[MeetingFrame]:
    """Frames that turn out to be one meeting: a series' held and announced mentions with no
    conflicting date, and a joint sitting named once by one of its councils on the same day."""
    out: list[MeetingFrame] = []
    for f in sorted(frames, key=lambda f: (not f.main, min(m.span[0] for m in f.mentions))):
        target = None
        for g in out:
            if f.format != "multilateral" or g.format != "multilateral" or f.relation or g.relation:
                continue
            same_series = f.series and f.series == g.series and (not f.ordinal or not g.ordinal or f.ordinal == g.ordinal)
            dates_agree = f.start is None or g.start is None or f.start == g.start
            if same_series and dates_agree:
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
        target.main = target.main or f.main
    return out


def _assign_places(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    text = ctx.text
    lang = ctx.language
    for f in frames:
        virtual = any(_VIRTUAL.search(text, *m.sentence) for m in f.mentions if not m.generic)
        if virtual:
            continue
        for m in sorted(f.mentions, key=lambda x: (x.generic, x.span[0])):
            ss, se = m.sentence
            for p in ctx.places:
                if not (ss <= p.start < se) or _frame_of_offset(frames, m.sentence, p.start) is not f:
                    continue
                if ctx.dateline and ctx.dateline.span[0] <= p.start < ctx.dateline.span[1]:
                    continue  # where the agency filed from, not where the meeting was
                before = text[max(ss, p.start - 40):p.start]
                after = text[p.end:min(se, p.end + 40)]
                if _PLACE_CUE[lang].search(before) or _HOST_AFTER[lang].match(after):
                    if p.value.kind == "region" and f.place is None:
                        f.country, f.country_span = p.value.state, (p.start, p.end)
                        continue
                    # A meeting "in the Kremlin" is a meeting in Moscow; a country residence keeps its name.
                    f.place, f.place_span = p.value.city or p.value.name, (p.start, p.end)
                    f.country, f.country_span = p.value.state, (p.start, p.end)
                    break
            if f.place:
                break
        if f.place is None and f.ordinal and not f.series:
            # "II Minsk International Conference": the city in a meeting's proper name.
            for m in f.mentions:
                inside = [p for p in ctx.places if m.span[0] <= p.start < m.span[1] and p.value.kind == "city"]
                if inside:
                    p = inside[0]
                    f.place, f.place_span, f.country, f.country_span = p.value.name, (p.start, p.end), p.value.state, (p.start, p.end)
                    break
        if f.country is None:
            for m in f.mentions:
                ss, se = m.sentence
                for st in ctx.states:
                    if ss <= st.start < se and st.kind == "name" and _frame_of_offset(frames, m.sentence, st.start) is f:
                        before = text[max(ss, st.start - 12):st.start]
                        after = text[st.end:min(se, st.end + 40)]
                        if _HOST_AFTER[lang].match(after) or (
                                re.search(r"(?:\bin|\bв|\bво)\s+(?:the\s+)?$", before, re.I)
                                and (f.status == "planned" or f.relation)):
                            f.country, f.country_span = st.value, (st.start, st.end)
                            break
                if f.country:
                    break


def _assign_chair(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    text = ctx.text
    pat = CHAIR[ctx.language]
    for f in frames:
        if f.format == "bilateral":
            continue  # two sides, no chair
        for m in f.mentions:
            ss, se = m.sentence
            for c in pat.finditer(text, ss, se):
                if _frame_of_offset(frames, m.sentence, c.start()) is not f:
                    continue
                if c.groupdict().get("after"):
                    # "X chaired the meeting": the person just before the verb.
                    cand = [x for x in ctx.mentions if ss <= x.start and x.end <= c.start() and c.start() - x.end < 90]
                    pick = cand[-1] if cand else None
                else:
                    cand = [x for x in ctx.mentions if c.end() <= x.start < c.end() + 140 and x.end <= se]
                    pick = cand[0] if cand else None
                if pick is not None:
                    between = text[c.end():pick.start] if not c.groupdict().get("after") else ""
                    if re.search(r"[.;]", between):
                        continue
                    f.chair = pick.person
                    f.chair_span = (pick.start, c.end()) if c.groupdict().get("after") else (c.start(), pick.end)
                    break
            if f.chair is not None:
                break


def _in_quote(ctx: DocContext, pos: int) -> bool:
    return any(q.start <= pos < q.end for q in ctx.quotes)


def _assign_participants(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    text = ctx.text
    lang = ctx.language
    main = next((f for f in frames if f.main), None)
    for mention in ctx.mentions:
        person = ctx.people[mention.person]
        if _in_quote(ctx, mention.start) or person.is_expert or "press" in person.roles():
            continue
        sent = ctx.sentence(mention.start)
        frame = _frame_of_offset(frames, sent, mention.start)
        if (frame is None and main is not None and main.status == "held" and ATTENDANCE[lang].search(text, *sent)
                and not NEGATION[lang].search(text, sent[0], mention.start)):
            frame = main
        if frame is None or frame.format == "bilateral":
            continue  # bilateral talks have exactly their two sides
        if frame.status == "planned" and not ATTENDANCE[lang].search(text, *sent):
            continue  # who announces a meeting is not thereby taking part in it
        if re.search(r"\b(?:may|might|could)\b", text[sent[0]:sent[1]]) and frame.main and mention.person != frame.chair:
            continue
        frame.persons.setdefault(mention.person, []).append((mention.start, mention.end))
    for f in frames:
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
            if q.mode in ("speech",) or p.roles() & {"security-council", "head-of-state", "minister", "special-services", "organization"}:
                main.persons.setdefault(q.speaker, []).append((q.start, q.end))


def _context_sentences(ctx: DocContext, f: MeetingFrame, frames: list[MeetingFrame]) -> list[tuple[int, int]]:
    """The sentences that speak of a meeting: those naming it, and for the main meeting the sentences
    right after them that say who took part ("It was attended by representatives of ...")."""
    out = {m.sentence for m in f.mentions}
    if not f.main:
        return sorted(out)
    sents = ctx.analysis.sentences
    part = PARTICIPATION[ctx.language]
    for i, sent in enumerate(sents):
        if sent not in out or i + 1 >= len(sents):
            continue
        nxt = sents[i + 1]
        same_paragraph = "\n" not in ctx.text[sent[1]:nxt[0]] or not ctx.text[sent[1]:nxt[0]].strip()
        other = any(m.sentence == nxt for g in frames if g is not f for m in g.mentions)
        if same_paragraph and not other and part.search(ctx.text, *nxt):
            out.add(nxt)
    return sorted(out)


def _assign_states_orgs(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    text = ctx.text
    lang = ctx.language
    for f in frames:
        if f.country and (f.status == "held" or f.place):
            f.states.setdefault(f.country, []).append(f.country_span or f.place_span or (0, 0))
        for pid, spans in f.persons.items():
            st = ctx.people[pid].state
            if st:
                f.states.setdefault(st, []).extend(spans)
            for o in ctx.people[pid].offices:
                if o.organization and o.role in ("organization",) and o.organization in ("CIS", "CSTO", "SCO", "BRICS", "EAEU", "CIS_ATC"):
                    f.organizations.setdefault(o.organization, []).extend(spans)
        if f.organization:
            f.organizations.setdefault(f.organization, []).append(f.mentions[0].span)
        elif f.series and ctx.domain.series[f.series].organization:
            f.organizations.setdefault(ctx.domain.series[f.series].organization, []).append(f.mentions[0].span)
        for ss, se in _context_sentences(ctx, f, frames):
            if not PARTICIPATION[lang].search(text, ss, se) and not any(m.sentence == (ss, se) for m in f.mentions):
                continue
            items = [st for st in ctx.states if ss <= st.start < se and not _in_quote(ctx, st.start)]
            for st in _listed(ctx, items, ss, frames, f):
                f.states.setdefault(st.value, []).append((st.start, st.end))
            orgs = [o for o in ctx.organizations if ss <= o.start < se]
            for o in _listed(ctx, orgs, ss, frames, f):
                f.organizations.setdefault(o.value, []).append((o.start, o.end))


def _listed(ctx: DocContext, items: list, sent_start: int, frames: list[MeetingFrame], f: MeetingFrame) -> list:
    """The items (state or organisation matches of one sentence) a participation phrase lists:
    the first after a cue ("representatives of"), and those joined to it ("..., Tajikistan and
    Uzbekistan"); none after a negation ("we did not see representatives of Ukraine and Moldova")."""
    text, lang = ctx.text, ctx.language
    out, prev = [], None
    for it in sorted(items, key=lambda m: m.start):
        owner = _frame_of_offset(frames, ctx.sentence(it.start), it.start)
        if owner is not None and owner is not f:
            prev = None
            continue
        before = text[sent_start:it.start]
        joined = prev is not None and LIST_JOIN[lang].match(text[prev.end:it.start])
        if joined:
            out.append(it)
            prev = it
            continue
        delegation = getattr(it, "kind", "") == "adjective" and re.match(
            r"\s*(?:delegations?|side|делегаци\w*|сторон\w*)", text[it.end:it.end + 15], re.I)
        cue = LIST_CUE[lang].search(before[-140:]) and getattr(it, "kind", "name") != "adjective"
        neg = NEGATION[lang].search(before[-70:])
        if (cue or delegation) and not neg:
            out.append(it)
            prev = it
        else:
            prev = None
    # "Representatives of Ukraine and Moldova did not attend": a negation after the list undoes it.
    if out:
        after = text[out[-1].end:ctx.sentence(out[-1].start)[1]]
        clause = re.split(r"[,;]|\bbut\b|(?<![а-яё])но(?![а-яё])", after)[0]
        if NEGATION_AFTER[lang].search(clause):
            return []
    return out


def _assign_names(ctx: DocContext, f: MeetingFrame) -> None:
    def score(m: MeetingMention) -> tuple:
        return (not m.generic, not m.verbal, m.joint == f.joint, m.ordinal is not None, m.series == f.series,
                m.span[1] - m.span[0] < 250, m.span[1] - m.span[0])
    best = max(f.mentions, key=score)
    name = " ".join(ctx.text[best.span[0]:best.span[1]].split())
    f.name, f.name_span = name.strip(" ,.;:"), best.span


def _choose_main(ctx: DocContext, frames: list[MeetingFrame]) -> None:
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


def _bilateral_frames(ctx: DocContext, frames: list[MeetingFrame]) -> None:
    """Talks between two named persons: "talks between X and Y", "X held talks with Y", "встреча X с Y"."""
    from parley.extract.bilateral import find_bilateral

    for found in find_bilateral(ctx, frames):
        frames.append(found)


def extract_meetings(ctx: DocContext) -> None:
    mentions = find_meeting_mentions(ctx)
    frames = build_frames(ctx, mentions)
    attach_generic(ctx, frames, mentions)
    _bilateral_frames(ctx, frames)
    for f in frames:
        f.status = _status(ctx, f)
    _choose_main(ctx, frames)
    _assign_dates(ctx, frames)
    frames = _merge_frames(ctx, frames)
    for f in frames:
        f.status = _status(ctx, f)
    if sum(f.main for f in frames) != 1:
        for f in frames:
            f.main = False
        _choose_main(ctx, frames)
    _assign_places(ctx, frames)
    _assign_chair(ctx, frames)
    _assign_participants(ctx, frames)
    _assign_states_orgs(ctx, frames)
    for f in frames:
        _assign_names(ctx, f)
    main = next((f for f in frames if f.main), None)
    for f in frames:
        if f is not main and main is not None and f.format == "bilateral" and f.status == main.status:
            near = any(SIDELINES[ctx.language].search(ctx.text, *m.sentence) for m in f.mentions)
            if near or (f.start is None and main.start) or f.start == main.start:
                f.part_of = -1  # resolved to an index at assembly
                f.start = f.start or main.start
                f.place = f.place or main.place
                f.country = f.country or main.country
                # Who held talks on the sidelines took part in the meeting.
                for pid, spans in f.persons.items():
                    if not ctx.people[pid].is_expert:
                        main.persons.setdefault(pid, []).extend(spans)
                        st = ctx.people[pid].state
                        if st:
                            main.states.setdefault(st, []).extend(spans)
    ctx.frames = sorted(frames, key=lambda f: (not f.main, min(m.span[0] for m in f.mentions)))
