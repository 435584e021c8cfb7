"""Russian: how Russian names agreements, plans and treaties, and says they were signed."""

from __future__ import annotations

import re

from parley.lang import AgreementPhrasing

# Document words and the kind of document each names, in the order tried.
KINDS = (
    # Nouns only: "договорились" (agreed) and "договоренность" (an understanding) name no treaty.
    (r"договор(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?![а-яё])", "treaty"), (r"конвенци\w+", "convention"), (r"меморандум\w*", "memorandum"),
    (r"декларац\w+|совместн\w+ заявлени(?:е|ю|ем)|заявлени(?:е|ю|ем)|коммюнике", "declaration"),
    (r"программ\w+", "program"),
    (r"план(?!ир)\w*", "plan"),
    (r"соглашени\w+", "agreement"), (r"концепци\w+|стратеги(?:я|и|ю|ей|ям|ями|ях)(?![а-яё])|протокол\w*|дорожн\w+ карт\w+|устав\w*|модельн\w+ закон\w*", "other"),
    # Only adopted or approved ones ("утвердили Комплекс совместных мер ..."): see _specific.
    (r"комплекс\w*\s+(?:\w+\s+)?мер\w*|перечень|перечн[яюе]\w*|положени[еяю]\s+о(?:б)?", "other"),
)

AGREEMENTS = AgreementPhrasing(
    document_word=re.compile(r"(?<![а-яё])(?P<w>" + "|".join(p for p, _ in KINDS) + r")\b", re.I),
    kinds=tuple((re.compile(p, re.I), kind) for p, kind in KINDS),
    plural_endings=(),  # the tagger tells the number of Russian nouns
    title_modifiers=None,  # the tagger's adjectives: "Антинаркотическая стратегия"
    determiner=None,
    title_stop=re.compile(
        r"[.;:!?()]|,\s(?!\d)|\s[-–—]\s(?!\s*(?:перв|втор)\w+ полугод|\s*(?:участник|член)\w*)|\s(?:был\w*|подписан\w*|выполнен[аоы]?|"
        r"который|которая|которое|которые|котор\w+|в ходе|во время|состоял\w+|и все|"
        r"является|являются)\s|\sи\s(?=[А-ЯЁ](?![А-ЯЁ]{1,5}(?![а-яё]))(?!\w*(?:и|ии|ы|а)\s+(?:на|о|об|в)\s))|»\s*(?:,|\.|$)|"
        r"(?<=годы)\s|(?<=года)\s(?![-–—−]\s*(?:перв|втор))"),
    # "план сотрудничества ...": a document word governing a genitive names one document.
    qualifying_case="Gen",
    # "Бишкекская декларация": a city's adjective names a document as the city does.
    place_adjective=re.compile(r"[А-ЯЁ][а-яё-]+ск(?:ая|ую|ой|ие|их|ое|ий)"),
    # "в своем заявлении": a statement made, not a document adopted (unless capitalised).
    statement=re.compile(r"заявлени", re.I),
    draft=re.compile(r"(?<![а-яё])(?:проект\w*|предлож\w+)(?![а-яё])", re.I),
    until=re.compile(r"(?<![а-яё])(?:до|по)\s+(?P<y>(?:19|20)\d\d)\s*(?:год\w*|г\.)?", re.I),
    # Signing, and adopting or approving at a meeting: a council "утвердил план" as ministers sign one.
    signed=re.compile(r"(?<![а-яё])(?:подписал\w*|подписан\w*|подписани\w+|заключ\w+|утвердил\w*|утвержден\w*|"
                      r"одобрил\w*|одобрен\w*|принят[аоы]?|приняли(?!\s+участи))(?![а-яё])", re.I),
    passive_signed=re.compile(r"подписан", re.I),
    group_signers=re.compile(r"(?<![а-яё])(?:главы государств|главы правительств|министры|стороны|лидеры|президенты|"
                             r"секретари|руководители(?: делегаций)?)(?![а-яё])\s*(?:также\s+)?$", re.I),
    earlier=re.compile(r"(?<![а-яё])(?:ранее|прежде|раньше|в (?:19|20)\d\d году)(?![а-яё])", re.I),
    # "план действий по реализации Глобальной контртеррористической стратегии ООН": a document's title
    # that names another after "по", "о", "в сфере".
    between=re.compile(r"(?<![а-яё])между(?![а-яё])", re.I),
    inner_of=re.compile(r"(?<![а-яё])(?:по|о|об|в сфере|в области|для)\s+(?:[А-Яа-яЁё-]+\s+){0,4}$", re.I),
)
