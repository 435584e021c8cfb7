"""A synthetic news crawl: a WARC.gz of realistic pages, most of them unrelated news, a share of
them the dev reports inside news-site pages. Deterministic by seed.

    python benchmarks/warc_synth.py OUT.warc.gz [--pages 20000] [--relevant 0.05] [--seed 14]
    python benchmarks/warc_synth.py OUT_DIR --shards 20     # the same crawl as 20 archives, as crawls ship

Unrelated pages (sports, weather, markets, culture, in English and Russian, and a few in German
and French that name the organisations, so the language test has work) are written by a small
generator; relevant pages are the texts of /work/shared/corpus/dev and dev-ru, one paragraph per
line, the headline as the page's heading and a report's crawl date as the page's publication date
metadata, repeated with different page furniture (menus, footers, related links) until they make up
the asked share. Relevant pages have "/security/" in their URL, which is how warc_bench.py knows
them; nothing in Parley looks at URLs.
"""

from __future__ import annotations

import argparse
import html
import random
from pathlib import Path

from parley.ingest.clean import CRAWL_DATE
from parley.ingest.warc import response_record

CORPORA = (Path("/work/shared/corpus/dev"), Path("/work/shared/corpus/dev-ru"))

_SITES = {
    "en": ["dailyherald.example", "metronews.example", "thecourier.example", "worldwire.example"],
    "ru": ["novosti-dnya.example", "gorod24.example", "vesti-regiona.example", "lenta-info.example"],
    "de": ["tagesblatt.example"],
    "fr": ["lequotidien.example"],
}
_MENU = {
    "en": ["Home", "World", "Business", "Sport", "Weather", "Culture", "Opinion", "Video", "Podcasts"],
    "ru": ["Главная", "В мире", "Экономика", "Спорт", "Погода", "Культура", "Мнения", "Видео", "Подкасты"],
    "de": ["Startseite", "Welt", "Wirtschaft", "Sport", "Kultur"],
    "fr": ["Accueil", "Monde", "Économie", "Sport", "Culture"],
}
_FOOTER = {
    "en": "© {year} {site}. All rights reserved. Privacy policy · Terms of use · Contact us · Advertise",
    "ru": "© {year} {site}. Все права защищены. Политика конфиденциальности · Контакты · Реклама на сайте",
    "de": "© {year} {site}. Alle Rechte vorbehalten. Datenschutz · Impressum",
    "fr": "© {year} {site}. Tous droits réservés. Mentions légales · Contact",
}
_RELATED = {"en": "Related stories", "ru": "Читайте также", "de": "Mehr zum Thema", "fr": "À lire aussi"}

