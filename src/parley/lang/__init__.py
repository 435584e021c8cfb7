"""Languages: how each language words what the extractors look for, in one package per language.

Modelled on spaCy's ``spacy/lang/xx``: ``parley/lang/en/`` and ``parley/lang/ru/`` each build a
:class:`LanguageProfile` from one module per extractor it serves (``meetings``, ``dates``, ``people``,
``statements``, ``agreements``) and register it; :func:`get_profile` finds a language's profile by its
code (importing ``parley.lang.<code>`` on first use). The extractors read the patterns from the
profile (``ctx.profile.meetings.triggers``, ``ctx.profile.dates.patterns``) rather than choosing
them by the language's code; where two languages need different procedures, the profile says which
(``MeetingPhrasing.case_chain``, ``PeoplePhrasing.written`` or ``declined``).

A new language needs a pipeline in ``parley/nlp/`` (``@register_pipeline("xx")``), its phrasings
in the data files (``bodies.json``, ``series.json``, ``offices.json``, ``topics.json``), and one
package here, ``parley/lang/xx/``, that registers its profile.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from parley.errors import UnknownLanguageError


@dataclass(frozen=True)
class OrdinalCue:
    """An ordinal written before a meeting word: the pattern (ending where the search window ends,
    the number in group "o") and what the number is worth (None: not an ordinal)."""

    pattern: re.Pattern[str]
    value: Callable[[str], int | None]


class TalkPattern(NamedTuple):
    """A way of saying two people held talks. ``kind`` "ab": the two sides are groups "a" and "b";
    "subject": the other side is group "b", the first side the sentence's subject."""

    pattern: re.Pattern[str]
    kind: str


@dataclass(frozen=True)
class CaseChain:
    """How a meeting word's complement runs on in a language that marks case: a chain of nouns in
    the chaining case ("встреча секретарей советов безопасности государств – участников СНГ")."""

    cases: frozenset[str]  # the cases that chain on (the tagger's tags: "Gen")
    prepositions: Mapping[str, frozenset[str]]  # a preposition opening one phrase, and the cases it governs
    joins: frozenset[str]  # what coordinates two members of the chain ("СМИД, СМО и КССБ")
    participle: re.Pattern[str]  # the ending of a participle qualifying the chain after a comma
    member: re.Pattern[str]  # the lemma after a dash that pairs states with members ("государств – участников")
    governs_instrumental: re.Pattern[str]  # lemmas of nouns of commanding, which govern the instrumental


