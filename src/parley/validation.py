"""The one check of what enters the knowledge base: extraction records and corrected values.

Every way in uses it: ``parley ingest`` (records and extracted documents), ``POST /api/ingest``
and ``parley fix`` / the corrections API. A record is checked against the schema's types
(``parley/extraction/v1``), with dates that exist, ordinals 1-999, and bounded lists and
strings; an invalid record is refused with the field and the reason (``meetings[2].start:
2025-13-45 is not a date that exists``) and the rest of a batch goes on. Without these bounds
one record can wedge consolidation (evidence as a string), make keys nobody can type
(ordinal -5) or take a minute to consolidate (100,000 states).

What is normalised rather than refused: a lone surrogate (a JSON ``"\\ud800"`` escape) or a NUL
in any string, which no database can store, becomes U+FFFD, one character for one, so offsets
hold.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from parley.errors import Invalid

SCHEMA = "parley/extraction/v1"  # the record this validates (../shared/schema/extraction-v1.md)
MAX_ITEMS = 5_000  # meetings, agreements, statements or people in one record
MAX_LIST = 500  # states, persons, parties, aliases ... of one item
MAX_SPANS = 10_000  # evidence spans of one item
MAX_OFFSET = 10**9
SHORT, LONG, TEXT = 500, 5_000, 100_000  # string lengths: names and keys, titles, quotations
YEARS = (1800, 2199)
ORDINALS = (1, 999)

FORMATS = ("multilateral", "bilateral")
STATUSES = ("held", "planned")
AGREEMENT_KINDS = ("treaty", "agreement", "plan", "program", "memorandum", "declaration", "convention", "other")

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ALPHA3 = re.compile(r"[A-Z]{3}")
# Characters no store can hold: lone surrogates (a JSON "\ud800" escape decodes to one; no
# encoding writes them) and NUL (PostgreSQL's text refuses it).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Document ids appear in fact keys (DOC:KIND:N) and URLs; Parley uses the sha256 of the raw bytes.
_DOC_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")



# --------------------------------------------------------------------------- single values


def replace_unstorable(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate and NUL replaced by U+FFFD (one for one: offsets hold),
    and how many were replaced."""
    return _UNSTORABLE.subn("\ufffd", text) if _UNSTORABLE.search(text) else (text, 0)


def unstorable_note(count: int) -> str:
    return (f"{count} character{'s' if count > 1 else ''} no store can hold (a lone surrogate, as from a \\ud800 "
            "escape, or NUL) replaced with U+FFFD")


def scrub(text: str) -> str:
    return replace_unstorable(text)[0]


def _string(value: Any, where: str, limit: int, *, blank: bool = True) -> str:
    if not isinstance(value, str):
        raise Invalid(where, f"takes a string, not {_describe(value)}")
    if len(value) > limit:
        raise Invalid(where, f"is {len(value):,} characters long; at most {limit:,}")
    if not blank and not value.strip():
        raise Invalid(where, "is empty")
    return scrub(value)


