"""Russian: how Russian writes names and office titles ("госсекретарь совбеза Беларуси Александр
Вольфович", "Николай Патрушев, секретарь Совета безопасности РФ")."""

from __future__ import annotations

import re

from parley.lang import DeclinedNames, PeoplePhrasing

PEOPLE = PeoplePhrasing(
    delegation=re.compile(r"(?:делегаци\w+ (?P<a>[А-ЯЁ]\w+)|(?P<b>[а-яё]+ская) (?:делегаци|сторон)\w*|от (?P<c>[А-ЯЁ]\w+))"),
    written=None,
    declined=DeclinedNames(
        name_word=re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"),
        capitalised_run=re.compile(r"(?<![А-ЯЁа-яё-])[А-ЯЁ][а-яё]*(?:-[А-ЯЁ]?[а-яё]+)?(?:[ \t\u00a0]+[А-ЯЁ][а-яё]*(?:-[А-ЯЁ]?[а-яё]+)?){1,3}"
                                r"(?![А-ЯЁа-яё])"),
        initials=re.compile(r"(?<![\w.])([А-ЯЁ])\.\s?(?:[А-ЯЁ]\.\s?)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![а-яё])"),
        # "Председатель ... комитета Республики Беларусь генерал-майор X".
        ranks=re.compile(
            r"(?<![\w-])(?:генерал(?:-(?:майор|лейтенант|полковник))?\w*(?:\s+арми\w+)?|полковник\w*|подполковник\w*|"
            r"майор\w*|адмирал\w*|вице-адмирал\w*|контр-адмирал\w*|маршал\w*|капитан\w*(?:\s+\w+\s+ранга)?)(?![\w-])", re.I),
        between_title_and_name=re.compile(
            # "Полномочный представитель КР при организации X": the organisation a representative is at.
            r"^(?:\s|[,–—-]|при|президенте|президента|республики|республика|российской|федерации|по|делам|организации|"
            r"\([А-ЯЁA-Z]{2,6}\)|\(|\)|и)*$", re.I),
        plural_title=re.compile(r"\w*(?:секретари|министры|главы|руководители)\b", re.I),
        state_form=re.compile(r"(?:\s+|республик\w*|федераци\w*)*$", re.I),
    ),
)