# The generator's vocabulary, per topic: (headline templates, sentence templates, fillers).
_EN = {
    "sports": (["{team} beat {team2} {n}-{m} in {city}", "{player} signs new deal with {team}"],
               ["{team} secured a {n}-{m} win over {team2} in front of {k},000 fans in {city}.",
                "{player} scored twice in the second half, and the coach praised the team's defence.",
                "The league table now shows {team} {n} points clear with {m} matches left to play.",
                "Tickets for the next home game against {team2} sold out within hours, the club said."]),
    "weather": (["Storm warning for {city} as temperatures drop", "Heatwave to continue in {city}"],
                ["Forecasters expect temperatures of up to {n} degrees in {city} on {day}.",
                 "Heavy rain and winds of {k}0 km/h are likely along the coast until {day}.",
                 "Residents of {city} were advised to avoid unnecessary travel during the storm.",
                 "The weather service said the cold front would move east by the weekend."]),
    "markets": (["Shares in {company} rise {n}%", "{company} reports record quarterly profit"],
                ["Shares in {company} rose {n}.{m}% on {day} after the company beat analysts' forecasts.",
                 "The benchmark index closed {m}.{n}% higher, led by technology and energy stocks.",
                 "Oil prices slipped to ${k}{n} a barrel as traders weighed weaker demand.",
                 "Analysts at the bank raised their target price for {company} to ${k}{m}."]),
    "culture": (["{artist} opens new exhibition in {city}", "Film festival in {city} announces lineup"],
                ["The exhibition of {artist}'s paintings opens at the {city} gallery on {day}.",
                 "Critics praised the production, which runs until the end of the month.",
                 "More than {k},000 visitors are expected at the festival this year, organisers said.",
                 "The orchestra will perform works by Tchaikovsky and Mahler at the opening concert."]),
}
_RU = {
    "sports": (["{team} обыграл {team2} со счётом {n}:{m}", "{player} продлил контракт с клубом {team}"],
               ["{team} одержал победу над {team2} со счётом {n}:{m} на глазах у {k} тысяч зрителей.",
                "{player} забил два мяча во втором тайме, тренер похвалил игру обороны.",
                "В турнирной таблице {team} опережает соперников на {n} очков за {m} туров до конца.",
                "Билеты на следующий домашний матч были распроданы за несколько часов."]),
    "weather": (["В {city_ru} ожидается похолодание", "Жара в {city_ru} продержится до выходных"],
                ["Синоптики обещают до {n} градусов тепла в {city_ru} в {day_ru}.",
                 "Сильный дождь и ветер до {k}0 метров в секунду ожидаются на побережье.",
                 "Жителям города рекомендовали воздержаться от поездок во время непогоды.",
                 "По данным метеослужбы, холодный фронт сместится на восток к выходным."]),
    "markets": (["Акции {company} выросли на {n}%", "{company} отчиталась о рекордной прибыли"],
                ["Акции компании {company} подорожали на {n},{m}% по итогам торгов в {day_ru}.",
                 "Индекс Мосбиржи завершил день ростом на {m},{n}%, лидировали бумаги энергетиков.",
                 "Нефть марки Brent подешевела до {k}{n} долларов за баррель.",
                 "Аналитики повысили целевую цену акций {company} до {k}{m}0 рублей."]),
    "culture": (["В {city_ru} открылась выставка {artist}", "Кинофестиваль в {city_ru} объявил программу"],
                ["Выставка работ художника {artist} открывается в городской галерее в {day_ru}.",
                 "Критики высоко оценили постановку, спектакль идёт до конца месяца.",
                 "Организаторы ожидают более {k} тысяч посетителей фестиваля в этом году.",
                 "На открытии оркестр исполнит произведения Чайковского и Малера."]),
}
# Foreign-language pages that do name the organisations: the pre-filter's language test drops them.
_FOREIGN = {
    "de": ["Die Außenminister der SCO-Staaten trafen sich am {day_de} in {city}, um über Handel zu sprechen.",
           "Auch die BRICS-Länder wollen ihre Zusammenarbeit im Finanzbereich in den nächsten Jahren ausbauen.",
           "Beobachter erwarten, dass die Gespräche noch mehrere Wochen andauern werden."],
    "fr": ["Les ministres des pays de l'OCS et des BRICS se sont réunis le {day_fr} à {city}.",
           "Les discussions ont porté sur le commerce, l'énergie et les infrastructures de transport.",
           "Selon les observateurs, un accord pourrait être signé avant la fin de l'année."],
}
_FILL = {
    "team": ["Rovers", "United", "Dynamo", "City", "Athletic", "Spartak", "Lokomotiv", "Wanderers"],
    "player": ["Tom Baker", "Luis Ortega", "Ivan Petrov", "Sam Cole", "Ali Rahman", "Kirill Orlov"],
    "city": ["Leeds", "Lyon", "Kazan", "Porto", "Samara", "Bristol", "Turin", "Perm"],
    "city_ru": ["Казани", "Самаре", "Перми", "Твери", "Сочи", "Омске"],
    "company": ["Northwind", "Acme Foods", "Polymet", "Sevtrans", "Globex", "Uralchem"],
    "artist": ["Anna Kuznetsova", "Marc Delacroix", "Oleg Vinogradov", "Helen Ward"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "day_ru": ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу"],
    "day_de": ["Montag", "Dienstag", "Mittwoch"],
    "day_fr": ["lundi", "mardi", "mercredi"],
}
FOREIGN_SHARE = 0.01


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--relevant", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--shards", type=int, default=1,
                        help="write OUT as a directory of this many archives (consecutive pages each)")
    args = parser.parse_args()
    relevant = write_crawl(args.out, args.pages, args.relevant, args.seed, args.shards)
    print(f"{args.out}: {args.pages} pages, {relevant} relevant" + (f", {args.shards} archives" if args.shards > 1 else ""))


def reports() -> list[tuple[str, str, str]]:
    """(language, name, text) of every dev report."""
    out = []
    for corpus in CORPORA:
        language = "ru" if corpus.name.endswith("-ru") else "en"
        out += [(language, p.stem, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))]
    return out


