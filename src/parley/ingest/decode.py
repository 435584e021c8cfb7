"""Bytes to text: binary detection and encoding detection.

Offsets downstream index the decoded text, so decoding must never guess silently:
every fallback away from UTF-8 leaves a note on the document.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import charset_normalizer

from parley.errors import DecodeError

# Longest BOMs first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"BZh", "bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable program"),
)

# C0 controls that never occur in text; tab, line feed, vertical tab, form feed,
# carriage return and escape (ISO-2022 encodings) are allowed.
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_CONTROL_SAMPLE = 8192
_CONTROL_SHARE = 0.05

# "Mostly UTF-8": a UTF-8 file with a few stray bytes (a bad copy, a cut sequence) is UTF-8
# with those bytes replaced, not a legacy code page - decoding it as cp1251 would turn all
# its good text into mojibake. It is, when the invalid bytes are at most a handful or 1 % of
# the non-ASCII bytes, whichever is more, and there are at least 10 well-formed multi-byte
# characters per invalid byte. Legacy-encoded text fails the second test: its non-ASCII
# bytes almost never form valid UTF-8 sequences.
_STRAY_HANDFUL = 8
_STRAY_SHARE = 0.01
_MULTIBYTE_PER_STRAY = 10
_ASCII = bytes(range(0x80))

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)



@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding named by a byte-order mark and the BOM's length, if ``data`` starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def magic_kind(data: bytes) -> str | None:
    """The binary format ``data`` starts with (PDF, gzip, ...), from its magic number."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file ``data`` is, or None when it may be text."""
    magic = magic_kind(data)
    if magic:
        return magic
    if bom_encoding(data):
        # UTF-16/32 text is full of NUL bytes; the BOM vouches for it.
        return None
    if b"\x00" in data:
        return "contains NUL bytes"
    sample = data[:_CONTROL_SAMPLE]
    controls = sum(1 for byte in sample if byte in _CONTROL)
    if sample and controls / len(sample) > _CONTROL_SHARE:
        return "mostly control characters"
    return None


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, *, declared: str | None = None, declared_by: str = "the page") -> Decoded:
    """Decode text: BOM, then UTF-8 (strict, or mostly UTF-8 with its few stray bytes replaced
    and counted), then a declared charset, then charset-normalizer's guess.

    ``declared_by`` says where the charset was declared, for the note (the page, the HTTP header).
    Raises DecodeError when none of them yields text.
    """
    bom = bom_encoding(data)
    if bom:
        encoding, size = bom
        if encoding == "utf-8":
            return _decode_utf8(data[size:], encoding="utf-8-sig") or _guess(data[size:])
        try:
            return Decoded(
                data[size:].decode(encoding), encoding, [f"decoded as {encoding} (byte-order mark)"]
            )
        except UnicodeDecodeError as error:
            raise DecodeError(
                f"file starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                f"(bad bytes at offset {error.start + size}); re-save it as UTF-8"
            ) from None
    decoded = _decode_utf8(data)
    if decoded:
        return decoded
    if declared and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared, [f"decoded as {declared} (declared in {declared_by})"])
        except UnicodeDecodeError:
            pass
    return _guess(data)


def _decode_utf8(data: bytes, *, encoding: str = "utf-8") -> Decoded | None:
    """UTF-8, or None when the bytes are not (mostly) UTF-8.

    A multibyte character cut off at the very end (a truncated download) is dropped; a few
    stray bytes elsewhere become U+FFFD, one per maximal invalid sequence as Python's
    "replace" does, and are counted in a note (see _STRAY_HANDFUL).
    """
    try:
        return Decoded(data.decode("utf-8"), encoding)
    except UnicodeDecodeError:
        pass
    notes: list[str] = []
    cut = _cut_at_end(data)
    if cut is not None:
        data = data[:cut]
        notes.append("truncated: incomplete UTF-8 sequence at end of file")
    text = data.decode("utf-8", "replace")
    # Counted from lengths rather than character by character: files run to megabytes.
    # A U+FFFD already in the input is a valid 3-byte sequence, not an inserted one.
    inserted = text.count("\ufffd") - data.count("\ufffd".encode())
    stray = len(data) - (len(text.encode("utf-8")) - 3 * inserted)
    non_ascii = len(data.translate(None, _ASCII))
    # ASCII bytes are never swallowed by an invalid sequence, so the rest are multi-byte characters.
    multibyte = len(text) - inserted - (len(data) - non_ascii)
    if stray:
        if stray > max(_STRAY_HANDFUL, non_ascii * _STRAY_SHARE) or multibyte < _MULTIBYTE_PER_STRAY * stray:
            return None
        notes.append(f"{stray} invalid UTF-8 byte{'s' if stray > 1 else ''} replaced with U+FFFD")
    return Decoded(text, encoding, notes)


def _cut_at_end(data: bytes) -> int | None:
    """Where a multibyte character cut off by the end of ``data`` starts, if one is."""
    start = len(data)
    while start > 0 and len(data) - start < 3 and 0x80 <= data[start - 1] < 0xC0:
        start -= 1  # back over continuation bytes to the character's first byte
    start -= 1
    if start < 0 or data[start] < 0x80:
        return None
    try:
        data[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start == 0 and error.reason == "unexpected end of data":
            return start
    return None


def _guess(data: bytes) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(
            "cannot tell the text encoding (not UTF-8, and no other encoding fits); re-save it as UTF-8"
        )
    encoding = codecs.lookup(best.encoding).name
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise DecodeError(
            f"text looks like {encoding} but does not decode as it; re-save it as UTF-8"
        ) from None
    return Decoded(text, encoding, [f"decoded as {encoding}"])
