"""Small Danish language helpers shared by the parsers: dates, numbers, slugs.

Shared file: add functions at the end; do not change existing signatures.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Month names and the abbreviations of modern and older minutes ('Febr.', 'Nobr.', 'Decbr.').
MONTHS = {
    "januar": 1,
    "jan": 1,
    "februar": 2,
    "feb": 2,
    "febr": 2,
    "marts": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "septbr": 9,
    "oktober": 10,
    "okt": 10,
    "oktbr": 10,
    "november": 11,
    "nov": 11,
    "novbr": 11,
    "nobr": 11,
    "december": 12,
    "dec": 12,
    "decbr": 12,
}

# The twelve months by name, for writing dates ("11. juni 2019").
MONTH_NAMES = (
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
# English month names and abbreviations, for reading questions written in English.
ENGLISH_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Regex alternation of every Danish month name and abbreviation, longest first (so "marts" wins over "mar").
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))

# The date forms of Danish documents, each read as (day, month, year) groups:
# '11. juni 2019' / '7. maj. 2020', '09-09-2014' / '01.09.2014' / '14/11/2022', '5/4 1945' (old protocols).
_LONG_DATE = re.compile(r"(\d{1,2})\.\s*(" + MONTH_PATTERN + r")\.?\s+(\d{4})", re.I)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})\s+(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Any one of those dates, for use inside other patterns (no groups).
DATE_PATTERN = (
    rf"(?:\d{{1,2}}\.\s*(?i:{MONTH_PATTERN})\.?\s+\d{{4}}|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{4}}"
    r"|\d{1,2}/\d{1,2}\s+\d{4}|\d{4}-\d{2}-\d{2})"
)
# An employment plan named by its year. PLAN_TITLE is how a plan titles itself ('Beskæftigelsesplan 2015',
# capitalised); PLAN_MENTION is how minutes and agenda titles refer to one, also in the definite form
# and in any case ('beskæftigelsesplanen 2014', 'BESKÆFTIGELSESPLAN 2015').
PLAN_TITLE = re.compile(r"\bBeskæftigelsesplan\s+(?P<year>(?:19|20)\d{2})\b")
PLAN_MENTION = re.compile(r"\bbeskæftigelsesplan(?:en)?\s+(?P<year>(?:19|20)\d{2})\b", re.I)
# A plan's areas: 'Indsatsområde', 'Fokusområde 2', 'Satsningsområde', 'Tema', 'Pejlemærke'. AREA_NOUN is the
# singular noun, AREA_WORD the noun in any inflection ('indsatsområdet', 'temaerne'; not 'temadag'),
# AREA_PLURAL the bare plural ('fokusområder', 'temaer'), AREA_HEADING a line that opens one area
# ('Indsatsområde: Unge', 'Tema 2: Sygedagpenge'), its name in group `name`.
AREA_NOUN = r"(?:(?:(?:hoved)?indsats|fokus|satsnings|udviklings)område|tema|pejlemærke)"
AREA_WORD = rf"{AREA_NOUN}(?:ts?|rnes?|r|et|ernes?|er)?(?![a-zæøå])"
AREA_PLURAL = rf"{AREA_NOUN}e?r(?![a-zæøå])"
AREA_HEADING = re.compile(rf"^\s*(?:{AREA_NOUN})\s*\d{{0,2}}\s*:\s*(?P<name>\S.{{1,80}}?)\s*$", re.I)


def _iso(year: int, month: int, day: int) -> str | None:
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _dates(text: str) -> list[tuple[int, str | None]]:
    """(position, ISO date or None when not a calendar date) of every date form found in `text`."""
    found = [
        (match.start(), _iso(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1))))
        for match in _LONG_DATE.finditer(text)
    ]
    for pattern in (_NUMERIC_DATE, _SLASH_DATE):
        found += [(m.start(), _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))) for m in pattern.finditer(text)]
    found += [(m.start(), _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))) for m in _ISO_DATE.finditer(text)]
    return found


# Nouns of people: a goal counting them counts persons …
_PEOPLE = re.compile(
    r"person|borger|modtager|ledige|\bunge\b|kvinder|mænd|flygtning|deltager|elever|ansatte|årige|sygemeldte"
    r"|pensionist|parate|medarbejder|famil|indvandrer|efterkommer",
    re.I,
)
# … the plural noun a goal counts: 'Overblik over virksomheder som …', 'Antallet af afholdte samtaler …'.
_COUNTED = re.compile(r"\b(?:antal(?:let)?(?:\s+af)?|overblik\s+over)\s+(?:\w+e\s+)?(?P<noun>[a-zæøå]{4,}er)\b", re.I)


def counted_noun(wording: str) -> str | None:
    """What a goal counts when it is not people: 'Overblik over virksomheder som jobcenteret samarbejder med' ->
    'virksomheder', 'Antal afholdte samtaler for aktivitetsparate …' -> 'samtaler'; None for a count of people or
    a wording that names no counted noun (its count is of persons)."""
    match = _COUNTED.search(wording)
    if match is None or _PEOPLE.search(match.group("noun")):
        return None
    return match.group("noun").lower()


# A date typed with a two-digit year, as staff write it in a question or an e-mail ('24/4-23', '14.11.22',
# '24.4.23'). Not read in documents: there 'pkt. 4.1.12' is a section number, not 4 January 2012.
_SHORT_YEAR_DATE = re.compile(r"(?<![\d./-])(\d{1,2})[./](\d{1,2})[-./](\d{2})(?![\d./-]?\d)")
# A two-digit year is 20xx up to a few years ahead of today (meetings and plans ahead: 'BP30'), else 19xx
# ('5/4-45' about the 1945 protocol, 'handleplan 98'): archives reach back further than plans reach ahead.
_SHORT_YEAR_AHEAD = 5


def full_year(short: int) -> int:
    """The year a two-digit year names (see _SHORT_YEAR_AHEAD); a full year is returned as it is."""
    if short >= 100:
        return short
    return (2000 if short <= date.today().year % 100 + _SHORT_YEAR_AHEAD else 1900) + short


def parse_typed_date(text: str) -> str | None:
    """ISO date of the first date with a two-digit year in typed text (see _SHORT_YEAR_DATE), or None."""
    for match in _SHORT_YEAR_DATE.finditer(text):
        year = full_year(int(match.group(3)))
        try:  # typed by hand: a day the month lacks ('31/2-23') is a slip, not a date
            return date(year, int(match.group(2)), int(match.group(1))).isoformat()
        except ValueError:
            continue
    return None


def parse_danish_date(text: str) -> str | None:
    """First date in `text` as ISO yyyy-mm-dd: '11. juni 2019', '09-09-2014', '01.09.2014', 'd. 5/4 1945',
    '2022-11-14'."""
    dates = sorted((position, iso) for position, iso in _dates(text) if iso)
    return dates[0][1] if dates else None


def parse_number(text: str) -> float | None:
    """Danish number: '2,1' -> 2.1, '1.000' -> 1000, '-14,0%' -> -14.0. None if not a number."""
    cleaned = text.strip().rstrip("%").strip().replace("\u2212", "-").replace("\u2010", "-")
    if not re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})*(,\d+)?|[-+]?\d+(,\d+)?", cleaned):
        return None
    return float(cleaned.replace(".", "").replace(",", "."))


def ascii_fold(text: str) -> str:
    """'Lyngby-Taarbæk Økonomi' -> 'Lyngby-Taarbaek Oekonomi' (Danish transliteration)."""
    for danish, plain in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"), ("Å", "Aa")):
        text = text.replace(danish, plain)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


# Bullet glyphs the PDF converters leave at the start of list lines: private-use Symbol-font
# codepoints (U+F0B7 ..), the normaliser's "• ", markdown "- " and check marks.
_BULLET = re.compile(r"^\s*(?:(?:[\uf000-\uf0ff•▪◦·✓✔*]|-(?=\s))\s*)+")


def strip_bullet(line: str) -> str:
    """'  Minimum 60 pct. ...' / '- ✓ Tidlig ...' / '• Flere ...' -> the text after the bullet."""
    return _BULLET.sub("", line, count=1).strip()


def is_bulleted(line: str) -> bool:
    return bool(_BULLET.match(line))


# Words a sentence does not end on: a line that ends with one continues on the next line.
DANGLING_WORDS = frozenset(
    {
        "af",
        "at",
        "og",
        "i",
        "på",
        "med",
        "for",
        "til",
        "en",
        "et",
        "der",
        "som",
        "om",
        "de",
        "den",
        "det",
        "få",
        "fra",
        "ved",
        "mellem",
        "samt",
        "eller",
        "end",
        "hvor",
        "x",
    }
)


def ends_mid_sentence(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and words[-1] in DANGLING_WORDS


# A plan named by a two-digit year, as staff write it: with its initials ('BP19', 'bp 23', 'BP'19'), before
# the plan word ('19-planen', '23-planerne') or after a plan's name and a preposition ('beskæftigelsesplanen for
# 19', 'handleplanen fra 21', 'strategien 22'), and a second year joined to it ('for 19 og 22'). After a name
# (not glued) the two digits are a year only when nothing but a joining word, a verb or punctuation follows:
# 'planen for 30 unge' counts people.
_PLAN_NAME = r"(?:beskæftigelses|handle|udviklings|indsats|aktions)?plan(?:en|erne)?|strategi(?:en)?"
_AFTER_SHORT_YEAR = (
    r"(?=\s*(?:$|[^\w\s'’-]|(?:og|and|eller|or|til|to|vs|versus|med|with|mod|om|about|i|in|var|er|was|is|blev"
    r"|har|havde|has|had)\b))"
)
_SHORT_PLAN_YEARS = (
    re.compile(r"\b(?P<head>bp)\s?['’]?(?P<year>(?:19|20)\d{2}|\d{2})\b(?![.,]\d)", re.I),
    re.compile(r"\b(?P<head>)(?P<year>\d{2})(?=-plan)", re.I),
    re.compile(
        rf"\b(?P<head>(?:{_PLAN_NAME})\s+(?:(?:for|fra|i|of|from)\s+)?['’]?)(?P<year>\d{{2}})\b{_AFTER_SHORT_YEAR}",
        re.I,
    ),
)
_JOINED_SHORT_YEAR = re.compile(
    rf"(?P<head>\b(?:19|20)\d\d\s+(?:og|and|eller|or|til|to|vs\.?|versus)\s+['’]?)(?P<year>\d{{2}})\b{_AFTER_SHORT_YEAR}",
    re.I,
)


def plan_years_in_full(text: str) -> str:
    """The text with every plan named by a two-digit year written with the full year ('BP19' -> 'BP2019',
    'beskæftigelsesplanen for 19 og 22' -> '… for 2019 og 2022'), and the initials glued to it ('BP 2019' ->
    'BP2019'), so year slots read it like any other year and 'BP' is no topic word."""

    def full(match: re.Match) -> str:
        return f"{match.group('head')}{full_year(int(match.group('year')))}"

    for pattern in (*_SHORT_PLAN_YEARS, _JOINED_SHORT_YEAR):
        text = pattern.sub(full, text)
    return text