def write_crawl(out: Path, pages: int, share: float, seed: int, shards: int = 1) -> int:
    """Write the crawl (``shards`` > 1: OUT is a directory of that many archives, the same pages in
    the same order); returns how many of its pages are relevant."""
    rng = random.Random(seed)
    texts = reports()
    wanted = round(pages * share)
    relevant_at = set(rng.sample(range(pages), wanted))
    written = 0
    if shards > 1:
        out.mkdir(parents=True, exist_ok=True)
    files = [out / f"crawl-{n:03d}.warc.gz" for n in range(shards)] if shards > 1 else [out]
    handles = [f.open("wb") for f in files]
    try:
        for index in range(pages):
            handle = handles[index * len(handles) // pages]
            # Some Russian sites still serve cp1251, declared only in the HTTP header.
            charset = "windows-1251" if index % 5 == 0 else "utf-8"
            date = f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}T{index % 24:02d}:00:00Z"
            if index in relevant_at:
                language, name, text = texts[written % len(texts)]
                written += 1
                site = rng.choice(_SITES[language])
                url = f"https://{site}/security/{name}-{written}"
                charset = charset if language == "ru" else "utf-8"
                published, text = _published(text)
                lines = _paragraphs(text)
                headline = _headline(lines)
                body = _page(rng, language, site, lines[headline][:120], lines, charset, headline=headline,
                             published=published)
            else:
                language = _unrelated_language(rng)
                site = rng.choice(_SITES[language])
                title, paragraphs = _unrelated(rng, language)
                url = f"https://{site}/news/{index}"
                charset = charset if language == "ru" else "utf-8"
                body = _page(rng, language, site, title, paragraphs, charset)
            handle.write(response_record(url, body.encode(charset, "xmlcharrefreplace"), date=date,
                                         content_type=f"text/html; charset={charset}"))
    finally:
        for h in handles:
            h.close()
    return written


def _unrelated_language(rng: random.Random) -> str:
    if rng.random() < FOREIGN_SHARE:
        return rng.choice(["de", "fr"])
    return rng.choice(["en", "ru"])


def _unrelated(rng: random.Random, language: str) -> tuple[str, list[str]]:
    if language in _FOREIGN:
        lines = _FOREIGN[language]
        return _fill(rng, lines[0]), [_fill(rng, line) for line in lines]
    topics = _EN if language == "en" else _RU
    headlines, sentences = topics[rng.choice(sorted(topics))]
    paragraphs = [" ".join(_fill(rng, s) for s in rng.sample(sentences, 2)) for _ in range(rng.randint(3, 6))]
    return _fill(rng, rng.choice(headlines)), paragraphs


def _fill(rng: random.Random, template: str) -> str:
    values = {key: rng.choice(options) for key, options in _FILL.items()}
    values["team2"] = rng.choice(_FILL["team"])
    values.update(n=rng.randint(1, 9), m=rng.randint(0, 9), k=rng.randint(2, 9))
    return template.format(**values)


def _published(text: str) -> tuple[str | None, str]:
    """A report's crawl date prefix ("date 2025-11-05 ...", how the dev reports carry their
    publication date) as the page's metadata, and the text without it."""
    m = CRAWL_DATE.match(text)
    return (m.group(1), text[m.end():]) if m else (None, text)


def _headline(lines: list[str]) -> int:
    """Which line is the report's headline: the first of some length."""
    return next((i for i, line in enumerate(lines) if len(line) > 30), 0)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _page(rng: random.Random, language: str, site: str, title: str, paragraphs: list[str], charset: str,
          headline: int | None = None, published: str | None = None) -> str:
    """A news page: header with menu, the article, related links and a footer, varied by ``rng``.
    The article is the title as its heading, then the paragraphs; or, with ``headline``, the
    paragraphs alone, that one of them the heading (a report's lines, each once, in their order)."""
    menu = rng.sample(_MENU[language], k=min(len(_MENU[language]), rng.randint(5, 9)))
    related = [_fill(rng, rng.choice((_EN if language == "en" else _RU)["sports"][0]))
               if language in ("en", "ru") else rng.choice(_MENU[language]) for _ in range(rng.randint(2, 5))]
    escape = html.escape
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head>' + ('<meta charset="utf-8">' if charset == "utf-8" else "") + '<title>{escape(title)} | {site}</title>',
        f'<meta property="og:site_name" content="{site}">'
        + (f'<meta property="article:published_time" content="{published}T09:00:00+03:00">' if published else "")
        + "</head><body>",
        f'<header class="site-header"><a href="/" class="logo">{site}</a><nav class="main-menu"><ul>'
        + "".join(f'<li><a href="/{i}">{escape(item)}</a></li>' for i, item in enumerate(menu)) + "</ul></nav></header>",
        f'<div class="ad-banner">{escape(rng.choice(_MENU[language]))}</div>' if rng.random() < 0.5 else "",
        "<main><article>" + (f"<h1>{escape(title)}</h1>" if headline is None else ""),
        *(f"<h1>{escape(p)}</h1>" if i == headline else f"<p>{escape(p)}</p>" for i, p in enumerate(paragraphs)),
        "</article>",
        f'<aside class="related"><h2>{_RELATED[language]}</h2><ul>'
        + "".join(f'<li><a href="/r/{i}">{escape(r)}</a></li>' for i, r in enumerate(related)) + "</ul></aside></main>",
        f'<footer class="site-footer"><p>{escape(_FOOTER[language].format(year=2025, site=site))}</p></footer>',
        "</body></html>",
    ])


if __name__ == "__main__":
    main()
