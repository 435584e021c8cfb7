"""Person names across spellings, scripts and word orders.

Two spellings are the same name when their family names agree after folding the
usual transliteration differences (kh/h, ye/e, iy/y, ks/x ...) and their given names
agree on the canonical form of the given-name table or, failing that, on the initial.
Russian names are written in English through the given-name table (the spelling
English-language media use: Alexander, Alexei, Sergei, Yuri) and, for family names,
the iuliia "wikipedia" schema with the media's endings. A name the lemmatizer left in an
oblique case is brought to the nominative first (see ``russian_nominative``), so that
"с Махмудом Аббасом" gives "Mahmoud Abbas", not "Mahmudom Abbasom".
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from parley.domain import load_entries
from parley.resolve.chinese import FAMILY_NAMES as CHINESE_FAMILY_NAMES
from parley.resolve.chinese import chinese_name, pinyin_word

_FOLDS = (("kh", "h"), ("ye", "e"), ("yo", "e"), ("iy", "y"), ("ii", "i"), ("ie", "e"), ("ks", "x"),
          ("yu", "u"), ("ia", "ya"), ("j", "y"), ("w", "v"), ("zz", "z"), ("'", ""))
_PATRONYMIC_END = re.compile(r"(?:i?[oe]vich|i?[oe]vna|ichna|ovič|evič|ович|евич|овна|евна|ична|инична)$", re.I)
TITLES = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "г-н", "г-жа", "господин", "госпожа"}


def fold(text: str) -> str:
    """Lower case without diacritics: "Innocêncio" -> "innocencio"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def family_key(family: str) -> str:
    w = re.sub(r"[^\w'-]", "", fold(family))
    for a, b in _FOLDS:
        w = w.replace(a, b)
    return w


