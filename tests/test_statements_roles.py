"""Who said it, when the text names the speaker by a role noun ("сказал министр", "the minister
added"), by initials ("сказал Н. Бордюжа"), or by a transcript's label for each speaker in turn
("В.Путин:", "Р.Т.Эрдоган (как переведено):"). Short texts written for these tests, in both
languages where the phrasing exists in both.
"""

from __future__ import annotations

import pytest

from helpers import Json, speakers
from helpers import run as _run
from parley.pipeline import Extractor

pytestmark = pytest.mark.slow


def run(extractor: Extractor, text: str, language: str, published: str | None = "2024-11-05") -> Json:
    return _run(extractor, text, published, language)


def said_by(record: Json, start: str) -> list[str]:
    return [who for who, quotes in speakers(record).items() if any(q.startswith(start) for q in quotes)]


ROLE_NOUNS = [
    ("ru", "Открывая встречу, Андрей Белоусов отметил, что обстановка остается напряженной. «Военное "
           "сотрудничество в формате СНГ - это практический инструмент», - сказал министр.",
     "Военное сотрудничество", "Andrei Belousov"),
    ("ru", "Бакыт Ашыралиев проинформировал коллег о мерах на границе. «Кыргызстан выступает за решение всех "
           "спорных вопросов мирным путем», – сказал постпред.", "Кыргызстан выступает", "Bakyt Ashyraliyev"),
    ("ru", "В саммите участвовал Сердар Бердымухамедов. «Тюркский мир обладает огромным потенциалом», – сказал "
           "Касым-Жомарт Токаев.\n\n– Безопасность одного из нас – это безопасность всех, – отметил Глава государства.",
     "Безопасность одного", "Kassym-Jomart Tokayev"),
    ("en", "Pakistan's Defence Minister Khawaja Asif met his Azerbaijani counterpart in Baku. \"Pakistan has always "
           "stood with its brothers,\" the minister said.", "Pakistan has always", "Khawaja Asif"),
]


@pytest.mark.parametrize(("language", "text", "quote", "speaker"), ROLE_NOUNS)
def test_a_role_noun_is_the_official_named_before(extractor, language, text, quote, speaker):
    assert said_by(run(extractor, text, language), quote) == [speaker]


def test_a_quoted_document_title_has_no_speaker(extractor):
    text = ("Nikolai Bordyuzha opened the session. Afterwards the delegations discussed and signed “the list of "
            "terrorist organizations recognized in the CSTO member states”, as well as other documents.")
    assert said_by(run(extractor, text, "en"), "the list of terrorist") == []


def test_initials_after_the_verb_name_the_speaker(extractor):
    text = ("Заседание прошло в Москве. «Организация готова к любому развитию событий», – сказал Н. Бордюжа, "
            "выступая перед журналистами.")
    assert said_by(run(extractor, text, "ru"), "Организация готова") == ["Nikolai Bordyuzha"]


TRANSCRIPTS = [
    ("ru", "Начало российско-турецких переговоров\n\nВ.Путин: Уважаемый господин Президент! Дорогой друг! Рады "
           "приветствовать Вас в России, мы регулярно поддерживаем контакты и наши отношения развиваются.\n\n"
           "Р.Т.Эрдоган (как переведено): Уважаемый господин Президент! Благодарю за приглашение и теплый прием, мы "
           "рассчитываем обсудить все вопросы откровенно.\n\nМы знаем, что наш товарооборот растет и будет расти "
           "дальше, это важно для наших народов.",
     {"Рады приветствовать": "Vladimir Putin", "Благодарю за приглашение": "Recep Tayyip Erdogan",
      "Мы знаем, что наш": "Recep Tayyip Erdogan"}),
    ("en", "Beginning of Russian-Kazakh talks\n\nVladimir Putin: Mr President, friends, we are glad to welcome you "
           "in Moscow, our relations are developing and we keep in touch regularly.\n\nKassym-Jomart Tokayev (as "
           "translated): Thank you for the invitation, we appreciate the warm welcome and our cooperation.\n\nWe "
           "also hope that our trade will keep growing over the coming years for our peoples.",
     {"we are glad": "Vladimir Putin", "Thank you for the invitation": "Kassym-Jomart Tokayev",
      "We also hope": "Kassym-Jomart Tokayev"}),
]


@pytest.mark.parametrize(("language", "text", "expected"), TRANSCRIPTS)
def test_each_speaker_of_a_transcript_speaks_until_the_next_label(extractor, language, text, expected):
    rec = run(extractor, text, language)
    for quote, speaker in expected.items():
        assert speaker in said_by(rec, quote) or any(
            quote in q for q in speakers(rec).get(speaker, [])), (quote, speakers(rec))
