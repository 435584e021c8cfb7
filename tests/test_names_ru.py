"""Russian-written names brought to the nominative before they are written in English (resolve/names.py).

The language model's "normal" form of a foreign name is often the form the text used ("Нарендрой Моди",
"Адылбеком Касымалиевым"); ``russian_nominative`` undoes the case ending where the morphology shows one,
and leaves alone what may be a nominative (indeclinable names, foreign names ending in -а, -у, -и, -е).
"""

from __future__ import annotations

import pytest

from parley.resolve.names import english_name_from_russian, russian_nominative

pytest.importorskip("pymorphy2")


# --- rule 1: a name whose words show an oblique case goes to the nominative ---------------------------------


@pytest.mark.parametrize(
    ("words", "nominative"),
    [
        # genitive
        (["Джейка", "Салливана"], ["Джейк", "Салливан"]),
        (["Махмуда", "Аббаса"], ["Махмуд", "Аббас"]),
        (["Рональда", "Ламолы"], ["Рональд", "Ламола"]),
        (["Реджепа", "Эрдогана"], ["Реджеп", "Эрдоган"]),
        # dative
        (["Махмуду", "Аббасу"], ["Махмуд", "Аббас"]),
        (["Абдулле", "Абдулле"], ["Абдулла", "Абдулла"]),
        (["Хасану", "Рухани"], ["Хасан", "Рухани"]),
        # instrumental
        (["Джоном", "Смитом"], ["Джон", "Смит"]),
        (["Нарендрой", "Моди"], ["Нарендра", "Моди"]),
        (["Фумио", "Кисидой"], ["Фумио", "Кисида"]),
        (["Адылбеком", "Касымалиевым"], ["Адылбек", "Касымалиев"]),
        (["Розой", "Отунбаевой"], ["Роза", "Отунбаева"]),
        (["Олафом", "Шольцем"], ["Олаф", "Шольц"]),
        (["Мигелем", "Диас-Канелем"], ["Мигель", "Диас-Канель"]),
        (["Касым-Жомартом", "Токаевым"], ["Касым-Жомарт", "Токаев"]),
        # prepositional
        (["Джоне", "Смите"], ["Джон", "Смит"]),
        (["Томе", "Хэнксе"], ["Том", "Хэнкс"]),
        (["Махмуде", "Аббасе"], ["Махмуд", "Аббас"]),
    ],
)
def test_oblique_names_go_to_the_nominative(words, nominative):
    assert russian_nominative(words) == nominative


@pytest.mark.parametrize(
    ("words", "case", "nominative"),
    [
        # The case the pipeline gives the name's tokens settles what the words alone cannot.
        (["Хакане", "Фидане"], "Loc", ["Хакан", "Фидан"]),
        (["Джону", "Смиту"], "Dat", ["Джон", "Смит"]),
        (["Марку", "Рютте"], "Dat", ["Марк", "Рютте"]),
        (["Сирила", "Рамафосы"], "Gen", ["Сирил", "Рамафоса"]),
        # A wrong "Nom" from the tagger does not hide an instrumental the words show.
        (["Адылбеком", "Касымалиевым"], "Nom", ["Адылбек", "Касымалиев"]),
        (["Марией", "Ивановой"], "Nom", ["Мария", "Иванова"]),
    ],
)
def test_the_case_from_the_pipeline(words, case, nominative):
    assert russian_nominative(words, case) == nominative


# --- rule 2: a word in the instrumental loses its ending even when the dictionary cannot read it -------------


@pytest.mark.parametrize(
    ("words", "case", "nominative"),
    [
        (["Ким", "Ёном"], "Ins", ["Ким", "Ён"]),
        (["Пак", "Чхоном"], "ablt", ["Пак", "Чхон"]),
        (["Станиславом", "Засем"], "Ins", ["Станислав", "Зась"]),
        (["Вучичем"], None, ["Вучич"]),
        (["Эрдоганом"], None, ["Эрдоган"]),
        (["Чоем"], None, ["Чой"]),
        (["Кисидой"], None, ["Кисида"]),
    ],
)
def test_instrumental_endings_are_not_kept(words, case, nominative):
    assert russian_nominative(words, case) == nominative


# --- rule 3: what may be a nominative stays as it is ----------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        ["Сигэру", "Исиба"],  # -а of a Japanese name
        ["Рональд", "Ламола"],
        ["Флавиу", "Дину"],  # -у of a Portuguese name is no dative
        ["Майя", "Санду"],
        ["Саид", "Джалили"],  # -и of a Persian name is no genitive
        ["Наледи", "Пандор"],
        ["Юсуф", "Раза", "Гилани"],
        ["Бахром", "Ашрафханов"],  # Uzbek given names in -ом, Kazakh in -ым, Arabic in -ем are nominatives
        ["Касым", "Токаев"],
        ["Хатем", "Салем"],
        ["Лев", "Толстой"],  # a Russian surname in -ой
        ["Сергей", "Иванов"],
        ["Станислав", "Зась"],
        ["Ким", "Ёном"],  # without the pipeline's case nothing shows that "Ёном" is not a nominative
    ],
)
def test_nominatives_are_left_alone(words):
    assert russian_nominative(words) == words


def test_short_words_keep_their_ending():
    # "Чой" (a Korean family name) in an instrumental context is written undeclined: no stem to strip to.
    assert russian_nominative(["Чой"], "Ins") == ["Чой"]


# --- in English ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "family", "case", "english"),
    [
        ("Махмудом", "Аббасом", None, "Mahmoud Abbas"),
        ("Нарендрой", "Моди", None, "Narendra Modi"),
        ("Адылбеком", "Касымалиевым", None, "Adylbek Kasymaliyev"),
        ("Ахмедом", "Ваххабом", None, "Ahmed Vakhkhab"),
        ("Ким", "Ёном", "Ins", "Kim Yon"),
        ("Сергея", "Иванова", None, "Sergei Ivanov"),
        (None, "Эрдоганом", None, "Erdogan"),
        (None, "Засем", "Ins", "Zas"),
    ],
)
def test_english_names_are_written_from_the_nominative(given, family, case, english):
    assert english_name_from_russian(given, family, case=case) == english
