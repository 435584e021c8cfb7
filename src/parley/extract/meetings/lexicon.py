"""The words and phrasings that say a meeting is spoken of, held or planned, chaired, attended."""

from __future__ import annotations

import re

Span = tuple[int, int]


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
         "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20,
         "XXI": 21, "XXII": 22, "XXIII": 23, "XXIV": 24, "XXV": 25, "XXX": 30}


ORDINAL_WORDS_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                    "nineteenth": 19, "twentieth": 20}


ORDINAL_STEMS_RU = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6,
                    "седьм": 7, "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
                    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
                    "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20}


TRIGGERS = {
    "en": re.compile(
        r"\b(?P<t>meetings?|sessions?|summits?|conferences?|forums?|talks|consultations?|sittings?|gatherings?|"
        r"round ?tables?|seminars?|events?|negotiations)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?P<t>встреч[аеиуой]\w*|заседани[еяюийм]\w*|совещани\w*|саммит\w*|сесси[яиюей]\w*|"
        r"форум\w*|переговор\w*|консультаци\w*|конференци\w*|мероприяти\w*|круглы\w+ стол\w*)(?![а-яё])", re.I),
}


GENERIC_TRIGGER = re.compile(r"^(?:events?|мероприяти\w*|forums?|форум\w*)$", re.I)


BILATERAL_TRIGGER = re.compile(r"^(?:talks|consultations?|negotiations|переговор\w*|консультаци\w*)$", re.I)


PLURAL_EN = re.compile(r"^(?:meetings|sessions|summits|conferences|forums|sittings|gatherings|events)$", re.I)


# A body meeting without a meeting word: "Heads of CIS special services gathered in Minsk".
GATHER = {
    "en": re.compile(r"\b(?:gathered|met|meet|will meet|convened|assembled|are meeting|discuss|discussed|"
                     r"agreed|agree|adopted|approved|exchanged|reviewed|called for|call for|signed)\b", re.I),
    "ru": re.compile(r"(?<![а-яё])(?:встрет(?:ятся|ились|ился|ится)|собрал(?:ись|ся)|соберутся|соберется|"
                     r"провел\w*|провед(?:ут|ет|ёт)|обсуд(?:или|ил|ят|ит)|согласовал\w*|подписал\w*|принял[аи]?|"
                     r"утвердил\w*|одобрил\w*|рассмотр(?:ели|ел|ят|ит))(?![а-яё])", re.I),
}


PLANNED = {
    "en": re.compile(
        r"\b(?:will|shall|is to be|are to be|to be held|is scheduled|are scheduled|scheduled|planned|plans? to|"
        r"is expected|are expected|upcoming|forthcoming|next|may hold|would|is due|are due|opens|will open|"
        r"ahead of|on the eve of|in preparation for|to hold|documents? for|drafts? for|preparations? for|"
        r"to be submitted|submitted to|invited|invites|invitations?)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?:пройд[её]т|состоится|будет|будут|планиру\w+|намечен\w*|предстоящ\w+|следующ\w+|"
        r"встретятся|соберутся|проведут|откроется|накануне|в преддверии|выносятся|выносим\w*|пригласил\w*|"
        r"подготовк\w* к|готовится|готовятся|прим[еу]т участие|"
        r"приглашени\w+|приглаш\w+)(?![а-яё])", re.I),
}


HELD = {
    "en": re.compile(
        r"\b(?:was held|were held|took place|has taken place|held|hosted|attended|discussed|chaired|was attended|"
        r"is taking place|is being held|are taking part|kicked off|opened|gathered|met|took part|participated|"
        r"following|focused|featured|saw|was|were|addressed|exchanged|reviewed|signed|agreed|adopted|"
        r"considered|summed up|talked|noted|discussed|concluded|ended)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?:состоял\w+|прош[лё]\w*|проходивш\w+|прошедш\w+|завершил\w+|принял\w* участие|"
        r"приняли|участвовал\w*|обсудил\w*|провел\w*|провёл|подписал\w*|был\w* подписан\w*|открыл\w*|"
        r"присутствовал\w*|выступил\w*|представлен\w*|рассмотрел\w*|согласовал\w*)(?![а-яё])", re.I),
}


NEXT = {"en": re.compile(r"\b(?:next|upcoming|forthcoming|future)\b", re.I),
        "ru": re.compile(r"(?<![а-яё])(?:следующ\w+|очередн\w+ заседани\w+ пройд\w+|предстоящ\w+)(?![а-яё])", re.I)}


PREVIOUS = {"en": re.compile(r"\b(?:previous|last year's|preceding|past)\b", re.I),
            "ru": re.compile(r"(?<![а-яё])(?:предыдущ\w+|прошл(?:ый|ая|ое|ые|ого|ой|ом|ую|ым|ых|ыми)|прошлогодн\w+)(?![а-яё])", re.I)}


