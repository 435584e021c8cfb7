"""English: how English writes names and office titles ("Russian Security Council Secretary Sergei Shoigu",
"Ajit Doval, National Security Advisor to the Prime Minister of India")."""

from __future__ import annotations

import re

from parley.lang import PeoplePhrasing, WrittenNames

_NAME_WORD = r"[A-Z][a-zà-ÿ’'\-]+(?:-[A-Z][a-zà-ÿ]+)?"
# Capitalised words that are no part of a name (lower-cased).
NOT_NAME = frozenset({
    "the", "of", "and", "security", "council", "committee", "ministry", "republic", "federation", "union",
    "state", "states", "news", "agency", "organization", "organisation", "center", "centre", "office",
    "president", "minister", "secretary", "general", "national", "international", "meeting", "summit",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "sir", "photo", "video", "source", "read", "more", "group", "party", "army",
    "forces", "service", "services", "affairs", "defence", "defense", "foreign", "executive", "structure",
    "house", "palace", "square", "street", "avenue", "hall", "hotel", "kremlin", "west", "east", "north",
    "south", "global", "commonwealth", "independent", "collective", "treaty", "anti", "terrorist",
    "cooperation", "shanghai", "eurasian", "economic", "european", "nations", "united", "world",
    "islamic", "caucasus", "asia", "central", "middle", "day", "victory", "great", "patriotic", "war",
    "program", "programme", "plan", "agreement", "concept", "strategy", "declaration", "memorandum",
    "commission", "rights", "human", "fund", "court", "bank", "institute", "university", "department",
    "region", "province", "district", "city", "kingdom", "federal", "customs", "police",
    "staff", "joint", "command", "headquarters", "chief", "board", "bureau", "directorate",
    # places named after people: "the Alexander Garden", "Pushkin Square"
    "garden", "gardens", "park", "bridge", "airport", "station", "museum", "cathedral", "monument",
    "memorial", "boulevard", "embankment", "stadium", "arena", "theatre", "theater", "prospect", "tomb",
    # what meetings are called: "the Russia-India Intergovernmental Consultations"
    "consultations", "consultation", "talks", "negotiations", "session", "conference", "forum", "dialogue",
    "intergovernmental", "bilateral", "multilateral", "strategic",
})
# Words that head an office title, and words that may open one.
HEADS = frozenset({
    "secretary", "secretaries", "secretary-general", "minister", "ministers", "president", "presidents",
    "premier", "chairman", "chairwoman", "chairperson", "chair", "director", "directors", "head", "heads",
    "chief", "chiefs", "adviser", "advisor", "advisers", "advisors", "aide", "assistant", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "envoy", "member", "commander", "professor", "expert",
    "analyst", "scientist", "leader", "representative", "governor", "mayor", "speaker", "counsellor",
    "counselor", "councilor", "councillor", "commissioner", "commanders",
    "coordinator", "prosecutor", "general", "officer", "editor", "correspondent", "observer",
})
STARTERS = HEADS | frozenset({
    "deputy", "state", "first", "executive", "national", "security", "foreign", "defense", "defence",
    "prime", "vice", "kremlin", "presidential", "senior", "special", "acting", "former", "permanent",
    "political", "military", "interior", "press", "chief", "federal", "supreme", "assistant", "external", "home",
    # Ranks and honorifics stand before a name as titles do: "Colonel-General X", "Engr. X", "Admiral X".
    "colonel", "colonel-general", "lieutenant", "lieutenant-general", "major", "major-general", "admiral",
    "vice-admiral", "rear-admiral", "marshal", "captain", "brigadier", "engr", "eng", "prof", "dr", "excellency",
    "honourable", "hon",
})
FUNCTION_WORDS = frozenset({"of", "the", "and", "to", "for", "under", "on", "at", "in", "–", "—", "-", "&"})
PLURAL_TITLES = {"secretaries": "Secretary", "ministers": "Minister", "heads": "Head", "advisers": "Adviser",
                 "advisors": "Advisor", "directors": "Director", "chiefs": "Chief", "presidents": "President",
                 "councils": "Council"}
# Military ranks and honorifics: they stand between a title and a name ("Minister of Defence Colonel
# General X") but are no part of the office.
RANKS = frozenset({"colonel", "colonel-general", "lieutenant", "lieutenant-general", "major", "major-general",
                   "admiral", "vice-admiral", "rear-admiral", "marshal", "captain", "brigadier", "engr", "eng", "prof",
                   "dr", "army", "excellency", "honourable", "hon", "his", "her"})

PEOPLE = PeoplePhrasing(
    delegation=re.compile(r"(?:delegation of (?:the )?(?P<a>[A-Z][\w ]+?)|(?P<b>[A-Z]\w+) delegation|on behalf of (?P<c>[A-Z]\w+(?: \w+)?))"),
    written=WrittenNames(
        name_token=re.compile(rf"(?<![\w.])(?:{_NAME_WORD}|[A-Z]\.)(?![\w])"),
        name_and_patronymic=re.compile(rf"(?<![\w])({_NAME_WORD})\s+({_NAME_WORD})(?![\w])"),
        family_name=re.compile(r"(?<![\w])(?:(?:Mr|Mrs|Ms|Dr)\.?\s+|[A-Z]\.\s?)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w])"),
        not_name=NOT_NAME,
        before_name=frozenset({"the", "mr", "mrs", "ms"}),
        title_heads=HEADS,
        title_starters=STARTERS,
        title_function_words=FUNCTION_WORDS,
        ranks=RANKS,
        plural_titles=PLURAL_TITLES,
        appositive_end=re.compile(r"\s*(?:,|;|:|\.(?:\s|$)|\)|\(|\n|\band\s+(?=[A-Z])|\bwho\b|\bsaid\b|\btold\b)"),
        # The plural title that heads a parallel list: "interior ministers of", "Heads of government of".
        list_head=re.compile(
            r"((?:[\w-]+\s+){0,3}?)\b(ministers|secretaries|heads|chiefs|commanders|directors|chairmen|chairpersons|"
            r"advisers|advisors|prosecutors|presidents|premiers|leaders)((?:\s+of\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})?)"
            r"(?:\s+(?:of|from)\s*(?:the\s+)?[:–—-]?|\s*[:–—-])\s*$", re.I),
        # "Head of the country's Presidential Administration": the state the sentence is about.
        this_country=re.compile(r"\b(?:the|this|that) country['’]s\b|\bof (?:the|this|that) country\b"),
        # "Security Council Secretaries of Russia Nikolai Patrushev, of Azerbaijan Ramil Usubov": each "of STATE".
        of_state_in_list=re.compile(r"(?:,|\band)\s+of\s+(?:the\s+)?([A-Z][\w' ]+?)\s*$"),
        office_before_state=re.compile(
            r"\b(?:minister|secretary|head|chief|commander|director|chairman|ambassador|representative)s?"
            r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)?\s+of\s+(?:the\s+)?(?:republic\s+of\s+)?$", re.I),
    ),
    declined=None,
)
