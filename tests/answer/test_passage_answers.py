"""Why and other questions: the window that carries the topic is quoted, a reason ranks first, and text that
does not carry the topic is never offered."""

import numpy as np

from answer.answer_types import asked_types, shown_count
from answer.material import Material
from answer.passage_answers import answer_by_search, answer_why
from answer.passages import Passage, best_passages, goal_references, split_sentences, windows
from answer.question import understand
from answer.sentence_ranking import answer_words_out, rank_windows, untranslated_out
from index.search.hybrid import Hit
from maalspor.model import Citation

CITED = Citation("003_d16604ceb04aa2e7.txt", None, 300, 303)


class StubSearcher:
    """Returns the given hits for any question (the e5 vectors' job is tested in tests/index)."""

    def __init__(self, *texts: str):
        self.hits = [
            Hit(0.5, text, "item-field", {"document_id": "doc", "heading": "Punkt 9 — Musikskolen"}, [CITED])
            for text in texts
        ]

    def search(self, query, filters=None, limit=10):
        return self.hits[:limit]


def test_the_window_with_a_reason_is_quoted_before_an_equally_matching_one():
    passages = [
        Passage("Musikskolen har 300 elever. Musikskolen ligger i byen.", "Plan", "a", [CITED]),
        Passage("Musikskolen lukkes, fordi der er for få elever på de mange hold om ugen.", "Plan", "b", [CITED]),
    ]
    assert len(passages[1].text) > len(passages[0].text)  # shorter windows rank first among equals
    found = best_passages(passages, ("musikskolen",), "why", limit=1)
    assert [f.passage.document_id for f in found] == ["b"]


def test_a_search_hit_carrying_the_topic_is_quoted_when_the_running_text_lacks_it(store):
    question = understand("Hvorfor blev musikskolen lukket?")
    searcher = StubSearcher("Ledigheden faldt. Musikskolen blev lukket, fordi eleverne var for få.")
    answer = answer_why(question, Material.load(store), searcher)
    (statement,) = answer.statements
    assert "fordi eleverne var for få" in statement.text and statement.citations


def test_hits_that_do_not_carry_the_topic_are_not_offered(store):
    question = understand("Hvorfor blev musikskolen lukket?")
    searcher = StubSearcher(
        "Ledigheden faldt med 2,8 pct. fordi flere kom i job.", "Beskæftigelsesplan 2015 blev godkendt."
    )
    answer = answer_by_search(question, Material.load(store), searcher)
    (statement,) = answer.statements
    assert statement.text.startswith("Det fremgår ikke af materialet") and not statement.citations


# ------------------------------------------------------------------ sentence ranking with an embedder

WORDS = ("elever", "hold", "lukkes", "fordi", "ligger", "byen", "unge", "dagpenge")


def bag_of_words(text: str) -> np.ndarray:
    """A stand-in for e5: one dimension per word of WORDS (plus one shared), unit length."""
    lowered = text.lower()
    vector = np.array([1.0] + [float(word in lowered) for word in WORDS])
    return vector / np.linalg.norm(vector)


def test_abbreviations_do_not_end_a_sentence():
    text = "Kommunen placerer sig som nr. 17 mod nr. 24 sidste år. 11 pct. af borgerne, jf. bl.a. tabellen. Slut."
    assert split_sentences(text) == [
        "Kommunen placerer sig som nr. 17 mod nr. 24 sidste år.",
        "11 pct. af borgerne, jf. bl.a. tabellen.",
        "Slut.",
    ]
    # a figure 'per' a date, as budget follow-ups print it (Greve BEU 2022-11-14 'Budgetopfølgning 3')
    dated = "Det korrigerede budget var pr. 30. september 2022 på 676,5 mio. kroner. Det er mere end ventet."
    assert split_sentences(dated) == [
        "Det korrigerede budget var pr. 30. september 2022 på 676,5 mio. kroner.",
        "Det er mere end ventet.",
    ]


def test_the_window_closest_in_meaning_answers_among_windows_matching_the_topic_alike():
    passages = [
        Passage("Musikskolen ligger i byen. Musikskolen har mange elever.", "Plan", "a", [CITED]),
        Passage("Musikskolen lukkes, fordi der er for få elever på hvert hold.", "Plan", "b", [CITED]),
    ]
    question = "Hvorfor lukkes musikskolen, når der er få elever på hold?"
    found = rank_windows(question, "why", passages, ("musikskolen",), bag_of_words, limit=1)
    assert [f.passage.document_id for f in found] == ["b"]


