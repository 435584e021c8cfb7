"""Page furniture: menus, share buttons, credits, translation notices, related links.

Cleaning never deletes: it blanks characters with spaces (keeping line breaks), so
every offset found in the cleaned text is valid in the original input.
"""

from __future__ import annotations

import re

# Whole lines that are site furniture, in the languages reports arrive with.
_FURNITURE = [
    r"skip to (?:main )?content", r"advertisement", r"live broadcast", r"main slide", r"beginning of the article",
    r"select important", r"on", r"off", r"source link", r"comments are closed\.?", r"view settings",
    r"font size:?", r"site colou?rs:?", r"all news", r"go to the main site", r"share(?: on \w+)?", r"print",
    r"read more", r"subscribe", r"follow us.*", r"photo(?: ?gallery)?", r"video", r"tags?:.*", r"related news",
    r"official website of the .*", r"government bodies", r"flag .*\d{4}", r"(?:tel|fax|phone)[.:].*",
    r"emergency number.*", r"/?today's working hours.*", r"back to (?:top|list)", r"menu", r"search",
    r"озвучить текст", r"все новости", r"подписаться", r"поделиться", r"читать также.*", r"реклама",
    r"госорганы(?:госорганы)?", r"флаг .*\d{4}", r"документ\s*/?", r"главная", r"политика", r"общество",
    r"фото:?.*", r"photo:.*", r"источник:.*", r"©.*", r"перейти в фотобанк.*",
    r"para obter mais materiais", r"fotos", r"galeria de fotos", r"\d+ из \d+ fotos do álbum",
    r"corretamente as datas especiais", r"ferramentas adicionais de pesquisa",
    r"переведено сервисом .*", r".*\bпереводчик»?", r"автор:.*", r"редактор.*",
    r"[•·*\-–—|/\s\d:+°c]*",  # bullets, counters, clock times, temperatures
    r"(?:[^\W\d_]+ ?){1,2}[+-]\d+\s*°\s*c",  # "Минск +2°C"
]
_FURNITURE_RE = re.compile(r"^\s*(?:" + "|".join(_FURNITURE) + r")\s*$", re.I)

# Lines after which a page holds only links to other articles, comments or footers.
_END_MARKERS = re.compile(
    r"^\s*(?:other materials of .*|related (?:news|articles|materials)|read also:?|see also:?|more on the topic:?|"
    r"comments are closed\.?|source link|другие материалы.*|читайте также:?|похожие новости|по теме:?|"
    r"новости по теме:?|материалы по теме:?|related posts:?)\s*$",
    re.I,
)
# A crawler's "date YYYY-MM-DD" prefix: metadata, not text.
CRAWL_DATE = re.compile(r"\A\s*date (\d{4}-\d\d-\d\d)\s")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _foreign_script(line: str, language: str | None) -> bool:
    """A line in the other script than the body's (a menu or a notice from the site's other language)."""
    cyr, lat = len(_CYRILLIC.findall(line)), len(_LATIN.findall(line))
    if language == "en":
        return cyr > 3 and cyr > 2 * lat
    return False


_TABLE_ROW = re.compile(r"^[^\n\t]*\t[^\n\t]*\t[^\n]*$", re.M)


def clean_text(text: str, language: str | None = None) -> str:
    """``text`` with page furniture blanked; same length, same line breaks, but for a table's cells:
    the tabs of a row of two or more ("Kazakhstan<TAB>Serik Zhunusov<TAB>Director ...") break it into
    lines, so that no name runs on into the next cell."""
    text = _TABLE_ROW.sub(lambda m: m.group().replace("\t", "\n"), text)
    chars = list(text)
    m = CRAWL_DATE.match(text)
    if m:
        _blank(chars, m.start(), m.end() - 1)
    pos = 0
    for line in text.splitlines(keepends=True):
        start, body = pos, line.rstrip("\r\n")
        pos += len(line)
        if not body.strip():
            continue
        if _END_MARKERS.match(body):
            _blank(chars, start, len(text))
            break
        if _FURNITURE_RE.match(body) or _foreign_script(body, language):
            _blank(chars, start, start + len(body))
    return "".join(chars)