@dataclass(frozen=True)
class MeetingPhrasing:
    """The phrasings the meeting extractor (``parley.extract.meetings``) looks for in one language."""

    # -- Meeting phrases (mentions.py) --
    triggers: re.Pattern[str]  # meeting words ("meeting", "talks", "заседание"), in group "t"
    generic_trigger: re.Pattern[str]  # a meeting word that names no particular meeting ("the event", "the forum")
    bilateral_trigger: re.Pattern[str]  # a meeting word for talks between two sides ("talks", "переговоры")
    plural_trigger: re.Pattern[str] | None  # a meeting word in the plural, where the tagger does not tell (None: it tells)
    ordinals: tuple[OrdinalCue, ...]  # ordinals before a meeting word, tried after Roman numerals ("13th", "ninth")
    ordinal_of_other: re.Pattern[str]  # what makes such a number an ordinal of something else ("80th anniversary")
    ordinal_idiom: re.Pattern[str]  # after the meeting word: "the first meeting since 2019" counts no series
    modifiers: re.Pattern[str]  # the modifiers before a meeting word, up to it ("the 13th international ...")
    leading_function_words: re.Pattern[str] | None  # an article or preposition a phrase never starts on
    phrase_stop: re.Pattern[str] | None  # where a meeting word's complement stops (None: case_chain says)
    case_chain: CaseChain | None  # how a meeting word's complement runs on, by case (None: phrase_stop says)
    holds: re.Pattern[str]  # a body holding the meeting, just before the meeting word ("X held a meeting")
    joint: re.Pattern[str]  # a joint meeting ("joint", "совместное")
    ministerial: re.Pattern[str]  # ministers in a phrase: a joint meeting of ministers is one of several bodies
    international: re.Pattern[str]  # "international": high representatives' international meeting
    multilateral: re.Pattern[str]  # words that say many sides meet ("member states", "multilateral")
    bilateral: re.Pattern[str]  # "bilateral" before a meeting word
    with_whom: re.Pattern[str]  # "with" right after a meeting word ("a meeting with ...")
    group: re.Pattern[str]  # a group met with, not one person ("with the heads of delegations")
    official: re.Pattern[str]  # one official met with, not named ("a meeting with the Belarusian head of state")
    side_joiner: re.Pattern[str]  # what pairs two states as the two sides ("China-Russia", "Russia and China")
    compound_adjective: re.Pattern[str] | None  # two states in one adjective, stems in groups 1 and 2 ("китайско-российские")
    pronoun_subject: re.Pattern[str]  # a pronoun for the meeting of the sentence before ("It will be held"), group "p"
    gather: re.Pattern[str]  # a body meeting without a meeting word: "Heads of CIS special services gathered in Minsk"
    collective: re.Pattern[str]  # a collective head noun: a body, not one official ("the RATS Council")
    their: re.Pattern[str]  # "their" right before a plural meeting word: the meetings of bodies listed before
    # a verb of meeting, not of what a meeting does ("met", "convenes"; not "signed"), as in a relative
    # clause after a body ("the Council, which meets in Bishkek")
    convenes: re.Pattern[str]
    receives: re.Pattern[str]  # a gathering verb of meeting someone: a body after it is met ("X met the secretaries")
    head_noun_before: str | None  # the word a head noun stands before ("the Secretary of"; None: the first noun is the head)
    habitual: re.Pattern[str]  # meetings as a habit, not one meeting ("every year", "traditionally")
    # meetings a document provides for, right before the meeting phrase ("a plan providing for consultations")
    provided_for: re.Pattern[str]
    next: re.Pattern[str]  # the next meeting ("next", "upcoming")
    upcoming: re.Pattern[str]  # of those, the words that may also mean the meeting a report announces ("upcoming")
    previous: re.Pattern[str]  # the previous meeting ("previous", "last year's")
    demonstrative: re.Pattern[str]  # "that", "этом" right before a meeting word: the meeting just spoken of
    met_before: re.Pattern[str]  # the sentence's people met before ("had last met", "в прошлый раз встречались")
    planned: re.Pattern[str]  # a meeting to come ("will", "is scheduled", "состоится")
    held: re.Pattern[str]  # a meeting held ("was held", "took place", "состоялось")
    relative_clause: re.Pattern[str]  # a relative clause on the meeting itself ("the session, which will open")
    relative_future: re.Pattern[str]  # such a clause in the future ("will", "пройдет")
    reporting: re.Pattern[str]  # lemmas of the report's own verbs, whose tense says nothing of the meeting ("said")

    # -- Meetings (frames.py, __init__.py) --
    many: re.Pattern[str]  # a sentence speaking of many sides ("delegations", "member states")
    capitalised_names: bool  # whether a meeting's proper name capitalises its words ("II Minsk International Conference")
    sidelines: re.Pattern[str]  # talks on the sidelines of a meeting ("on the sidelines", "в рамках")

    # -- Slots (slots.py) --
    signed: re.Pattern[str]  # a document signed or adopted (dates a plan's year)
    earlier: re.Pattern[str]  # what was done earlier, not at the meeting ("previously", "last year")
    previous_in: re.Pattern[str]  # the previous meeting's year ("the previous meeting in 2018"), group "y"
    year_only: re.Pattern[str]  # a year with no month or day ("in 2027"), group "y"
    relative_year: re.Pattern[str]  # a year or month named from the report's ("last year", "next month"): groups
    # "last", "next", "last_month", "next_month"
    place_cue: re.Pattern[str]  # what stands before a meeting's place ("in", "at", "hosted by"), up to it
    host_after: re.Pattern[str]  # what follows a host place ("Moscow hosted", ", Moscow, September 30")
    here: re.Pattern[str]  # a meeting held "here": where the agency filed from
    capital: re.Pattern[str]  # the word for a capital after a state's adjective ("the Indian capital", "в белорусской столице")
    state_in: re.Pattern[str]  # "in" right before a state, up to it: the country of a planned or next meeting
    virtual: re.Pattern[str]  # a meeting held online, with no place
    joined_remotely: re.Pattern[str]  # one participant joined online, the meeting was held in a place ("joined via")
    chair: re.Pattern[str]  # who chairs ("chaired by X"; group "after": "X chaired", the chair before it)
    # who holds a round of talks (group "after": the person before the verb) or co-chairs it (the first after)
    round_host: re.Pattern[str]
    opener: re.Pattern[str]  # who opens a session chairs it when the text names no other chair ("X opened the meeting")
    participation: re.Pattern[str]  # words of taking part: a sentence that says who took part
    attendance: re.Pattern[str]  # cues strong enough to say who took part when the sentence does not name the meeting
    negation: re.Pattern[str]  # a negation before what is listed ("except", "кроме")
    negation_after: re.Pattern[str]  # a negation after a list, which undoes it ("did not attend")
    hedged: re.Pattern[str] | None  # a sentence saying someone only may take part ("may", "could")
    points_back: re.Pattern[str]  # a sentence pointing back to the meeting ("in it", "в нем")
    on_behalf: re.Pattern[str]  # whom one speaks for or whose greeting one reads, up to the name: not taking part
    list_cue: re.Pattern[str]  # what introduces the states (or organisations) represented, up to them
    list_join: re.Pattern[str]  # what joins the members of such a list
    delegation_after: re.Pattern[str]  # a delegation after a state's adjective ("the Chinese delegation")
    clause_break: re.Pattern[str]  # where a clause after a list ends (",", "but")
    attended_after: re.Pattern[str]  # taking part, right after a list of states ("A, B and C took part")
    represented_after: re.Pattern[str]  # being represented, right after a state ("Kazakhstan is represented by")
    in_place: re.Pattern[str]  # "in" between a meeting's name and its place ("... in Astana")
    trailing_auxiliaries: re.Pattern[str]  # auxiliaries before a gathering's verb, left out of its name ("had met")
    citation_forms: dict[str, str]  # a meeting word's lemma (with "+pl" in the plural) -> its nominative, for names

    # -- Talks between two people (bilateral.py) --
    talk_words: re.Pattern[str]  # words of talks or meeting: only sentences with one are searched
    talks: tuple[TalkPattern, ...]  # ways of saying two people held talks, in the order tried
    talk_joined: re.Pattern[str]  # "and" joining several people on one side ("with Y and Z")
    guest: re.Pattern[str]  # a guest or visit: "the high guest" is the visitor named before
    talks_group: re.Pattern[str]  # a group as one side: no talks between two people ("the Secretaries")
    person_word: re.Pattern[str]  # a person of a state named before ("the Iranian official", "the Pakistani guest")
    pronoun: re.Pattern[str]  # a personal pronoun as one side ("He met ...")
    delegation: re.Pattern[str]  # a delegation as the other side ("will receive a delegation of ...")
    # A clause about a person between commas, whose names are no side: ", who took over from X last month,"
    person_clause: re.Pattern[str] | None = None
    # A reported clause's start: its subject is the side, not who reports ("Wang Yi said that Xi and Modi met")
    complement: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        if (self.phrase_stop is None) == (self.case_chain is None):
            raise ValueError("a meeting phrasing has either phrase_stop or case_chain, not both or neither")


