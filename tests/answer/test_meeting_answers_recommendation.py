"""A short decision is answered with the recommendation it rules on: Ballerup's Sundheds- og
Forebyggelsesudvalget wrote only 'Indstillingen godkendt' on item 4 of 4 December 2012
(../shared/realdocs/ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml, recommendation lines 111-115: the
2 pct. rate cut in 2013 and the postponed assessment for 2014)."""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from tests.conftest import CORPUS, REALDOCS, ingested_store

BALLERUP = REALDOCS / "ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml"
GREVE_OEU = REALDOCS / "dev2" / "greve_oeu_2022-11-28_referat.json"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with ingested_store(
        [BALLERUP, GREVE_OEU, CORPUS / "002_f3dbe880e0f1df7c.txt", CORPUS / "003_d16604ceb04aa2e7.txt"],
        tmp_path_factory.mktemp("recommendation"),
    ) as store:
        yield store


def test_a_decision_that_only_approves_quotes_the_recommendation(store):
    result = answer_question("Hvad blev besluttet om taksten på Torvevej?", store)
    decided, recommended = result.statements[:2]
    assert "“Indstillingen godkendt”" in decided.text
    assert recommended.text.startswith("Indstillingen, som beslutningen gælder: “Center for Social")
    assert "med 2 pct. i 2013 godkendes" in recommended.text
    assert [(c["line_start"], c["line_end"]) for c in recommended.citations] == [(111, 115)]


def test_numbered_rulings_quote_the_numbered_recommendations(store):
    """Lyngby-Taarbæk 9 September 2014, item 2 (corpus/003): 'Ad. 1-2 Anbefalet. Ad. 3-5 Godkendt.' rules on
    the five numbered proposals of 'Forvaltningen foreslår at:' (lines 117 ff.)."""
    result = answer_question("Hvad besluttede Erhvervs- og Beskæftigelsesudvalget om beskæftigelsesplanen 2015?", store)
    recommended = [s for s in result.statements if s.text.startswith("Indstillingen, som beslutningen gælder")]
    assert len(recommended) == 1
    assert "1) Den fremlagte Beskæftigelsesplan 2015" in recommended[0].text
    assert recommended[0].citations[0]["line_start"] == 117


def test_a_decision_that_says_what_was_decided_stands_alone(store):
    """corpus/002, item 3 'Etårsstatus på SSP-handleplan': Børne- og Ungdomsudvalget wrote 'Taget til
    efterretning.' (the recommendation is quoted), Beskæftigelses- og Integrationsudvalget 'Taget til
    efterretning, idet udvalget bemærker, at …', which says itself what it did (nothing added)."""
    result = answer_question("Hvad besluttede udvalgene om etårsstatus på SSP-handleplanen?", store)
    texts = [s.text for s in result.statements]
    long_ruling = next(i for i, text in enumerate(texts) if "idet udvalget bemærker" in text)
    short_ruling = next(i for i, text in enumerate(texts) if "“Taget til efterretning.”" in text)
    assert texts[short_ruling + 1].startswith("Indstillingen, som beslutningen gælder: “Forvaltningen foreslår")
    assert not texts[long_ruling + 1 :] or not texts[long_ruling + 1].startswith("Indstillingen")


def test_several_bodies_short_rulings_on_one_item_quote_its_recommendation_once(store):
    """Greve Økonomiudvalget 28 November 2022, item 42 'Opfølgning på tiltag til energibesparelser': six
    committees' short rulings ('1.-6. taget til efterretning.', '1.-5. Anbefales.', …) all rule on the one
    recommendation of Center for Teknik & Miljø."""
    result = answer_question("Hvad besluttede udvalgene om opfølgningen på energibesparelserne?", store)
    rulings = [s for s in result.statements if "“Opfølgning på tiltag til energibesparelser”" in s.text]
    recommended = [s for s in result.statements if s.text.startswith("Indstillingen, som beslutningen gælder")]
    assert len(rulings) >= 6
    assert len(recommended) == 1
    assert "Center for Teknik & Miljø indstiller" in recommended[0].text
