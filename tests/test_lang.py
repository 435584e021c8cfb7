"""Language profiles: every language the pipelines read has one, complete; an unknown language is an
error that says what exists."""

from __future__ import annotations

import dataclasses
import re

import pytest

from parley.lang import MeetingPhrasing, UnknownLanguageError, available_profiles, get_profile
from parley.nlp.base import available_languages


def test_every_pipeline_language_has_a_profile():
    assert set(available_languages()) <= set(available_profiles())


@pytest.mark.parametrize("code", ["en", "ru"])
def test_a_profile_sets_every_meeting_phrasing(code):
    phrasing = get_profile(code).meetings
    assert isinstance(phrasing, MeetingPhrasing)
    for f in dataclasses.fields(MeetingPhrasing):
        value = getattr(phrasing, f.name)
        if isinstance(value, re.Pattern):
            assert value.pattern, f.name


def test_the_same_meeting_words_in_each_language():
    assert get_profile("en").meetings.triggers.search("the meeting was held").group("t") == "meeting"
    assert get_profile("ru").meetings.triggers.search("заседание прошло").group("t") == "заседание"


def test_an_unknown_language_names_the_ones_there_are():
    with pytest.raises(UnknownLanguageError, match=r"available: en, ru"):
        get_profile("xx")
