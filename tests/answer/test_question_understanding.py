"""Question understanding beyond the cue words: the e5 intent classifier's place (only where no cue names
the intent, only for a question), its training data, relative years and English phrases mapped to Danish."""

import json
from pathlib import Path

import numpy as np
import pytest

from answer.cues import INTENT_ORDER
from answer.intent_model import SEARCH, IntentModel, intent_classifier, intents_allowed, load_examples
from answer.question import understand

DEV_BANK = Path(__file__).resolve().parents[1] / "resources" / "question_bank" / "dev.json"


def test_every_intent_has_at_least_twenty_examples_in_both_languages():
    examples = load_examples()
    assert set(examples) == {*INTENT_ORDER, SEARCH}
    for label, texts in examples.items():
        english = [t for t in texts if understand(t).language == "en"]
        assert len(texts) >= 20 and 5 <= len(english) < len(texts), label
        assert len(set(texts)) == len(texts), label


def test_no_example_is_a_bank_question():
    bank = {q["question"].lower().strip(" ?") for q in json.loads(DEV_BANK.read_text())["questions"]}
    examples = {t.lower().strip(" ?") for texts in load_examples().values() for t in texts}
    assert not bank & examples


def _embedding_of_words(vocabulary: list[str]):
    """A toy embedder: one dimension per vocabulary word, plus one shared by every text."""

    def embed(text: str) -> np.ndarray:
        words = text.lower().split()
        vector = np.array([1.0] + [float(word in words) for word in vocabulary])
        return vector / np.linalg.norm(vector)

    return embed


def test_centred_centroid_takes_the_intent_of_the_nearest_examples():
    embed = _embedding_of_words(["stemte", "voted", "manglede", "missing"])
    examples = {
        "decision": ["hvordan stemte de", "who voted for it"],
        "absent": ["hvem manglede", "who was missing"],
    }
    model = IntentModel.train(examples, embed)
    assert model.predict(embed("hvem stemte imod")) == "decision"
    assert model.predict(embed("was anyone missing")) == "absent"
    assert [label for label, _ in model.ranked(embed("who voted"))] == ["decision", "absent"]


def test_the_classifier_decides_only_questions_no_cue_names():
    asked = []

    def classify(text: str) -> str:
        asked.append(text)
        return "decision"

    assert understand("Gik byrådet ind for forslaget om budgettet?", classify).kind == "decision"
    assert understand("Hvad besluttede udvalget om budgettet?", classify).kind == "decision"
    assert understand("virksomhedsrettet aktivering", classify).kind == SEARCH  # words, not a question
    assert asked == ["Gik byrådet ind for forslaget om budgettet?"]


def test_the_question_word_limits_the_guess_to_the_intents_answering_its_kind_of_question():
    embed = _embedding_of_words(["status", "hvornår", "when", "blev"])
    examples = {
        "status": ["hvordan er status", "hvad blev status", "status hvornår"],
        "first": ["hvornår første gang", "when did it appear first"],
    }
    model = IntentModel.train(examples, embed)
    # 'hvornår' asks for a time: a status is no answer to it, whatever the vectors say
    assert model.ranked(embed("hvornår blev status"))[0][0] == "status"
    assert model.predict(embed("hvornår blev status"), intents_allowed("Hvornår blev status opgjort?")) == "first"
    assert model.predict(embed("hvornår blev status"), {SEARCH}) == SEARCH
    assert intents_allowed("Hvornår træder ordningen i kraft?") == {
        "first",
        "last",
        "history",
        "decision",
        "change",
        SEARCH,
    }
    assert "status" in intents_allowed("Hvor mange borgere var i job i 2019?")
    assert "first" not in intents_allowed("I hvor mange skoler blev metoden prøvet af?")
    assert intents_allowed("Who chaired the committee?") == {"absent", "decision", "history", SEARCH}
    # a question word that does not fix the answer's type limits nothing
    assert intents_allowed("Hvilke tilbud har jobcentret?") is None
    assert intents_allowed("Was anyone absent when the council met?") is None


def test_without_an_embedding_model_the_question_stays_a_search():
    assert intent_classifier(lambda text: None)("Hvordan stemte byrådet?") == SEARCH


@pytest.mark.parametrize(
    "text, years",
    [
        ("Var ministermålene for 2022 de samme som året før?", (2021, 2022)),
        ("Which goals did the 2019 plan add compared with the previous year?", (2018, 2019)),
        ("Hvad blev der af målene fra 2015 året efter?", (2015, 2016)),
        ("Hvad skete der med målet i 2019?", (2019,)),
        ("Hvad skete der året før?", ()),  # no year to count from
    ],
)
def test_a_year_named_relative_to_another(text, years):
    assert understand(text).years == years


@pytest.mark.parametrize(
    "text, kind, terms",
    [
        ("Were the targets for dignified case handling unchanged in 2023?", "unchanged", ("værdig", "sagsbehandling")),
        (
            "How did the share in company-based activation change?",
            "change",
            ("andel", "virksomhedsrettet", "aktivering"),
        ),
        ("What is the goal for cash benefit recipients?", SEARCH, ("kontanthjælp", "modtagere")),
        ("Blev ungemålet formuleret ens i 2022 og 2023?", "unchanged", ("unge",)),
        ("Hvilke mål var nye i 2019?", "new", ()),
        ("Er målene for 2022 de samme som for 2023?", "unchanged", ()),
        ("Var målene for ældre formuleret på samme måde i 2020 og 2021?", "unchanged", ("ældre",)),
        ("Hvem sad ikke med, da budgettet blev vedtaget?", "absent", ("budgettet",)),
        ("Hvem havde meldt forfald til mødet?", "absent", ()),
    ],
)
def test_wordings_map_to_the_intent_and_the_documents_words(text, kind, terms):
    question = understand(text)
    assert (question.kind, question.terms) == (kind, terms)


LOCAL_MODEL = Path(__file__).resolve().parents[2] / "data" / "models" / "multilingual-e5-small"


@pytest.fixture(scope="module")
def e5_classifier():
    if not LOCAL_MODEL.is_dir():
        pytest.skip("the e5 model is not built here (./run.sh builds it under data/models)")
    from dataclasses import replace

    from index.search.embedding_model import load_model
    from maalspor.config import load_settings

    embedder = load_model(replace(load_settings(), embedding_model=str(LOCAL_MODEL)))
    return intent_classifier(lambda text: embedder.embed_queries([text])[0])


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Hvordan stemte Socialdemokratiet om skolereformen?", "decision"),
        ("Hvem blev valgt til næstformand i udvalget?", "decision"),
        ("Ville byrådet gå med i forsøget med frikommuner?", "decision"),
        ("Gik udvalget ind for forslaget?", "decision"),
        ("Did the council agree to join the pilot scheme?", "decision"),
        ("Lykkedes det at få flere unge i uddannelse i 2019?", "status"),
        ("Hvad lå til grund for at prioritere ældre?", "why"),
        ("Hvilken skole samarbejder kommunen med om sprogundervisning?", "search"),
    ],
)
def test_e5_classifier_on_questions_no_cue_names(e5_classifier, text, kind):
    assert understand(text, e5_classifier).kind == kind
