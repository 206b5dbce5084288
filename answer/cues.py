"""What a question's words say about its intent: tables only, Danish and English side by side (the slot
patterns are in answer/slot_patterns.py, the words that carry no topic in answer/stopwords.py).

The engine in answer/question.py reads these tables; a new wording is a new row here, not new code.
Each intent lists regular-expression cues. The question's main clause is read first, then the whole
question; in each, intents are tried in INTENT_ORDER and the first whose cue occurs wins, so a narrow
intent ('Hvilke bilag havde punktet om budgettet?' asks for attachments, not a decision) is listed
before a broad one.
"""

from __future__ import annotations

# The material's own units a count or list question names ('hvor mange følgemål', 'how many agenda items').
STRUCTURE_NOUNS = (
    r"(mål|målene|følgemål|delmål|ministermål|resultatmål|effektmål|indsatsområde\w*|punkt\w*|dagsordenspunkt\w*"
    r"|sager|møde\w*|planer|planår|udvalg\w*)\b"
)
STRUCTURE_NOUNS_EN = r"(goals?|targets?|objectives?|items?|agenda items?|cases|meetings?|plans?|committees?)\b"

# A question about the cases planned for coming meetings (answered from the minutes' own list of them,
# nlp.minutes.conventions.COMING_CASES): 'hvilke sager er planlagt', 'kommende punkter', 'til næste udvalgsmøde',
# 'upcoming items', 'the next meeting'. A coming year or period ('kommende år', 'the coming periods') is no meeting.
COMING_ITEMS = (
    r"\b(sager|sagerne|punkter|punkterne|dagsordenspunkter|items|cases|agenda)\b.{0,40}"
    r"\b(planlagt|planned|scheduled|på vej|coming up|upcoming|næste|next)\b"
    r"|\b(kommende|planlagte|forventede|fremtidige|upcoming|planned|forthcoming|future)\s+"
    r"(sager|punkter|dagsordenspunkter|items|cases|agenda)"
    r"|\b(næste|kommende)\s+([\wæøå]+[- ]?)?møde|\bnext\s+(\w+\s+)?meeting|\bcoming up\b"
)

