"""Score extraction records against hand-made gold records (schema ``parley/extraction/v1``).

``evaluate_dirs(GOLD_DIR, PRED_DIR)`` reads every ``NAME.json`` in GOLD_DIR, pairs it with
``PRED_DIR/NAME.json`` and counts *facts*, micro-averaged over all documents:

* a meeting's existence, each of its slots (``start``, ``place``, ``series``, ``ordinal``,
  ``chair``) and each member of its ``states``, ``organizations`` and ``persons``;
* an agreement's existence, its ``kind``, ``signed``, ``valid_from``, ``valid_to`` and each
  member of its ``parties`` and ``signatories``;
* a statement (the speaker and an overlapping quote, as one fact);
* a person's existence and each of their offices (title and state).

Topics of meetings are counted on their own line and are not part of the overall figure.

General rules, which every scorer below follows:

* A gold item marked ``"optional": true`` is neither rewarded nor penalised: a prediction
  paired with it counts nothing, and missing it costs nothing. Required gold meetings take
  their predictions first; optional gold meetings then pair with the predictions left over,
  on looser evidence (``optional_meeting_affinity``).
* Values listed under ``SLOT_optional`` in a gold item (``chair_optional``,
  ``states_optional`` ...) are acceptable alternatives: predicting one of them is neither
  right nor wrong.
* A predicted item that pairs with no gold item counts every fact it asserts as a false
  positive.
* A missing or unreadable prediction file counts as an empty record (every gold fact is a
  false negative); the report lists such files.

The matching rules are those of the project's reference scorer (``shared/tools/score.py``),
down to its corner cases, so that both give the same figures on any input the reference scores:

* a text field that is absent reads as ``""``, but one that is ``null`` reads as the word
  ``none`` (two null meeting names share all their words, two null speakers are one person);
* a set-valued slot holding a string instead of a list reads as its characters.

Where the reference fails (a meeting that is not an object, a prediction that is a JSON
list, an empty or missing directory), this module scores what it can or raises a clear error.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "ALL",
    "CATEGORIES",
    "TOPICS",
    "Counts",
    "DocumentResult",
    "Report",
    "date_matches",
    "evaluate_dirs",
    "format_report",
    "gold_files",
    "load_gold",
    "load_prediction",
    "org_key",
    "pair_items",
    "person_key",
    "same_org",
    "same_person",
    "score_record",
]

Record = Mapping[str, Any]
Same = Callable[[Any, Any], bool]
Affinity = Callable[[Record, Record], float | None]

CATEGORIES: tuple[str, ...] = ("meetings", "agreements", "statements", "people")
"""The categories whose facts make up the overall figure."""
TOPICS = "topics"
"""Meeting topics: reported on their own line, outside the overall figure."""
ALL = "all"
"""The overall figure: the four CATEGORIES summed (topics excluded)."""


# --------------------------------------------------------------------------- counts


@dataclass
class Counts:
    """True positives, false positives and false negatives of one category.

    Precision, recall and F1 are 0.0 when their denominator is zero.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        asserted = self.tp + self.fp
        return self.tp / asserted if asserted else 0.0

    @property
    def recall(self) -> float:
        expected = self.tp + self.fn
        return self.tp / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, int | float]:
        """Counts and rounded ratios, in the shape of the reference scorer's ``--json`` rows."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _sum_counts(parts: Iterable[Counts]) -> Counts:
    total = Counts()
    for part in parts:
        total.add(part.tp, part.fp, part.fn)
    return total


def _new_tallies() -> dict[str, Counts]:
    return {name: Counts() for name in (*CATEGORIES, TOPICS)}


# --------------------------------------------------------------------------- text

STOPWORDS = frozenset(
    {"the", "of", "a", "an", "and", "in", "on", "for", "to", "between", "at", "with", "by", "s"}
)
"""Words ignored when meeting names, agreement titles and office titles are compared."""

_WORD = re.compile(r"[^\W_]+")


def fold(text: object) -> str:
    """Lower case, with accents and other combining marks removed (``Rahmón`` -> ``rahmon``)."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def tokens(text: object) -> list[str]:
    """The folded words of ``text``: runs of letters and digits; punctuation and ``_`` separate words.

    ``None`` reads as ``"None"`` (the word ``none``), as in the reference scorer: callers pass
    ``record.get(key, "")`` so that only an explicit null does so.
    """
    return _WORD.findall(fold(text))


def _content_words(text: object) -> set[str]:
    return set(tokens(text)) - STOPWORDS


