"""The slots a question names, as patterns: spans of years, a goal or item number, a municipality.

answer/question.py reads these; answer/cues.py holds the intent cues and the topic's stop words.
"""

from __future__ import annotations

# Phrases naming a span of years: (pattern, which bound each year group sets). A single bound:
# 'efter 2019' / 'siden 2019' (from), 'før 2019' / 'indtil 2019' (to).
YEAR_RANGE_PATTERNS: tuple[str, ...] = (
    r"\b(?:fra|mellem|from|between)\s+(?P<start>(?:19|20)\d\d)\s+(?:til|og|to|and|-)\s+(?P<end>(?:19|20)\d\d)\b",
    r"\b(?P<start>(?:19|20)\d\d)\s*[-–]\s*(?P<end>(?:19|20)\d\d)\b",
    # a period written short, as budgets and accounts are ('2019-20', '2020-23', '1944/45'); not an ISO date
    r"\b(?P<start>(?:19|20)\d\d)[-–/](?P<end>\d\d)\b(?![-–/.]\d)",
)
YEAR_FROM_PATTERNS: tuple[str, ...] = (r"\b(?:efter|siden|after|since|from)\s+(?P<year>(?:19|20)\d\d)\b",)
YEAR_TO_PATTERNS: tuple[str, ...] = (r"\b(?:før|indtil|inden|before|until|up to)\s+(?P<year>(?:19|20)\d\d)\b",)

# A year named relative to the one the question names: 'Var målene for 2022 de samme som året før?' -> 2021.
RELATIVE_YEAR_PATTERNS: tuple[tuple[str, int], ...] = (
    (
        r"\b(året|år(et)?et) (før|forinden|inden)\b|\bforegående år\b|\b(the )?(year|plan) before\b|\bprevious year\b|\bprior year\b",
        -1,
    ),
    (r"\båret efter\b|\b(det )?følgende år\b|\b(the )?year after\b|\b(the )?following year\b|\bnext year\b", 1),
)

# 'mål 3', 'goal 2a', 'følgemål c', 'delmål 1', 'mål nr. 4': a goal's number as the plans print it.
GOAL_NUMBER_PATTERN = (
    r"\b(?P<label>følgemål|delmål|ministermål|mål|goal|target)\s+(?:nr\.?\s*|no\.?\s*|number\s+)?"
    r"(?P<number>\d{1,2}[a-z]?|[a-h])\b(?!\s*(?:pct|%|år|procent|per|year))"
)
# 'punkt 4', 'item 4', 'dagsordenspunkt 3'
ITEM_NUMBER_PATTERN = r"\b(?:dagsordens)?(?:punkt|item)\s+(?:nr\.?\s*)?(?P<number>\d{1,3})\b"

# 'Odense Kommune', 'Aarhus Municipality': a municipality the question names (the material may not hold it).
MUNICIPALITY_PATTERN = r"\b(?P<name>[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)(?:s)?\s+(?:[Kk]ommune|[Mm]unicipality)\b"

# A meeting named by its day or month without a year ('mødet d. 12/3', '12. marts', 'March 12', 'i marts',
# 'junimødet'): answer/meeting_dates.py resolves it against the meetings the material holds. Full month names
# only ('mar', 'jun' are words too), English 'may' only with a day. A year right after the day or month makes it a
# full date, read elsewhere.
_MONTH_NAMES = (
    "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|january|february|march"
    "|june|july|october"
)
_NO_YEAR_AFTER = r"(?!\.?,?\s*(?:19|20)\d\d)(?![-./]\s*\d)"
UNDATED_DAY_PATTERNS: tuple[str, ...] = (
    rf"\b(?P<day>\d{{1,2}})\.?\s*(?P<month>{_MONTH_NAMES}|may|sept?|okt|oct|nov|dec)\b\.?{_NO_YEAR_AFTER}",
    rf"\b(?P<month>{_MONTH_NAMES}|may)\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_NO_YEAR_AFTER}",
    rf"(?<![\d/.,-])\b(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})\b{_NO_YEAR_AFTER}(?!\s+(?:af|of)\b)",  # not '1/3 af'
    rf"\bd(?:en|\.)\s*(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\b\.?{_NO_YEAR_AFTER}",
)
UNDATED_MONTH_PATTERN = rf"\b(?P<month>{_MONTH_NAMES})(?:-?mød\w*)?\b{_NO_YEAR_AFTER}"

# Denmark's 98 municipalities, by the name a question uses without 'Kommune' ('what did Randers decide'): a
# municipality named so is a scope the material may not hold, answered as such rather than from another one's
# papers. Names that are also ordinary words ('vejen' the road, 'odder' otters, 'greve' a count) count only
# capitalised, mid-sentence (COMMON_WORD_MUNICIPALITIES).
DANISH_MUNICIPALITIES: tuple[str, ...] = (
    "Albertslund", "Allerød", "Assens", "Ballerup", "Billund", "Bornholm", "Brøndby", "Brønderslev", "Dragør",
    "Egedal", "Esbjerg", "Fanø", "Favrskov", "Faxe", "Fredensborg", "Fredericia", "Frederiksberg", "Frederikshavn",
    "Frederikssund", "Furesø", "Faaborg-Midtfyn", "Gentofte", "Gladsaxe", "Glostrup", "Greve", "Gribskov",
    "Guldborgsund", "Haderslev", "Halsnæs", "Hedensted", "Helsingør", "Herlev", "Herning", "Hillerød", "Hjørring",
    "Holbæk", "Holstebro", "Horsens", "Hvidovre", "Høje-Taastrup", "Hørsholm", "Ikast-Brande", "Ishøj", "Jammerbugt",
    "Kalundborg", "Kerteminde", "Kolding", "København", "Køge", "Langeland", "Lejre", "Lemvig", "Lolland",
    "Lyngby-Taarbæk", "Læsø", "Mariagerfjord", "Middelfart", "Morsø", "Norddjurs", "Nordfyns", "Nyborg", "Næstved",
    "Odder", "Odense", "Odsherred", "Randers", "Rebild", "Ringkøbing-Skjern", "Ringsted", "Roskilde", "Rudersdal",
    "Rødovre", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Slagelse", "Solrød", "Sorø", "Stevns", "Struer",
    "Svendborg", "Syddjurs", "Sønderborg", "Thisted", "Tønder", "Tårnby", "Vallensbæk", "Varde", "Vejen", "Vejle",
    "Vesthimmerland", "Viborg", "Vordingborg", "Ærø", "Aabenraa", "Aalborg", "Aarhus",
)  # fmt: skip
COMMON_WORD_MUNICIPALITIES: frozenset[str] = frozenset({"Greve", "Odder", "Vejen", "Faxe", "Skive", "Varde"})
