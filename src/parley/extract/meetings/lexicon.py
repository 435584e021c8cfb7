"""What the meeting extractor shares whatever the language. The words and phrasings of each
language (meeting words, held or planned, chaired, attended ...) are in ``parley.lang``:
``ctx.profile.meetings``."""

from __future__ import annotations

import re

from parley.lang import OrdinalCue

Span = tuple[int, int]


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
         "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20,
         "XXI": 21, "XXII": 22, "XXIII": 23, "XXIV": 24, "XXV": 25, "XXX": 30}


# A Roman numeral before a meeting word ("XIII meeting", "II Minsk International Conference"):
# tried before each language's ordinals.
ROMAN_ORDINAL = OrdinalCue(re.compile(r"(?<![\w-])(?P<o>[IVXL]{1,6})\s+(?:[^\W\d_][\w-]*\s+){0,4}$"), ROMAN.get)


# "(SCO)", "(CSTO)", "(ОДКБ)": an abbreviation in brackets is part of a name, not its end.
ABBREVIATION_IN_BRACKETS = re.compile(r"\s*\((?:[A-Z]{2,8}|[А-ЯЁ]{2,8})\)")
