"""Parley's one error tree and its one failure type.

Every error Parley raises on purpose is a ``ParleyError`` whose message says what went wrong
and what to do next; callers catch the branch they can handle:

    ParleyError
    ├── InputError (also a ValueError): input that cannot be used as it is
    │   ├── DecodeError           bytes that are no text in any encoding we can identify
    │   ├── Invalid               a value that may not enter the knowledge base (``field`` says where)
    │   ├── UnknownLanguageError  (also a LookupError) no profile for a language
    │   └── BadCursor             an ``after`` that is not a cursor from a ``next`` link
    ├── StoreError: a problem with the database the user can fix
    │   ├── StoreBusy             another writer held it longer than this one would wait
    │   └── CorrectionError       a correction that cannot be made as asked
    ├── ExportError (also a ValueError): an export that cannot be written as asked
    └── TokenError (also a ValueError): a token request that cannot be done

Inputs that are skipped rather than raised (a binary file in a folder of reports, a malformed
record in a batch) are reported as a ``Failure``: where (``origin``), at which ``stage``, and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

STAGES = ("read", "filter", "extract", "validate", "store")


class ParleyError(Exception):
    """An error Parley raises on purpose; the message says what to do next."""


class InputError(ParleyError, ValueError):
    """Input that cannot be used as it is."""


class DecodeError(InputError):
    """The bytes are not text in any encoding we can identify; str(error) is the user-facing reason."""


class Invalid(InputError):
    """A value that may not enter the knowledge base; ``field`` says where, the message why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}" if field else reason)
        self.field = field
        self.reason = reason


class UnknownLanguageError(InputError, LookupError):
    """No profile for a language."""


class BadCursor(InputError):
    """An ``after`` that is not a cursor from a ``next`` link (the server answers 422)."""


class StoreError(ParleyError):
    """A problem with the database that the user can fix; the message says how."""


class StoreBusy(StoreError):
    """Another writer held the database longer than this one would wait: try again later."""


class CorrectionError(StoreError):
    """A correction that cannot be made as asked (no such target, a value of the wrong kind)."""


class ExportError(ParleyError, ValueError):
    """An export that cannot be written as asked (an unknown format, a format for another kind)."""


class TokenError(ParleyError, ValueError):
    """A token request that cannot be done; the message says what to do instead."""


@dataclass(frozen=True)
class Failure:
    """An input skipped, and why: ``origin`` (a path, ``path:line``, a URL, ``-``), the ``stage``
    it failed at (read, filter, extract, validate, store) and the ``reason``; a page the crawl
    pre-filter drops is a notice at the ``filter`` stage. ``fatal`` False makes it a
    notice: an input skipped on purpose (a README, an image in a folder of reports); commands
    print notices like failures ("skipped PATH: reason") but do not count them."""

    origin: str
    reason: str
    fatal: bool = True
    stage: str = "read"
    name: str | None = None  # the document's name, when it was read

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "stage": self.stage, "reason": self.reason, "fatal": self.fatal}
