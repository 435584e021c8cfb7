"""Language identification of a document's body, to route it to its pipeline."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# Languages a report in this domain is plausibly written in; restricting the set
# makes detection faster and more reliable than asking about all 75.
_CANDIDATES = (
    Language.ENGLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN, Language.KAZAKH,
    Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.PORTUGUESE, Language.CHINESE,
    Language.TURKISH, Language.ARABIC, Language.PERSIAN,
)
_SAMPLE_CHARS = 4000
# Fewer letters than this tell a language poorly ("hello" comes out Spanish): a text that short
# which is not found to be in a language Parley reads is reported as too short to tell.
MIN_LETTERS = 40


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).build()


def body_sample(text: str, limit: int = _SAMPLE_CHARS) -> str:
    """The document's longest lines: the body, not its menus and footers in other languages."""
    lines = sorted((ln.strip() for ln in text.splitlines()), key=len, reverse=True)
    out, size = [], 0
    for ln in lines:
        if len(ln) < 40 and out:
            break
        out.append(ln)
        size += len(ln)
        if size >= limit:
            break
    return "\n".join(out)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the body language, or None when the text has no letters to judge by."""
    # lingua hands the text to Rust as UTF-8, which a lone surrogate cannot be encoded in;
    # replacing them here makes any str safe (only the sample changes, never the document).
    sample = body_sample(text).encode("utf-8", "replace").decode("utf-8")
    if not any(ch.isalpha() for ch in sample):
        return None
    lang = _detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang else None


def letters(text: str) -> int:
    """How many letters the language is judged by (those of the body sample)."""
    return sum(ch.isalpha() for ch in body_sample(text))
