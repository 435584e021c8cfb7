"""Language profiles: every language the pipelines read has one, registered under its code and complete
(every field of every extractor's part set, of its declared type); an unknown language is an error that
says what exists."""

from __future__ import annotations

import collections.abc
import dataclasses
import re
import types
import typing

import pytest

from parley.errors import UnknownLanguageError
from parley.lang import (
    AgreementPhrasing,
    DatePhrasing,
    LanguageProfile,
    MeetingPhrasing,
    PeoplePhrasing,
    StatementPhrasing,
    available_profiles,
    get_profile,
)
from parley.nlp import english, russian  # noqa: F401 - they register the pipelines
from parley.nlp.base import available_languages

LANGUAGES = ["en", "ru"]
PARTS = {"meetings": MeetingPhrasing, "dates": DatePhrasing, "people": PeoplePhrasing,
         "statements": StatementPhrasing, "agreements": AgreementPhrasing}


def test_every_pipeline_language_has_a_profile():
    assert set(LANGUAGES) == set(available_languages())
    assert set(available_languages()) <= set(available_profiles())


def test_a_profile_has_a_part_for_every_extractor():
    assert {f.name for f in dataclasses.fields(LanguageProfile)} == {"code", *PARTS}


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_registered_profile_per_language(code):
    profile = get_profile(code)
    assert isinstance(profile, LanguageProfile)
    assert profile.code == code
    assert get_profile(code) is profile  # registered once, found again


def _check(value: object, hint: object, where: str) -> None:
    """``value`` is of type ``hint`` (as the dataclasses declare them), all the way down."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            assert type(None) in args, f"{where} is None"
            return
        (hint,) = [a for a in args if a is not type(None)]
        origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is re.Pattern or origin is re.Pattern:
        assert isinstance(value, re.Pattern) and value.pattern, where
    elif origin is collections.abc.Callable:
        assert callable(value), where
    elif origin in (frozenset, set):
        assert isinstance(value, origin) and value, where
        for item in value:
            _check(item, args[0], f"{where} item")
    elif origin in (collections.abc.Mapping, dict):
        assert isinstance(value, collections.abc.Mapping), where
        for k, v in value.items():
            _check(k, args[0], f"{where} key")
            _check(v, args[1], f"{where}[{k!r}]")
    elif origin is tuple:
        assert isinstance(value, tuple), where
        items = args[:1] * len(value) if len(args) == 2 and args[1] is Ellipsis else args
        assert len(items) == len(value), where
        for i, (item, item_hint) in enumerate(zip(value, items, strict=True)):
            _check(item, item_hint, f"{where}[{i}]")
    elif dataclasses.is_dataclass(hint) or (isinstance(hint, type) and issubclass(hint, tuple)
                                            and hasattr(hint, "_fields")):  # a dataclass or a NamedTuple
        assert isinstance(value, hint), where
        for name, field_hint in typing.get_type_hints(hint).items():
            _check(getattr(value, name), field_hint, f"{where}.{name}")
    else:
        assert isinstance(value, hint), f"{where}: {value!r} is no {hint}"


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("code", LANGUAGES)
def test_a_profile_sets_every_field_of_every_part(code, part):
    phrasing = getattr(get_profile(code), part)
    assert isinstance(phrasing, PARTS[part])
    _check(phrasing, PARTS[part], f"{code}.{part}")


def test_a_language_gives_its_names_as_written_or_declined():
    assert get_profile("en").people.written is not None and get_profile("en").people.declined is None
    assert get_profile("ru").people.declined is not None and get_profile("ru").people.written is None
    with pytest.raises(ValueError, match="either written or declined"):
        dataclasses.replace(get_profile("en").people, declined=get_profile("ru").people.declined)


def test_the_same_meeting_words_in_each_language():
    assert get_profile("en").meetings.triggers.search("the meeting was held").group("t") == "meeting"
    assert get_profile("ru").meetings.triggers.search("заседание прошло").group("t") == "заседание"


def test_the_same_dates_in_each_language():
    en, ru = get_profile("en").dates, get_profile("ru").dates
    assert en.month_number("Sept") == 9 and ru.month_number("сентября") == 9
    assert en.month_word("April") and not en.month_word("may")
    assert ru.month_word("апреле") and not ru.month_word("маршал")
    assert [p.kind for p in en.patterns if p.pattern.fullmatch("5 November 2025")] == ["d-m-y"]
    assert [p.kind for p in ru.patterns if p.pattern.fullmatch("5 ноября 2025 года")] == ["d-m-y"]
    assert en.relative.search("He arrived yesterday").group("rel") == "yesterday"
    assert ru.relative.search("Он прибыл вчера").group("rel") == "вчера"
    assert en.dateline.match("MOSCOW, November 5. /TASS/").group("city", "o1") == ("MOSCOW", "TASS")
    assert ru.dateline.match("МОСКВА, 5 ноября. /ТАСС/").group("city", "o1") == ("МОСКВА", "ТАСС")


def test_the_same_documents_and_quotes_in_each_language():
    en, ru = get_profile("en"), get_profile("ru")
    assert en.agreements.document_word.search("the cooperation plan for 2025").group("w") == "plan"
    assert ru.agreements.document_word.search("план сотрудничества на 2025 год").group("w") == "план"
    assert re.search(rf"\b{en.statements.speech_verb}\b", "Shoigu said")
    assert re.search(rf"\b{ru.statements.speech_verb}\b", "заявил Шойгу")


def test_an_unknown_language_names_the_ones_there_are():
    with pytest.raises(UnknownLanguageError, match=r"available: en, ru"):
        get_profile("xx")