@cache
def _given_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(English spelling -> canonical English, Russian form -> canonical English)."""
    en: dict[str, str] = {}
    ru: dict[str, str] = {}
    for e in load_entries("given_names"):
        canon = e["en"]
        for v in [canon, *e.get("variants_en", [])]:
            en.setdefault(fold(v), canon)
        for v in [e["ru"], *e.get("forms_ru", []), *e.get("diminutives_ru", [])]:
            ru.setdefault(v.lower().replace("ё", "е"), canon)
    return en, ru


def is_patronymic(word: str) -> bool:
    """ "Leontievich", "Vladimirovna": a patronymic made from a known given name. "Volfovich",
    "Lukashevich" end the same way but are family names: their stem is no given name."""
    m = _PATRONYMIC_END.search(word)
    if not m:
        return False
    stem = fold(word[: m.start()])
    if len(stem) < 3:
        return False
    return any(abs(len(n) - len(stem)) <= 3 for n in _given_by_prefix().get(stem[:4], ()))


@cache
def _given_by_prefix() -> dict[str, list[str]]:
    en, ru = _given_tables()
    out: dict[str, list[str]] = {}
    for n in set(en) | {fold(v) for v in ru}:
        out.setdefault(n[:4], []).append(n)
    return out


def canonical_given(given: str) -> str:
    """The media spelling of an English-written given name (Aleksandr -> Alexander)."""
    return _given_tables()[0].get(fold(given), given)


def given_from_russian(given: str) -> str | None:
    return _given_tables()[1].get(given.lower().replace("ё", "е"))


def split_name(name: str) -> list[str]:
    return [w for w in re.split(r"\s+", name.strip()) if w and w.lower() not in TITLES]


def name_key(name: str) -> tuple[str, str | None] | None:
    """(family key, canonical given name or None) of a name written given-name first."""
    words = split_name(name)
    if not words:
        return None
    given = fold(canonical_given(words[0])) if len(words) > 1 else None
    return family_key(words[-1]), given


def same_person(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb or ka[0] != kb[0]:
        return False
    if ka[1] is None or kb[1] is None:
        return True
    return ka[1] == kb[1] or ka[1][0] == kb[1][0]


@cache
def _translit():
    import iuliia

    return iuliia.WIKIPEDIA


def transliterate(word: str) -> str:
    """A Russian word in Latin letters as English-language media write names."""
    out = _translit().translate(word)
    # Media drop the soft sign's apostrophe and write -sky for -ский.
    out = out.replace("'", "").replace("ʹ", "")
    out = re.sub(r"skiy$|skii$", "sky", out)
    out = re.sub(r"([^aeiou])iy$", r"\1y", out)
    return out


def english_name_from_russian(given: str | None, family: str, case: str | None = None) -> str:
    """A Russian-written name in English: given name through the table, family name transliterated,
    both first brought to the nominative where the morphology shows an oblique case (``case``: the
    grammatical case of the name in the text, when the caller knows it: "Ins" or "ablt" ...)."""
    if given and (chinese := chinese_name([given, family])):
        return chinese  # "Цао Цзяньмин": Cao Jianming, as English writes Chinese names
    if not given and family.lower().replace("ё", "е") in CHINESE_FAMILY_NAMES:
        return pinyin_word(family) or transliterate(family)  # "Ван" alone, after "Ван И"
    words = russian_nominative([given, family] if given else [family], case)
    family = words[-1]
    g = None
    if given:
        given = words[0]
        g = given_from_russian(given) or transliterate(given)
    fam = "-".join(transliterate(p) for p in family.split("-"))
    return f"{g} {fam}" if g else fam


# ---------------------------------------------------------------- Russian case forms of names
#
# The rule. A name reaches this module as the language model wrote it in its "normal" form; for
# foreign names the model often leaves it as it stood in the text ("Нарендрой Моди", "Адылбеком
# Касымалиевым", "Фумио Кисидой"). Before transliteration each word of the name is brought to
# the nominative when the morphology says the name is not in the nominative:
#
# 1. The case of the name. pymorphy2 (the lemmatizer of the Russian pipeline) reads each word.
#    A word is evidence of an oblique case when none of its singular readings is a nominative
#    (nor an indeclinable word) and it ends in an ending that only oblique forms have:
#    -ом/-ём/-ем/-ым/-ой/-ей/-ою/-ею ("Кисидой", "Адылбеком", "Махмудом"), or it is a case form
#    of a name in the given-name table ("Абдулле"), or it stands where the given name does and is
#    a masculine name the dictionary knows with a genitive or prepositional ending ("Джейка",
#    "Сергея", "Джоне"; not "Франса" in the family-name slot). Endings that foreign
#    nominatives also have (-а, -у, -е, -и: Исиба, Сигэру, Рютте, Моди, Джалили, Санду) are no
#    evidence otherwise, nor are readings as common nouns (Лупу, Раза). The case of the name
#    is the case its evidence words share; a case the caller knows (the token's case from the
#    pipeline) is used unless the evidence contradicts it. Without evidence or a known case the
#    name is taken to be nominative and left alone.
# 2. Each word then takes its nominative from its reading in that case (keeping the gender:
#    "Розой Отунбаевой" -> "Роза Отунбаева"); the lemmatizer may change only the ending of a
#    word it does not know ("Шольцем" is "Шольц", not "Шолец"). A word with no reading in that
#    case keeps its form (indeclinable names: Моди, Фумио, Шойгу) unless it ends in an
#    instrumental ending, which it then loses (-ом/-ём/-ым/-им -> stem, -ем -> stem + й/ь,
#    -ой/-ою -> stem + а, -ей/-ею -> stem + я): "Ким Ёном" in the instrumental is "Ким Ён"; in the
#    genitive a final -ы becomes -а ("Рональда Ламолы"). For words it does not know, the
#    lemmatizer's guess is taken only when it changes the ending alone and does not turn a vowel
#    ending into -а/-я ("Марку Рютте" in the dative stays "Рютте").
# 3. Names in the given-name table in their dictionary form are never changed; the officials
#    registry is consulted before any of this (its case forms cover Засем -> Зась and the like).

_UD_CASES = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct",
             "nomn": "nomn", "gent": "gent", "datv": "datv", "accs": "accs", "ablt": "ablt", "loct": "loct"}
_OBLIQUE_END = ("ом", "ём", "ем", "ым", "ой", "ей", "ою", "ею")
_MIN_SCORE = 0.02  # pymorphy2 guesses below this are noise ("Отунбаевой" as a masculine adjective)


@cache
def _morph():
    # pymorphy2's analyser, which the Russian pipeline's lemmatizer (natasha's MorphVocab) wraps;
    # natasha must be imported before pymorphy2 on Python 3.11: it patches what pymorphy2 needs.
    import natasha  # noqa: F401
    import pymorphy2

    return pymorphy2.MorphAnalyzer()


def _ru_key(word: str) -> str:
    return word.lower().replace("ё", "е")


def _readings(part: str) -> list:
    """pymorphy2's singular noun and adjective readings of one word (vocative left out)."""
    out = []
    for p in _morph().parse(part):
        tag = p.tag
        if tag.POS not in ("NOUN", "ADJF") or tag.number == "plur" or tag.case not in _UD_CASES:
            continue
        out.append(p)
    return out


