"""The office registry (src/parley/domain/data/offices.json) and what the Russian extractor makes of it.

The file's own consistency first (patterns compile, roles, states and organisations are known,
specific titles come before general ones), then each office named in short invented Russian
sentences, in the cases a report puts it in (nominative, genitive, dative, accusative,
instrumental, prepositional), before or after a name, through the public pipeline
(``Extractor().extract(document)``): the person gets the English title and the state.
"""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from helpers import run
from parley.domain import load_entries
from parley.pipeline import Extractor

ROLES = {"security-council", "head-of-state", "head-of-government", "minister", "special-services",
         "organization", "press", "expert", "official", "diplomat"}


def _entries() -> list[dict]:
    return load_entries("offices")


# ------------------------------------------------------------------ the file itself


def test_file_has_about_sources_and_entries():
    path = resources.files("parley.domain").joinpath("data", "offices.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"about", "sources", "entries"}
    assert "role" in data["about"] and "state" in data["about"] and "organization" in data["about"]
    assert len(data["entries"]) > 150


def test_every_pattern_compiles_as_the_extractor_compiles_it():
    for e in _entries():
        assert e["ru"], e["en"]
        for p in e["ru"]:
            re.compile(r"(?<![\w-])(?:" + p + ")", re.I)


def test_entries_have_an_english_title_a_known_role_state_and_organisation():
    states = {s["iso3"] for s in load_entries("states")}
    orgs = {o["key"] for o in load_entries("organizations")}
    for e in _entries():
        assert set(e) <= {"en", "role", "state", "organization", "ru"}, e["en"]
        assert e["en"] and not re.search(r"[А-Яа-яЁё]", e["en"]), e["en"]
        assert e["role"] in ROLES, (e["en"], e["role"])
        assert e.get("state") is None or e["state"] in states, (e["en"], e.get("state"))
        assert e.get("organization") is None or e["organization"] in orgs, (e["en"], e.get("organization"))


def test_no_pattern_is_listed_twice():
    seen: dict[str, str] = {}
    for e in _entries():
        for p in e["ru"]:
            assert p not in seen, (p, seen.get(p), e["en"])
            seen[p] = e["en"]


def test_a_first_deputy_comes_before_the_deputy_and_the_deputy_before_the_office():
    order: dict[tuple[str, str | None], int] = {}
    for i, e in enumerate(_entries()):
        order.setdefault((e["en"], e.get("state")), i)
    checked = 0
    for (title, state), i in order.items():
        for prefix in ("First Deputy ", "Deputy "):
            if title.startswith(prefix):
                base = (title[len(prefix):], state)
                if base in order:
                    assert i < order[base], (title, base[0])
                    checked += 1
                if prefix == "First Deputy " and ("Deputy " + base[0], state) in order:
                    assert i < order[("Deputy " + base[0], state)], title
    assert checked > 40


def test_specific_titles_come_before_general_ones():
    index = {e["en"]: i for i, e in reversed(list(enumerate(_entries())))}
    pairs = [
        ("First Deputy Foreign Minister", "Deputy Foreign Minister"),
        ("Deputy Foreign Minister", "Foreign Minister"),
        ("Secretary General of the CSTO", "Secretary General"),
        ("Deputy Secretary General", "Secretary General"),
        ("Head of the Border Service of the FSB", "Head of the Border Service"),
        ("Foreign Ministry Spokesperson", "Press Secretary"),
        ("Press Secretary of the President", "Press Secretary"),
        ("Director of the Federal Security Service", "Director"),
        ("Chairman of the State Security Committee", "Chairman"),
        ("Head of the Presidential Administration", "Head"),
        ("Military Expert", "Expert"),
        ("First Deputy Prime Minister", "Deputy Prime Minister"),
        ("Deputy Prime Minister", "Prime Minister"),
        ("National Security Adviser", "Aide to the President"),
        ("State Adviser to the President", "Adviser to the President"),
    ]
    for specific, general in pairs:
        assert index[specific] < index[general], (specific, general)


# ------------------------------------------------------------------ the extractor


def offices(extractor: Extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    record = run(extractor, text, language="ru")
    assert record["people"], text
    return [(o["title"], o["state"], o["organization"]) for p in record["people"] for o in p["offices"]]


def has(found: list[tuple[str, str | None, str | None]], title: str, state: str | None, org: str | None = None) -> bool:
    return any(t == title and s == state and (org is None or o == org) for t, s, o in found)


# (sentence, English title, state, organisation or None when not checked)
CASES = [
    # Prosecutors
    ("Генеральный прокурор России Игорь Краснов прибыл в Минск.", "Prosecutor General", "RUS"),
    ("Соглашение подписано генеральным прокурором Узбекистана Иваном Сидоровым.", "Prosecutor General", "UZB"),
    ("Слово было предоставлено генпрокурору Киргизии Ивану Сидорову.", "Prosecutor General", "KGZ"),
    ("Речь шла о генеральном прокуроре Беларуси Андрее Швайко.", "Prosecutor General", "BLR"),
    ("Встречу с генпрокурором Казахстана Бериком Асыловым провели в Астане.", "Prosecutor General", "KAZ"),
    ("Игорь Краснов, генеральный прокурор Российской Федерации, заявил о росте угроз.", "Prosecutor General", "RUS"),
    ("Первый заместитель генерального прокурора России Анатолий Разинкин выступил на совещании.",
     "First Deputy Prosecutor General", "RUS"),
    ("Встреча с первым заместителем генпрокурора Казахстана Иваном Сидоровым прошла в Астане.",
     "First Deputy Prosecutor General", "KAZ"),
    ("Письмо направлено первому заместителю генерального прокурора Беларуси Ивану Носкевичу.",
     "First Deputy Prosecutor General", "BLR"),
    ("Заместитель генпрокурора Узбекистана Светлана Артикова выступила с докладом.", "Deputy Prosecutor General", "UZB"),
    ("С заместителем генерального прокурора России Петром Ивановым обсудили борьбу с наркотиками.",
     "Deputy Prosecutor General", "RUS"),
    ("Доклад замгенпрокурора Армении Артура Петросяна был заслушан.", "Deputy Prosecutor General", "ARM"),
    # Borders
    ("Командующий пограничными войсками ГКНБ Киргизии Уран Эргешов посетил заставу.",
     "Commander of the Border Troops", "KGZ"),
    ("Встреча с командующим Пограничными войсками Таджикистана Иваном Сидоровым прошла в Душанбе.",
     "Commander of the Border Troops", "TJK"),
    ("Приказ командующего погранвойсками Узбекистана Ивана Петрова зачитали на заседании.",
     "Commander of the Border Troops", "UZB"),
    ("Директор Пограничной службы КНБ Казахстана Ерлан Алимбаев провел совещание.", "Director of the Border Service", "KAZ"),
    ("Совещание проведено директором Пограничной службы Казахстана Ерланом Алимбаевым.",
     "Director of the Border Service", "KAZ"),
    ("Доклад был направлен директору Государственной пограничной службы Азербайджана Ивану Петрову.",
     "Director of the Border Service", "AZE"),
    ("Начальник Государственной пограничной службы Азербайджана Эльчин Гулиев прибыл в Баку.",
     "Head of the Border Service", "AZE"),
    ("Встреча с руководителем Пограничной службы Армении Иваном Петровым прошла в Ереване.",
     "Head of the Border Service", "ARM"),
    ("Слово предоставили главе погранслужбы Грузии Ивану Петрову.", "Head of the Border Service", "GEO"),
    ("Руководитель Пограничной службы ФСБ России Владимир Кулишов провел совещание.",
     "Head of the Border Service of the FSB", "RUS"),
    ("Встреча с руководителем Пограничной службы ФСБ Владимиром Кулишовым прошла в Москве.",
     "Head of the Border Service of the FSB", "RUS"),
    ("Доклад руководителя погранслужбы ФСБ России Владимира Кулишова заслушали.",
     "Head of the Border Service of the FSB", "RUS"),
    ("Председатель Государственного пограничного комитета Беларуси Анатолий Лаппо провел встречу.",
     "Chairman of the State Border Committee", "BLR"),
    ("Встреча с председателем Госпогранкомитета Константином Молостовым прошла в Минске.",
     "Chairman of the State Border Committee", "BLR"),
    ("Доклад председателя ГПК Беларуси Константина Молостова заслушали.", "Chairman of the State Border Committee", "BLR"),
    # Military
    ("Начальник Генерального штаба Вооруженных сил России Валерий Герасимов провел переговоры.",
     "Chief of the General Staff", "RUS"),
    ("Встреча с начальником Генштаба ВС Беларуси Павлом Муравейко прошла в Минске.", "Chief of the General Staff", "BLR"),
    ("Доклад начальника Генерального штаба Казахстана Ивана Петрова был заслушан.", "Chief of the General Staff", "KAZ"),
    ("Начальник Объединенного штаба ОДКБ Андрей Сердюков прибыл в Ереван.", "Chief of the CSTO Joint Staff", None, "CSTO"),
    ("Встреча с начальником Объединенного штаба ОДКБ Андреем Сердюковым прошла в Москве.",
     "Chief of the CSTO Joint Staff", None, "CSTO"),
    ("Доклад начальника Объединенного штаба ОДКБ Андрея Сердюкова заслушали.", "Chief of the CSTO Joint Staff", None, "CSTO"),
    # Interior, justice, emergencies
    ("Министр внутренних дел Беларуси Иван Кубраков провел встречу.", "Interior Minister", "BLR"),
    ("Переговоры с главой МВД России Владимиром Колокольцевым прошли в Москве.", "Interior Minister", "RUS"),
    ("Доклад министра внутренних дел Узбекистана Пулата Бобожонова заслушали.", "Interior Minister", "UZB"),
    ("Министр юстиции Казахстана Азамат Ескараев провел встречу.", "Minister of Justice", "KAZ"),
    ("Встреча с главой Минюста России Константином Чуйченко прошла в Москве.", "Minister of Justice", "RUS"),
    ("Письмо направлено министру юстиции Таджикистана Ивану Петрову.", "Minister of Justice", "TJK"),
    ("Глава МЧС России Александр Куренков провел встречу.", "Minister of Emergency Situations", "RUS"),
    ("Встреча с министром по чрезвычайным ситуациям Беларуси Вадимом Синявским прошла в Минске.",
     "Minister of Emergency Situations", "BLR"),
    ("Доклад министра чрезвычайных ситуаций Киргизии Ивана Петрова заслушали.", "Minister of Emergency Situations", "KGZ"),
    ("Министр Российской Федерации по делам гражданской обороны, чрезвычайным ситуациям и ликвидации последствий "
     "стихийных бедствий Александр Куренков прибыл в Минск.", "Minister of Emergency Situations", "RUS"),
    # Law enforcement agencies
    ("Директор Росгвардии Виктор Золотов провел встречу.", "Director of the National Guard", "RUS"),
    ("Встреча с директором Федеральной службы войск национальной гвардии Виктором Золотовым прошла в Москве.",
     "Director of the National Guard", "RUS"),
    ("Доклад главы Росгвардии Виктора Золотова заслушали.", "Director of the National Guard", "RUS"),
    ("Председатель Следственного комитета России Александр Бастрыкин провел встречу.",
     "Chairman of the Investigative Committee", "RUS"),
    ("Встреча с председателем СК Александром Бастрыкиным прошла в Москве.", "Chairman of the Investigative Committee", "RUS"),
    ("Доклад председателя Следственного комитета Российской Федерации Александра Бастрыкина заслушали.",
     "Chairman of the Investigative Committee", "RUS"),
    # ... a body of the same name elsewhere is not Russian
    ("Председатель Следственного комитета Беларуси Дмитрий Гора прибыл в Москву.",
     "Chairman of the Investigative Committee", "BLR"),
    ("Директор ФСКН России Виктор Иванов провел встречу.", "Director of the Federal Service for Drug Control", "RUS"),
    ("Встреча с директором Федеральной службы по контролю за оборотом наркотиков Виктором Ивановым прошла в Москве.",
     "Director of the Federal Service for Drug Control", "RUS"),
    ("Доклад главы ФСКН Виктора Иванова заслушали.", "Director of the Federal Service for Drug Control", "RUS"),
    ("Директор Агентства по контролю за наркотиками при Президенте Республики Таджикистан Иван Петров выступил.",
     "Director of the Drug Control Agency", "TJK"),
    ("Встреча с директором Агентства по контролю за наркотиками Иваном Петровым прошла в Душанбе.",
     "Director of the Drug Control Agency", "TJK"),
    ("Доклад директора АКН Ивана Петрова заслушали.", "Director of the Drug Control Agency", "TJK"),
    # Migration and customs
    ("Руководитель Миграционной службы Армении Иван Петров провел встречу.", "Head of the Migration Service", "ARM"),
    ("Встреча с начальником Государственной миграционной службы Азербайджана Иваном Петровым прошла в Баку.",
     "Head of the Migration Service", "AZE"),
    ("Доклад председателя Комитета миграционной службы МВД Казахстана Ивана Петрова заслушали.",
     "Head of the Migration Service", "KAZ"),
    ("Директор ФМС России Константин Ромодановский провел встречу.", "Director of the Federal Migration Service", "RUS"),
    ("Встреча с главой Федеральной миграционной службы Константином Ромодановским прошла в Москве.",
     "Director of the Federal Migration Service", "RUS"),
    ("Доклад директора ФМС Константина Ромодановского заслушали.", "Director of the Federal Migration Service", "RUS"),
    ("Начальник ГУВМ МВД России Валентина Казакова провела встречу.", "Head of the Main Directorate for Migration", "RUS"),
    ("Встреча с начальником Главного управления по вопросам миграции МВД России Валентиной Казаковой прошла в Москве.",
     "Head of the Main Directorate for Migration", "RUS"),
    ("Доклад начальника ГУВМ Валентины Казаковой заслушали.", "Head of the Main Directorate for Migration", "RUS"),
    ("Руководитель ФТС России Валерий Пикалев провел встречу.", "Head of the Federal Customs Service", "RUS"),
    ("Встреча с руководителем Федеральной таможенной службы Валерием Пикалевым прошла в Москве.",
     "Head of the Federal Customs Service", "RUS"),
    ("Доклад главы ФТС Валерия Пикалева заслушали.", "Head of the Federal Customs Service", "RUS"),
    ("Председатель Государственного таможенного комитета Беларуси Владимир Орловский провел встречу.",
     "Chairman of the State Customs Committee", "BLR"),
    ("Встреча с председателем ГТК Беларуси Владимиром Орловским прошла в Минске.", "Chairman of the State Customs Committee", "BLR"),
    ("Доклад председателя Государственного таможенного комитета Республики Беларусь Владимира Орловского заслушали.",
     "Chairman of the State Customs Committee", "BLR"),
    ("Председатель Таможенной службы Киргизии Иван Петров провел встречу.", "Head of the Customs Service", "KGZ"),
    ("Встреча с главой Таможенной службы Таджикистана Иваном Петровым прошла в Душанбе.", "Head of the Customs Service", "TJK"),
    ("Доклад начальника Государственной таможенной службы Армении Ивана Петрова заслушали.",
     "Head of the Customs Service", "ARM"),
    # Finance and economy
    ("Министр финансов России Антон Силуанов провел встречу.", "Minister of Finance", "RUS"),
    ("Встреча с главой Минфина Казахстана Иваном Петровым прошла в Астане.", "Minister of Finance", "KAZ"),
    ("Доклад министра финансов Беларуси Юрия Селиверстова заслушали.", "Minister of Finance", "BLR"),
    ("Министр экономики Беларуси Юрий Чеботарь провел встречу.", "Minister of Economy", "BLR"),
    ("Встреча с министром экономики Киргизии Иваном Петровым прошла в Бишкеке.", "Minister of Economy", "KGZ"),
    ("Доклад министра национальной экономики Казахстана Ивана Петрова заслушали.", "Minister of Economy", "KAZ"),
    ("Министр экономического развития России Максим Решетников провел встречу.", "Minister of Economic Development", "RUS"),
    ("Встреча с министром экономического развития России Максимом Решетниковым прошла в Москве.",
     "Minister of Economic Development", "RUS"),
    ("Доклад главы Минэкономразвития России Максима Решетникова заслушали.", "Minister of Economic Development", "RUS"),
    ("Министр экономики и финансов Узбекистана Джамшид Кучкаров провел встречу.", "Minister of Economy and Finance", "UZB"),
    ("Встреча с министром экономики и финансов Узбекистана Джамшидом Кучкаровым прошла в Ташкенте.",
     "Minister of Economy and Finance", "UZB"),
    ("Доклад министра экономики и финансов Узбекистана Джамшида Кучкарова заслушали.", "Minister of Economy and Finance", "UZB"),
    # Heads of government
    ("Председатель правительства России Михаил Мишустин провел встречу.", "Prime Minister", "RUS"),
    ("Встреча с премьер-министром Индии Нарендрой Моди прошла в Дели.", "Prime Minister", "IND"),
    ("Доклад главы правительства Казахстана Олжаса Бектенова заслушали.", "Prime Minister", "KAZ"),
    ("Председатель Кабинета министров Киргизии Адылбек Касымалиев провел встречу.", "Prime Minister", "KGZ"),
    ("Встреча с премьером Пакистана Шахбазом Шарифом прошла в Исламабаде.", "Prime Minister", "PAK"),
    ("Первый заместитель председателя правительства России Денис Мантуров провел встречу.",
     "First Deputy Prime Minister", "RUS"),
    ("Встреча с первым вице-премьером Беларуси Николаем Снопковым прошла в Минске.", "First Deputy Prime Minister", "BLR"),
    ("Доклад первого заместителя премьер-министра Казахстана Романа Скляра заслушали.", "First Deputy Prime Minister", "KAZ"),
    ("Вице-премьер России Алексей Оверчук провел встречу.", "Deputy Prime Minister", "RUS"),
    ("Встреча с заместителем председателя правительства России Алексеем Оверчуком прошла в Москве.",
     "Deputy Prime Minister", "RUS"),
    ("Доклад заместителя премьер-министра Таджикистана Ивана Петрова заслушали.", "Deputy Prime Minister", "TJK"),
    ("Премьер Госсовета КНР Ли Цян провел переговоры.", "Premier of the State Council", "CHN"),
    ("Встреча с премьером Государственного совета КНР Ли Цяном прошла в Пекине.", "Premier of the State Council", "CHN"),
    ("Доклад премьера Госсовета Китая Ли Цяна заслушали.", "Premier of the State Council", "CHN"),
    ("Председатель КНР Си Цзиньпин провел переговоры.", "President", "CHN"),
    # Parliaments
    ("Председатель Совета Федерации Валентина Матвиенко провела встречу.", "Chairman of the Federation Council", "RUS"),
    ("Встреча с председателем Совфеда Валентиной Матвиенко прошла в Москве.", "Chairman of the Federation Council", "RUS"),
    ("Доклад спикера Совета Федерации Валентины Матвиенко заслушали.", "Chairman of the Federation Council", "RUS"),
    ("Председатель Госдумы Вячеслав Володин провел встречу.", "Chairman of the State Duma", "RUS"),
    ("Встреча со спикером Государственной думы Вячеславом Володиным прошла в Москве.", "Chairman of the State Duma", "RUS"),
    ("Доклад председателя Госдумы Вячеслава Володина заслушали.", "Chairman of the State Duma", "RUS"),
    ("Председатель Мажилиса Парламента Казахстана Ерлан Кошанов провел встречу.", "Chairman of the Mazhilis", "KAZ"),
    ("Встреча со спикером Мажилиса Ерланом Кошановым прошла в Астане.", "Chairman of the Mazhilis", "KAZ"),
    ("Доклад председателя Мажилиса Ерлана Кошанова заслушали.", "Chairman of the Mazhilis", "KAZ"),
    ("Председатель Совета Республики Наталья Кочанова провела встречу.", "Chairman of the Council of the Republic", "BLR"),
    ("Встреча с председателем Палаты представителей Игорем Сергеенко прошла в Минске.",
     "Chairman of the House of Representatives", "BLR"),
    ("Торага Жогорку Кенеша Нурланбек Тургунбеков провел встречу.", "Chairman of the Jogorku Kenesh", "KGZ"),
    ("Встреча со спикером Жогорку Кенеша Нурланбеком Тургунбековым прошла в Бишкеке.", "Chairman of the Jogorku Kenesh", "KGZ"),
    ("Доклад председателя Жогорку Кенеша Нурланбека Тургунбекова заслушали.", "Chairman of the Jogorku Kenesh", "KGZ"),
    ("Председатель Сената Парламента Казахстана Маулен Ашимбаев провел встречу.", "Chairman of the Senate", "KAZ"),
    ("Встреча с председателем Сената Узбекистана Танзилой Нарбаевой прошла в Ташкенте.", "Chairman of the Senate", "UZB"),
    ("Доклад спикера Сената Казахстана Маулена Ашимбаева заслушали.", "Chairman of the Senate", "KAZ"),
    ("Председатель Постоянного комитета ВСНП Чжао Лэцзи провел встречу.", "Chairman of the NPC Standing Committee", "CHN"),
    ("Спикер парламента Армении Ален Симонян провел встречу.", "Speaker of Parliament", "ARM"),
    ("Встреча с председателем парламента Грузии Иваном Петровым прошла в Тбилиси.", "Speaker of Parliament", "GEO"),
    ("Доклад спикера парламента Молдавии Ивана Петрова заслушали.", "Speaker of Parliament", "MDA"),
    # Diplomats
    ("Постоянный представитель России при ООН Василий Небензя выступил.", "Permanent Representative", "RUS"),
    ("Встреча с постпредом Китая Иваном Петровым прошла в Нью-Йорке.", "Permanent Representative", "CHN"),
    ("Доклад постоянного представителя Казахстана при ОДКБ Ивана Петрова заслушали.", "Permanent Representative", "KAZ"),
    ("Полномочный представитель Беларуси Иван Петров выступил.", "Plenipotentiary Representative", "BLR"),
    ("Встреча с полпредом Армении Иваном Петровым прошла в Москве.", "Plenipotentiary Representative", "ARM"),
    ("Доклад полномочного представителя Киргизии Ивана Петрова заслушали.", "Plenipotentiary Representative", "KGZ"),
    ("Спецпредставитель президента РФ по Афганистану Замир Кабулов выступил.", "Special Representative", "RUS"),
    ("Встреча со специальным представителем Китая Иваном Петровым прошла в Кабуле.", "Special Representative", "CHN"),
    ("Доклад специального представителя министра иностранных дел Ирана Ивана Петрова заслушали.",
     "Special Representative", "IRN"),
    ("Специальный посланник Китая Иван Петров прибыл в Кабул.", "Special Envoy", "CHN"),
    ("Встреча со спецпосланником Индии Иваном Петровым прошла в Москве.", "Special Envoy", "IND"),
    ("Доклад специального посланника президента Ирана Ивана Петрова заслушали.", "Special Envoy", "IRN"),
    ("Чрезвычайный и полномочный посол Китая Чжан Ханьхуэй прибыл в МИД.", "Ambassador", "CHN"),
    ("Встреча с послом Индии Иваном Петровым прошла в Москве.", "Ambassador", "IND"),
    ("Вручение грамот послу Ирана Ивану Петрову состоялось в Кремле.", "Ambassador", "IRN"),
    ("Посол по особым поручениям МИД Казахстана Иван Петров прибыл в Москву.", "Ambassador-at-Large", "KAZ"),
    ("Временный поверенный в делах США Иван Петров прибыл в МИД.", "Chargé d'Affaires", "USA"),
    ("Директор Департамента по вопросам новых вызовов и угроз МИД России Владимир Тарабрин прибыл в Минск.",
     "Director of the Department of the Foreign Ministry", "RUS"),
    # Organisations
    ("Генеральный секретарь ОДКБ Имангали Тасмагамбетов выступил.", "Secretary General of the CSTO", None, "CSTO"),
    ("Встреча с генеральным секретарем Организации Договора о коллективной безопасности Имангали Тасмагамбетовым прошла в Москве.",
     "Secretary General of the CSTO", None, "CSTO"),
    ("Доклад генсека ОДКБ Имангали Тасмагамбетова заслушали.", "Secretary General of the CSTO", None, "CSTO"),
    ("Генеральный секретарь ШОС Нурлан Ермекбаев выступил.", "Secretary General of the SCO", None, "SCO"),
    ("Встреча с генсеком ШОС Чжан Мином прошла в Пекине.", "Secretary General of the SCO", None, "SCO"),
    ("Доклад генерального секретаря Шанхайской организации сотрудничества Чжан Мина заслушали.",
     "Secretary General of the SCO", None, "SCO"),
    ("Генеральный секретарь Организации тюркских государств Кубанычбек Омуралиев выступил.",
     "Secretary General of the Organization of Turkic States", None, "Organization of Turkic States"),
    ("Встреча с генсеком Организации тюркских государств Кубанычбеком Омуралиевым прошла в Стамбуле.",
     "Secretary General of the Organization of Turkic States", None, "Organization of Turkic States"),
    ("Доклад генерального секретаря Организации тюркских государств Кубанычбека Омуралиева заслушали.",
     "Secretary General of the Organization of Turkic States", None, "Organization of Turkic States"),
    ("Председатель Исполнительного комитета СНГ Сергей Лебедев выступил.",
     "Chairman of the Executive Committee – Executive Secretary of the CIS", None, "CIS"),
    ("Встреча с председателем Исполкома СНГ Сергеем Лебедевым прошла в Минске.",
     "Chairman of the Executive Committee – Executive Secretary of the CIS", None, "CIS"),
    ("Доклад председателя Исполнительного комитета – Исполнительного секретаря СНГ Сергея Лебедева заслушали.",
     "Chairman of the Executive Committee – Executive Secretary of the CIS", None, "CIS"),
    ("Директор Исполнительного комитета РАТС ШОС Руслан Мирзаев выступил.",
     "Director of the Executive Committee of the SCO Regional Anti-Terrorist Structure", None, None),
    ("Встреча с директором Исполкома РАТС ШОС Русланом Мирзаевым прошла в Ташкенте.",
     "Director of the Executive Committee of the SCO Regional Anti-Terrorist Structure", None, None),
    ("Доклад руководителя РАТС ШОС Руслана Мирзаева заслушали.",
     "Director of the Executive Committee of the SCO Regional Anti-Terrorist Structure", None, None),
    ("Руководитель Антитеррористического центра государств – участников СНГ Евгений Сысоев выступил.",
     "Head of the CIS Anti-Terrorism Center", None, "CIS_ATC"),
    ("Встреча с руководителем АТЦ СНГ Евгением Сысоевым прошла в Москве.", "Head of the CIS Anti-Terrorism Center", None, "CIS_ATC"),
    ("Доклад руководителя Антитеррористического центра СНГ Евгения Сысоева заслушали.",
     "Head of the CIS Anti-Terrorism Center", None, "CIS_ATC"),
    # Presidents' offices
    ("Помощник президента России Юрий Ушаков выступил.", "Aide to the President", "RUS"),
    ("Встреча с помощником президента Казахстана Иваном Петровым прошла в Астане.", "Aide to the President", "KAZ"),
    ("Доклад помощника президента Узбекистана Ивана Петрова заслушали.", "Aide to the President", "UZB"),
    ("Советник президента Азербайджана Хикмет Гаджиев выступил.", "Adviser to the President", "AZE"),
    ("Встреча с советником президента Киргизии Иваном Петровым прошла в Бишкеке.", "Adviser to the President", "KGZ"),
    ("Доклад советника президента Таджикистана Ивана Петрова заслушали.", "Adviser to the President", "TJK"),
    ("Руководитель администрации президента Казахстана Айбек Дадебай выступил.", "Head of the Presidential Administration", "KAZ"),
    ("Встреча с главой Администрации Президента Беларуси Игорем Сергеенко прошла в Минске.",
     "Head of the Presidential Administration", "BLR"),
    ("Доклад руководителя Исполнительного аппарата Президента Таджикистана Ивана Петрова заслушали.",
     "Head of the Presidential Administration", "TJK"),
    ("Советник президента по национальной безопасности Иван Петров прибыл в Женеву.", "National Security Adviser", None),
    ("Встреча с советником по национальной безопасности Индии Аджитом Довалом прошла в Москве.",
     "National Security Adviser", "IND"),
    ("Доклад помощника президента по национальной безопасности Ивана Петрова заслушали.", "National Security Adviser", None),
    # China
    ("Член Госсовета КНР Ван Юн выступил.", "State Councilor", "CHN"),
    ("Встреча с государственным советником КНР Ван Юном прошла в Пекине.", "State Councilor", "CHN"),
    ("Доклад государственного советника Ван Юна заслушали.", "State Councilor", "CHN"),
    ("Государственный советник президента Узбекистана Иван Петров выступил.", "State Adviser to the President", "UZB"),
    ("Член Политбюро ЦК КПК Ван И выступил.", "Member of the Political Bureau of the CPC Central Committee", "CHN"),
    ("Встреча с членом Политбюро Центрального комитета КПК Ван И прошла в Пекине.",
     "Member of the Political Bureau of the CPC Central Committee", "CHN"),
    ("Доклад члена Политбюро ЦК КПК Ван И заслушали.", "Member of the Political Bureau of the CPC Central Committee", "CHN"),
    ("Член Постоянного комитета Политбюро ЦК КПК Цай Ци выступил.",
     "Member of the Standing Committee of the Political Bureau of the CPC Central Committee", "CHN"),
    ("Глава Канцелярии Комиссии ЦК КПК по иностранным делам Ван И выступил.",
     "Director of the Office of the Central Foreign Affairs Commission", "CHN"),
    ("Встреча с руководителем Канцелярии Центральной комиссии по иностранным делам Ван И прошла в Пекине.",
     "Director of the Office of the Central Foreign Affairs Commission", "CHN"),
    ("Доклад директора Канцелярии Комиссии ЦК КПК по иностранным делам Ван И заслушали.",
     "Director of the Office of the Central Foreign Affairs Commission", "CHN"),
    ("Секретарь Комиссии ЦК КПК по политическим и правовым вопросам Чэнь Вэньцин выступил.",
     "Secretary of the Central Political and Legal Affairs Commission", "CHN"),
    ("Встреча с секретарем Политико-юридической комиссии ЦК КПК Чэнь Вэньцином прошла в Москве.",
     "Secretary of the Central Political and Legal Affairs Commission", "CHN"),
    ("Доклад секретаря Комиссии ЦК КПК по политическим и правовым вопросам Чэнь Вэньцина заслушали.",
     "Secretary of the Central Political and Legal Affairs Commission", "CHN"),
    ("Министр общественной безопасности КНР Ван Сяохун выступил.", "Minister of Public Security", "CHN"),
    ("Встреча с министром общественной безопасности Китая Ван Сяохуном прошла в Пекине.", "Minister of Public Security", "CHN"),
    ("Доклад министра общественной безопасности Вьетнама Ивана Петрова заслушали.", "Minister of Public Security", "VNM"),
    ("Министр государственной безопасности КНР Чэнь Исинь выступил.", "Minister of State Security", "CHN"),
    ("Встреча с министром государственной безопасности Китая Чэнь Исинем прошла в Пекине.", "Minister of State Security", "CHN"),
    ("Доклад министра госбезопасности КНР Чэнь Исиня заслушали.", "Minister of State Security", "CHN"),
    ("Министр национальной обороны КНР Дун Цзюнь выступил.", "Minister of National Defense", "CHN"),
    ("Встреча с министром национальной обороны Китая Дун Цзюнем прошла в Пекине.", "Minister of National Defense", "CHN"),
    ("Доклад министра национальной обороны Турции Ивана Петрова заслушали.", "Minister of National Defense", "TUR"),
    # Foreign and defence ministers
    ("Министр иностранных дел Беларуси Максим Рыженков прибыл в Москву.", "Foreign Minister", "BLR"),
    ("Встреча с главой внешнеполитического ведомства России Сергеем Лавровым прошла в Минске.", "Foreign Minister", "RUS"),
    ("Доклад главы МИД Казахстана Ивана Петрова заслушали.", "Foreign Minister", "KAZ"),
    ("Сергей Лавров, глава МИД России, заявил о важности сотрудничества.", "Foreign Minister", "RUS"),
    ("Первый заместитель министра иностранных дел России Андрей Руденко выступил.", "First Deputy Foreign Minister", "RUS"),
    ("Встреча с первым замминистра иностранных дел Беларуси Иваном Петровым прошла в Минске.",
     "First Deputy Foreign Minister", "BLR"),
    ("Замглавы МИД России Михаил Галузин провел консультации.", "Deputy Foreign Minister", "RUS"),
    ("Министр обороны Беларуси Виктор Хренин прибыл в Москву.", "Defense Minister", "BLR"),
    ("Встреча с главой Минобороны России Андреем Белоусовым прошла в Минске.", "Defense Minister", "RUS"),
    ("Доклад главы военного ведомства Казахстана Ивана Петрова заслушали.", "Defense Minister", "KAZ"),
    ("Замминистра обороны России Александр Фомин выступил.", "Deputy Defense Minister", "RUS"),
    # Special services
    ("Председатель ГКНБ Киргизии Камчыбек Ташиев выступил.", "Chairman of the State Committee for National Security", "KGZ"),
    ("Встреча с председателем Государственного комитета национальной безопасности Таджикистана Саймумином Ятимовым прошла в Душанбе.",
     "Chairman of the State Committee for National Security", "TJK"),
    ("Доклад главы ГКНБ Киргизии Ивана Петрова заслушали.", "Chairman of the State Committee for National Security", "KGZ"),
    ("Начальник Службы государственной безопасности Азербайджана Али Нагиев выступил.", "Head of the State Security Service", "AZE"),
    ("Встреча с начальником СГБ Али Нагиевым прошла в Баку.", "Head of the State Security Service", "AZE"),
    ("Доклад руководителя Службы государственной безопасности Азербайджанской Республики Али Нагиева заслушали.",
     "Head of the State Security Service", "AZE"),
    ("Председатель Службы государственной безопасности Узбекистана Абдусалом Азизов выступил.",
     "Chairman of the State Security Service", "UZB"),
    ("Директор Службы национальной безопасности Армении Андраник Симонян выступил.",
     "Director of the National Security Service", "ARM"),
    ("Встреча с директором СНБ Андраником Симоняном прошла в Ереване.", "Director of the National Security Service", "ARM"),
    ("Доклад главы Службы национальной безопасности Армении Андраника Симоняна заслушали.",
     "Director of the National Security Service", "ARM"),
    ("Председатель КГБ Беларуси Иван Тертель выступил.", "Chairman of the State Security Committee", "BLR"),
    ("Встреча с председателем Комитета государственной безопасности Иваном Тертелем прошла в Минске.",
     "Chairman of the State Security Committee", "BLR"),
    ("Доклад председателя КГБ Ивана Тертеля заслушали.", "Chairman of the State Security Committee", "BLR"),
    ("Председатель Комитета национальной безопасности Ермек Сагимбаев выступил.", "Chairman of the National Security Committee", "KAZ"),
    ("Директор СВР Сергей Нарышкин выступил.", "Director of the Foreign Intelligence Service", "RUS"),
    ("Директор Службы внешней разведки Казахстана Иван Петров выступил.", "Director of the Foreign Intelligence Service", "KAZ"),
    ("Начальник ГРУ Игорь Костюков выступил.", "Head of the Main Intelligence Directorate", "RUS"),
    ("Встреча с главой разведки Пакистана Иваном Петровым прошла в Исламабаде.", "Head of the Intelligence Service", "PAK"),
    ("Доклад руководителя Службы внешней разведки Ирана Ивана Петрова заслушали.",
     "Director of the Foreign Intelligence Service", "IRN"),
    ("Руководитель межведомственной разведки Пакистана Иван Петров выступил.", "Head of the Intelligence Service", "PAK"),
    ("Директор ФСО Дмитрий Кочнев выступил.", "Director of the Federal Guard Service", "RUS"),
    ("Первый заместитель директора ФСБ России Сергей Королев провел консультации.",
     "First Deputy Director of the Federal Security Service", "RUS"),
    # Spokespeople
    ("Официальный представитель МИД России Мария Захарова выступила.", "Foreign Ministry Spokesperson", "RUS"),
    ("Встреча с официальным представителем МИД КНР Мао Нин прошла в Пекине.", "Foreign Ministry Spokesperson", "CHN"),
    ("Слова пресс-секретаря МИД Казахстана Айбека Смадиярова привели журналисты.", "Foreign Ministry Spokesperson", "KAZ"),
    ("Пресс-секретарь Кремля Дмитрий Песков ответил журналистам.", "Kremlin Spokesman", "RUS"),
    ("Пресс-секретарь президента России Дмитрий Песков ответил журналистам.", "Press Secretary of the President", "RUS"),
    ("Вопрос задали пресс-секретарю президента Беларуси Наталье Эйсмонт.", "Press Secretary of the President", "BLR"),
    ("Официальный представитель Минобороны России Игорь Конашенков выступил.", "Defense Ministry Spokesperson", "RUS"),
    ("Официальный представитель МВД России Ирина Волк выступила.", "Interior Ministry Spokesperson", "RUS"),
    # Experts
    ("Политолог Иван Петров прокомментировал встречу.", "Political Scientist", None),
    ("Казахстанский политолог Иван Петров прокомментировал встречу.", "Political Scientist", "KAZ"),
    ("По мнению политолога Ивана Петрова, встреча была полезной.", "Political Scientist", None),
    ("Встречу прокомментировал военный эксперт Иван Петров.", "Military Expert", None),
    ("С военным экспертом Иваном Петровым мы поговорили о встрече.", "Military Expert", None),
    ("Российский эксперт Иван Петров прокомментировал встречу.", "Expert", "RUS"),
    ("По словам аналитика Ивана Петрова, встреча была полезной.", "Analyst", None),
    ("Востоковед Иван Петров прокомментировал встречу.", "Orientalist Expert", None),
    # Offices of one state's bodies
    ("Секретарь Высшего совета национальной безопасности Ирана Али Ларижани выступил.",
     "Secretary of the Supreme National Security Council", "IRN"),
    ("Встреча с секретарем Высшего совета нацбезопасности Ирана Али Ахмадианом прошла в Тегеране.",
     "Secretary of the Supreme National Security Council", "IRN"),
    ("Доклад секретаря Высшего совета национальной безопасности Ивана Петрова заслушали.",
     "Secretary of the Supreme National Security Council", "IRN"),
    ("Министр кабинета институциональной безопасности Бразилии Маркус Амаро выступил.",
     "Head of the Institutional Security Cabinet", "BRA"),
    ("Встреча с главой кабинета институциональной безопасности Бразилии Аугусто Элено прошла в Москве.",
     "Head of the Institutional Security Cabinet", "BRA"),
    ("Заместитель советника по национальной безопасности Индии Викрам Мисри выступил.",
     "Deputy National Security Adviser", "IND"),
    ("Встреча с советником премьер-министра Индии по национальной безопасности Аджитом Довалом прошла в Москве.",
     "National Security Adviser to the Prime Minister", "IND"),
    ("Председатель исполкома содружества Сергей Лебедев выступил.",
     "Chairman of the Executive Committee of the CIS", None, "CIS"),
    ("Вопросы задали главе исполкома СНГ Сергею Лебедеву.", "Chairman of the Executive Committee of the CIS", None, "CIS"),
    # A state inside the title, an abbreviation in brackets, a rank between the title and the name
    ("Секретарь российского Совета Безопасности Николай Патрушев прибыл в Ташкент.",
     "Secretary of the Security Council", "RUS"),
    ("Встреча с секретарем казахстанского Совбеза Гизат Нурдаулетовым прошла в Астане.",
     "Secretary of the Security Council", "KAZ"),
    ("Заседание прошло под председательством секретаря Совета безопасности (СБ) РФ Сергея Шойгу.",
     "Secretary of the Security Council", "RUS"),
    ("Делегацию возглавил Председатель Государственного пограничного комитета Республики Беларусь генерал-майор "
     "Константин Молостов.", "Chairman of the State Border Committee", "BLR"),
    ("Приветствие зачитал директор ФСБ Российской Федерации генерал армии Александр Бортников.",
     "Director of the Federal Security Service", "RUS"),
    ("Министр обороны Азербайджана генерал-полковник Закир Гасанов выступил.", "Defense Minister", "AZE"),
]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_office_in_a_russian_sentence(extractor, case):
    text, title, state, *rest = case
    org = rest[0] if rest else None
    found = offices(extractor, text)
    assert has(found, title, state, org), found


# Deputies: the office's genitive stays as it is whatever the case of "заместитель".
DEPUTIES = [
    ("Prosecutor General", "генерального прокурора Казахстана", "KAZ"),
    ("Foreign Minister", "министра иностранных дел России", "RUS"),
    ("Defense Minister", "министра обороны Беларуси", "BLR"),
    ("Interior Minister", "министра внутренних дел Узбекистана", "UZB"),
    ("Minister of Justice", "министра юстиции Армении", "ARM"),
    ("Minister of Emergency Situations", "министра по чрезвычайным ситуациям Казахстана", "KAZ"),
    ("Minister of Finance", "министра финансов Киргизии", "KGZ"),
    ("Minister of Economy", "министра экономики Беларуси", "BLR"),
    ("Minister of Public Security", "министра общественной безопасности КНР", "CHN"),
    ("Director of the Federal Security Service", "директора ФСБ", "RUS"),
    ("Chairman of the State Security Committee", "председателя КГБ", "BLR"),
    ("Chairman of the State Committee for National Security", "председателя ГКНБ Киргизии", "KGZ"),
    ("Chairman of the National Security Committee", "председателя КНБ", "KAZ"),
    ("Chief of the General Staff", "начальника Генерального штаба Казахстана", "KAZ"),
    ("Chairman of the Investigative Committee", "председателя Следственного комитета", "RUS"),
    ("Head of the Presidential Administration", "руководителя администрации президента Казахстана", "KAZ"),
    ("Director of the National Guard", "директора Росгвардии", "RUS"),
    ("Head of the Border Service of the FSB", "руководителя Пограничной службы ФСБ", "RUS"),
    ("Head of the Federal Customs Service", "руководителя ФТС России", "RUS"),
]
DEPUTY_FORMS = [
    ("{rank} {office} Иван Петров прибыл в Москву.", {"Deputy": "Заместитель", "First Deputy": "Первый заместитель"}),
    ("Встреча с {rank} {office} Иваном Петровым прошла в Минске.",
     {"Deputy": "заместителем", "First Deputy": "первым заместителем"}),
    ("Слово предоставили {rank} {office} Ивану Петрову.", {"Deputy": "заместителю", "First Deputy": "первому заместителю"}),
    ("Доклад {rank} {office} Ивана Петрова заслушали.", {"Deputy": "заместителя", "First Deputy": "первого заместителя"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("title", "office", "state"), DEPUTIES, ids=[d[0] for d in DEPUTIES])
@pytest.mark.parametrize("rank", ["Deputy", "First Deputy"])
def test_deputies_in_every_case(extractor, title, office, state, rank):
    titles = {e["en"] for e in _entries()}
    if f"{rank} {title}" not in titles:
        pytest.skip(f"no {rank} {title} in the registry")
    for template, words in DEPUTY_FORMS:
        text = template.format(rank=words[rank], office=office)
        text = text[0].upper() + text[1:]
        found = offices(extractor, text)
        assert has(found, f"{rank} {title}", state), (text, found)


# ------------------------------------------------------------------ what is not an office, or no person


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Генеральный прокурор выступил с докладом на совещании.",
        "Министр иностранных дел заявил о важности сотрудничества.",
        "Председатель Следственного комитета провел совещание с руководителями ведомств.",
        "Встреча с генеральным секретарем ОДКБ прошла в Москве.",
        "Официальный представитель МИД ответил на вопросы журналистов.",
        "Первый заместитель министра обороны и начальник Генерального штаба обсудили учения.",
    ],
)
def test_a_title_without_a_name_is_no_person(extractor, text):
    record = run(extractor, text, language="ru")
    assert record["people"] == [], record["people"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_title"),
    [
        # A mission, a secretariat, a leadership and a rank are no office of the person named.
        ("Сотрудник постоянного представительства России при ООН Иван Петров выступил.", "Permanent Representative"),
        ("Сотрудник секретариата Совета безопасности Иван Петров выступил.", "Secretary of the Security Council"),
        ("Встреча прошла под руководством Ивана Петрова.", "Head"),
        ("Действительный государственный советник Иван Петров провел переговоры.", "State Councilor"),
        ("В период председательства Казахстана Иван Петров провел переговоры.", "Chairman"),
    ],
)
def test_lookalike_words_are_no_office(extractor, text, not_title):
    record = run(extractor, text, language="ru")
    titles = [o["title"] for p in record["people"] for o in p["offices"]]
    assert not_title not in titles, titles


def test_every_listed_case_names_an_office_in_the_registry():
    titles = {e["en"] for e in _entries()}
    missing = {c[1] for c in CASES} - titles
    assert not missing, missing
