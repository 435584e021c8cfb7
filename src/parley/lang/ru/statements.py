"""Russian: how Russian attributes a quotation («...», – заявил X) and marks a speech."""

from __future__ import annotations

import re

from parley.lang import StatementPhrasing

STATEMENTS = StatementPhrasing(
    speech_verb=(
        r"(?:заявил\w*|сказал\w*|отметил\w*|подчеркнул\w*|сообщил\w*|добавил\w*|пояснил\w*|уточнил\w*|"
        r"заметил\w*|указал\w*|напомнил\w*|считает|полагает|уверен\w*|признал\w*|заверил\w*|резюмировал\w*|"
        r"констатировал\w*|выразил\w*|цитирует|говорит|говорится|отмечает|подчеркивает|подчёркивает|"
        r"заключил\w*|ответил\w*|рассказал\w*|написал\w*|продолжил\w*|акцентировал\w*|обратил\w* внимание)"),
    pronoun=re.compile(r"^\s*(?:он|она|Он|Она)\b"),
    institution=re.compile(r"(?:пресс-служб|сообщени|заявлени|ведомств|министерств|документ|релиз|источник|сайт|"
                           r"аппарат|секретариат|коммюнике|говорится)", re.I),
    greeting=re.compile(r"(?:направил|обратился|приветстви|послани|обращени)", re.I),
    speech_title=re.compile(r"(?:выступление|речь|обращение|вступительное слово)\s+(?P<who>[^\n]{3,80})", re.I),
    first_person=re.compile(r"(?<!\w)(?:мы|наш\w*|нас|нам|я|мой|моя)(?!\w)", re.I),
    role_heads={"министр": "minister", "постпред": "representative", "полпред": "representative",
                "представител": "representative", "президент": "president", "премьер": "prime",
                "секретар": "secretary", "госсекретар": "secretary", "председател": "chairman",
                "директор": "director", "посол": "ambassador", "генпрокурор": "prosecutor",
                "прокурор": "prosecutor", "командующ": "commander", "руководител": "head", "глав": "head",
                "лидер": "leader", "генсек": "secretary", "замминистр": "minister", "вице-премьер": "prime",
                "спикер": "speaker", "начальник": "head", "дипломат": "minister", "замглав": "head"},
)