def _integer(value: Any, where: str, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(where, f"takes a whole number ({what} {low}-{high}), not {_describe(value)}")
    if not low <= value <= high:
        raise Invalid(where, f"{_short(value)} is out of range: {what} runs from {low} to {high}")
    return value


def check_date(value: Any, where: str = "date") -> str:
    """An ISO date, ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, that exists, in years 1800-2199."""
    if not isinstance(value, str):
        raise Invalid(where, f"takes an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not {_describe(value)}")
    text = value.strip()
    if not _ISO_DATE.fullmatch(text):
        raise Invalid(where, f"takes an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not {_short(value)}")
    parts = [int(p) for p in text.split("-")]
    if not YEARS[0] <= parts[0] <= YEARS[1]:
        raise Invalid(where, f"{text} is out of range: years run from {YEARS[0]} to {YEARS[1]}")
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise Invalid(where, f"{text} is not a date that exists") from None
    return text


def check_ordinal(value: Any, where: str = "ordinal") -> int:
    return _integer(value, where, *ORDINALS, "an ordinal")


def check_year(value: Any, where: str = "year") -> int:
    return _integer(value, where, *YEARS, "a year")


def check_state(value: Any, where: str = "state") -> str:
    if not isinstance(value, str) or not _ALPHA3.fullmatch(value):
        raise Invalid(where, f"takes an ISO 3166-1 alpha-3 code (RUS, BLR ...), not {_short(value)}")
    return value


def _choice(options: tuple[str, ...]) -> Callable[[Any, str], str]:
    def check(value: Any, where: str) -> str:
        if value not in options:
            raise Invalid(where, f"is one of {', '.join(options)}, not {_short(value)}")
        return value

    return check


def _text(limit: int, *, blank: bool = True) -> Callable[[Any, str], str]:
    return lambda value, where: _string(value, where, limit, blank=blank)


def _list_of(item: Callable[[Any, str], Any], limit: int = MAX_LIST) -> Callable[[Any, str], list[Any]]:
    def check(value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise Invalid(where, f"takes a list, not {_describe(value)}")
        if len(value) > limit:
            raise Invalid(where, f"has {len(value):,} values; at most {limit:,}")
        out: list[Any] = []
        for i, v in enumerate(value):
            v = item(v, f"{where}[{i}]")
            if v not in out:  # a repeated value says nothing more
                out.append(v)
        return out

    return check


def _optional(check: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    return lambda value, where: None if value is None else check(value, where)


def _confidence(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not 0 <= value <= 1:
        raise Invalid(where, f"takes a number from 0 to 1, not {_short(value)}")
    return value


def _span(value: Any, where: str) -> list[int]:
    if (not isinstance(value, list | tuple) or len(value) != 2
            or any(isinstance(x, bool) or not isinstance(x, int) for x in value)):
        raise Invalid(where, f"takes a [start, end] pair of character offsets, not {_short(value)}")
    start, end = value
    if not 0 <= start <= end <= MAX_OFFSET:
        raise Invalid(where, f"[{start}, {end}] is not a span: 0 <= start <= end <= {MAX_OFFSET:,}")
    return [start, end]


_spans = _list_of(_span, MAX_SPANS)


def _support(value: Any, where: str) -> dict[str, Any]:
    """Per slot: spans, or per value of a list slot, spans."""
    if not isinstance(value, dict):
        raise Invalid(where, f"takes an object of slots, not {_describe(value)}")
    if len(value) > 100:
        raise Invalid(where, f"has {len(value):,} slots; at most 100")
    out: dict[str, Any] = {}
    for slot, spans in value.items():
        at = f"{where}.{slot}"
        if isinstance(spans, dict):
            if len(spans) > MAX_LIST:
                raise Invalid(at, f"has {len(spans):,} values; at most {MAX_LIST:,}")
            out[scrub(slot)] = {scrub(str(k)): _spans(v, f"{at}.{k}") for k, v in spans.items()}
        else:
            out[scrub(slot)] = _spans(spans, at)
    return out


def _index(value: Any, where: str) -> int:
    return _integer(value, where, 0, MAX_ITEMS - 1, "an index")


def _office(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(where, f"takes an object with a title, not {_describe(value)}")
    return _fields(value, where, _OFFICE)


_name, _key, _title = _text(SHORT), _text(SHORT), _text(LONG)
_names = _list_of(_name)
_COMMON: dict[str, Callable[[Any, str], Any]] = {
    "evidence": _spans, "confidence": _confidence, "support": _support,
}
_OFFICE: dict[str, Callable[[Any, str], Any]] = {
    "title": _text(SHORT), "state": _optional(check_state), "organization": _optional(_key),
}
ITEM_FIELDS: dict[str, dict[str, Callable[[Any, str], Any]]] = {
    "meetings": {
        "name": _optional(_title), "format": _optional(_choice(FORMATS)), "series": _optional(_key),
        "ordinal": _optional(check_ordinal), "start": _optional(check_date), "end": _optional(check_date),
        "place": _optional(_name), "country": _optional(check_state), "chair": _optional(_name),
        "states": _list_of(check_state), "organizations": _list_of(_key), "persons": _names,
        "status": _optional(_choice(STATUSES)), "topics": _list_of(_key), "part_of": _optional(_index),
        "body": _optional(_title), **_COMMON,
    },
    "agreements": {
        "title": _optional(_title), "title_en": _optional(_title), "kind": _optional(_choice(AGREEMENT_KINDS)),
        "parties": _list_of(_key), "signatories": _names, "signed": _optional(check_date),
        "valid_from": _optional(check_year), "valid_to": _optional(check_year), "meeting": _optional(_index),
        **_COMMON,
    },
    "statements": {
        "speaker": _optional(_name), "quote": _optional(_text(TEXT)), "meeting": _optional(_index), **_COMMON,
    },
    "people": {
        "name": _text(SHORT, blank=False), "aliases": _names, "offices": _list_of(_office), **_COMMON,
    },
}
def _document_id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _DOC_ID.fullmatch(value):
        raise Invalid(where, f"{_short(value)} is not a document id: 1-64 letters, digits, '.', '_' or '-' "
                             "(Parley uses the sha256 of the raw bytes)")
    return value


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise Invalid(where, f"{_short(value)} is not true or false")
    return value


def _sha256(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _SHA256.fullmatch(value):
        raise Invalid(where, f"{_short(value)} is not a sha256: 64 lowercase hexadecimal digits")
    return value


_SHA256 = re.compile(r"[0-9a-f]{64}")


DOCUMENT_FIELDS: dict[str, Callable[[Any, str], Any]] = {
    "id": _document_id, "name": _optional(_text(SHORT)), "title": _optional(_title),
    "published": _optional(check_date), "language": _optional(_text(16)), "source": _optional(_name),
    "url": _optional(_text(2048)), "origin": _optional(_text(LONG)), "text_sha": _optional(_sha256),
    "copy": _optional(_flag),
}


def _fields(obj: dict[str, Any], where: str, checks: dict[str, Callable[[Any, str], Any]]) -> dict[str, Any]:
    """``obj`` with every known field checked; fields the schema does not name are kept (the
    schema lets producers add fields), their strings scrubbed."""
    out: dict[str, Any] = {}
    for name, value in obj.items():
        check = checks.get(name)
        out[scrub(name)] = check(value, f"{where}.{name}") if check else _scrubbed(value)
    return out


def _scrubbed(value: Any) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [_scrubbed(v) for v in value]
    if isinstance(value, dict):
        return {scrub(str(k)): _scrubbed(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None  # NaN and Infinity are not JSON: no database stores them as such
    return value


# --------------------------------------------------------------------------- records


def check_record(rec: Any) -> dict[str, Any]:
    """The record, checked and normalised, or Invalid naming the first bad field."""
    if not isinstance(rec, dict) or rec.get("schema") != SCHEMA:
        raise Invalid("", f"not an extraction record (expected \"schema\": \"{SCHEMA}\")")
    doc = rec.get("document")
    if not isinstance(doc, dict):
        raise Invalid("document", "the record has no document object")
    if not isinstance(doc.get("id"), str) or not doc["id"].strip():
        raise Invalid("document.id", "missing: every record needs its document's id")
    out = _fields({k: v for k, v in rec.items() if k not in ITEM_FIELDS}, "",
                  {"document": lambda v, w: _fields(v, "document", DOCUMENT_FIELDS)})
    for plural, checks in ITEM_FIELDS.items():
        items = rec.get(plural, [])
        if not isinstance(items, list):
            raise Invalid(plural, f"takes a list of objects, not {_describe(items)}")
        if len(items) > MAX_ITEMS:
            raise Invalid(plural, f"has {len(items):,} items; at most {MAX_ITEMS:,}")
        checked = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise Invalid(f"{plural}[{i}]", f"takes an object, not {_describe(item)}")
            checked.append(_fields(item, f"{plural}[{i}]", checks))
        out[plural] = checked
    for plural, link in (("meetings", "part_of"), ("agreements", "meeting"), ("statements", "meeting")):
        for i, item in enumerate(out[plural]):
            if item.get(link) is not None and item[link] >= len(out["meetings"]):
                raise Invalid(f"{plural}[{i}].{link}", f"meeting {item[link]} does not exist: the record has "
                                                       f"{len(out['meetings'])} meeting(s)")
    return out


def validate_record(rec: Any) -> str | None:
    """Why ``rec`` cannot be stored, or None; a usable record is normalised in place."""
    try:
        clean = check_record(rec)
    except Invalid as exc:
        return str(exc).removeprefix(": ")
    rec.clear()
    rec.update(clean)
    return None


# --------------------------------------------------------------------------- corrected values

# A corrected field takes the same values as the field of a record.
_CORRECTABLE: dict[str, dict[str, Callable[[Any, str], Any]]] = {
    "meeting": ITEM_FIELDS["meetings"], "agreement": ITEM_FIELDS["agreements"],
    "statement": ITEM_FIELDS["statements"], "person": ITEM_FIELDS["people"],
}


def check_value(kind: str, field: str, value: Any, *, element: bool = False) -> Any:
    """A corrected value of ``field`` of a ``kind`` (meeting, agreement, statement, person);
    ``element``: one value added to or removed from a list field. Raises Invalid."""
    check = _CORRECTABLE[kind].get(field)
    if check is None:
        raise Invalid(field, f"is not a field of a {kind}")
    if element:
        return check([value], field)[0]
    return check(value, field)


# --------------------------------------------------------------------------- messages


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    kind = {str: "a string", bool: "true/false", int: "a number", float: "a number", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)
    return f"{kind} ({_short(value)})" if isinstance(value, str | int | float) else kind


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
