"""Which of a question's topic words name the goal it asks about.

A question carries words beyond its subject that no cue table lists ('holdt', 'står', 'identiske',
'stayed'): the verbs and adjectives of the asking. Goal retrieval weighs a word that no goal holds as
the rarest (answer/topic.py), so one such word hides the goal the other words name. Danish and English
name a goal's subject in fixed places: inside the goal word as a compound ('ungemålet',
'handicapmålet'), in the phrase after it ('målet om/for/vedrørende X', 'goals about X') and, in English,
before it ('the youth target'). A word named there is the subject even when no goal holds it (the
material then has no such goal, and the answer says so). A word elsewhere that no goal holds is wording
and is left out when other words name goals, when it is an intent cue, or when it is ordinary prose of the
material; when no word names a goal, a rare one stays: it is the subject the material lacks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from answer.cues import GOAL_WORD_PARTS, INTENT_CUES
from answer.material import ITEM_TEXT_FIELDS, Material, goal_search_text
from answer.question import Question, topic_terms
from answer.stopwords import STOPWORDS
from answer.topic import COMPOUND_STEM, TermMatcher, stem

# A goal word on its own: 'mål', 'målet', 'følgemålene', 'målsætningen', 'goal', 'targets'.
_GOAL_WORD = re.compile(r"(\w*mål(et|ene|s)?|\w*målsætning\w*|goals?|targets?|objectives?)", re.I)
# Prepositions that introduce a goal's subject: 'målet om unge', 'goals for refugees'.
_SUBJECT_PREPOSITIONS = frozenset(
    "om for vedrørende vedr angående omkring til med about on for regarding concerning of".split()
)
# Compound heads that name a goal's kind, not its subject: 'ministermålet', 'følgemål', 'resultatmål'.
_KIND_PREFIXES = frozenset("minister følge resultat effekt del lokal lokale hoved under indsats beskæftigelses".split())
# Words a goal's wording uses for its direction, its amount or what it measures ('Flere unge …', 'færre på
# offentlig forsørgelse', 'at nedbringe antallet af …', 'reducing long-term unemployment', 'andelen af …'):
# they describe the target, not whom it is about, so the subject is the word after them. Verbs as stems, so
# every inflection counts ('nedbringe', 'nedbringes', 'nedbragt'; 'reduce', 'reducing', 'reduction').
_DIRECTION_WORD = re.compile(
    r"(flere|færre|mere|mindre|højere|lavere|større|bedre|hurtigere|more|fewer|less|higher|lower|better|faster"
    r"|nedbr[ai]\w*|reduc\w*|mindsk\w*|sænk\w*|forøg\w*|øg(e|es|et|ning)|hæv\w*|styrk\w*|forbedr\w*|begræns\w*"
    r"|fasthold\w*|halver\w*|fordobl\w*|increas\w*|rais\w*|cut\w*|improv\w*|limit\w*|boost\w*|keep\w*"
    r"|antal\w*|andel\w*|niveau\w*|number|share|proportion|rate|level)"
)
_WORD = re.compile(r"[a-zæøåéü0-9+]+(?:-[a-zæøå0-9]+)*", re.I)
_PROSE_WORD = re.compile(r"[a-zæøåéü0-9+]+")
# A word that no goal holds yet at least this share of the material's documents use (and at least
# _COMMON_MIN_DOCUMENTS of them) is ordinary prose; a rarer one may be the subject the material lacks.
_COMMON_SHARE = 0.2
_COMMON_MIN_DOCUMENTS = 2
# Danish and English inflection endings after a short stem: definite, plural, genitive, verb forms.
_INFLECTION_ENDINGS = frozenset("e en et er ene erne ers es s ens ets r t de te ede ed ing".split()) | {""}
# A word of an intent's cues asks (how, whether, what kind), it does not name a goal: 'identiske', 'udviklingen'.
_ASKING = re.compile("|".join(p for patterns in INTENT_CUES.values() for p in patterns), re.I)
_YEAR_OR_NUMBER = re.compile(r"\d")
MIN_SUBJECT_LETTERS = 4  # shorter unknown words are abbreviations ('vs', 'bp') more often than subjects
TYPO_MIN_LETTERS = 7


def goal_question(question: Question, material: Material) -> Question:
    """The question keeping, of the words that may name a goal, those some goal in scope holds, those the
    question names as its goal's subject and, where no word names a goal, those too rare in the material
    to be ordinary prose; the other words are the asking's, not the topic's."""
    question = replace(question, terms=tuple(_spelt_right(t, question, material) for t in question.terms))
    terms = material.goal_terms(question)
    if not terms:
        return question
    goals = [goal_search_text(g) for g in material.goals.values() if material.in_scope(question, g.document_id)]
    matcher = TermMatcher(terms)
    held = {term for text in goals if matcher.could_match(text) for term in matcher.matched(text)}
    named = named_subject(question.text, english=question.language == "en")
    unsure = [t for t in terms if t not in held and t not in named]
    # beside words that name goals, the others are the asking's — except a Danish word the material never uses,
    # a subject it lacks ('skateparker for unge' must not answer with the youth goals); with
    # no word naming a goal, a rare word is the subject lacked
    asking = {
        t
        for t in unsure
        if _ASKING.search(t)
        or _is_ordinary_prose(t, material)
        or (held and not _is_lacked_subject(t, question, material))
    }
    return replace(question, terms=tuple(t for t in question.terms if t not in asking))


def _is_lacked_subject(term: str, question: Question, material: Material) -> bool:
    """A Danish question's word of MIN_SUBJECT_LETTERS letters or more that no document of the material uses
    names a subject the material lacks. English words are left out (the glossary translates only some of
    them, so an untranslated one is as likely the asking's), and so are abbreviations and words with digits
    (ages, years, plan names: slots, not subjects)."""
    if question.language == "en" or _YEAR_OR_NUMBER.search(term) or len(term) < MIN_SUBJECT_LETTERS:
        return False
    return not _documents_using(term, material) and not _is_misspelt(term, material)


def _is_misspelt(term: str, material: Material) -> bool:
    """One letter from a word the material uses ('aktivring' / 'aktivering'): a typo, not another subject. Only
    for words of TYPO_MIN_LETTERS or more, where one edit rarely makes another real word, and not for a
    hyphenated one, a compound written so on purpose ('it-system')."""
    return _one_letter_from(term, material) is not None


def _one_letter_from(term: str, material: Material) -> str | None:
    """The word of the material's prose one letter from the term (see _is_misspelt), if any."""
    if len(term) < TYPO_MIN_LETTERS or "-" in term or not term.isalpha():
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    vocabulary = _prose_vocabulary(material).keys()
    found = process.extractOne(term, vocabulary, scorer=Levenshtein.distance, score_cutoff=1)
    return found[0] if found else None


def _spelt_right(term: str, question: Question, material: Material) -> str:
    """A Danish topic word no document uses, spelt as the material's word one letter from it
    ('familiesamenførte' -> 'familiesammenførte', 'flygtinge' -> 'flygtninge'): staff type fast, and a goal
    is not missed for a dropped letter. A word some document uses is left as it is."""
    if question.language == "en" or _documents_using(term, material):
        return term
    return _one_letter_from(term, material) or term


def _is_ordinary_prose(term: str, material: Material) -> bool:
    """Many of the material's documents use the word: ordinary prose ('står', 'holdt', 'dem'), not a subject
    the material lacks (those it rarely or never uses: 'shelters', 'bredbånd'). A municipality's name in the
    genitive ('Greves plan') scopes the question, like the name itself."""
    if any(term.removesuffix("s") in _name_words(d.municipality) for d in material.documents.values()):
        return True
    vocabulary = _prose_vocabulary(material)
    documents = set().union(*vocabulary.values()) if vocabulary else set()
    return len(_documents_using(term, material)) >= max(_COMMON_MIN_DOCUMENTS, _COMMON_SHARE * len(documents))


def _documents_using(term: str, material: Material) -> set[str]:
    own = stem(term)
    return set().union(*(d for word, d in _prose_vocabulary(material).items() if _uses(word, own)))


def _name_words(name: str | None) -> list[str]:
    return (name or "").lower().replace("-", " ").split()


def _uses(word: str, own_stem: str) -> bool:
    """A long stem may sit inside a compound (as answer/topic.py matches); a short one takes only an
    inflection's ending ('mus', 'musen', 'musene', not 'musik')."""
    if len(own_stem) >= COMPOUND_STEM:
        return own_stem in word
    return word.startswith(own_stem) and word[len(own_stem) :] in _INFLECTION_ENDINGS


_PROSE_CACHE: dict[int, tuple[list, dict[str, set[str]]]] = {}


def _prose_vocabulary(material: Material) -> dict[str, set[str]]:
    """Each word of the material's running text and the documents using it; built once per loaded material
    (the records stay the same objects while the store is unchanged)."""
    cached = _PROSE_CACHE.get(id(material.sections))
    if cached is not None and cached[0] is material.sections:
        return cached[1]
    texts = [(s.document_id, f"{s.title} {s.text}") for s in material.sections]
    texts += [
        (i.document_id, " ".join(filter(None, (getattr(i, f) for f in ITEM_TEXT_FIELDS)))) for i in material.items
    ]
    vocabulary: dict[str, set[str]] = {}
    for document_id, text in texts:
        for word in _PROSE_WORD.findall(text.lower()):
            vocabulary.setdefault(word, set()).add(document_id)
    _PROSE_CACHE.clear()
    _PROSE_CACHE[id(material.sections)] = (material.sections, vocabulary)
    return vocabulary


def named_subject(text: str, english: bool = False) -> set[str]:
    """The topic terms of the words the question puts where a goal's subject stands."""
    words = [w.lower() for w in _WORD.findall(text)]
    named: list[str] = []
    for position, word in enumerate(words):
        named += _compound_subject(word)
        if _GOAL_WORD.fullmatch(word):
            named += _subject_after(words[position + 1 :])
            named += _subject_before(words[:position]) if english else []
    return {term for word in named for term in topic_terms(word)}


# Words before a goal word that make it a set of goals: a question word or quantifier ('hvilke mål', 'hvor
# mange mål', 'nogen nye mål', 'how many goals', 'any targets'), a plural determiner or possessive ('de
# beskæftigelsespolitiske mål', 'sine mål', 'kommunens mål') or an adjective of the comparison ('nye mål',
# 'new goals'). At most one word (an adjective) stands between it and the goal word.
_SET_WORDS = frozenset(
    """hvilke hvilket mange nogen nogle alle samtlige de disse sine sin deres vores kommunens planens nye
    uændrede samme videreførte udgåede which what many any all these those their its new same""".split()
)
# A goal word in the plural: 'målene', 'ministermålene', 'målsætningerne', 'goals', 'targets'.
_PLURAL_GOAL_WORD = re.compile(r"[\w-]*(målene|målsætninger|målsætningerne|goals|targets|objectives)")
_SET_WINDOW = 2
_PHRASE_WORDS = 3  # the longest English noun phrase read before a goal word


def asks_for_goal_list(text: str) -> bool:
    """The question asks for a set of goals ('Hvilke mål går igen …?', 'Er de … mål fra ministeren uændrede?',
    'Indeholder planen nogen mål, der …?', 'Were the goals …'): in Danish and English a plural goal word or a
    goal word after a quantifier names the list. Its other words say what to list (new, unchanged, kept), not a
    topic, unless they stand where a goal's subject stands (named_subject)."""
    words = [w.lower() for w in _WORD.findall(text)]
    return any(
        _PLURAL_GOAL_WORD.fullmatch(word) or _SET_WORDS.intersection(words[max(0, i - _SET_WINDOW) : i])
        for i, word in enumerate(words)
        if _GOAL_WORD.fullmatch(word.rsplit("-", 1)[-1])
    )


def _compound_subject(word: str) -> list[str]:
    """'ungemålet' -> ['unge']; 'handicap-målet' -> ['handicap']; 'ministermålene' -> [] (a kind)."""
    for suffix in GOAL_WORD_PARTS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            head = word[: -len(suffix)].rstrip("-")
            return [] if head in _KIND_PREFIXES or head.rstrip("s") in _KIND_PREFIXES else [head]
    return []


def _subject_after(following: list[str]) -> list[str]:
    """The first content word after a subject preposition: 'målet om færre på offentlig …' -> 'offentlig'."""
    if not following or following[0] not in _SUBJECT_PREPOSITIONS:
        return []
    for word in following[1:]:
        if _YEAR_OR_NUMBER.search(word):  # 'målene for 2022': a year, no subject
            return []
        if word not in STOPWORDS and not _DIRECTION_WORD.fullmatch(word):
            return [word]
    return []


def _subject_before(preceding: list[str]) -> list[str]:
    """English puts the subject before the goal word, often as a phrase: 'the youth target', 'the dignified case
    handling targets' (read whole, so the glossary translates it: 'værdig sagsbehandling'). The phrase stops at a
    stop word, a year or a word that makes the goals a set ('any new ministerial goals')."""
    phrase: list[str] = []
    for word in reversed(preceding[-_PHRASE_WORDS:]):
        if word in STOPWORDS or word in _SET_WORDS or _YEAR_OR_NUMBER.search(word):
            break
        phrase.insert(0, word)
    return [" ".join(phrase)] if phrase else []