class DatePattern(NamedTuple):
    """A way of writing a date with a month word. ``kind`` names its parts in order ("d-m-y": day, month,
    year; "md-md-y": a range across two months); the pattern has them in groups "d1", "m1", "d2",
    "m2" and "y", those it has."""

    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DatePhrasing:
    """How one language writes dates (``parley.extract.dates``) and the report's own dateline
    (``parley.extract.metadata``). Numeric dates ("30.11.2017", "2025-11-05") are the same in every
    language and stay in ``parley.extract.dates``."""

    # -- Dates (dates.py) --
    patterns: tuple[DatePattern, ...]  # dates with a month word ("November 5, 2025", "5 ноября"), in the order tried
    month_number: Callable[[str], int | None]  # the month a month word of those patterns names ("Sept." -> 9)
    month_word: Callable[[str], bool]  # whether a word standing alone names a month ("April", "апреле"; not "маршал")
    relative: re.Pattern[str]  # a day named from the report's ("yesterday", "next Monday", "в среду"), group "rel"
    days: Mapping[str, str]  # such a word, lower-cased -> "today", "yesterday", "tomorrow" or "daybeforeyesterday"
    weekdays: Mapping[str, int]  # a weekday's name or stem -> its number, Monday 0 ("сред" -> 2)
    next_weekday: re.Pattern[str]  # a weekday of the coming week ("next Monday", "в следующий вторник")
    last_weekday: re.Pattern[str]  # a weekday of the week before ("last Monday", "в прошлую среду")

    # -- The report's own dateline (metadata.py) --
    # "MOSCOW, November 5. /TASS/": groups "city" and "date" ("date2" and "city2" where the date comes
    # first), the outlet in "o1", "o2" or "o3"
    dateline: re.Pattern[str]