HABITUAL = {"en": re.compile(r"\b(?:every year|annually|traditionally|regularly|usually|each year|annual meetings|such meetings)\b", re.I),
            "ru": re.compile(r"(?<![а-яё])(?:ежегодно|каждый год|регулярно|традиционно|обычно)(?![а-яё])", re.I)}


JOINT = {"en": re.compile(r"\bjoint\b", re.I), "ru": re.compile(r"(?<![а-яё])совместн\w+", re.I)}


SIDELINES = {"en": re.compile(r"\b(?:on the sidelines|on the margins|during the meeting|within the framework|as part of|at the meeting|in the course of)\b", re.I),
             "ru": re.compile(r"(?<![а-яё])(?:в рамках|на полях|в ходе)(?![а-яё])", re.I)}


CHAIR = {
    "en": re.compile(
        r"(?:under the (?:chairmanship|chairpersonship|presidency) of|chaired by|presided over by|conducted by|"
        r"hosted by|moderated by|(?P<after>\bchaired\b|\bpresided over\b|\bwill chair\b|\bis to chair\b|"
        r"\bwill preside over\b|\bpresiding\b))", re.I),
    "ru": re.compile(
        r"(?:под председательством|председательствовать\s+(?:на\s+\w+\s+)?будет|председательствовал\w*|"
        r"будет председательствовать(?:\s+на\s+\w+)?|"
        r"председатель(?:ствующ\w+)? (?:совета|комитета)\b[^.]{0,10}?(?=,)|"
        r"(?P<after>провел\w*|провёл)(?=\s+(?:[^\s,.]+\s+){0,3}?(?:заседание|совещание|встречу(?!\s+с)))"
        r"(?!\s+встречу\s+с))", re.I),
}


# Who opens a session chairs it when the text names no other chair: "X opened the meeting", "Заседание
# открыл министр X".
OPENER = {
    "en": re.compile(r"\b(?:opened|will open|declared open)\b(?=\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?"
                     r"(?:meeting|session|sitting|summit|conference|talks|consultations)\b)", re.I),
    "ru": re.compile(r"(?<![а-яё])(?:открыл\w*|откроет)(?![а-яё])", re.I),
}


PARTICIPATION = {
    "en": re.compile(
        r"\b(?:attended|attend|attending|attendance|took part|take part|taking part|participat\w+|joined|joining|present|presence|"
        r"represents|representing|co-chair\w*|arrived|"
        r"headed by|led by|delegations?|on behalf of|received|welcomed|represented|representatives?|chaired|"
        r"speech|spoke|addressed|opened|signed|members?|heads? of delegations?|guests?|invited)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?:принял\w* участие|принима\w+ участие|участвовал\w*|участву\w+|участник\w*|"
        r"присутствовал\w*|присутству\w+|во главе с|возглавил\w*|возглавля\w+|представля\w+|представил\w*|"
        r"сопредседател\w+|прибыл\w*|"
        r"делегаци\w+|представлен\w*|представител\w+|выступил\w*|открыл\w*|приветствовал\w*|принял\w*|"
        r"подписал\w*|председательств\w+|провел\w*|провёл|встретил\w*|с главами|с секретарями)(?![а-яё])", re.I),
}


# Cues strong enough to say who took part when the sentence does not name the meeting.
ATTENDANCE = {
    "en": re.compile(
        r"\b(?:attended|attending|in attendance|took part|take part|taking part|participated|participating|joined|joining|"
        r"(?:was|were) present|presence|headed by|led by|delegations?|on behalf of|heads? of delegations?|"
        r"(?:was|were) represented|represented by|represents|representing|represent|co-chair\w*|"
        r"arrived (?:in \w+ )?(?:to attend|for)|read out)\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?:принял\w* участие|принима\w+ участие|прим\w+ участие|участвовал\w*|участву\w+|"
        r"присутствовал\w*|присутству\w+|во главе с|возглавил\w*|возглавля\w+|делегаци\w+|представлен\w*|"
        r"представля\w+|представил\w*|сопредседател\w+|прибыл\w* (?:для участия|на)|зачитал\w*)(?![а-яё])", re.I),
}


HOLDS = {
    "en": re.compile(r"\s(?:held|holds|will hold|convened|conducted|is holding)\s+(?:a|an|its|the|their)?\s*(?:[\w-]+\s+){0,3}$", re.I),
    "ru": re.compile(r"\s(?:провел\w*|проведет|проведут|провёл)\s+(?:[\w-]+\s+){0,3}$", re.I),
}


NEGATION_AFTER = {
    "en": re.compile(r"\b(?:did not|didn't|do not|does not|were not|was not|never|are absent|were absent|stayed away|refused)\b", re.I),
    "ru": re.compile(r"(?<![а-яё])(?:не\s+\w+|отсутствовал\w*|отказал\w*)(?![а-яё])", re.I),
}