def _oblique_cases(part: str, given_slot: bool = True) -> frozenset[str] | None:
    """The cases a word shows it stands in, when it cannot be a nominative; None when it can.
    ``given_slot``: the word stands before the last word of the name, where given names stand."""
    key = _ru_key(part)
    if key in _given_heads():
        return None
    rs = [p for p in _readings(part) if p.score >= _MIN_SCORE]
    if any(p.tag.case == "nomn" or "Fixd" in p.tag for p in rs):
        return None
    if key in _given_forms():
        return frozenset(p.tag.case for p in rs) or _cases_by_ending(key)
    if not rs:
        return None
    if key.endswith(_OBLIQUE_END):
        return frozenset(p.tag.case for p in rs)
    # A masculine given name the dictionary knows, in the genitive or prepositional: "Джейка", "Сергея",
    # "Джоне" (not the dative -у: Portuguese and Romanian nominatives end so, Дину, Санду; and not in the
    # family-name slot, where "Франса", "Лула" are foreign nominatives that look like Франс, Лул).
    if not given_slot:
        return None
    known = [p for p in rs if p.is_known and _is_name(p) and p.tag.gender == "masc"
             and p.normal_form[-1:] not in "аеёиоуыэюя" and _second_declension(key, _ru_key(p.normal_form))]
    return frozenset(p.tag.case for p in known) or None


def _second_declension(form: str, lemma: str) -> bool:
    """A genitive or prepositional of a masculine name: Джейк -> Джейка, Смит -> Смите, Сергей -> Сергея."""
    stem = lemma[:-1] if lemma.endswith(("й", "ь")) else lemma
    return form.startswith(stem) and form[len(stem):] in ("а", "я", "е")


def _cases_by_ending(key: str) -> frozenset[str] | None:
    if key.endswith(_OBLIQUE_END):
        return frozenset({"ablt"})
    for ends, cases in ((("а", "я"), {"gent", "accs"}), (("у", "ю"), {"datv", "accs"}), (("ы",), {"gent"}),
                        (("е", "и"), {"datv", "loct", "gent"})):
        if key.endswith(ends):
            return frozenset(cases)
    return None


@cache
def _given_heads() -> frozenset[str]:
    return frozenset(_ru_key(e["ru"]) for e in load_entries("given_names"))


@cache
def _given_forms() -> dict[str, str]:
    """Case form in the given-name table -> the name in the nominative ("Абдулле" -> "Абдулла")."""
    out: dict[str, str] = {}
    for e in load_entries("given_names"):
        for f in e.get("forms_ru", []):
            if _ru_key(f) not in _given_heads():
                out.setdefault(_ru_key(f), e["ru"])
    return out


def _is_name(p) -> bool:
    return bool({"Name", "Surn", "Patr"} & p.tag.grammemes)


def _restore(surface: str, nominative: str) -> str:
    """``nominative`` spelt like ``surface`` where they agree (capitals, ё)."""
    s, n = _ru_key(surface), _ru_key(nominative)
    i = 0
    while i < min(len(s), len(n)) and s[i] == n[i]:
        i += 1
    return surface[:i] + nominative[i:].lower()


def _strip_instrumental(part: str) -> str:
    """An instrumental (or feminine oblique) ending taken off a word the lemmatizer cannot read."""
    low = _ru_key(part)
    for end, min_stem in (("ым", 2), ("им", 2), ("ом", 2), ("ем", 2), ("ой", 3), ("ою", 3), ("ей", 3), ("ею", 3)):
        if not low.endswith(end) or len(low) - len(end) < min_stem:
            continue
        stem = part[: -len(end)]
        last = _ru_key(stem)[-1]
        if end == "ем":
            return stem + ("й" if last in "аеиоуыэюя" else "" if last in "жшчщц" else "ь")
        if end in ("ой", "ою"):
            return stem + "а"
        if end in ("ей", "ею"):
            return stem + ("а" if last in "жшчщц" else "я")
        return stem
    return part


