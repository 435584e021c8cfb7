"""Chinese names written in Russian (the Palladius system: "Цао Цзяньмин", "Ван И", "Вэй Фэнхэ") back in
pinyin, as English-language media write them ("Cao Jianming", "Wang Yi", "Wei Fenghe"): Russian letters
transliterated letter by letter would give "Tsao Tszyanmin", which no English report writes.

The Palladius spelling of every pinyin syllable is built from the system's rules (initials, finals and
their spellings without an initial), then read backwards: a Russian word that splits wholly into
Palladius syllables is a Chinese name's word. Only a name whose first word is a common Chinese family
name is read so; any other name is transliterated as before.
"""

from __future__ import annotations

import re
from functools import cache

# pinyin initial -> Palladius
_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х",
    "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}
# pinyin final after an initial -> Palladius
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь",
    "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай",
    "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань", "vn": "юнь",
}
# Syllables with no initial.
_BARE = {
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй", "en": "энь", "eng": "эн",
    "er": "эр", "o": "о", "ou": "оу", "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь",
    "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
    "weng": "вэн",
}
_I_FINALS = {"i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong"}
_V_FINALS = {"v", "ve", "van", "vn"}
_U_FINALS = {"u", "ua", "uo", "uai", "ui", "uan", "un", "uang"}

# Common Chinese family names in Palladius spelling: a name is read as Chinese only when it starts with one.
FAMILY_NAMES = frozenset(["ван", "ли", "чжан", "лю", "чэнь", "ян", "хуан", "чжао", "у", "чжоу", "сюй", "сунь", "ма", "чжу", "ху", "го", "хэ", "гао", "линь", "ло", "чжэн", "лян", "се", "сун", "тан", "хань", "фэн", "дэн", "цао", "пэн", "цзэн", "сяо", "тянь", "дун", "пань", "юань", "цай", "цзян", "юй", "ду", "е", "чэн", "вэй", "су", "люй", "дин", "жэнь", "шэнь", "яо", "лу", "цуй", "чжун", "тань", "фань", "цзинь", "ши", "ляо", "цзя", "ся", "фу", "фан", "бай", "цзоу", "мэн", "сюн", "цинь", "цю", "инь", "сюэ", "янь", "дуань", "лэй", "хоу", "лун", "тао", "гу", "мао", "хао", "гун", "шао", "вань", "цянь", "кун", "сян", "чан", "ци", "ань", "ни", "ню", "мо", "дай", "вэнь", "чай", "лань", "нин", "ай", "гуань", "ю", "чу", "цзи", "цзюй", "сы", "бао", "кан", "ша", "си", "куй", "мэй", "бо"])


def _allowed(initial: str, final: str) -> bool:
    """Whether pinyin has this initial with this final (the spelling constraints of pinyin)."""
    if final == "o":
        return initial in ("b", "p", "m", "f")  # "guo", "luo", not "go": Palladius writes both "го"
    if final == "uo" and initial in ("b", "p", "m", "f"):
        return False
    if initial in ("j", "q", "x"):
        return final in _I_FINALS or final in _V_FINALS
    if final in _V_FINALS:
        return initial in ("n", "l") and final in ("v", "ve")
    if initial in ("z", "c", "s", "zh", "ch", "sh", "r"):
        return final not in _I_FINALS or final == "i"
    if initial in ("g", "k", "h"):
        return final not in _I_FINALS
    if initial == "f":
        return final not in _I_FINALS and final not in ("o", "ong", "uo", "ui", "un", "uan", "uang", "ua", "uai")
    if initial in ("b", "p", "m"):
        return final not in _U_FINALS or final == "u"
    return True


@cache
def _table() -> dict[str, str]:
    """Palladius syllable -> pinyin syllable."""
    out: dict[str, str] = {}
    for pinyin, ru in _BARE.items():
        out.setdefault(ru, pinyin)
    for initial, ru_initial in _INITIALS.items():
        for final, ru_final in _FINALS.items():
            if not _allowed(initial, final):
                continue
            ru = ru_initial + ru_final
            if initial in ("z", "c", "s") and final == "i":
                ru = ru_initial + "ы"  # zi, ci, si
            elif final in ("v", "ve") and initial in ("j", "q", "x"):
                ru = ru_initial + {"v": "юй", "ve": "юэ"}[final]
            pinyin = initial + final.replace("v", "u" if initial in ("j", "q", "x") else "ü")
            out.setdefault(ru, pinyin)
    out["хуэй"] = "hui"  # how Russian writes hui
    return out


def _syllables(word: str) -> list[str] | None:
    """``word`` (lower case) as Palladius syllables, the fewest that make it up; None when it is no such word."""
    table = _table()
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(min(n, i + 6), i, -1):
            piece = word[i:j]
            if piece in table and (best[j] is None or len(best[j]) > len(best[i]) + 1):
                best[j] = [*best[i], table[piece]]
    return best[n]


_ENDINGS = ("ом", "ем", "ым", "ой", "ою", "у", "ю", "а", "я", "е")


def pinyin_word(word: str) -> str | None:
    """A Russian-written Chinese name's word in pinyin ("Цзяньмин" -> "Jianming"), also in an oblique case
    ("Цзяньмином"); None when it is not one."""
    low = word.lower().replace("ё", "е")
    if not re.fullmatch(r"[а-я-]+", low):
        return None
    for form in (low, *(low[: -len(e)] for e in _ENDINGS if low.endswith(e) and len(low) > len(e) + 1)):
        parts = [_syllables(p) for p in form.split("-")]
        if all(parts):
            syll = [s for p in parts for s in p]  # type: ignore[union-attr]
            if len(syll) <= 3:
                return "".join(syll).capitalize()
    return None


def chinese_name(words: list[str]) -> str | None:
    """A Russian-written Chinese name ("Цао Цзяньмин", "Ван И") in pinyin, family name first as written;
    None unless its first word is a common Chinese family name and every word reads as Palladius."""
    if not 2 <= len(words) <= 3 or words[0].lower().replace("ё", "е") not in FAMILY_NAMES:
        return None
    out = [pinyin_word(w) for w in words]
    return " ".join(out) if all(out) else None  # type: ignore[arg-type]


@cache
def pinyin_family_names() -> frozenset[str]:
    """The family names of FAMILY_NAMES in pinyin ("wang", "li"): a two-word name that starts with one
    is written family name first."""
    return frozenset(w.lower() for w in (pinyin_word(f) for f in FAMILY_NAMES) if w)