@dataclass(frozen=True)
class AgreementPhrasing:
    """How one language names agreements and says they were signed (``parley.extract.agreements``)."""

    # -- Document words and titles --
    document_word: re.Pattern[str]  # a document word ("treaty", "plan", "соглашение"), in group "w"
    kinds: tuple[tuple[re.Pattern[str], str], ...]  # a whole document word -> its kind ("plans" -> "plan"), in order
    plural_endings: tuple[str, ...]  # endings of a plural document word, where the tagger does not tell (none: it tells)
    title_modifiers: re.Pattern[str] | None  # the words before a document word that are part of its title, up to
    # it ("joint action plan"; None: the tagger's adjectives and acronyms are)
    determiner: re.Pattern[str] | None  # an article or determiner a title never starts on ("the"; None: as title_modifiers)
    title_stop: re.Pattern[str]  # where a title ends after its document word ("was signed", a comma, "который")
    qualifying_case: str | None  # the case of a noun after a document word that makes it one document (the tagger's
    # "Gen": "план сотрудничества"; None: only what follows it qualifies)
    place_adjective: re.Pattern[str] | None  # a city's adjective naming a document ("Бишкекская"; None: none)
    statement: re.Pattern[str] | None  # a document word that names a statement made unless capitalised ("заявление")
    draft: re.Pattern[str]  # a draft or proposal, not a document in force ("draft", "проект")
    until: re.Pattern[str]  # the year a document runs to ("through 2025", "до 2025 года"), group "y"

    # -- Signing --
    signed: re.Pattern[str]  # signed, adopted or approved ("signed", "подписали", "утвердил")
    passive_signed: re.Pattern[str] | None  # a signing word that is passive by itself ("подписан"): no signatory
    earlier: re.Pattern[str]  # signed earlier, not at the meeting ("previously", "ранее")
    # the participants as the subject of a signing ("the three ministers signed", "главы государств подписали")
    group_signers: re.Pattern[str]
    # What runs up to a document word inside a title, which is then part of it ("Plan ... for the
    # implementation of the UN Global Counter-Terrorism Strategy", "план действий по реализации стратегии")
    # A pairing word after which "and" joins the two parties, not two documents ("between A and B", "между")
    between: re.Pattern[str] | None = None
    inner_of: re.Pattern[str] = re.compile(r"\b(?:of|on|for)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}$")

    def __post_init__(self) -> None:
        if (self.title_modifiers is None) != (self.determiner is None):
            raise ValueError("an agreement phrasing has title_modifiers and determiner, or neither")


@dataclass(frozen=True)
class WrittenNames:
    """Names and office titles in the records' own language (English), taken as written: a name is
    capitalised words, an office title is built of title words ("Russian Security Council Secretary
    Sergei Shoigu", "Ajit Doval, National Security Advisor to the Prime Minister of India")."""

    name_token: re.Pattern[str]  # a capitalised word or an initial that may be part of a name ("Shoigu", "A.")
    name_and_patronymic: re.Pattern[str]  # two capitalised words, groups 1 and 2: maybe "Alexey Leontievich"
    family_name: re.Pattern[str]  # a family name alone, maybe after "Mr" or an initial ("Mr Naryshkin"), group 1
    not_name: frozenset[str]  # capitalised words that are no part of a name, lower-cased ("council", "monday")
    before_name: frozenset[str]  # words before a name that are none of it, lower-cased ("the", "mr")
    title_heads: frozenset[str]  # words that head an office title, lower-cased ("secretary", "minister")
    title_starters: frozenset[str]  # words that may open one ("deputy", "national", the heads, ranks)
    title_function_words: frozenset[str]  # words inside a title that never start or end it ("of", "the")
    ranks: frozenset[str]  # ranks and honorifics between a title and a name, no part of the office ("colonel")
    plural_titles: Mapping[str, str]  # a plural title word -> its singular ("secretaries" -> "Secretary")
    appositive_end: re.Pattern[str]  # where a title after a name ends (", who", " said")
    list_head: re.Pattern[str]  # the plural title heading a list of states and names ("interior ministers of"):
    # group 1 its modifiers, 2 the plural head, 3 what it is of
    this_country: re.Pattern[str]  # "the country's": an office of the state the sentence is about
    of_state_in_list: re.Pattern[str]  # ", of STATE" before a name in a list under one title, the state in group 1
    office_before_state: re.Pattern[str]  # an office title ending right before a state ("a Deputy Minister of ")