# Intent -> cue patterns (case-insensitive, matched anywhere in the question). A cue starts at a word's
# start ('\bfravær', not 'fravær': 'sygefraværet' is a topic, not an absence) and names the verb or noun
# stem with all its inflections ('ændr' covers ændre/ændret/ændrede/ændring/ændringer).
INTENT_CUES: dict[str, tuple[str, ...]] = {
    "absent": (
        r"\bfravær",
        r"\bikke (var )?til stede",
        r"\bikke mødt op\b",
        r"\btil stede\b",
        r"\bmanglede\b",
        r"\bmissing\b",
        r"\bdeltog ikke",
        r"\b(afbud|forfald|forhindre)",
        r"\b(sad|var|mødte) ikke (med|op)\b",
        r"\budebl(ev|ive)",
        r"\bvar alle\b.*\b(med|til stede)\b",
        r"\bvæk fra\b",
        r"\bmødte\b.*\bop\b",
        r"\babsen(t|ce)",
        r"\bnot (present|attend)",
        r"\bdid not attend",
        r"\b(did not|didn't|did n't) (take part|participate)",
        r"\bwho (took part|participated)\b",
        r"\bexcused\b",
        r"\bapologies",
        r"\bvar\b.*\bmed til\b",
        r"\bdeltog\b",
        r"\b(was|were)\b.*\bpresent\b",
        r"\bdid\b.*\battend\b",
    ),
    "attachments": (
        r"\bbilag",
        r"\bvedhæft",
        r"\bvedlagt",
        r"\battach",
        r"\bannex",
        r"\bappendi",
        r"\benclos",
        r"\bfulgte med\b",
        r"\bcame with\b",
        r"\blagt ved\b",
        r"\bmedsend",
        # the papers of an item: 'materialet til punktet', 'dokumenterne til sagen', 'documents for the item'
        r"\b(materiale\w*|dokument\w*|papers?|documents?)\s+(\w+\s+){0,3}(til|med|for|på|with|on|to)\s+(\w+\s+)?"
        r"(punkt|sag|dagsordenspunkt|item|case|agenda)",
        r"\bsupporting (documents|papers|material)",
    ),
    "why": (
        r"\bhvorfor\b",
        r"\bbegrund",
        r"\bårsag",
        r"\bskyldes",
        r"\bforklar",
        r"\bbaggrund(en)? for",
        r"\bgrund(en|ene|e)? til\b",
        r"\bformål(et)? med\b",
        r"\bpurpose\b",
        r"\bmotivet\b",
        r"\bwhy\b",
        r"\breason",
        r"\bexplain",
        r"\bjustif",
        r"\bhow come\b",
        r"\brationale\b",
        r"\bwhat caused\b",
    ),
    "new": (
        r"\bnye\b.*\bmål",
        r"\bnyt\b.*\bmål",
        r"\bnytilkom",
        r"\bmål\w*\b.*\b(er|var|blev)\s+(nye|nyt|tilføjet)\b",
        r"\bkom(mer|met)? (nye \w+ )?til\b",
        r"\btilføj",
        r"\bføjet til\b",
        r"\badd(s|ed)?\b",
        r"\bnew\b.*\b(goal|target)",
        r"\b(were|was|is|are) new\b",
        r"\b(were|was|got|been) added",
        r"\b(which|what) (\w+ )?(goals|targets)\b.*\bintroduc",
    ),
    "dropped": (
        r"\budg(ik|å)",
        r"\bbortfald",
        r"\bfjern(e|er|es|et|ede|edes|else)?\b",
        r"\bdroppe",
        r"\bikke (blevet )?(videreført|ført videre)",
        r"\bslettet",
        r"\bskrottet",
        r"\bafskaffe",
        r"\btaget ud\b",
        r"\brøget ud\b",
        r"\bskåret (væk|ud|fra)\b",
        r"\budeladt",
        r"\bikke( \w+)? (længere|mere)\b",
        r"\bforsvandt",
        r"\bopgivet",
        r"\bdropped",
        r"\bremoved",
        r"\bdeleted",
        r"\bscrapped",
        r"\bdiscontinued",
        r"\bno longer",
        r"\bdisappear",
        r"\babandon",
    ),
    "unchanged": (
        r"\buændre",
        r"\bvidereført",
        r"\bgå(r|et)? igen\b",
        r"\bgenbrugt",
        r"\bført(es)? videre",
        r"\buden (ændring|at blive ændret)",
        r"\bordret\b",
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
        r"\bword for word\b",
    ),
    "first": (
        r"første gang",
        r"\bhvornår\b.*\bførst\b",
        # not a case's treatment: 'hvornår blev sagen udsat / behandlet' is its history
        r"\bhvornår (kom|blev|dukke|optr|indf|opstod)(?!.*\b(sidst|senest|udsat|udskudt|behandlet|drøftet|forelagt))",
        r"\b(i|fra|siden) hvilket år\b(?!.*\b(sidst|senest))",
        r"\bførste (plan|år|planår)\b",
        r"\bsiden hvornår",
        r"\bfra hvilket (år|tidspunkt)",
        r"\b(hvilken|hvilket) (plan|år|planår)\b.*\bførste\b",
        r"\bfirst (time|appear|mention|introduc|set|adopt|includ|show|came)",
        # 'the first/earliest year (plan) with ...': an ordinal before the unit the history is counted in
        r"\b(first|earliest) (year|plan)s?\b",
        r"\b(appear|mention|introduc|includ|show)\w* (up )?first",
        r"\bwhen\b.*\bfirst\b",
        r"\bwhich (plan|year)\b.*\bfirst\b",
        r"\bwhat year\b.*\bintroduc",
        r"\b(hvilket år|hvornår)\b.*\bindført",
        r"\bwhen (did|was)\b(?!.*\blast\b).*\b(appear|come|enter|introduc|set|added)",
        r"\bsince when",
    ),
    "last": (
        r"\bsidste gang",
        r"\bsenest\b.*\b(optr|med|nævnt)",
        r"\b(hvornår|hvilket år|hvilken plan)\b.*\bsenest\b",
        r"\b(hvilken|hvilket) (plan|år|planår)\b.*\bsidste\b",
        r"\b(seneste|sidste) (plan|år|planår|udgave)\w* (med|hvor|hvori|som|der)\b(?! i år)",
        r"\bhvornår (forsvandt|sluttede|ophørte|udløb)",
        r"\blast (time|appear|year|plan)",
        r"\b(most recent|latest) (time|year|plan)",
        r"\bsidst\b",
        r"\bwhen (did|was|were|has|had)\b.*\b(end|stop|disappear|last\b)",
    ),
    "change": (
        r"\bændr",
        r"\bomformuler",
        r"\badskil",
        r"\bdevelop(?!ment plan)",  # a development plan (udviklingsplan) is a kind of plan, not a change
        r"\budvikl(e|er|es|et|ede|ing|ingen)\b",
        r"\bforskel",
        r"\banderledes\b",
        r"\bsammenlign",
        r"\bhvad (der )?skete",
        r"\bhvad (er )?(der )?sket\b",
        r"\brykket\b",
        r"\bsat (op|ned)\b",
        r"\bhævet\b",
        r"\bsænket\b",
        r"\bi forhold til (\w+ )?(19|20)\d\d\b",
        r"\bover (årene|tid)",
        r"\bjuster",
        r"\brevider",
        r"\bskærpe",
        r"\blempe",
        r"\bflyttet sig\b",
        r"\bchang",
        r"\bevolv",
        r"\bdiffer",
        r"\bcompar",
        r"\balter(ed|s|ing)?\b",
        r"\bmodif",
        r"\bamend",
        r"\badjust",
        r"\bwhat happened",
        r"\bover (the years|time)",
        r"\brevis",
    ),
    "history": (
        r"\bdagsorden",
        r"\bbehandl(e|er|es|et|ede|edes|ing|ingen|inger|ingerne)\b",
        r"\bhistorik",
        r"\bdrøft",
        r"\bværet (oppe|forelagt)",
        r"\bforelagt",
        r"\bgennem (de )?(\w+ )?udvalg",
        r"\bthrough (the )?(\w+ )?committees\b",
        r"\boppe\b",
        r"\bagenda",
        r"\bhistory",
        r"\bdiscuss",
        r"\btaken up",
        r"\bconsidered",
        r"\bdealt with\b",
        r"\bhandled\b",
        r"\b(dagsordens)?punkt(er|erne)? (om|vedr)",  # the agenda items about a topic: 'punkter om …'
        # a case's course through the bodies: 'sagsforløbet', 'sagens forløb', 'forløbet i byrådet'
        # when a case was postponed or sent back: a treatment too, whatever goal word its title holds ('måltal')
        r"\b(hvornår|when)\b.*\b(udsat|udskudt|sendt tilbage|genoptaget|postponed|deferred|adjourned)",
        r"\bhvilket (\w+ )?forløb (har|havde|fik)\b",  # 'hvilket forløb har sagen haft'
        r"\bsagsforløb|\bsagens forløb|\bforløb(et)? (i|gennem|hos) (\w+ )?(byråd|udvalg|kommunalbestyrelse|magistrat)",
    ),
    "decision": (
        r"\bbeslut",
        r"\bvedt(og|age)",
        r"\bgodkend",
        r"\banbefal",
        r"\bindstil",
        r"\btiltr(ådt|ådte|æde)",
        r"\bhvad (blev|endte)\b.*\budfald",
        r"\budfald",
        r"\b(hvad|hvordan) endte\b",
        r"\bsagde\b.*\b(ja|nej)\b",
        r"\bforholdt?\b.*\bsig til\b",
        r"\btog stilling\b",
        r"\bstemmefordeling",
        r"\btilslut",
        r"\bjoin\b",
        r"\bstemte\b",
        r"\bstemt (for|imod|om)\b",
        r"\bstemmer (for|imod)\b",
        r"\bafstemning",
        r"\bdecid",
        r"\bdecision",
        r"\bapprov",
        r"\badopt(ed|s)?\b",
        r"\bresolv",
        r"\boutcome",
        r"\brecommend",
        r"\bvot(e|ed|ing)\b",
        # how minutes word a body's ruling besides 'besluttet': taken note of, agreed, rejected, granted
        r"\btil efterretning\b",
        r"\bkonklu",
        r"\benige?\b",
        r"\bafvis(te|t|ning)?\b",
        r"\bforkast",
        r"\bbevilg",
        r"\bagree",
        r"\bendors",
        r"\breject",
        r"\bturn(ed)? down\b",
        r"\bsigned off\b",
        r"\bnoted\b",
    ),
    "status": (
        r"\bstatus",
        r"\bnået",
        r"\bindfri",
        r"\bopfyld",
        r"\bopfølgning",
        r"\bresultat",
        r"\bmåltal",
        r"\bmålsætning",
        r"\bhvor langt",
        r"\bi mål med\b",
        r"\bseneste tal",
        r"\brealiser",
        r"\bopnå",
        r"\bhvordan (gik|går|står|stod)\b",  # 'hvordan gik det med …', 'hvordan går indsatsen mod …'
        r"\bhvordan (er|var) det gået\b",
        r"\blever\b.*\bop til\b",
        r"\bhow did\b.*\b(do|go|perform)\b",
        r"\bligger\b",
        r"\btarget",
        r"\bachiev",
        r"\b(was|were|is|are)\b.*\bmet\b",
        r"\breached",
        r"\bprogress",
        r"\bhow far",
        r"\bhow is\b.*\bdoing\b",
        r"\bon track\b",
    ),
    # A count or list of the material's own units (goals, items, meetings, plans): 'hvor mange kurser' asks a
    # fact in the text, not for a count of goals.
    "overview": (
        rf"\bhvor mange (af )?(de )?(\w+ )?{STRUCTURE_NOUNS}",
        rf"\bantal(let)? (af )?(\w+ )?{STRUCTURE_NOUNS}",
        r"\boversigt",
        r"\boverblik",
        r"\b(vis|nævn|opregn|show|give)\b( \w+)? (alle|all)\b",
        r"\blist(e|en)?\b",
        r"\bhvilke (\w+ )?(mål|følgemål|delmål|ministermål|resultatmål|effektmål|indsatsområder|planår)\b",
        rf"\bhow many (of the )?(\w+ )?{STRUCTURE_NOUNS_EN}",
        rf"\bnumber of (\w+ )?{STRUCTURE_NOUNS_EN}",
        r"\boverview",
        r"\b(which|what) (\w+ )?(goals|targets)\b",
        COMING_ITEMS,
        # the closed items of a meeting ('hvilke sager var lukkede', 'lukkede punkter', 'closed items')
        r"\b(lukkede?|closed)\b.{0,30}\b(sager|punkter|items|cases)\b|\b(sager|punkter|items|cases)\b.{0,30}\b(lukkede?|closed)\b",
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

# Where a question's main clause ends. A Danish question puts its question word and finite verb first and
# what it is about after: 'Hvad besluttede udvalget | om de nye mål?' asks for a decision, 'Hvem stemte
# imod | at fjerne målet?' too. A cue in the main clause outranks cues in the clauses and phrases after it;
# only where the main clause holds none is the whole question read in INTENT_ORDER. ('der' is left out:
# after the verb it is the formal subject, 'Hvad blev der besluttet', 'Kom der nye mål til'.)
MAIN_CLAUSE_WORDS = 3  # the fewest words before it: question word, noun or verb, one more
MAIN_CLAUSE_END = r"\s(?:om|at|som|da|når|hvis|fordi|mens|about|that|regarding|concerning|on|when|while|because)\s"

# A word naming a plan document ('Beskæftigelsesplan 2019', 'handleplanen'): it says which plan, not which goal.
PLAN_WORD = r"plan(en|er|erne)?$"

# Parts of a compound that say 'goal' rather than what the goal is about: 'IGU-målet' is about IGU.
GOAL_WORD_PARTS: tuple[str, ...] = (
    "målsætningen", "målsætning", "målene", "målet", "mål", "indsatsen", "indsats", "punktet", "punkt", "sagen",
)  # fmt: skip

# Words naming an agenda item, a case, a proposal or a meeting: 'what happened to the item about ...' asks
# for its decision.
ITEM_WORDS = r"\b(punkt|punktet|sag|sagen|dagsordenspunkt\w*|forslag\w*|indstilling\w*|\w*møde\w*|item|case|proposals?|meeting)\b"
# A count asked for ('hvor mange kommuner havde tilsluttet sig …') is a number a text states, never a ruling; a
# count of votes is one ('hvor mange stemte for').
COUNT_WORDS = r"\b(hvor mange|how many)\b"
VOTE_WORDS = r"\b(stem(te|mer|me|merne)|votes?|voted|voting)\b"
# Words naming a goal: 'mål' in any inflection and as the head of a compound ('ministermålene', 'følgemålet',
# 'IGU-målet', 'måltal', 'målsætningen'); not 'spørgsmål' (question) or 'formål' (purpose).
GOAL_WORDS = r"\b(?!spørgsmål|formål)([\wæøå-]*mål\w*|goals?|targets?|objectives?)\b"