def test_a_window_wording_one_term_otherwise_competes_when_the_model_ranks():
    window = Passage(
        "Der er størst udsving i antallet af unge på a-dagpenge. For unge på dagpenge skyldes det dimittender.",
        "S",
        "d",
        [CITED],
    )
    others = [Passage("Unge på dagpenge skal i job eller uddannelse.", "S", name, [CITED]) for name in "ef"]
    terms = ("svinger", "unge", "dagpenge")
    question = "Hvorfor svinger antallet af unge på dagpenge?"
    assert rank_windows(question, "why", [window, *others], terms, None) == []  # 'svinger' is in no text
    found = rank_windows(question, "why", [window, *others], terms, bag_of_words)
    assert found[0].passage == window  # as close in meaning as the others, and it gives a reason


def test_a_window_with_only_the_common_word_of_an_absent_subject_is_not_offered():
    window = Passage("Svømmehallen blev lukket i sommerferien på grund af renovering.", "S", "d", [CITED])
    found = rank_windows("Hvorfor blev musikskolen lukket?", "why", [window], ("musikskolen", "lukket"), bag_of_words)
    assert found == []


def test_the_words_naming_the_kind_of_answer_asked_for_are_not_topic():
    terms = ("begrundelsen", "vigtigste", "indsatser")
    assert answer_words_out("Hvad er begrundelsen for de vigtigste indsatser?", "why", terms) == (
        "vigtigste",
        "indsatser",
    )
    assert answer_words_out("Hvor mange indsatser?", "overview", terms) == terms
    shares = ("procent", "ledige", "aktivering")
    assert answer_words_out("Hvor mange procent af de ledige er i aktivering?", "search", shares) == shares[1:]


def test_the_question_word_names_the_kind_of_answer():
    def kinds(question: str) -> list[str]:
        return [kind.name for kind in asked_types(question)]

    assert kinds("Hvornår træder loven i kraft?") == ["time"]
    assert kinds("How many companies are there?") == ["count"]
    assert kinds("hvad koster den nye svømmehal, og hvem betaler?") == ["money", "who"]
    assert kinds("Hvor stor en andel af de unge er i uddannelse?") == ["share"]  # a share, not any number
    assert kinds("hvornår åbner biblioteket og hvor") == ["time", "place"]
    assert kinds("Hvad sker der i de kommuner, hvor ledigheden stiger?") == []  # 'hvor' as a relative pronoun
    assert kinds("Hvad er baggrunden for at lukke skolen?") == ["reason"]


def test_a_sentence_holding_the_asked_kind_of_answer_is_told_from_one_that_does_not():
    time_and_place = asked_types("hvornår holdes konferencen og hvor")
    assert shown_count("Konferencen holdes den 3.-4. maj i Odense Congress Center.", time_and_place) == 2
    assert shown_count("Tilmelding sker via linket i invitationen.", time_and_place) == 0
    money = asked_types("Hvad koster projektet?")
    assert shown_count("Projektet koster samlet 4,2 mio. kr.", money) == 1
    assert shown_count("Projektet koster mere end ventet, og 20 pct. af det er uafklaret.", money) == 0
    reason = asked_types("Hvorfor flyttes tandplejen?")
    assert shown_count("Lokalerne er for små. Derfor flyttes tandplejen.", reason) == 1
    assert shown_count("Derfor flyttes tandplejen til rådhuset.", reason) == 0  # its reason is before it


def test_of_two_windows_sharing_the_closest_sentence_the_one_whose_other_sentence_answers_ranks_first():
    passages = [
        Passage("Musikskolen lukker. Byen ligger ved vandet.", "Plan", "a", [CITED]),
        Passage("Musikskolen lukker. Der er for få elever på hvert hold.", "Plan", "b", [CITED]),
    ]
    question = "Hvorfor lukker musikskolen, når der er få elever på hold?"
    found = rank_windows(question, "search", passages, ("musikskolen",), bag_of_words, limit=1)
    assert [f.passage.document_id for f in found] == ["b"]


def test_without_a_search_index_passages_rank_by_their_words(store):
    """`maalspor ask` before `maalspor index` (or with a broken index): the on-demand searcher opens none and
    embeds nothing, so the windows are ranked lexically — the e5 ranking once crashed on the missing vector."""
    from answer.engine import ask

    record = ask("Hvorfor er antallet af unge på kontanthjælp faldet?", store, lambda: None)
    assert record["statements"] and record["citations"]


