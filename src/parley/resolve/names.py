"""Person names across spellings, scripts and word orders.

Two spellings are the same name when their family names agree after folding the
usual transliteration differences (kh/h, ye/e, iy/y, ks/x ...) and their given names
agree on the canonical form of the given-name table or, failing that, on the initial.
Russian names are written in English through the given-name table (the spelling
English-language media use: Alexander, Alexei, Sergei, Yuri) and, for family names,
the iuliia "wikipedia" schema with the media's endings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from parley.domain import load_entries

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


def english_name_from_russian(given: str | None, family: str) -> str:
    g = None
    if given:
        g = given_from_russian(given) or transliterate(given)
    fam = "-".join(transliterate(p) for p in family.split("-"))
    return f"{g} {fam}" if g else fam
