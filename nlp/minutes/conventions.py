"""What Danish minutes and agendas print around their items, as data for the one segmentation engine.

Every publishing system (FirstAgenda, eDoc, SBSYS, Acadre, Word templates, web pages) combines the
same few conventions: an item heading that carries a number ('Punkt 3', 'Sag nr. 3', '312.', '3'),
the title on the heading's line or the next, a case-number line under it, and field labels alone on
a line ('Resumé', 'Indstilling', 'Beslutning', 'Bilag' ...). The tables below name those
conventions; `nlp.minutes.engine` reads any document with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.minutes.sections import Labels, Part


@dataclass(frozen=True)
class HeadingShape:
    """One way to print an item heading. `pattern` fullmatches the heading line with groups
    'number' and 'title' (empty when the title stands on the following line). A `keyword` shape
    names itself ('Punkt', 'Sag nr.'); a bare number needs evidence that a heading follows it."""

    name: str
    pattern: re.Pattern[str]
    keyword: bool


_TITLE_START = r"(?=[A-ZÆØÅÉ0-9\"'«»(„])"
HEADING_SHAPES = (
    # 'Punkt 3', 'Punkt 3: Titel', 'Punkt 3 Titel', 'Pkt. 3. Titel', 'Sag nr. 4', 'Dagsordenspunkt 2 - Titel',
    # English exports: 'Item 3: Title'
    HeadingShape(
        "keyword",
        re.compile(
            r"(?i:Punkt|Pkt\.|Sag\s+nr\.|Dagsordenspunkt|(?:Agenda\s+)?Item)\s*(?P<number>\d{1,4})(?:\.|\s*[:\-–])?"
            rf"(?:\s+{_TITLE_START}(?P<title>\S.*))?"
        ),
        keyword=True,
    ),
    # '312. Titel', '3. Titel (B)', '1.1 Titel', '3 Titel' is too common in prose to count
    HeadingShape(
        "numbered",
        re.compile(
            rf"(?P<number>\d{{1,4}}(?:\.\d{{1,2}})*)(?:\.\s+|(?<=\d\.\d)\s+|(?<=\d\.\d\d)\s+){_TITLE_START}(?P<title>.+)"
        ),
        keyword=False,
    ),
    # '3' alone on its line, the title on the next (web pages and tables: number, title, case number)
    HeadingShape("bare number", re.compile(r"(?P<number>\d{1,4})\.?(?P<title>)"), keyword=False),
)

# Case and document numbers printed under a heading: 'Sagsnr.: 2012-28504', 'Sagsnummer: 21-014448',
# 'Dok.nr.: 2012-203438', 'EMN-2025-010561', 'Journalnr.: 00.01.00-A00-1-22', 'Sags ID: EMN-…';
# not the heading 'Sag nr. 4'.
CASE_NUMBER = re.compile(
    r"(?:(?:Sags?\s*nr\.?|Sagsnummer|Sags\s*ID|Dok\.?\s*nr\.?|Dokumentnr\.?|Journal\s*nr\.?|Acadre\s*sag|"
    r"J\.\s*nr\.?)(?:\s*:\s*\S.*|\s+\S*\d[-./]\S*.*)|[A-ZÆØÅ]{2,5}-\d{4}-\d{3,}|\d{2,4}[-./]\d{3,}(?:[-./]\d+)*)",
    re.I,
)
# Who was absent from the whole item, printed with the heading: 'Fraværende: A, B', 'Afbud: C'.
ATTENDANCE = re.compile(r"(?:Fraværende|Afbud|Afbud/fravær)\s*:\s*\S.*", re.I)
# A closed item ('Lukket: Køb af ejendom', 'Lukket punkt', 'Lukket sag') prints only its decision.
CLOSED = re.compile(r"Lukket\b", re.I)
# An item listing the cases planned for coming meetings, a planning tool many committees get at every meeting:
# 'Kommende sager', 'Orientering om kommende sager', 'Sager til kommende møder', 'Sager på vej', 'Forventede
# sager', 'Punkter til næste møde' (a few words may follow: 'Kommende sager i efteråret'). Matched whole, so a
# case that only mentions coming cases is not one.
COMING_CASES = re.compile(
    r"(?:(?:orientering|oversigt)\s+(?:om|over)\s+)?"
    r"(?:(?:kommende|forventede|planlagte)\s+(?:sager|punkter|dagsordenspunkter)"
    r"|(?:sager|punkter)\s+(?:på vej|til\s+(?:de\s+)?(?:kommende|næste)\s+møde\w*))"
    r"(?:\s+\S+){0,3}\W*",
    re.I,
)

# Field labels of an item, lower case, without a colon: every system's names for the same fields.
LABELS = Labels(
    exact={
        # the item's summary
        "resumé": Part.RESUME,
        "resume": Part.RESUME,
        "sammendrag": Part.RESUME,
        "kort resume": Part.RESUME,
        "formål": Part.RESUME,
        # the administration's recommendation
        "indstilling": Part.RECOMMENDATION,
        "indstillinger": Part.RECOMMENDATION,
        "forslag til beslutning": Part.RECOMMENDATION,
        "administrationens indstilling": Part.RECOMMENDATION,
        "forvaltningens indstilling": Part.RECOMMENDATION,
        "direktionens indstilling": Part.RECOMMENDATION,
        "beslutningspunkter": Part.RECOMMENDATION,
        # the case itself
        "sagsfremstilling": Part.CASE,
        "sagsbeskrivelse": Part.CASE,
        "sagen": Part.CASE,
        "baggrund": Part.CASE,
        "begrundelse": Part.CASE,
        "problemstilling": Part.CASE,
        "løsning": Part.CASE,
        "fremstilling": Part.CASE,
        "beskrivelse": Part.CASE,
        # legal basis, economy, who decides
        "lovgrundlag": Part.LEGAL,
        "retsgrundlag": Part.LEGAL,
        "lovgrundlag og kompetence": Part.LEGAL,
        "økonomi": Part.ECONOMY,
        "økonomiske konsekvenser": Part.ECONOMY,
        "økonomiske konsekvenser og finansiering": Part.ECONOMY,
        "økonomi og finansiering": Part.ECONOMY,
        "beslutningskompetence": Part.COMPETENCE,
        "beslutningen træffes af": Part.COMPETENCE,
        "sagen afgøres af": Part.COMPETENCE,
        "kompetence": Part.COMPETENCE,
        "sagsprocedure": Part.COMPETENCE,
        # decisions (headers with a body or date are read by nlp.decisions.decision_header)
        "beslutning": Part.DECISION,
        "beslutninger": Part.DECISION,
        "afgørelse": Part.DECISION,
        # attachments
        "bilag": Part.ATTACHMENTS,
        "bilagsfortegnelse": Part.ATTACHMENTS,
        "bilagsoversigt": Part.ATTACHMENTS,
        "vedlagte bilag": Part.ATTACHMENTS,
        # fields the item model keeps no text for
        # the case's history: earlier bodies' decisions
        "sagens forløb": Part.HISTORY,
        "sagsforløb": Part.HISTORY,
        "tidligere behandling": Part.HISTORY,
        "punktet behandlet tidligere": Part.HISTORY,
        "tidligere beslutninger": Part.HISTORY,
        "kommunikation": Part.OTHER,
        "høring": Part.OTHER,
        "tidsplan": Part.OTHER,
        "øvrige forhold": Part.OTHER,
        "øvrige konsekvenser": Part.OTHER,
        "videre proces": Part.OTHER,
        "borgmesterens afdelings påtegning": Part.OTHER,
        "borgermesterens afdelings påtegning": Part.OTHER,
        "historik": Part.HISTORY,
    },
    prefixes={"beslutningsforslag fra": Part.CASE, "indstilling fra": Part.CASE},
)