NEGATION = {
    "en": re.compile(r"\b(?:not|no|except|excluding|absent|without|apart from|did not see|never)\b", re.I),
    "ru": re.compile(r"(?<![а-яё])(?:не|за исключением|кроме|без|отсутствовал\w*)(?![а-яё])", re.I),
}


# What introduces the states (or organisations) represented: "representatives of", "attended by",
# "delegations from", "heads of the Security Councils of", "главами Советов безопасности стран (".
LIST_CUE = {
    "en": re.compile(r"(?:\b(?:representatives?|delegations?|delegates|heads?|secretar(?:y|ies)|ministers?|leaders?|"
                     r"ambassadors?|envoys?|colleagues|counterparts|participation|"
                     r"officials?|participants?|members?|chiefs?|advis[eo]rs?|leadership|bodies)\b[^.;,]{0,50}?"
                     r"\b(?:of|from)|\battended by|\b(?:states|countries)\s*[(:]|"
                     r"\b(?:took part|participated|attended|were represented|were present)\s*:)\s*(?:the\s+)?$", re.I),
    # Plural heads only: "секретари совбезов Азербайджана и Армении" lists states; "секретаря Совета
    # безопасности РФ" is one person's office.
    "ru": re.compile(r"(?:(?<![а-яё])(?:представител(?:и|ей|ями)|коллег(?:и|ами)?|послы|послов|делегаци(?:и|й|ями)|глав(?:ы|ами)?|секретар(?:и|ей|ями)|"
                     r"министр(?:ы|ов|ами)|руководител(?:и|ей|ями)|участник(?:и|ов|ами)|член(?:ы|ов|ами)|руководств\w*)"
                     r"(?![а-яё])[^.;]{0,70}?(?:стран\w*|государств\w*|совбез\w*|безопасности|органов|СНГ|ОДКБ|ШОС)?"
                     r"\s*[(:]?|(?<![а-яё])(?:приняли участие|участвовали|были представлены|присутствовали)\s*:)\s*$", re.I),
}


# What joins the members of such a list.
LIST_JOIN = {
    "en": re.compile(r"^\s*(?:,|and|,\s*and|,?\s*as well as(?:\s+(?:from|of))?|&)\s*(?:the\s+)?$", re.I),
    "ru": re.compile(r"^\s*(?:,|и|,\s*и|,?\s*а также(?:\s+(?:с|из))?)\s*$", re.I),
}


VIRTUAL = re.compile(r"\b(?:videoconference|video conference|video link|online|virtual\w*|videoconferencing)\b|"
                      r"(?<![а-яё])(?:видеоконференц\w+|онлайн|видеосвяз\w+)(?![а-яё])", re.I)


SIGNED = {"en": re.compile(r"\b(?:signed|signing|adopted|approved)\b", re.I),
           "ru": re.compile(r"(?<![а-яё])(?:подписал\w*|подписан\w*|утвердил\w*|принял\w*)(?![а-яё])", re.I)}


PREVIOUS_IN = {"en": re.compile(r"\b(?:previous|last|preceding)\s+(?:meeting|session)\b[^.]{0,60}?\b(?:in|of)\s+(?P<y>(?:19|20)\d\d)\b", re.I),
                "ru": re.compile(r"(?<![а-яё])(?:предыдущ|прошл)\w+\s+(?:встреч|заседани)\w*[^.]{0,60}?(?P<y>(?:19|20)\d\d)", re.I)}


EARLIER_RE = {"en": re.compile(r"\b(?:earlier|previously|last year|was signed|were signed)\b", re.I),
               "ru": re.compile(r"(?<![а-яё])(?:ранее|прежде|в прошлом году)(?![а-яё])", re.I)}


YEAR_ONLY = {"en": re.compile(r"\b(?:in|during)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-–—]\s*\d)"),
              "ru": re.compile(r"(?<![а-яё])в\s+(?P<y>(?:19|20)\d\d)\s+год\w*", re.I)}


PLACE_CUE = {
    "en": re.compile(r"(?:\bin|\bat|\bto|hosted by|\bfrom)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$", re.I),
    # "в г. Казани", "в городе Манас", "в гор. Оше": the abbreviation's dot is no word of its own.
    "ru": re.compile(r"(?<![а-яё])(?:в|во|на|под)\s+(?:(?:[а-яё-]+|г\.|гор\.|пос\.)\s*){0,3}$", re.I),
}


HOST_AFTER = {"en": re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:(?:yesterday|today|recently|on\s+\w+day)\s+)?"
                                r"(?:hosted|will host|is hosting|hosts|host)\b|"
                                r"^\s*,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]{2,8}\.?\s+\d{1,2})\b"),  # ", Moscow, September 30"
               "ru": re.compile(r"^\s*(?:принял\w*|прим\w+)\s|^\s*,\s*\d{1,2}\s+[а-яё]+", re.I)}
