"""What a question's words say about its intent and its slots: tables only, Danish and English side by side.

The engine in answer/question.py reads these tables; a new wording is a new row here, not new code.
Each intent lists regular-expression cues. Intents are tried in INTENT_ORDER: the first whose cue
occurs wins, so a narrow intent ('Hvilke bilag havde punktet om budgettet?' asks for attachments,
not a decision) is listed before a broad one.
"""

from __future__ import annotations

# Intent -> cue patterns (case-insensitive, matched anywhere in the question).
INTENT_CUES: dict[str, tuple[str, ...]] = {
    "absent": (
        r"fravær",
        r"\bikke (var )?til stede",
        r"\bdeltog ikke",
        r"\bafbud",
        r"\bforfald",
        r"\b(sad|var|mødte) ikke (med|op)\b",
        r"\bhvem manglede\b",
        r"\budeblev",
        r"\babsent",
        r"\bnot (present|attend)",
        r"\bdid not attend",
        r"\bmissing from",
        r"\bapologies",
        r"\bvar\b.*\bmed til\b",
        r"\bdeltog\b",
        r"\b(was|were)\b.*\bpresent\b",
        r"\bdid\b.*\battend\b",
    ),
    "attachments": (r"\bbilag", r"vedhæft", r"\battach", r"\bannex", r"\bappendi"),
    "why": (
        r"\bhvorfor\b",
        r"\bbegrund",
        r"\bårsag",
        r"\bskyldes",
        r"\bforklar",
        r"\bbaggrund(en)? for",
        r"\bwhy\b",
        r"\breason",
        r"\bexplain",
        r"\bjustif",
    ),
    "new": (
        r"\bnye\b.*\bmål",
        r"\bnyt\b.*\bmål",
        r"\bmål\w*\b.*\b(er|var|blev)\s+(nye|nyt|tilføjet)\b",
        r"\bkom(mer)? til\b",
        r"\btilføje",
        r"\bnew\b.*\bgoal",
        r"\b(were|was|is|are) new\b",
        r"\b(were|was|got) added",
        r"\badded\b",
    ),
    "dropped": (
        r"\budg(ik|å)",
        r"\bbortfald",
        r"\bfjerne",
        r"\bdroppe",
        r"\bikke (længere|mere)\b",
        r"\bforsvandt",
        r"\bopgivet",
        r"\bdropped",
        r"\bremoved",
        r"\bdiscontinued",
        r"\bno longer",
        r"\bdisappear",
        r"\babandon",
    ),
    "unchanged": (
        r"uændre",
        r"\bvidereført",
        r"\bført(es)? videre",
        r"\bdet samme\b",
        r"\bsamme (ordlyd|formulering|mål)",
        r"\bidentisk",
        r"\b(formuleret|formulering(en)?|lyder|står)\b.*\bens\b",
        r"\bde samme\b",
        r"\bpå samme måde\b",
        r"\bthe same way\b",
        r"\bunchanged",
        r"\bcarried (over|forward)",
        r"\bthe same\b",
        r"\bidentical",
        r"\bkept\b",
    ),
    "first": (
        r"første gang",
        r"\bhvornår\b.*\bførst\b",
        r"\bhvornår (kom|blev|dukke|optr|indf|opstod)",
        r"\bsiden hvornår",
        r"\bfirst (time|appear|mention|introduc|set|adopt|includ|show|came)",
        r"\b(appear|mention|introduc|includ|show)\w* first",
        r"\bwhen\b.*\bfirst\b",
        r"\bintroduc",
        r"\bwhen (did|was)\b.*\b(appear|come|enter|introduc|set|added)",
        r"\bsince when",
    ),
    "last": (
        r"\bsidste gang",
        r"\bsenest\b.*\b(optr|med|nævnt)",
        r"\bhvornår (forsvandt|sluttede|ophørte|udløb)",
        r"\blast (time|appear|year|plan)",
        r"\bsidst\b",
        r"\bwhen did\b.*\b(end|stop|disappear|last)",
    ),
    "change": (
        r"ændre",
        r"ændring",
        r"\budvikl",
        r"\bforskel",
        r"\bsammenlign",
        r"\bhvad skete",
        r"\bover (årene|tid)",
        r"\bjustere",
        r"\bchang",
        r"\bevolv",
        r"\bdiffer",
        r"\bcompar",
        r"\bwhat happened",
        r"\bover (the years|time)",
        r"\brevis",
    ),
    "history": (
        r"dagsorden",
        r"\bbehandle[td]",
        r"\bbehandling",
        r"\bhistorik",
        r"\bdrøfte",
        r"\bværet (oppe|forelagt)",
        r"\bforelagt",
        r"\bagenda",
        r"\bhistory",
        r"\bdiscuss",
        r"\btaken up",
        r"\bconsidered",
    ),
    "decision": (
        r"\bbeslut",
        r"\bvedt(og|age)",
        r"\bgodkend",
        r"\banbefal",
        r"\bindstil",
        r"\bhvad (blev|endte)\b.*\budfald",
        r"\budfald",
        r"\bdecid",
        r"\bdecision",
        r"\bapprov",
        r"\badopt",
        r"\bresolv",
        r"\boutcome",
        r"\brecommend",
    ),
    "status": (
        r"\bstatus",
        r"\bnået",
        r"\bindfri",
        r"\bopfyld",
        r"\bresultat",
        r"\bmåltal",
        r"\bmålsætning",
        r"\bhvor langt",
        r"\bhvordan gik det",
        r"\bhow did\b.*\b(do|go|perform|develop)\b",
        r"\bligger\b",
        r"\btarget",
        r"\bachiev",
        r"\b(was|were|is|are)\b.*\bmet\b",
        r"\breached",
        r"\bprogress",
        r"\bhow far",
    ),
    "overview": (
        r"\bhvor mange",
        r"\bantal(let)? (af )?(mål|punkt|møde|følgemål|delmål)",
        r"\boversigt",
        r"\bhvilke (\w+ )?(mål|følgemål|delmål|ministermål|indsatsområder|planår)\b",
        r"\bhow many",
        r"\bnumber of",
        r"\boverview",
        r"\blist\b",
        r"\bwhich (\w+ )?goals\b",
        r"\bwhat goals\b",
    ),
}