def _plausible_guess(surface: str, nominative: str) -> bool:
    """Whether the lemmatizer's nominative of a word it does not know may be trusted: only the ending
    changes (no fleeting vowels: "Шольцем" is "Шольц", not "Шолец"), and a vowel ending is not made
    into a first-declension -а/-я ("Рютте", "Моди", "Санду" are indeclinable, not forms of Рютта, Модя,
    Санда), unless the ending is one only oblique forms have (-ой, -ей, -ы: "Кисидой", "Ламолы")."""
    s, n = _ru_key(surface), _ru_key(nominative)
    i = 0
    while i < min(len(s), len(n)) and s[i] == n[i]:
        i += 1
    s_end, n_end = s[i:], n[i:]
    if len(s_end) > 2 or len(n_end) > 2:
        return False
    return n_end in ("", "й", "ь") or s.endswith(_OBLIQUE_END) or s_end == "ы"


def _nominative_part(part: str, cases: frozenset[str], gender: str | None) -> str:
    readings = _readings(part)
    rs = [p for p in readings if p.tag.case in cases]
    head = _given_forms().get(_ru_key(part))
    if head and rs:
        return _restore(part, head)  # "Абдулле" -> "Абдулла": the given-name table knows the name
    name_nominative = any(p.tag.case == "nomn" and _is_name(p) for p in readings)
    if name_nominative:
        # A name that can stand in the nominative changes only through a reading as a name
        # ("Касым" is no adjective "касый", and keeps its -ым).
        rs = [p for p in rs if _is_name(p)]
    best = None
    for p in sorted(rs, key=lambda p: (gender is not None and p.tag.gender == gender, _is_name(p),
                                       "Fixd" not in p.tag, p.score), reverse=True):
        nom = p.inflect({"nomn"})
        if nom is None:
            continue
        word = nom.word
        if not p.is_known and not _plausible_guess(part, word):
            continue
        best = word
        break
    if best is not None:
        return _restore(part, best)
    if name_nominative:
        return part
    low = _ru_key(part)
    if "ablt" in cases or (cases & {"gent", "datv", "loct"} and low.endswith(("ой", "ей"))):
        return _strip_instrumental(part)
    if "gent" in cases and low.endswith("ы") and len(low) >= 4:
        return part[:-1] + "а"  # "Ламолы" -> "Ламола": -ы is the genitive of a first-declension name
    return part


def russian_nominative(words: list[str], case: str | None = None) -> list[str]:
    """The words of a Russian-written name in the nominative (the rule above); ``case`` is the
    case of the name in the text when the caller knows it ("Ins", "Gen" ... or "ablt", "gent" ...)."""
    parts = [w.split("-") for w in words]
    flat = [p for ps in parts for p in ps if p]
    slots = [i < len(words) - 1 for i, ps in enumerate(parts) for p in ps if p]
    evidence = [c for c in (_oblique_cases(p, slot) for p, slot in zip(flat, slots, strict=True)) if c]
    hint = _UD_CASES.get((case or "").lower())
    cases: frozenset[str] | None = None
    if evidence:
        shared = frozenset.intersection(*evidence)
        if hint and hint != "nomn" and (not shared or hint in shared):
            cases = frozenset({hint})
        elif shared:
            cases = shared
        else:
            counts: dict[str, int] = {}
            for ev in evidence:
                for c in ev:
                    counts[c] = counts.get(c, 0) + 1
            top = max(counts.values())
            cases = frozenset(c for c, n in counts.items() if n == top)
    elif hint and hint != "nomn":
        cases = frozenset({hint})
    if not cases:
        return list(words)
    genders = {p.tag.gender for w in flat for p in _readings(w)
               if p.tag.case in cases and "Name" in p.tag and p.tag.gender in ("masc", "femn")}
    gender = genders.pop() if len(genders) == 1 else None
    out = []
    for ps in parts:
        out.append("-".join(_nominative_part(p, cases, gender) if p else p for p in ps))
    return out
