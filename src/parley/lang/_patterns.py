"""Pieces of regular expressions that every language's patterns are built of: a dash, a day, a year."""

from __future__ import annotations

DASH = r"\s*[-–—−‐‑]\s*"  # a dash between two days or two dates, with the spaces around it


def day(name: str) -> str:
    """A day of the month (1-31) in group ``name``."""
    return rf"(?P<{name}>[0-3]?\d)"


def year(name: str) -> str:
    """A four-digit year (1900-2099) in group ``name``."""
    return rf"(?P<{name}>(?:19|20)\d\d)"
