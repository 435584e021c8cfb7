"""People: every person named, one canonical English name each, and the offices the text gives them.

Names come from the language model's PER entities, from the officials registry, and
from capitalised words after an office title; they are grouped across spellings and
forms (full name, family name alone, "Mr Naryshkin", name and patronymic, family name
first), linked to the registry where it knows the person, and given the offices
written next to them.

English names and titles are read as written, Russian ones through the tagger's normal forms and the
registry: the profile gives a language's words for one or the other (``ctx.profile.people``:
``written`` or ``declined``, parley.lang).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from parley.domain.gazetteer import Match
from parley.extract.context import DocContext, coverage
from parley.extract.offices import (
    OfficeMention,
    english_left_title,
    english_right_title,
    make_office,
    russian_left_title,
    russian_offices_in,
    russian_right_title,
)
from parley.lang import DeclinedNames, WrittenNames
from parley.resolve.chinese import pinyin_family_names
from parley.resolve.names import (
    TITLES,
    canonical_given,
    english_name_from_russian,
    family_key,
    fold,
    given_from_russian,
    is_patronymic,
    name_key,
    same_person,
    transliterate,
)
from parley.resolve.officials import Official, get_officials

Span = tuple[int, int]

@dataclass
class PersonMention:
    start: int
    end: int
    text: str
    kind: str  # full | family | patronymic | role | pronoun
    person: int = -1
    office: OfficeMention | None = None


@dataclass
class PersonEntity:
    name: str
    official: Official | None = None
    aliases: list[str] = field(default_factory=list)
    offices: list[OfficeMention] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)
    family: str = ""
    paired_state: str | None = None  # the state the text pairs the name with ("Belarus – X", "X (Belarus)")

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 0

    @property
    def state(self) -> str | None:
        return next((o.state for o in self.offices if o.state), self.paired_state)

    def state_at(self, when: str | None) -> str | None:
        """The state the text gives this person, or the one the registry says they served at ``when``."""
        if self.state:
            return self.state
        if self.official is not None and when:
            states = {t.state for t in self.official.terms if t.state and t.covers(when)}
            if len(states) == 1:
                return states.pop()
        return None

    @property
    def is_expert(self) -> bool:
        return bool(self.offices) and all(o.is_expert for o in self.offices)

    def roles(self) -> set[str]:
        return {o.role for o in self.offices if o.role}


class _People:
    """Groups name mentions into persons as they are found."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.registry = get_officials()
        self.people: list[PersonEntity] = []
        self.mentions: list[PersonMention] = []
        self.claimed = bytearray(len(ctx.text))
        self.domain = coverage(len(ctx.text), (m for m in (*ctx.states, *ctx.organizations, *ctx.places)
                                                if m.kind != "ambiguous"))

    def _claim(self, mention: PersonMention) -> None:
        self.claimed[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        self.mentions.append(mention)

    def find(self, name: str, official: Official | None) -> int | None:
        for i, p in enumerate(self.people):
            if official is not None and p.official is official:
                return i
            named = same_person(p.name, name) or any(same_person(a, name) for a in p.aliases if " " in a)
            if named and (official is None or p.official is None):
                return i
        return None

    def add_full(self, start: int, end: int, surface: str, name: str, official: Official | None,
                 aliases: tuple[str, ...] = ()) -> PersonMention | None:
        if any(self.claimed[start:end]):
            return None
        idx = self.find(official.name if official else name, official)
        # An official is named as the text names them: "Аслов" is Sirojiddin Aslov, whom the registry
        # knows by the family name he took later.
        spelled = official.spelled(surface) if official else name
        if idx is None:
            words = spelled.split()
            # "Cao Jianming", "Wang Yi": a Chinese name's family name stands first.
            family = words[0] if len(words) == 2 and words[0].lower() in pinyin_family_names() else words[-1]
            self.people.append(PersonEntity(name=spelled, official=official, family=family))
            idx = len(self.people) - 1
        person = self.people[idx]
        if official and person.official is None:
            person.official = official
            if person.name != spelled:
                person.aliases.append(person.name)
                person.name = spelled
        for alias in (surface, name, *aliases):
            alias = " ".join(alias.split())
            if alias and alias != person.name and alias not in person.aliases:
                person.aliases.append(alias)
        mention = PersonMention(start, end, surface, "full", idx)
        self._claim(mention)
        person.mentions.append(mention)
        return mention

    def add_family(self, start: int, end: int, surface: str, idx: int, kind: str = "family") -> PersonMention | None:
        if any(self.claimed[start:end]):
            return None
        mention = PersonMention(start, end, surface, kind, idx)
        self._claim(mention)
        self.people[idx].mentions.append(mention)
        return mention

    def by_family(self, family: str) -> int | None:
        key = family_key(family)
        hits = [i for i, p in enumerate(self.people)
                if family_key(p.family) == key or (p.official and key in p.official.family_keys)
                or _family_first(p, key)]
        return hits[0] if len(hits) == 1 else None


def _family_first(person: PersonEntity, key: str) -> bool:
    """ "Lin said" after "Lin Ruiqing": a two-word name whose first word is no given name we know is
    written family name first (Chinese, Korean names), and its first word is its family name."""
    if person.official is not None:
        return person.official.family_first and family_key(person.name.split()[0]) == key
    words = person.name.split()
    from parley.resolve.names import _given_tables

    return (len(words) == 2 and family_key(words[0]) == key and fold(words[0]) not in _given_tables()[0]
            and fold(words[1]) not in _given_tables()[0])


# ---------------------------------------------------------------- English

def _clean_en_name(ctx: DocContext, titles: WrittenNames, domain: bytearray, s: int, e: int) -> tuple[int, int] | None:
    """Trim an entity span to the name itself: no titles, states, organisations or possessives."""
    text = ctx.text
    while True:
        m = re.match(r"[\w.'’-]+", text[s:e])
        if not m:
            return None
        w = m.group()
        low = w.lower().rstrip(".")
        covered = bool(domain[s])
        if (low in titles.title_starters or low in TITLES or low in titles.before_name or covered
                or low in titles.title_heads or low in titles.not_name):
            nxt = re.search(r"\S", text[s + m.end():e])
            if not nxt:
                return None
            s = s + m.end() + nxt.start()
            continue
        break
    e = s + len(re.sub(r"(?:['’]s|['’])$", "", text[s:e].rstrip(" .,;:")))
    return (s, e) if e > s else None


def _capitalised_runs(titles: WrittenNames, text: str) -> list[tuple[int, int]]:
    """Every run of two to four capitalised words, from every starting word: a name may follow
    capitalised title words ("... of the Russian Federation Sergei Shoigu")."""
    toks = [(m.start(), m.end()) for m in titles.name_token.finditer(text)]
    out = []
    for i, (s, _) in enumerate(toks):
        end = i
        while end + 1 < len(toks) and end - i < 3 and re.fullmatch(r"[ \t]+", text[toks[end][1]:toks[end + 1][0]]):
            end += 1
        for j in range(i + 1, end + 1):
            out.append((s, toks[j][1]))
    return out


def _valid_en_name(titles: WrittenNames, words: list[str], from_model: bool) -> bool:
    words = [w for w in words if w not in _FILIAL_WORDS]  # "uulu", written in lower case
    if not 2 <= len(words) <= 4:
        return False
    for w in words:
        if not w[:1].isupper() or any(ch.isdigit() for ch in w):
            return False
        if fold(w).strip(".") in titles.not_name:
            return False
        if w.isupper() and len(w) > 2:
            return False
    if from_model:
        return True
    from parley.resolve.names import _given_tables

    return fold(words[0]) in _given_tables()[0]


def _after_title_or_state(ctx: DocContext, titles: WrittenNames, start: int) -> bool:
    """Capitalised words right after an office title or a state ("Secretary of the National Security
    Division of Pakistan Zafar Iqbal", "of Turkmenistan Charymurad Amanov") are a name."""
    cell = _table_cell_after_state(ctx, start)
    if cell is not None:
        return cell
    ss, _ = ctx.sentence(start)
    # From the line's start when the model began the sentence within it ("• Kazakhstan – Syrym ...").
    ss = min(ss, ctx.text.rfind("\n", 0, start) + 1)
    before = ctx.text[ss:start].rstrip()
    if not before or before.endswith((",", ".", ";", ":")):
        return False
    paired = re.search(r"\s*(?:\(|[–—]|\s-)$", before)
    if paired:
        # "Armenia (Vahe Ghazaryan)", "Belarus – Ivan Kubrakov": a name paired with its state.
        return any(m.end == ss + paired.start() for m in ctx.states if m.kind == "name")
    if any(m.end == ss + len(before) for m in (*ctx.states, *ctx.organizations) if m.kind != "adjective"):
        return True
    last = re.findall(r"[\w-]+", before[-30:])
    if bool(last) and last[-1][:1].isupper() and last[-1].lower() in titles.title_heads:
        return True
    # A title that ends with its ministry's or service's name ("Minister of Emergency Situations",
    # "Commander of the Border Troops of the National Security Service"): capitalised words and "of",
    # "the", "and", "for", back to the title's head.
    for word in reversed(re.findall(r"[^\s,;:.()]+|[,;:.()]", before[-160:])):
        if word.lower() in titles.title_heads and word[:1].isupper():
            return True
        if not (word[:1].isupper() or word in _TITLE_JOINERS):
            return False
    return False


# The Turkic patronymic's "son of", "daughter of", written after it in lower case.
_FILIAL_WORDS = frozenset(["uulu", "kyzy", "ogly", "oglu", "ogli", "qizi", "kizi", "uly", "qyzy"])
_FILIAL_WORD = "(?:" + "|".join(sorted(_FILIAL_WORDS)) + ")"
_FILIAL = re.compile(rf" {_FILIAL_WORD}\b")
_FILIAL_NAME = re.compile(rf"\b(?:[A-Z][\w'’-]+\s+){{2}}(?P<filial>{_FILIAL_WORD})\b")

_TITLE_JOINERS = {"of", "the", "and", "for", "on", "in", "&", "–", "-"}


def _table_cell_after_state(ctx: DocContext, start: int) -> bool | None:
    """A name in a table's cell ("Republic of Kazakhstan<TAB>Serik Zhunusov<TAB>Director ..."): whether
    the cell before it is a state; None when the name opens no cell. The document's text keeps the
    tabs the analysis breaks into lines."""
    raw = ctx.document.text
    if start == 0 or start > len(raw) or raw[start - 1] != "\t":
        return None
    cell = raw.rfind("\t", 0, start - 1)
    line = raw.rfind("\n", 0, start - 1)
    begin = max(cell, line) + 1
    return any(m.kind == "name" and begin <= m.start and not raw[m.end:start - 1].strip() for m in ctx.states)


def _office_words(name: str) -> bool:
    """Whether capitalised words are part of an office's or an institution's name ("Emergency
    Situations", "Border Troops", "Halk Maslahaty"), not a person's: a word the domain data's office
    titles and institutions use."""
    return any(w.lower() in _institution_vocabulary() for w in name.split())


@cache
def _institution_vocabulary() -> frozenset[str]:
    from parley.domain import load_entries

    words: set[str] = set()
    titles = [e["en"] for e in load_entries("offices") if isinstance(e.get("en"), str)]
    titles += [t["title"] for e in load_entries("officials") for t in e.get("offices", []) if t.get("title")]
    titles += [n for e in load_entries("institutions") for n in e.get("names", []) if re.match(r"[A-Za-z]", n)]
    for title in titles:
        words.update(w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", title))
    return frozenset(words)


def _english(ctx: DocContext, titles: WrittenNames, people: _People) -> None:
    text = ctx.text
    registry = people.registry
    candidates: list[tuple[int, int, bool]] = []
    for ent in ctx.analysis.entities:
        if ent.label == "PER":
            # A name never runs across lines: the entity's last line.
            start = ctx.text.rfind("\n", ent.start, ent.end) + 1 or ent.start
            span = _clean_en_name(ctx, titles, people.domain, start, ent.end)
            if span:
                candidates.append((*span, True))
    for s, e in _capitalised_runs(titles, text):
        span = _clean_en_name(ctx, titles, people.domain, s, e)
        if span:
            candidates.append((*span, False))
    for m in _FILIAL_NAME.finditer(text):
        # "Nurlanbek Turgunbek uulu": a patronymic's "son of" says the words before it are a name.
        span = _clean_en_name(ctx, titles, people.domain, m.start(), m.start("filial") - 1)
        if span:
            candidates.append((*span, True))
    # Longest first, so "Sergei Shoigu" claims its words before "Shoigu".
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    for s, e, from_model in candidates:
        if (suffix := _FILIAL.match(text, e)) is not None:
            e = suffix.end()  # "Nurlanbek Turgunbek uulu", "Ilham Heydar oglu": the patronymic word is the name's
        surface = text[s:e]
        words = surface.split()
        if len(words) == 3 and is_patronymic(words[2]) and not is_patronymic(words[1]):
            # Family name first: "Makhmudov Victor Vladimirovich".
            name = f"{words[1]} {words[0]}"
        elif len(words) == 3 and is_patronymic(words[1]):
            name = f"{words[0]} {words[2]}"
        elif len(words) == 2 and is_patronymic(words[1]):
            continue  # name and patronymic: linked below to a person already named
        else:
            name = " ".join(words)
        if len(words) == 1:
            # A family name alone: the person the text named in full wins over the registry's namesakes.
            idx = people.by_family(words[0])
            if idx is not None:
                people.add_family(s, e, surface, idx)
                continue
        official = registry.lookup(name)
        if official is None and len(words) == 3:
            # Family name first with a patronymic of another pattern ("Makhmudzoda Nasrullo
            # Rakhmatjon"): the registry knows the family name and the given name.
            official = registry.lookup(f"{words[1]} {words[0]}")
            if official is not None:
                name = official.name
        if official is None and (any(people.domain[s:e]) or not (
                _valid_en_name(titles, name.split(), from_model)
                or (_after_title_or_state(ctx, titles, s) and _valid_en_name(titles, name.split(), True)
                    and not _inside_named_thing(ctx, s, e) and not _office_words(name)))):
            continue
        people.add_full(s, e, surface, name, official)
    _english_partial_names(ctx, titles, people)
    _drop_headline_only(ctx, people)


def _inside_named_thing(ctx: DocContext, start: int, end: int) -> bool:
    """Capitalised words the language model reads as part of an organisation's or a place's name
    ("the CSTO Crisis Response Forces", "the India-Russia Intergovernmental Consultations")."""
    return any(ent.label in ("ORG", "LOC") and ent.start <= start and end < ent.end
               for ent in ctx.analysis.entities)


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case (headlines: "SCO Member Countries Vow To Enhance Security
    Cooperation"), where capital letters say nothing about names."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if re.match(r"\s*[•·*–—-]\s", m.group()) or m.group().rstrip().endswith((";", ",")):
            continue  # an item of a list ("• Kazakhstan – Syrym Sharipkhanov, Minister of ...;"), no headline
        words = re.findall(r"[A-Za-z][\w'’-]*", m.group())
        long = [w for w in words if len(w) > 3]
        if 4 <= len(words) <= 16 and len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long) and \
                not re.search(r"(?<![A-Z][a-z])(?<![A-Z])[.!?][\"”']?(?:\s+[A-Za-z]|\s*$)", m.group()):
            out.append(m.span())
    return out


def _drop_headline_only(ctx: DocContext, people: _People) -> None:
    """A person the registry does not know and the text names only in title-cased headlines is no
    person: their 'name' is capitalised words of a headline."""
    lines = _title_case_lines(ctx.text)
    if not lines:
        return
    keep = []
    for p in people.people:
        # Its full names all in headlines (a family name alone elsewhere is no evidence: "Its" in the text
        # after the headline's "... Will Not Pay Its Share").
        full = [m for m in p.mentions if m.kind == "full"] or p.mentions
        only_headline = p.official is None and all(any(a <= m.start < b for a, b in lines) for m in full)
        if not only_headline:
            keep.append(p)
    if len(keep) == len(people.people):
        return
    index = {id(p): i for i, p in enumerate(keep)}
    old = people.people
    people.people = keep
    mentions = []
    for m in people.mentions:
        p = old[m.person]
        if id(p) in index:
            m.person = index[id(p)]
            mentions.append(m)
    people.mentions = mentions


def _english_partial_names(ctx: DocContext, titles: WrittenNames, people: _People) -> None:
    text = ctx.text
    registry = people.registry
    # Name and patronymic ("Alexey Leontievich"), the form of address in interviews.
    for m in titles.name_and_patronymic.finditer(text):
        if not is_patronymic(m.group(2)) or is_patronymic(m.group(1)):
            continue
        given = fold(canonical_given(m.group(1)))
        hits = [i for i, p in enumerate(people.people) if (k := name_key(p.name)) and k[1] == given]
        if len(hits) == 1:
            people.add_family(m.start(), m.end(), m.group(), hits[0], "patronymic")
            if m.group() not in people.people[hits[0]].aliases:
                people.people[hits[0]].aliases.append(m.group())
    # Family names alone ("Shoigu stressed", "Mr Naryshkin", "M.Ryzhenkov").
    per = coverage(len(text), (ent for ent in ctx.analysis.entities if ent.label == "PER"))
    for m in titles.family_name.finditer(text):
        s, e = m.start(1), m.end(1)
        if people.claimed[s]:
            continue
        fam = m.group(1)
        if fold(fam) in titles.not_name:
            continue
        idx = people.by_family(fam)
        if idx is None:
            cands = registry.by_family(fam)
            titled = m.group(0) != fam
            model_says = bool(per[s])
            if len(cands) == 1 and (titled or model_says):
                mention = people.add_full(m.start(), e, m.group(0), cands[0].name, cands[0])
                if mention:
                    mention.kind = "family"
            elif not cands and re.match(r"[A-Z]\.", m.group(0)) and (
                    _after_title_or_state(ctx, titles, m.start())
                    or english_left_title(titles, text, ctx.sentence(m.start())[0], m.start(), [], ctx.states,
                                          ctx.organizations) is not None):
                # "Chief of the CSTO Joint Staff A.Sidorov": an initial and a family name after a title.
                people.add_full(m.start(), e, m.group(0), f"{m.group(0)[0]}. {fam}", None)
            continue
        people.add_family(m.start(), e, m.group(0), idx)


def _english_offices(ctx: DocContext, titles: WrittenNames, people: _People) -> None:
    text = ctx.text
    blocked = [(m.start, m.end) for m in people.mentions]
    previous: PersonMention | None = None
    for mention in sorted(people.mentions, key=lambda m: m.start):
        ss, se = ctx.sentence(mention.start)
        others = [b for b in blocked if b != (mention.start, mention.end)]
        office = english_left_title(titles, text, ss, mention.start, others, ctx.states, ctx.organizations)
        right = english_right_title(titles, text, mention.end, se, ctx.states, ctx.organizations)
        if office is None or (right is not None and _listed_appositive(text, ss, office, mention.start)):
            office = right or office
        if office is not None and office.state is None and titles.this_country.search(
                text[max(ss, office.span[0] - 20):office.span[1]]):
            # "Head of the country's Presidential Administration": the state the sentence is about.
            named = {m.value for m in ctx.states if ss <= m.start < se}
            office.state = named.pop() if len(named) == 1 else None
        # "Security Council Secretaries of Russia Nikolai Patrushev, of Azerbaijan Ramil Usubov": the head
        # of the list's title carries over to each "of STATE" that follows.
        lead = titles.of_state_in_list.search(text[max(ss, mention.start - 60):mention.start])
        if lead and previous is not None and previous.office is not None and ctx.sentence(previous.start) == (ss, se):
            state = next((m.value for m in ctx.states
                          if m.start >= mention.start - len(lead.group(0)) and m.end <= mention.start), None)
            if state:
                office = OfficeMention((mention.start - len(lead.group(0)), mention.start), previous.office.title,
                                       state, previous.office.organization, previous.office.role)
        mention.office = office
        previous = mention
    _distribute_plural_titles(ctx, people)


def _listed_appositive(text: str, sent_start: int, office: OfficeMention, name_start: int) -> bool:
    """ "X, Deputy Head of ..., Ajit Doval, National Security Advisor ...": in a list of names each
    followed by its title, the title before a name (after a comma, and cut off from it by a comma)
    is the previous name's."""
    return (text[office.span[0]:name_start].rstrip().endswith(",")
            and text[sent_start:office.span[0]].rstrip().endswith(","))


def _distribute_plural_titles(ctx: DocContext, people: _People) -> None:
    """ "The Secretaries ... of Armenia and Azerbaijan, Armen Grigoryan and Ramil Usubov": i-th state, i-th name."""
    ordered = sorted(people.mentions, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        if not m.office or not m.office.plural_states:
            continue
        states = m.office.plural_states
        group = [m]
        j = i + 1
        while j < len(ordered) and len(group) < len(states):
            gap = ctx.text[group[-1].end:ordered[j].start]
            if not re.fullmatch(r"\s*(?:,|,?\s*and|и|,\s*и)\s*", gap):
                break
            group.append(ordered[j])
            j += 1
        if len(group) != len(states):
            continue
        for mention, state in zip(group, states, strict=True):
            mention.office = OfficeMention(m.office.span, m.office.title, state, m.office.organization, m.office.role)


# ---------------------------------------------------------------- Russian

def _russian(ctx: DocContext, declined: DeclinedNames, people: _People) -> None:
    registry = people.registry
    for ent in ctx.analysis.entities:
        if ent.label != "PER":
            continue
        surface_words = declined.name_word.findall(ent.text)
        normal_words = declined.name_word.findall(ent.normal)
        if "\n" in ctx.text[ent.start:ent.end]:
            # A name never runs across lines ("... » Политика\n\nВольфович и Шойгу"): its last line's words.
            cut = ctx.text.rindex("\n", ent.start, ent.end) + 1
            kept = declined.name_word.findall(ctx.text[cut:ent.end])
            if not kept:
                continue
            ent = replace(ent, start=cut, text=ctx.text[cut:ent.end], normal=" ".join(normal_words[-len(kept):]))
            surface_words, normal_words = kept, normal_words[-len(kept):]
        if not surface_words:
            continue
        official = registry.lookup_russian(surface_words + normal_words)
        if len(normal_words) == 2 and official is None and is_patronymic(normal_words[1]):
            # Name and patronymic ("Алексей Леонтьевич"), the form of address: the person with that
            # given name named in the text.
            given = fold(given_from_russian(normal_words[0]) or transliterate(normal_words[0]))
            hits = [i for i, p in enumerate(people.people) if (k := name_key(p.name)) and k[1] == given]
            if len(hits) == 1 and people.add_family(ent.start, ent.end, ent.text, hits[0], "patronymic"):
                people.people[hits[0]].aliases.append(ent.text)
            continue
        if len(normal_words) >= 2:
            given, family = normal_words[0], normal_words[-1]
            name = official.name if official else english_name_from_russian(given, family)
            people.add_full(ent.start, ent.end, ent.text, name, official, aliases=(ent.normal,))
            continue
        # A family name alone: a person already named, or one the registry knows.
        fam = normal_words[0] if normal_words else surface_words[0]
        idx = None
        named = people.by_family(english_name_from_russian(None, fam))
        if named is not None and official is not None and people.people[named].official is None:
            official = None  # "Симонян" after "Ален Симонян": the person named, not a namesake the registry knows
        if official is not None:
            idx = next((i for i, p in enumerate(people.people) if p.official is official), None)
            if idx is None:
                mention = people.add_full(ent.start, ent.end, ent.text, official.name, official, aliases=(ent.normal,))
                if mention:
                    mention.kind = "family"
                continue
        else:
            idx = people.by_family(english_name_from_russian(None, fam))
        if idx is not None:
            people.add_family(ent.start, ent.end, ent.text, idx)


def _russian_registry_names(ctx: DocContext, declined: DeclinedNames, people: _People) -> None:
    """Names the model did not tag that the officials registry knows as a whole ("Ван И", "Си
    Цзиньпин", "Шахбазом Шарифом"): a run of two to four capitalised words, its family name one of
    the official's case forms, read through the registry as the model's names are."""
    registry = people.registry
    for run in declined.capitalised_run.finditer(ctx.text):
        s, e = run.span()
        if any(people.claimed[s:e]) or any(people.domain[s:e]):
            continue
        words = run.group().split()
        official = registry.lookup_russian(words)
        if official is None:
            continue
        # The run may start with a sentence's first word ("Встречу провели ..."): drop leading words
        # while the rest still names the same official.
        first = 0
        while len(words) - first > 2 and registry.lookup_russian(words[first + 1:]) is official:
            first += 1
        if len(words) - first < 2:
            continue
        start = s + [w.start() for w in re.finditer(r"\S+", run.group())][first]
        people.add_full(start, e, ctx.text[start:e], official.name, official)


def _russian_initials(ctx: DocContext, declined: DeclinedNames, people: _People) -> None:
    """Initials and a family name ("А. Денисов", "Ж.Кулубаев", "И.Н.Тасмагамбетов"), which the model
    often leaves untagged: the official the registry knows by that family name and initial, or,
    after an office title, a person of their own ("первый заместитель министра А. Денисов")."""
    text = ctx.text
    for m in declined.initials.finditer(text):
        s, e = m.span()
        if any(people.claimed[s:e]) or any(people.domain[m.start(2):e]):
            continue
        official = people.registry.lookup_russian([m.group(2)])
        if official is not None and (official.given_ru or "")[:1] == m.group(1):
            people.add_full(s, e, m.group(), official.name, official)
        elif official is None and russian_left_title(declined, text, ctx.sentence(s)[0], s, [], ctx.states,
                                                     ctx.organizations) is not None:
            name = f"{transliterate(m.group(1))}. {english_name_from_russian(None, m.group(2))}"
            people.add_full(s, e, m.group(), name, None)


def _russian_offices(ctx: DocContext, declined: DeclinedNames, people: _People) -> None:
    blocked = [(m.start, m.end) for m in people.mentions]
    for mention in sorted(people.mentions, key=lambda m: m.start):
        ss, _ = ctx.sentence(mention.start)
        others = [b for b in blocked if b[1] <= mention.start]
        mention.office = russian_left_title(declined, ctx.text, ss, mention.start, others, ctx.states,
                                            ctx.organizations)
        if mention.office is None:
            mention.office = russian_right_title(ctx.text, mention.end, ctx.sentence(mention.start)[1],
                                                 ctx.states, ctx.organizations)
    _distribute_plural_titles(ctx, people)


# ---------------------------------------------------------------- shared

def _delegation_state(ctx: DocContext, start: int) -> str | None:
    """The state whose delegation a sentence is about ("the delegation of the Republic of Belarus, headed by")."""
    ss, se = ctx.sentence(start)
    pat = ctx.profile.people.delegation
    found = set()
    for m in pat.finditer(ctx.text, ss, se):
        for st in ctx.states:
            if m.start() <= st.start and st.end <= m.end() + 1:
                found.add(st.value)
    return found.pop() if len(found) == 1 else None


def _assign_offices(ctx: DocContext, people: _People) -> None:
    when = ctx.published.isoformat() if ctx.published else None
    for mention in people.mentions:
        office = mention.office
        if office is None or not office.title:
            continue
        person = people.people[mention.person]
        if office.state is None and office.organization is None and office.role not in (None, "expert"):
            office.state = _delegation_state(ctx, mention.start)
            if office.state is None and person.official is not None:
                office.state = _registry_state(person.official, office.title, when)
        if not any(o.title.lower() == office.title.lower() and o.state == office.state for o in person.offices):
            person.offices.append(office)


def _registry_state(official: Official, title: str, when: str | None) -> str | None:
    """The state whose office this is, by the registry: the term held at the time, or, when the text
    gives no date, the one state of every term with this title."""
    terms = [t for t in official.terms if t.state and role_match(t.title, title)]
    current = [t for t in terms if t.covers(when)]
    states = {t.state for t in (current or (terms if when is None else []))}
    if not states and not terms:
        # A title the registry words otherwise ("External Affairs Minister", "Minister of Foreign
        # Affairs"): the state of an official who has only ever served one state.
        states = {t.state for t in official.terms if t.state}
        if any(t.organization for t in official.terms):
            return None
    return states.pop() if len(states) == 1 else None


_PAIRED_BEFORE = re.compile(r"\s*(?:[–—:]|\s-|\()\s*|"
                            # "Kazakhstan's Ruslan Zhaksylykov", "Kyrgyzstan's Defence Minister X"
                            r"['’]s\s+(?:(?:[A-Z][\w.-]*|of|the|and)\s+){0,6}")
# "his Kyrgyz counterpart Baktybek Bekbolotov", "казахстанский коллега Ержан Ашикбаев"
_PAIRED_ADJECTIVE = re.compile(r"^\s+(?:counterparts?|colleagues?|коллег\w*|visiting)\s+(?:(?:[A-Z][\w.-]*)\s+){0,4}$")
_PAIRED_AFTER = re.compile(r"^\s*\(\s*$")
# "his counterpart from Tajikistan Sirojiddin Muhriddin", "с коллегой из Таджикистана Сироджиддином Мухриддином"
_COLLEAGUE_FROM = re.compile(r"(?:counterparts?|colleagues?|коллег\w*)\s+(?:from|of|из)\s+$", re.I)


def _paired_states(ctx: DocContext, people: _People) -> list[tuple[PersonMention, Match]]:
    """Parallel lists pair each name with its state: "Azerbaijan – Ali Asadov, Belarus – Roman
    Golovchenko", "Azerbaijan (Ramil Usubov)", "Ramil Usubov (Azerbaijan)", "Белоруссии - Хренин".
    A person the text gives no office state takes the state paired with their name."""
    text = ctx.text
    names = [st for st in ctx.states if st.kind == "name"]
    adjectives = [st for st in ctx.states if st.kind == "adjective"]
    pairs: list[tuple[PersonMention, Match]] = []
    for m in people.mentions:
        person = people.people[m.person]
        if person.state is not None and m.office is not None:
            continue
        # The nearest state before the name whose words up to the name only pair them.
        before = max((st for st in names if 0 < m.start - st.end <= 80 and (
            _PAIRED_BEFORE.fullmatch(text[st.end:m.start]) or (
                not text[st.end:m.start].strip(" ,–—-") and _COLLEAGUE_FROM.search(text, max(0, st.start - 40), st.start)))),
                     key=lambda st: st.end, default=None) or max(
            (st for st in adjectives if 0 < m.start - st.end <= 60 and _PAIRED_ADJECTIVE.match(text[st.end:m.start])),
            key=lambda st: st.end, default=None)
        after = next((st for st in names if 0 < st.start - m.end <= 3 and _PAIRED_AFTER.match(text[m.end:st.start])
                      and text[st.end:st.end + 2].lstrip().startswith(")")), None)
        paired = before or after
        if paired is not None:
            pairs.append((m, paired))
            if person.state is None:
                person.paired_state = paired.value
    return pairs


def _list_head_titles(ctx: DocContext, people: _People, pairs: list[tuple[PersonMention, Match]]) -> None:
    """ "interior ministers of Azerbaijan (Ramil Usubov), Belarus (Igor Shunevich)", "Heads of
    government of Azerbaijan – Ali Asadov, Belarus – Roman Golovchenko": the plural title before the
    first pair is each listed person's office, with the state paired with their name."""
    by_sentence: dict[tuple[int, int], list[tuple[PersonMention, Match]]] = {}
    for m, st in pairs:
        by_sentence.setdefault(ctx.sentence(m.start), []).append((m, st))
    ordered = sorted(people.mentions, key=lambda m: m.start)
    for (ss, _), group in by_sentence.items():
        group.sort(key=lambda p: p[1].start)
        if len(group) < 2:
            continue
        # The list starts at its first pair, name or state first ("главы правительств: Александр
        # Турчин (Беларусь), ...").
        first = min(group[0][0].start, group[0][1].start)
        head = _list_head(ctx, ss, first)
        if head is None:
            # "генеральный прокурор России Игорь Краснов, Беларуси – Андрей Швед, Таджикистана – Юсуф
            # Рахмон": the title of the name before the list carries over to each pair.
            prev = next((x for x in reversed(ordered) if ss <= x.start and x.end <= first), None)
            if prev is None or prev.office is None or ctx.text[prev.end:first].strip() not in (",", ";"):
                continue
            head = (prev.office.title, prev.office.role, None)
        title, role, organization = head
        for m, st in group:
            if m.office is None:
                m.office = OfficeMention((st.start, st.end), title, st.value, organization, role)


def _list_head(ctx: DocContext, ss: int, first: int) -> tuple[str, str | None, str | None] | None:
    left = ctx.text[ss:first]
    titles = ctx.profile.people.written
    if titles is None:
        for pat, entry in russian_offices_in(left):
            last = max(pat.finditer(left), key=lambda m: m.end(), default=None)
            if last is not None and not left[last.end():].strip(" :–—-"):
                return entry["en"], entry.get("role"), entry.get("organization")
        return None
    m = titles.list_head.search(left)
    if not m:
        return None
    modifiers = [w for w in m.group(1).split()]
    while modifiers and modifiers[0].lower() not in titles.title_starters:
        modifiers = modifiers[1:]
    if any(w.lower() not in titles.title_starters for w in modifiers):
        return None
    words = [*modifiers, m.group(2), *m.group(3).split()]
    title = " ".join(words)
    title = title[:1].upper() + title[1:]
    office = make_office(titles, title, (0, len(title)), [], [])
    return office.title, office.role, None


_COUNTERPART = re.compile(r"(?:counterparts?|colleagues?|коллег\w*)\b[^.;:]{0,40}$", re.I)


def _counterpart_titles(ctx: DocContext, people: _People, pairs: list[tuple[PersonMention, Match]]) -> None:
    """ "Russian Defence Minister X met his Chinese counterpart Y", "глава МИД РФ Сергей Лавров, его
    киргизский коллега Эрлан Абдылдаев": a counterpart holds the same office for the state paired with
    their name."""
    ordered = sorted(people.mentions, key=lambda m: m.start)
    for m, st in pairs:
        if m.office is not None or not _COUNTERPART.search(ctx.text, max(0, st.start - 50), st.start + 1) and \
                not _COUNTERPART.search(ctx.text, max(0, m.start - 60), m.start):
            continue
        ss = ctx.sentence(m.start)[0]
        lo = ctx.sentence(ss - 1)[0] if ss > 0 else ss
        referent = next((r for r in reversed(ordered) if lo <= r.start < m.start and r.office is not None
                         and r.office.state and r.office.state != st.value and r.person != m.person), None)
        if referent is None or referent.office is None:
            continue
        o = referent.office
        m.office = OfficeMention((st.start, st.end), o.title, st.value, None, o.role)


def role_match(a: str, b: str) -> bool:
    from parley.resolve.officials import title_words

    wa, wb = title_words(a), title_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def extract_people(ctx: DocContext) -> None:
    people = _People(ctx)
    phrasing = ctx.profile.people
    if phrasing.declined is not None:
        _russian(ctx, phrasing.declined, people)
        _russian_registry_names(ctx, phrasing.declined, people)
        _russian_initials(ctx, phrasing.declined, people)
        _russian_offices(ctx, phrasing.declined, people)
    elif phrasing.written is not None:
        _english(ctx, phrasing.written, people)
        _english_offices(ctx, phrasing.written, people)
    pairs = _paired_states(ctx, people)
    _list_head_titles(ctx, people, pairs)
    _counterpart_titles(ctx, people, pairs)
    _assign_offices(ctx, people)
    ctx.people = people.people
    ctx.mentions = sorted(people.mentions, key=lambda m: m.start)