def _jaccard(a: set[str], b: set[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def word_overlap(a: object, b: object) -> float:
    """Jaccard overlap of the content words (stopwords removed) of two names or titles."""
    return _jaccard(_content_words(a), _content_words(b))


def same_words(a: object, b: object) -> bool:
    """Equal once case, accents and punctuation are ignored (``Saint-Petersburg`` = ``saint petersburg``)."""
    return tokens(a) == tokens(b)


# --------------------------------------------------------------------------- persons

GIVEN_NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "alexander": ("aleksandr", "alexandr", "aleksander"),
    "alexei": ("alexey", "aleksei", "aleksey", "alexi"),
    "sergei": ("sergey", "sergej"),
    "nikolai": ("nikolay",),
    "andrey": ("andrei", "andrej"),
    "yuri": ("yury", "yuriy", "iurii"),
    "dmitri": ("dmitry", "dmitriy", "dmitrii"),
    "elena": ("yelena", "jelena"),
    "mikhail": ("mihail",),
    "evgeny": ("yevgeny", "evgeniy", "yevgeniy"),
    "grigori": ("grigory", "grigoriy"),
    "anatoli": ("anatoly", "anatoliy"),
    "valeri": ("valery", "valeriy"),
    "vasili": ("vasily", "vasiliy"),
    "georgi": ("georgy", "georgiy"),
    "kasym": ("kassym", "qasym"),
}
"""Transliteration variants of given names, by canonical form.

Only the initial of the canonical form is compared, so the entries that matter are those
whose variants start with another letter (``Yelena`` = ``Elena``, ``Iurii`` = ``Yuri``,
``Qasym`` = ``Kasym``). The table mirrors the reference scorer's, so that both agree;
extend the two together.
"""

_CANONICAL_GIVEN: dict[str, str] = {
    variant: canonical for canonical, variants in GIVEN_NAME_VARIANTS.items() for variant in variants
}

FAMILY_NAME_REWRITES: tuple[tuple[str, str], ...] = (
    ("kh", "h"),
    ("ye", "e"),
    ("yo", "e"),
    ("iy", "y"),
    ("ii", "i"),
    ("ie", "e"),
    ("ks", "x"),
    ("yu", "u"),
    ("ia", "ya"),
    ("j", "y"),
)
"""Spelling differences between transliterations of family names, applied in this order to the
folded family name: ``Zinovieva`` = ``Zinovyeva``, ``Makhmudov`` = ``Mahmudov``, ``Aksyonov`` =
``Axenov``. Anything else must be spelt alike (``Shoygu`` is not ``Shoigu``)."""

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr"})


@dataclass(frozen=True)
class PersonKey:
    """What identifies a person across spellings: the normalised family name (last word) and the
    canonical given name (first word), or ``None`` when only one word is given (``Shoigu``)."""

    family: str
    given: str | None

    def matches(self, other: PersonKey) -> bool:
        """Same family name, and the same initial of the given name unless either lacks one."""
        if self.family != other.family:
            return False
        if self.given is None or other.given is None:
            return True
        return self.given[0] == other.given[0]


def _family_form(word: str) -> str:
    for spelling, replacement in FAMILY_NAME_REWRITES:
        word = word.replace(spelling, replacement)
    return word


def person_key(name: object) -> PersonKey | None:
    """The matching key of a person's name, or ``None`` for a name with no words.

    Honorifics (Mr, Mrs, Ms, Dr) are dropped; the last word is the family name, the first
    word (when there are two or more) the given name; patronymics are ignored.
    """
    words = [w for w in tokens(name) if w not in HONORIFICS]
    if not words:
        return None
    given = _CANONICAL_GIVEN.get(words[0], words[0]) if len(words) > 1 else None
    return PersonKey(_family_form(words[-1]), given)


def same_person(a: object, b: object) -> bool:
    """Two names denote the same person: family names equal across transliterations, and given
    names with the same initial once variants are mapped (``Sergey Shoigu`` = ``Sergei Shoigu``
    = ``S. Shoigu`` = ``Shoigu``; ``Aleksandr Volfovich`` = ``Alexander Volfovich``)."""
    ka, kb = person_key(a), person_key(b)
    return ka is not None and kb is not None and ka.matches(kb)


# --------------------------------------------------------------------------- organisations, states, places

ORGANISATION_NAMES: dict[str, tuple[str, ...]] = {
    "CIS": ("Commonwealth of Independent States", "SNG", "СНГ"),
    "CSTO": ("Collective Security Treaty Organization", "Collective Security Treaty Organisation", "ОДКБ"),
    "SCO": ("Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "ШОС"),
    "EAEU": ("Eurasian Economic Union", "EAU", "EEU"),
    "UN": ("United Nations",),
    "EU": ("European Union",),
    "NATO": ("North Atlantic Treaty Organization",),
    "UNION_STATE": ("Union State",),
    "CIS_ATC": ("CIS Anti-Terrorism Center", "CIS Anti-Terrorist Centre"),
}
"""Other names of the canonical organisation keys (long names, abbreviations, Russian abbreviations).
Keys without other names (``BRICS``, ``OSCE``, ``G7``) match only themselves. Mirrors the
reference scorer's table."""


def _compact(text: object) -> str:
    """Upper case, letters and digits only: ``Union State`` and ``UNION_STATE`` both give ``UNIONSTATE``."""
    return "".join(ch for ch in str(text).upper() if ch.isalnum())


_ORG_BY_COMPACT: dict[str, str] = {
    _compact(name): key for key, names in ORGANISATION_NAMES.items() for name in (key, *names)
}


def org_key(name: object) -> str:
    """The canonical key of an organisation name; any other organisation (or an ISO state code)
    keys on its upper-case letters and digits, so ``Regional Anti-Terrorist Structure`` matches
    ``REGIONAL ANTI-TERRORIST STRUCTURE``."""
    compact = _compact(name)
    return _ORG_BY_COMPACT.get(compact, compact)


def same_org(a: object, b: object) -> bool:
    """Same organisation (canonical key, long name or abbreviation) or same state code."""
    return org_key(a) == org_key(b)


def same_state(a: object, b: object) -> bool:
    """Same ISO 3166-1 alpha-3 code, ignoring case and surrounding spaces."""
    return str(a).strip().upper() == str(b).strip().upper()


def _equal(a: object, b: object) -> bool:
    return a == b


def _same_number(a: object, b: object) -> bool:
    """Ordinals and years: ``13`` = ``"13"``."""
    return str(a) == str(b)


# --------------------------------------------------------------------------- dates


def date_matches(gold: object, pred: object, alternatives: Iterable[object] = ()) -> bool:
    """The predicted date agrees with the gold date or with one of its alternatives.

    * ``pred`` equal to the gold date matches;
    * a more precise ``pred`` inside a gold month or year matches (gold ``2025-10`` accepts
      ``2025-10-15``; gold ``2025`` accepts any date in 2025); a less precise one does not;
    * a gold ``{"between": [lo, hi]}`` accepts any full ``YYYY-MM-DD`` date from lo to hi inclusive;
    * an empty ``pred`` never matches.
    """
    if pred is None or pred == "":
        return False
    predicted = str(pred)
    for candidate in (gold, *alternatives):
        if candidate is None:
            continue
        if isinstance(candidate, Mapping) and "between" in candidate:
            low, high = candidate["between"]
            if len(predicted) == len("YYYY-MM-DD") and low <= predicted <= high:
                return True
            continue
        expected = str(candidate)
        if predicted == expected or (len(predicted) > len(expected) and predicted.startswith(expected)):
            return True
    return False


# --------------------------------------------------------------------------- slots and sets


def _blank(value: object) -> bool:
    """A slot without a value: null, empty string or empty list."""
    return value is None or value == "" or value == []


def _asserted(value: object) -> bool:
    """A slot an unpaired prediction is charged for: anything but null or the empty string
    (an empty list, which no single-valued slot should hold, is charged, as the reference does)."""
    return value is not None and value != ""


def _as_list(value: object) -> list[Any]:
    """A set-valued slot as a list, read as the reference scorer reads it (``list(value or [])``):
    null, an empty value or ``0`` gives [], a string (a malformed prediction) its characters, an
    object its keys. A lone number, which the reference cannot score, gives [value]."""
    if not value:
        return []
    if isinstance(value, Iterable):
        return list(value)
    return [value]


def score_slot(
    counts: Counts, gold: object, pred: object, same: Same, alternatives: Iterable[object] = ()
) -> None:
    """Score one single-valued slot of a paired item.

    gold and pred filled and the same (or pred one of the alternatives): tp; filled and different:
    fp + fn; gold filled, pred empty: fn; gold empty, pred filled: fp, unless pred is one of the
    alternatives; both empty: nothing.
    """
    alternatives = list(alternatives or ())
    if _blank(gold):
        if not _blank(pred) and not any(same(alt, pred) for alt in alternatives):
            counts.add(fp=1)
        return
    if _blank(pred):
        counts.add(fn=1)
    elif same(gold, pred) or any(same(alt, pred) for alt in alternatives):
        counts.add(tp=1)
    else:
        counts.add(fp=1, fn=1)


def score_members(
    counts: Counts, gold: object, pred: object, same: Same, optional: Iterable[object] = ()
) -> None:
    """Score a set-valued slot (states, organisations, persons, parties, offices ...).

    Each gold member takes the first still unused predicted member that is the same: tp, or
    fn if there is none. Each predicted member left over is fp, unless it is the same as one of
    the ``optional`` members.
    """
    gold_members, pred_members = _as_list(gold), _as_list(pred)
    optional = list(optional or ())
    used: set[int] = set()
    for member in gold_members:
        hit = next((i for i, p in enumerate(pred_members) if i not in used and same(member, p)), None)
        if hit is None:
            counts.add(fn=1)
        else:
            used.add(hit)
            counts.add(tp=1)
    for i, p in enumerate(pred_members):
        if i not in used and not any(same(o, p) for o in optional):
            counts.add(fp=1)


# --------------------------------------------------------------------------- pairing


@dataclass(frozen=True)
class Pairing:
    """A one-to-one pairing of gold items with predicted items, by index."""

    gold_to_pred: dict[int, int]
    pred_to_gold: dict[int, int]


def pair_items(golds: Sequence[Record], preds: Sequence[Record], affinity: Affinity) -> Pairing:
    """Pair gold with predicted items greedily, strongest affinity first.

    ``affinity(gold, pred)`` returns a score, or ``None`` when the two cannot be the same item.
    Among equal scores the earlier gold item, then the earlier predicted item, wins. Optional gold
    items take part, so a prediction of an optional item is absorbed rather than counted as wrong.
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            score = affinity(g, p)
            if score is not None:
                candidates.append((score, gi, pi))
    candidates.sort(key=lambda c: -c[0])  # stable: ties keep gold-then-pred order
    gold_to_pred: dict[int, int] = {}
    pred_to_gold: dict[int, int] = {}
    for _, gi, pi in candidates:
        if gi not in gold_to_pred and pi not in pred_to_gold:
            gold_to_pred[gi] = pi
            pred_to_gold[pi] = gi
    return Pairing(gold_to_pred, pred_to_gold)


def pair_required_first(
    golds: Sequence[Record], preds: Sequence[Record], affinity: Affinity, optional_affinity: Affinity
) -> Pairing:
    """Pair the required gold items first (``pair_items`` with ``affinity``), then the optional
    ones with the predictions left over (``pair_items`` with ``optional_affinity``), so that an
    optional item never takes the prediction of a required one."""
    required = [gi for gi, g in enumerate(golds) if not g.get("optional")]
    optional = [gi for gi, g in enumerate(golds) if g.get("optional")]
    first = pair_items([golds[gi] for gi in required], preds, affinity)
    gold_to_pred = {required[k]: pi for k, pi in first.gold_to_pred.items()}
    pred_to_gold = {pi: required[k] for pi, k in first.pred_to_gold.items()}
    rest = [pi for pi in range(len(preds)) if pi not in pred_to_gold]
    second = pair_items([golds[gi] for gi in optional], [preds[pi] for pi in rest], optional_affinity)
    for k, j in second.gold_to_pred.items():
        gold_to_pred[optional[k]] = rest[j]
        pred_to_gold[rest[j]] = optional[k]
    return Pairing(gold_to_pred, pred_to_gold)


def _count_shared_people(gold_names: Sequence[Any], pred_names: Sequence[Any]) -> int:
    """How many gold names have a same-person match among the predicted names."""
    return sum(1 for g in gold_names if any(same_person(g, p) for p in pred_names))


@dataclass(frozen=True)
class MeetingEvidence:
    """What a predicted meeting shares with a gold one (the reference scorer's ``meeting_features``).

    ``date``: the start agrees (``date_matches``, with ``start_optional``); ``place``, ``series``:
    both filled and the same; ``name``: word overlap of the names; ``shared``: gold participants
    named in the prediction, ``share`` their fraction of the gold participants; ``ordinal``: gold
    ordinal set and equal; ``country``: both filled and the same; ``status``: equal (``held`` when
    absent); ``talks``: both bilateral, all the (two or more) gold participants named, and at most
    one more (talks reported without a year).
    """

    date: bool
    place: bool
    series: bool
    name: float
    shared: int
    share: float
    ordinal: bool
    country: bool
    status: bool
    talks: bool


def meeting_evidence(g: Record, p: Record) -> MeetingEvidence:
    """The evidence that a predicted meeting ``p`` is the gold meeting ``g``."""
    gold_people, pred_people = _as_list(g.get("persons")), _as_list(p.get("persons"))
    shared = _count_shared_people(gold_people, pred_people)
    return MeetingEvidence(
        date=date_matches(g.get("start"), p.get("start"), g.get("start_optional") or ()),
        place=bool(g.get("place") and p.get("place") and same_words(g["place"], p["place"])),
        series=bool(g.get("series") and p.get("series") and g["series"] == p["series"]),
        name=word_overlap(g.get("name", ""), p.get("name", "")),
        shared=shared,
        share=shared / max(len(gold_people), 1),
        ordinal=g.get("ordinal") is not None and _same_number(g.get("ordinal"), p.get("ordinal")),
        country=bool(g.get("country") and p.get("country") and same_state(g["country"], p["country"])),
        status=g.get("status", "held") == p.get("status", "held"),
        talks=(
            g.get("format") == "bilateral"
            and p.get("format") == "bilateral"
            and len(gold_people) >= 2
            and shared == len(gold_people)
            and len(pred_people) <= len(gold_people) + 1
        ),
    )


def meeting_affinity(g: Record, p: Record) -> float | None:
    """How strongly a predicted meeting resembles a gold one, or ``None`` if they cannot pair
    (evidence: ``meeting_evidence``). They pair when
      * the date agrees and so does the place, the series, a third of the name, or a participant;
      * or the series agrees and so does the place, the ordinal, or country and status
        (a planned meeting announced with neither date nor city);
      * or half the name agrees and so does the place or the date;
      * or both are bilateral talks with the same named participants (``talks``).
    Score: 2*date + 2*series + place + ordinal + name overlap + participant share + 0.5*country.
    """
    e = meeting_evidence(g, p)
    compatible = (
        (e.date and (e.place or e.series or e.name >= 0.3 or e.shared > 0))
        or (e.series and (e.place or e.ordinal or (e.country and e.status)))
        or (e.name >= 0.5 and (e.place or e.date))
        or e.talks
    )
    if not compatible:
        return None
    return 2 * e.date + 2 * e.series + e.place + e.ordinal + e.name + e.share + 0.5 * e.country


def optional_meeting_affinity(g: Record, p: Record) -> float | None:
    """The affinity of an optional gold meeting for a prediction left over by the required ones.

    An optional meeting often lacks the date, place or series that pair a required one, and a
    prediction of it is neither right nor wrong; so besides ``meeting_affinity`` it pairs on a
    shared participant, a third of the name, or country and status.
    Score: ``meeting_affinity``'s, else name overlap + participant share + 0.5*country.
    """
    score = meeting_affinity(g, p)
    if score is not None:
        return score
    e = meeting_evidence(g, p)
    if e.shared or e.name >= 0.3 or (e.country and e.status):
        return e.name + e.share + 0.5 * e.country
    return None


def agreement_affinity(g: Record, p: Record) -> float | None:
    """How strongly a predicted agreement resembles a gold one, or ``None`` if they cannot pair.

    They pair when the titles share 30% of their words; or the period (valid_from and valid_to,
    gold valid_from set) agrees and a party is shared; or the kind agrees, half the gold parties
    are named and the signing date agrees.
    Score: title overlap + share of gold parties named + period + 0.5*kind.
    """
    title = word_overlap(g.get("title", ""), p.get("title", ""))
    gold_parties, pred_parties = _as_list(g.get("parties")), _as_list(p.get("parties"))
    named = sum(1 for a in gold_parties if any(same_org(a, b) for b in pred_parties))
    party = named / max(len(gold_parties), 1)
    period = bool(
        g.get("valid_from")
        and g.get("valid_from") == p.get("valid_from")
        and g.get("valid_to") == p.get("valid_to")
    )
    kind = bool(g.get("kind") and g.get("kind") == p.get("kind"))
    compatible = (
        title >= 0.3
        or (period and party > 0)
        or (kind and party >= 0.5 and date_matches(g.get("signed"), p.get("signed")))
    )
    if not compatible:
        return None
    return title + party + period + 0.5 * kind


def quote_overlap(gold_quote: object, pred_quote: object) -> tuple[float, float]:
    """(shared words / words of the shorter quote, shared words / words of the predicted quote)."""
    a, b = set(tokens(gold_quote)), set(tokens(pred_quote))
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared / len(b)


QUOTE_PAIRING = 0.6
"""Statements pair when the speaker is the same person and 60% of the shorter quote's words are shared."""
QUOTE_PIECE = 0.8
"""An unpaired predicted quote is a piece of a gold quote when 80% of its words are in it."""


def statement_affinity(g: Record, p: Record) -> float | None:
    """Same speaker (``same_person``) and quotes overlapping by at least QUOTE_PAIRING; score: the overlap."""
    if not isinstance(p, Mapping) or not same_person(g.get("speaker", ""), p.get("speaker", "")):
        return None
    overlap, _ = quote_overlap(g.get("quote", ""), p.get("quote", ""))
    return overlap if overlap >= QUOTE_PAIRING else None


def _is_piece_of_gold_quote(p: Record, golds: Sequence[Record]) -> bool:
    """Any gold quote (paired or not, optional or not) of the same speaker holds QUOTE_PIECE of p's words."""
    return isinstance(p, Mapping) and any(
        same_person(g.get("speaker", ""), p.get("speaker", ""))
        and quote_overlap(g.get("quote", ""), p.get("quote", ""))[1] >= QUOTE_PIECE
        for g in golds
    )


def _names_of(person: Record) -> list[Any]:
    return [person.get("name", ""), *_as_list(person.get("aliases"))]


def person_affinity(g: Record, p: Record) -> float | None:
    """1.0 when any name or alias of the gold person is the same person as any of the prediction's."""
    return 1.0 if any(same_person(a, b) for a in _names_of(g) for b in _names_of(p)) else None


def same_office(g: Record, p: Record) -> bool:
    """Office titles share half their content words, and the states are equal (both may be null)."""
    gold_state = str(g.get("state") or "").upper()
    pred_state = str(p.get("state") or "").upper()
    return word_overlap(g.get("title", ""), p.get("title", "")) >= 0.5 and gold_state == pred_state


# --------------------------------------------------------------------------- category scorers

MEETING_SLOTS: tuple[tuple[str, Same], ...] = (
    ("start", date_matches),
    ("place", same_words),
    ("series", _equal),
    ("ordinal", _same_number),
    ("chair", same_person),
)
MEETING_SETS: tuple[tuple[str, Same], ...] = (
    ("states", same_state),
    ("organizations", same_org),
    ("persons", same_person),
)
AGREEMENT_SLOTS: tuple[tuple[str, Same], ...] = (
    ("kind", _equal),
    ("signed", date_matches),
    ("valid_from", _same_number),
    ("valid_to", _same_number),
)
AGREEMENT_SETS: tuple[tuple[str, Same], ...] = (
    ("parties", same_org),
    ("signatories", same_person),
)


def _items(record: Record, key: str) -> list[Record]:
    """The items of a category; a predicted list may be null or hold non-objects (ignored: the
    reference scorer fails on them)."""
    return [item for item in _as_list(record.get(key)) if isinstance(item, Mapping)]


def _score_structured(
    golds: Sequence[Record],
    preds: Sequence[Record],
    pairing: Pairing,
    slots: Sequence[tuple[str, Same]],
    sets: Sequence[tuple[str, Same]],
    counts: Counts,
    topics: Counts | None = None,
    set_alternatives: bool = True,
) -> None:
    """Meetings and agreements: existence, slots and set members of each non-optional gold item
    against its paired prediction (an unpaired gold item is compared with an empty one); each
    unpaired prediction costs one fp for its existence plus one per filled slot and set member.

    ``SLOT_optional`` alternatives apply to every slot, and to the sets only when
    ``set_alternatives`` (the reference scorer reads ``states_optional`` and the like for
    meetings, but no ``parties_optional`` or ``signatories_optional`` for agreements)."""
    for gi, g in enumerate(golds):
        if g.get("optional"):
            continue
        pi = pairing.gold_to_pred.get(gi)
        p: Record = preds[pi] if pi is not None else {}
        if pi is None:
            counts.add(fn=1)
        else:
            counts.add(tp=1)
        for slot, same in slots:
            score_slot(counts, g.get(slot), p.get(slot), same, g.get(f"{slot}_optional") or ())
        for slot, same in sets:
            alternatives = (g.get(f"{slot}_optional") or ()) if set_alternatives else ()
            score_members(counts, g.get(slot), p.get(slot), same, alternatives)
        if topics is not None and "topics" in g:  # a gold meeting without the field was not annotated
            score_members(topics, g.get("topics"), p.get("topics"), _equal)
    for pi, p in enumerate(preds):
        if pi in pairing.pred_to_gold:
            continue
        filled = sum(1 for slot, _ in slots if _asserted(p.get(slot)))
        members = sum(len(_as_list(p.get(slot))) for slot, _ in sets)
        counts.add(fp=1 + filled + members)


def score_meetings(gold: Record, pred: Record, counts: Counts, topics: Counts) -> None:
    """Meetings: the required gold meetings pair first, by ``meeting_affinity``; the optional ones
    then pair with the predictions left over, by ``optional_meeting_affinity``. Topics of gold
    meetings that carry a ``topics`` field go to ``topics`` (unpaired predicted meetings are not
    charged for their topics)."""
    golds, preds = _items(gold, "meetings"), _items(pred, "meetings")
    _score_structured(
        golds,
        preds,
        pair_required_first(golds, preds, meeting_affinity, optional_meeting_affinity),
        MEETING_SLOTS,
        MEETING_SETS,
        counts,
        topics,
    )


def score_agreements(gold: Record, pred: Record, counts: Counts) -> None:
    """Agreements, paired by ``agreement_affinity`` (optional gold agreements pair alongside the
    required ones); parties and signatories have no optional alternatives."""
    golds, preds = _items(gold, "agreements"), _items(pred, "agreements")
    _score_structured(
        golds,
        preds,
        pair_items(golds, preds, agreement_affinity),
        AGREEMENT_SLOTS,
        AGREEMENT_SETS,
        counts,
        set_alternatives=False,
    )


def score_statements(gold: Record, pred: Record, counts: Counts) -> None:
    """Statements, one fact each, paired by ``statement_affinity``.

    An unpaired prediction is fp unless it is a piece of some gold quote of the same speaker
    (a quote split in parts, a repeat, or an optional quote): such pieces are neither right nor wrong.
    A predicted statement that is not an object pairs with nothing and is fp.
    """
    golds, preds = _items(gold, "statements"), _as_list(pred.get("statements"))
    pairing = pair_items(golds, preds, statement_affinity)
    for gi, g in enumerate(golds):
        if g.get("optional"):
            continue
        if gi in pairing.gold_to_pred:
            counts.add(tp=1)
        else:
            counts.add(fn=1)
    for pi, p in enumerate(preds):
        if pi not in pairing.pred_to_gold and not _is_piece_of_gold_quote(p, golds):
            counts.add(fp=1)


def score_people(gold: Record, pred: Record, counts: Counts) -> None:
    """People, paired by ``person_affinity`` (names and aliases); each gold office is matched by
    ``same_office``; optional gold offices absorb predicted ones. An unpaired prediction costs one
    fp plus one per office."""
    golds, preds = _items(gold, "people"), _items(pred, "people")
    pairing = pair_items(golds, preds, person_affinity)
    for gi, g in enumerate(golds):
        if g.get("optional"):
            continue
        pi = pairing.gold_to_pred.get(gi)
        if pi is None:
            counts.add(fn=1)
        else:
            counts.add(tp=1)
        offices = [o for o in _as_list(g.get("offices")) if isinstance(o, Mapping)]
        required = [o for o in offices if not o.get("optional")]
        optional = [o for o in offices if o.get("optional")]
        pred_offices = _as_list(preds[pi].get("offices")) if pi is not None else []
        score_members(counts, required, pred_offices, _office_same, optional)
    for pi, p in enumerate(preds):
        if pi not in pairing.pred_to_gold:
            counts.add(fp=1 + len(_as_list(p.get("offices"))))


def _office_same(g: Any, p: Any) -> bool:
    return isinstance(p, Mapping) and same_office(g, p)


def score_record(gold: Record, pred: Record) -> dict[str, Counts]:
    """Counts of one document, by category (CATEGORIES and TOPICS)."""
    tallies = _new_tallies()
    score_meetings(gold, pred, tallies["meetings"], tallies[TOPICS])
    score_agreements(gold, pred, tallies["agreements"])
    score_statements(gold, pred, tallies["statements"])
    score_people(gold, pred, tallies["people"])
    return tallies


# --------------------------------------------------------------------------- directories and reports

PREDICTION_OK = "ok"
PREDICTION_MISSING = "missing"
PREDICTION_UNREADABLE = "unreadable"


@dataclass
class DocumentResult:
    """The counts of one gold document, and what became of its prediction file
    (``ok``, ``missing`` or ``unreadable``: the last two are scored as empty records)."""

    name: str
    counts: dict[str, Counts]
    prediction: str = PREDICTION_OK

    @property
    def overall(self) -> Counts:
        return _sum_counts(self.counts[c] for c in CATEGORIES)

    def to_dict(self) -> dict[str, Any]:
        rows: dict[str, Any] = {c: self.counts[c].to_dict() for c in (*CATEGORIES, TOPICS)}
        rows[ALL] = self.overall.to_dict()
        rows["prediction"] = self.prediction
        return rows


@dataclass
class Report:
    """Micro-averaged counts over a set of documents, with the per-document results."""

    totals: dict[str, Counts] = field(default_factory=_new_tallies)
    documents: list[DocumentResult] = field(default_factory=list)

    @property
    def overall(self) -> Counts:
        """The four CATEGORIES summed; topics are not included."""
        return _sum_counts(self.totals[c] for c in CATEGORIES)

    def row(self, name: str) -> Counts:
        """Counts of a category, of TOPICS, or of ALL."""
        return self.overall if name == ALL else self.totals[name]

    def problems(self, status: str) -> list[str]:
        """Names of the documents whose prediction had the given status (``missing``, ``unreadable``)."""
        return [d.name for d in self.documents if d.prediction == status]

    def to_dict(self, by_doc: bool = True) -> dict[str, Any]:
        """The figures in the shape of the reference scorer's ``--json`` output (one row per
        category, topics and ``all``), plus ``documents`` (when ``by_doc``), ``missing`` and
        ``unreadable`` (names of prediction files scored as empty)."""
        result: dict[str, Any] = {name: self.row(name).to_dict() for name in (*CATEGORIES, TOPICS, ALL)}
        if by_doc:
            result["documents"] = {d.name: d.to_dict() for d in self.documents}
        result["missing"] = self.problems(PREDICTION_MISSING)
        result["unreadable"] = self.problems(PREDICTION_UNREADABLE)
        return result


def gold_files(gold_dir: str | Path) -> list[Path]:
    """The gold records of a directory (``*.json``, sorted by name).

    Raises FileNotFoundError if the directory does not exist, NotADirectoryError if it is a file,
    and ValueError if it holds no ``.json`` file.
    """
    path = Path(gold_dir)
    if not path.exists():
        raise FileNotFoundError(f"gold directory not found: {path}")
    if not path.is_dir():
        raise NotADirectoryError(f"gold path is not a directory: {path}")
    files = sorted(path.glob("*.json"))
    if not files:
        raise ValueError(f"gold directory holds no .json files: {path}")
    return files


def load_gold(path: Path) -> dict[str, Any]:
    """A gold record; raises ValueError naming the file when it is not a JSON object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{path}: unreadable gold record: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a gold record must be a JSON object")
    return data


def load_prediction(path: Path) -> tuple[dict[str, Any], str]:
    """The predicted record at ``path`` and its status; a missing file, a file that is not valid
    UTF-8 JSON, or JSON that is not an object, gives an empty record."""
    if not path.is_file():
        return {}, PREDICTION_MISSING
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:  # JSONDecodeError and UnicodeDecodeError
        return {}, PREDICTION_UNREADABLE
    if not isinstance(data, dict):
        return {}, PREDICTION_UNREADABLE
    return data, PREDICTION_OK


def evaluate_dirs(gold_dir: str | Path, pred_dir: str | Path) -> Report:
    """Score every ``GOLD_DIR/NAME.json`` against ``PRED_DIR/NAME.json``.

    Prediction files without a gold counterpart are ignored; a missing or unreadable prediction
    is scored as an empty record and listed in the report. Raises FileNotFoundError /
    NotADirectoryError / ValueError (see ``gold_files``, ``load_gold``) for an unusable GOLD_DIR, and
    FileNotFoundError when PRED_DIR does not exist (a mistyped path would otherwise score 0).
    """
    files = gold_files(gold_dir)
    predictions = Path(pred_dir)
    if not predictions.is_dir():
        raise FileNotFoundError(f"prediction directory not found: {predictions}")
    report = Report()
    for gold_path in files:
        gold = load_gold(gold_path)
        pred, status = load_prediction(predictions / gold_path.name)
        counts = score_record(gold, pred)
        for name, part in counts.items():
            report.totals[name] = report.totals[name] + part
        report.documents.append(DocumentResult(gold_path.stem, counts, status))
    return report


def _f1_cell(counts: Counts) -> str:
    """F1 in a 12-wide column; ``-`` when the category has no fact on either side."""
    if counts.tp == counts.fp == counts.fn == 0:
        return f"{'-':>12}"
    return f"{counts.f1:12.3f}"


def format_report(report: Report, by_doc: bool = False) -> str:
    """A plain-text table: P, R, F1, tp, fp, fn per category, topics and all; per-document F1
    when ``by_doc`` (``-`` where a document has nothing to score); a note on missing or unreadable predictions; and the overall F1."""
    lines = [f"{'':12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name in (*CATEGORIES, TOPICS, ALL):
        c = report.row(name)
        lines.append(f"{name:12}{_ratio(c.precision, c.tp + c.fp):>7}{_ratio(c.recall, c.tp + c.fn):>7}"
                     f"{_ratio(c.f1, c.tp + c.fp + c.fn):>7}{c.tp:6}{c.fp:6}{c.fn:6}")
    if by_doc:
        lines.append("")
        lines.append(f"{'F1 by doc':12}" + "".join(f"{name[:10]:>12}" for name in (*CATEGORIES, ALL)))
        for doc in report.documents:
            cells = [doc.counts[name] for name in CATEGORIES] + [doc.overall]
            flag = "" if doc.prediction == PREDICTION_OK else f"  ({doc.prediction})"
            lines.append(f"{doc.name:12}" + "".join(_f1_cell(c) for c in cells) + flag)
    for status in (PREDICTION_MISSING, PREDICTION_UNREADABLE):
        names = report.problems(status)
        if names:
            lines.append(f"{status} predictions, scored as empty: {', '.join(names)}")
    o = report.overall
    lines.append(f"overall F1 {_ratio(o.f1, o.tp + o.fp + o.fn)}")
    return "\n".join(lines)


def _ratio(value: float, denominator: int) -> str:
    """A ratio to three places; "n/a" when it is 0/0 (nothing asserted for precision, nothing
    expected for recall, neither for F1): no score, which 0.000 would claim was the worst."""
    return f"{value:.3f}" if denominator else "n/a"