@dataclass(frozen=True)
class DeclinedNames:
    """Names and office titles in a language that declines them (Russian): names are read through the
    tagger's normal forms and the officials registry's forms, office titles through the registry's
    phrasings (``offices.json``, under the language's code) and translated."""

    name_word: re.Pattern[str]  # one word of a name ("Шойгу", "Мухаммед-Али")
    capitalised_run: re.Pattern[str]  # two to four capitalised words: a name the registry may know whole ("Ван И")
    initials: re.Pattern[str]  # initials and a family name ("А. Денисов"): the initial in group 1, the name in 2
    ranks: re.Pattern[str]  # a rank between a title and a name ("генерал-майор"), no part of the office
    between_title_and_name: re.Pattern[str]  # what else may stand between them ("при президенте", "(ГКНБ)")
    plural_title: re.Pattern[str]  # a plural title, one office per state listed ("секретари", "министры")
    state_form: re.Pattern[str]  # the words of a state's formal name left between a title and the state ("Республики")


@dataclass(frozen=True)
class PeoplePhrasing:
    """How one language writes names and office titles (``parley.extract.people`` and ``offices``).
    A language gives ``written`` (titles made of its own words) or ``declined`` (titles through the
    registry), not both."""

    # a delegation and its state ("the delegation of Belarus", "белорусская делегация"), the state in group a, b or c
    delegation: re.Pattern[str]
    written: WrittenNames | None
    declined: DeclinedNames | None

    def __post_init__(self) -> None:
        if (self.written is None) == (self.declined is None):
            raise ValueError("a people phrasing has either written or declined, not both or neither")


@dataclass(frozen=True)
class StatementPhrasing:
    """How one language attributes quotations and marks speeches (``parley.extract.statements``)."""

    speech_verb: str  # a verb of saying ("said", "заявил"), as a regular expression the attribution patterns are built of
    pronoun: re.Pattern[str]  # a personal pronoun opening a speaker phrase ("he", "она"): the sentence's subject
    institution: re.Pattern[str]  # an institution as the source ("the press service", "говорится в сообщении")
    greeting: re.Pattern[str]  # sending a greeting or message: whose words "the statement reads" are
    speech_title: re.Pattern[str]  # a speech's title line ("Sergey Lavrov's speech at ...", "Выступление X"), group "who"
    first_person: re.Pattern[str]  # a first-person word ("we", "наш"): a transcript's speaker speaking
    # a role noun's stem and the English title word it means ("министр" -> "minister"; empty in English)
    role_heads: Mapping[str, str]


@dataclass(frozen=True)
class LanguageProfile:
    """What the extractors know of one language's wording."""

    code: str  # the language's code, as the pipelines in parley.nlp name it ("en", "ru")
    meetings: MeetingPhrasing
    dates: DatePhrasing
    people: PeoplePhrasing
    statements: StatementPhrasing
    agreements: AgreementPhrasing



_PROFILES: dict[str, LanguageProfile] = {}


def register_profile(profile: LanguageProfile) -> LanguageProfile:
    """Register a language's profile under its code (a module in parley/lang calls this)."""
    _PROFILES[profile.code] = profile
    return profile


def available_profiles() -> list[str]:
    """The codes of the languages with a profile, registered or in this package."""
    modules = {m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")}
    return sorted(set(_PROFILES) | modules)


def get_profile(code: str) -> LanguageProfile:
    """The profile of a language, by its code ("en"); its module is imported on first use."""
    if code not in _PROFILES and code in available_profiles():
        importlib.import_module(f"{__name__}.{code}")
    if code not in _PROFILES:
        raise UnknownLanguageError(
            f"no language profile for {code!r}; available: {', '.join(available_profiles())} "
            f"(a new language needs a package parley/lang/<code>/ that calls register_profile)")
    return _PROFILES[code]


__all__ = [
    "AgreementPhrasing",
    "CaseChain",
    "DatePattern",
    "DatePhrasing",
    "DeclinedNames",
    "LanguageProfile",
    "MeetingPhrasing",
    "OrdinalCue",
    "PeoplePhrasing",
    "StatementPhrasing",
    "TalkPattern",
    "UnknownLanguageError",
    "WrittenNames",
    "available_profiles",
    "get_profile",
    "register_profile",
]