# Narrow before broad: an absence or attachment question also names a meeting or an item; a 'why'
# question often says 'ændret'; 'new' and 'dropped' mention goals and years, like an overview; a count
# ('hvor mange punkter var der på dagsordenen') is an overview, not an agenda history.
INTENT_ORDER: tuple[str, ...] = (
    "absent",
    "attachments",
    "why",
    "dropped",
    "first",
    "new",
    "unchanged",
    "last",
    "change",
    "overview",
    "decision",
    "history",
    "status",
)

# Phrases naming a span of years: (pattern, which bound each year group sets). A single bound:
# 'efter 2019' / 'siden 2019' (from), 'før 2019' / 'indtil 2019' (to).
YEAR_RANGE_PATTERNS: tuple[str, ...] = (
    r"\b(?:fra|mellem|from|between)\s+(?P<start>(?:19|20)\d\d)\s+(?:til|og|to|and|-)\s+(?P<end>(?:19|20)\d\d)\b",
    r"\b(?P<start>(?:19|20)\d\d)\s*[-–]\s*(?P<end>(?:19|20)\d\d)\b",
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

# Words that carry no topic: question words, function words, and the vocabulary of the intents
# themselves (matched as whole lower-case words).
STOPWORDS = frozenset(
    """
hvad hvilke hvilken hvilket hvornår hvem hvordan hvorfor hvor mange var er blev bliver har have havde kom komme
kommer ind ud sig om for fra til i på af med den det de en et og eller at der som efter før siden mellem indtil
inden ved så ikke også men kan skal skulle vil ville sine sin sit deres dets dens man nogen noget nogle alle
hele vores jeres samme mere mest flere meget nu da end under over dette disse denne
mål målet målene målsætning målsætningen målsætninger måltal delmål følgemål følgemålet følgemålene
ministermål udvalget udvalgene udvalg kommunen kommune plan planen planer planerne
besluttede beslutning beslutningen besluttet vedtog vedtaget godkendt godkendte godkendelse anbefalet
status statussen punktet punkt punkter dagsordenspunkt dagsordenspunkter bilag bilagene bilaget
fraværende fravær afbud ændret ændrede ændring ændringer ændringen ændres udviklet udvikling
udgik udgået bortfaldet fjernet droppet uændret uændrede uændrede videreført videreførte første gang
sidste senest dagsorden dagsordenen behandlet behandling historik drøftet forelagt møde mødet møder
hvorfor begrundelse årsag skyldes forklar forklaring baggrund nye nyt ny tilføjet tilføjede
skete sket gik hen ligger nået opfyldt resultat resultatet resultater været oppe sammenlignet forskel
antal antallet oversigt periode perioden år årene året tid tiden siden
what which when who how why was were is are did do does the a an of for from to in on at about with and
or by be it its this that these those than then there their they has have had been into after before
between since until up over many much number all any goal goals target targets committee committees
decide decided decision decisions status change changed changes evolve evolved carried unchanged dropped
removed first last appear appeared introduced agenda item items attachment attachments absent meeting
meetings new added same identical kept happened plan plans municipality council reason explain
year years time compare compared list overview achieved met reached progress outcome approved
stor store meget ifølge ingen får fik gik ligger mindre større højt lavt egentlig gerne vide jeg vi os
fortæl vis hvordan steg faldt stiger falder andet anden kvartal quarter second third fourth according
people planned as fall rise get got does tell me show please citizens residents handle handled dealt
forskellen forskellene forskelle difference differences different ændringerne udviklingen sket sammenligning
behandlede behandles håndteret drøftede vedtagne godkendte beslutningerne besluttet
forsvandt optræder optrådte forhold nævnt nævnes sidst først programmes programme program add any
borgere borgerne borger personer person målgruppe målgruppen ministerial national
formuleret formulering formuleringen ordlyd ordlyden ens lyder worded wording previous prior following next
discussed discuss considered handled debated måde way sad meldt meldte forfald mødt mødte udeblev manglede
""".split()
)

# 'Odense Kommune', 'Aarhus Municipality': a municipality the question names (the material may not hold it).
MUNICIPALITY_PATTERN = r"\b(?P<name>[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)(?:s)?\s+(?:[Kk]ommune|[Mm]unicipality)\b"

# A word naming a plan document ('Beskæftigelsesplan 2019', 'handleplanen'): it says which plan, not which goal.
PLAN_WORD = r"plan(en|er|erne)?$"

# Parts of a compound that say 'goal' rather than what the goal is about: 'IGU-målet' is about IGU.
GOAL_WORD_PARTS: tuple[str, ...] = (
    "målsætningen", "målsætning", "målene", "målet", "mål", "indsatsen", "indsats", "punktet", "punkt", "sagen",
)  # fmt: skip

# Words naming an agenda item or case: 'what happened to the item about ...' asks for its decision.
ITEM_WORDS = r"\b(punkt|punktet|sag|sagen|dagsordenspunkt\w*|item|case)\b"
GOAL_WORDS = r"\b(mål\w*|delmål|følgemål|goals?|targets?)\b"