def test_goals_named_by_number_are_the_topic_and_match_the_text_that_lists_them():
    assert goal_references("Hvad forklarer tallene for målene 4 og 7 i 2021?") == ("‹mål 4›", "‹mål 7›")
    assert goal_references("goals 2 and 5") == ("‹mål 2›", "‹mål 5›")
    assert goal_references("Mål om 30 pct. og følgemål 9") == ()  # a share and another kind of goal
    passages = [
        Passage("Mål 4: 30 pct. af borgere i ressourceforløb skal i virksomhedsrettet tilbud.", "Mål", "a", [CITED]),
        Passage("Der er ingen opgørelse for mål 4 og 7, da registreringen er ændret.", "S", "b", [CITED]),
        Passage("Mål 7: Flere unge skal i uddannelse.", "Mål", "c", [CITED]),
    ]
    question = "Why are goal 4 and goal 7 not reported?"
    found = rank_windows(question, "why", passages, goal_references(question), bag_of_words)
    assert found[0].passage.document_id == "b"


def test_english_words_no_danish_text_holds_are_not_the_topic_when_danish_terms_find_the_passage():
    passages = [
        Passage("Administrationen foreslår at stoppe. Refusionen for sygedagpengeforløb over 52 uger.", "S", "a", [])
    ]
    question = "What reimbursement do sickness benefit cases over 52 weeks get?"
    terms = ("reimbursement", "sygedagpenge", "over 52")
    assert untranslated_out(question, terms, passages) == ("sygedagpenge", "over 52")
    # one Danish term only: the subject itself may be what the material lacks
    school = [*passages, Passage("Skolen har 300 elever.", "S", "b", [])]
    assert untranslated_out("Why was the music school closed?", ("music", "skole"), school) == ("music", "skole")
    # English words that happen to occur in Danish text are no evidence of a passage about the question
    terms = ("administration", "stop", "sanctions")
    assert untranslated_out("Why did the administration stop the sanctions?", terms, passages) == terms


def test_a_window_lacking_a_term_is_not_offered_when_the_model_reads_it_as_far_from_the_question():
    window = Passage("Der er størst udsving i antallet af unge på a-dagpenge. Det skyldes dimittender.", "S", "d", [])
    others = [Passage("Unge på dagpenge skal i job eller uddannelse.", "S", name, []) for name in "ef"]
    question = "Hvorfor svinger antallet af unge på dagpenge?"

    def far(text: str) -> np.ndarray:  # every window at cosine 0.45 to the question
        return np.array([1.0, 0.0]) if text == question else np.array([0.5, 1.0]) / np.linalg.norm([0.5, 1.0])

    assert rank_windows(question, "why", [window, *others], ("svinger", "unge", "dagpenge"), far) == []


def test_a_window_takes_in_the_next_sentence_when_it_gives_the_reason_for_the_window():
    text = (
        "Tilgangen til førtidspension er faldet med 40 procent. Faldet er mindre end i klyngen. "
        "Dette følger billedet fra første kvartal og hænger sammen med en stor nedgang i 2013. Det indstilles, at "
        "sagen tages til efterretning for at følge udviklingen."
    )
    texts = [p.text for p in windows("Status", text, "d", [CITED])]
    assert texts[0].startswith("Tilgangen") and texts[0].endswith("en stor nedgang i 2013.")  # its reason joins it
    assert texts[1].startswith("Faldet") and texts[1].endswith("en stor nedgang i 2013.")
    assert texts[2].startswith("Dette følger") and texts[2].endswith("for at følge udviklingen.")  # no reason given
    assert len(texts) == 3


def test_each_part_of_a_question_asking_two_things_is_answered():
    passages = [
        Passage("Tilmeldingsfristen til konferencen er 1. marts. Konferencen er åben for alle.", "Punkt 3", "a", []),
        Passage("Konferencen om ældrepleje holdes i Odense Congress Center. Der er plads til 300.", "Punkt 3", "a", []),
    ]
    found = rank_windows("hvornår er konferencen og hvor", "search", passages, ("konferencen",), bag_of_words)
    assert [f.passage.text[:13] for f in found] == ["Tilmeldingsfr", "Konferencen o"]  # a date, then the place
