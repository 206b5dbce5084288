"""`ask`: every question kind answered from the seed corpus, every quote found in the stored source lines."""

import pytest

from answer.question import meeting_date, understand

UNGE_2015 = "lyngby-taarbaek-erhvervs-og-beskaeftigelsesudvalget-2014-09-09:goal-2015-1"
UNGE_2023 = "lyngby-taarbaek-beskaeftigelsesplan-2023:goal-2023-6"


def ask(client, question):
    response = client.get("/ask", params={"q": question})
    assert response.status_code == 200
    return response.json()


def assert_quotes_match_source(answer, store):
    """Every statement quoting the documents cites them, and every quote is the cited source lines."""
    assert answer["evidence"]
    assert all(statement["citations"] for statement in answer["statements"] if "“" in statement["text"])
    for statement in answer["statements"]:
        for citation in statement["citations"]:
            lines = [
                source_line.text
                for source_line in store.source_lines(citation["source_file"])
                if source_line.page == citation["page"]
                and citation["line_start"] <= source_line.line <= citation["line_end"]
            ]
            assert citation["quote"] and citation["quote"] in "\n".join(lines)


@pytest.mark.parametrize(
    "text, kind, language",
    [
        ("Hvordan har målet for unge ændret sig fra 2015 til 2023?", "change", "da"),
        ("Hvornår kom målet om personer med handicap ind?", "first", "da"),
        ("Hvilke mål udgik efter 2022?", "dropped", "da"),
        ("Which goals were carried over unchanged from 2022 to 2023?", "unchanged", "en"),
        ("Hvad var status for målet om flygtninge i 2019?", "status", "da"),
        ("Hvad besluttede udvalget om Beskæftigelsesplan 2015?", "decision", "da"),
        ("Hvilke punkter om Beskæftigelsesplan har været på dagsordenen?", "history", "da"),
        ("Hvem var fraværende den 9. september 2014?", "absent", "da"),
        ("Hvilke bilag havde punktet om Beskæftigelsesplan 2015?", "attachments", "da"),
        ("What was the target for senior citizens in 2019?", "status", "en"),
    ],
)
def test_question_kind_and_language(text, kind, language):
    question = understand(text)
    assert (question.kind, question.language) == (kind, language)


def test_dates_in_danish_and_english():
    assert meeting_date("den 9. september 2014") == "2014-09-09"
    assert meeting_date("on September 9, 2014") == "2014-09-09"
    assert meeting_date("11 June 2019") == "2019-06-11"


def test_change_of_the_youth_goal_from_2015_to_2023(client, store):
    answer = ask(client, "Hvordan har målet for unge ændret sig fra 2015 til 2023?")
    assert UNGE_2015 in answer["goals"] and UNGE_2023 in answer["goals"]
    assert answer["answer"].startswith("I 2015 lød mål 1: “Antallet af unge under 30 år på offentlig forsørgelse")
    assert "I 2023 lød mål 6: “Flere unge skal i uddannelse eller beskæftigelse”" in answer["answer"]
    # the 2015 placeholder X became 'falde med 5 pct.' in 2019 (goal 2: job- og uddannelsesparate unge), in Danish
    assert "pladsholderen X er udfyldt: “falde med 5 pct. fra oktober 2018 til oktober 2019”" in answer["answer"]
    assert {(link["from_year"], link["to_year"]) for link in answer["links"]} >= {
        (2015, 2019),
        (2019, 2022),
        (2022, 2023),
    }
    assert_quotes_match_source(answer, store)


def test_first_appearance_of_the_disability_goal(client, store):
    answer = ask(client, "Hvornår kom målet om personer med handicap ind?")
    assert (
        "“Flere personer med handicap skal i beskæftigelse” optræder første gang i materialet i 2019"
        in answer["answer"]
    )
    assert "senere år med målet: 2022 og 2023" in answer["answer"]
    assert "Materialet rummer planer for 2014, 2015, 2019, 2022 og 2023" in answer["answer"]
    assert answer["citations"][0]["source_file"] == "002_f3dbe880e0f1df7c.txt"
    assert_quotes_match_source(answer, store)


def test_goals_dropped_after_2022(client, store):
    answer = ask(client, "Hvilke mål udgik efter 2022?")
    assert answer["goals"] == ["lyngby-taarbaek-beskaeftigelsesplan-2022:goal-2022-6"]
    assert answer["answer"] == (
        "1 mål fra 2022, som ikke findes i 2023: Mål 6 (2022): “Flere jobparate ledige +55 år skal i beskæftigelse”."
    )
    assert_quotes_match_source(answer, store)


def test_goals_carried_over_unchanged_in_english(client, store):
    answer = ask(client, "Which goals were carried over unchanged from 2022 to 2023?")
    assert answer["language"] == "en"
    # all but goal 6 (+55 år) of the 2022 plan, then the 2023 plan's own 'Alle målene går igen fra 2022' and its
    # 'Der videreføres endvidere to lokalpolitiske besluttede beskæftigelsesmål fra 2021 og 2022' (lines 105-108)
    assert len(answer["statements"]) == 9
    assert "går igen fra 2022" in answer["statements"][-2]["text"]
    assert "videreføres endvidere to lokalpolitiske" in answer["statements"][-1]["text"]
    assert (
        "“Flere unge skal i uddannelse eller beskæftigelse” (goal 7 in 2022, goal 6 in 2023) is unchanged."
        in answer["answer"]
    )
    assert "+55" not in answer["answer"]
    assert_quotes_match_source(answer, store)


def test_status_of_the_refugee_goal_in_2019(client, store):
    answer = ask(client, "Hvad var status for målet om flygtninge i 2019?")
    # the status table row '40% Mar 2019 41,3% 186': 41,3 pct., 186 persons against a target of 40 pct.
    assert ": 41,3 pct. (186 personer) — målet (40 pct.) er nået." in answer["answer"]
    assert "Status marts 2019 for følgemål b (2019)" in answer["answer"]
    assert ": 28,0 pct. (46 personer)." in answer["answer"]  # følgemål b, female refugees, no target
    assert_quotes_match_source(answer, store)


def test_decision_on_the_2015_plan(client, store):
    answer = ask(client, "Hvad besluttede udvalget om Beskæftigelsesplan 2015?")
    assert answer["answer"] == (
        "Erhvervs- og Beskæftigelsesudvalget besluttede den 9. september 2014 om punkt 2 “Beskæftigelsesplan 2015 - "
        "endeligt udkast og med høringssvar”: “Ad. 1-2 Anbefalet. Ad. 3-5 Godkendt.” (udfald pr. indstilling — "
        "1: anbefalet, 2: anbefalet, 3: godkendt, 4: godkendt, 5: godkendt). "
        "Indstillingen, som beslutningen gælder: “Forvaltningen foreslår at: 1) Den fremlagte Beskæftigelsesplan "
        "2015 - med de foreslåede tilføjelser på baggrund af høringssvar - lægges til grund for "
        "beskæftigelsesindsatsen i Lyngby-Taarbæk Kommune. 2) Resultatniveauer for målene fastlægges ultimo 2014 "
        "eller primo 2015, når der er et mere sikkert skøn over ledighedsudviklingen for 2015. 3) Forvaltningen "
        "fremlægger særskilt sag om justeret strategi og indsats for forsikrede ledige, når den politiske aftale om "
        "beskæftigelsesreformen er udmøntet i lovgivning. 4) Den justerede strategi for beskæftigelsesindsatsen for "
        "forsikrede ledige fremgår af Beskæftigelsesplan 2016. 5) Det drøftes, om der skal afholdes fælles møde "
        "mellem LBR og EBU ultimo 2014 om beskæftigelsesreformen”. "
        "Fraværende: Jakob Engel-Schmidt (V), Hanne Agersnap (F)."
    )
    assert answer["decisions"][0]["date"] == "2014-09-09"
    assert_quotes_match_source(answer, store)


def test_agenda_history_of_the_employment_plans(client, store):
    answer = ask(client, "Hvilke punkter om Beskæftigelsesplan har været på dagsordenen?")
    assert [(d["date"], d["title"]) for d in answer["decisions"]] == [
        ("2014-09-09", "Status på Beskæftigelsesplan 2014, andet kvartal"),
        ("2014-09-09", "Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar"),
        ("2019-06-11", "Første status på Beskæftigelsesplan 2019 (Orientering)"),
    ]
    assert_quotes_match_source(answer, store)


def test_absent_members_on_9_september_2014(client, store):
    answer = ask(client, "Hvem var fraværende den 9. september 2014?")
    assert answer["answer"].endswith(": Jakob Engel-Schmidt (V), Hanne Agersnap (F).")
    assert "var fraværende" in answer["citations"][0]["quote"]
    assert_quotes_match_source(answer, store)


def test_attachments_of_the_2015_plan_item(client, store):
    answer = ask(client, "Hvilke bilag havde punktet om Beskæftigelsesplan 2015?")
    assert answer["decisions"][0]["attachments"] == [
        "Beskæftigelsesplan 2015_med høringssvar markeret",
        "Høringssvar til Beskæftigelsesplan 2015",
        "Høringssvar_BP15_Lyngby Taarbæk",
        "Høringssvar BP2015 LO",
    ]
    assert answer["citations"][0]["quote"].strip() == "1. Beskæftigelsesplan 2015_med høringssvar markeret"
    assert_quotes_match_source(answer, store)


def test_no_evidence_in_danish(client):
    answer = ask(client, "Hvad besluttede udvalget om cykelstier i 2021?")
    assert answer["evidence"] is False and answer["citations"] == []
    assert answer["answer"].startswith("Det fremgår ikke af materialet")


def test_no_evidence_in_english(client):
    answer = ask(client, "What was the target for senior citizens in 2019?")
    assert answer["evidence"] is False and answer["citations"] == []
    assert answer["answer"].startswith("The material does not show")


def test_post_gives_the_same_answer(client):
    question = "Hvem var fraværende den 9. september 2014?"
    assert client.post("/ask", json={"q": question}).json() == ask(client, question)


def test_unrecognised_question_falls_back_to_cited_search(client, store):
    answer = ask(client, "virksomhedsrettet aktivering")
    assert answer["kind"] == "search" and answer["evidence"]
    assert_quotes_match_source(answer, store)


def test_status_is_a_sentence_judged_against_the_target(client, store):
    answer = ask(client, "Blev målet for virksomhedsrettet tilbud nået i 2019?")
    # the status table row '60,0% Mar 2019 53,2% 92': 53,2 pct. against a minimum of 60 pct.
    assert answer["statements"][0]["text"].endswith(": 53,2 pct. (92 personer) — målet (mindst 60 pct.) er ikke nået.")
    assert answer["statements"][0]["text"].startswith("Status marts 2019 for mål 4 (2019)")
    assert_quotes_match_source(answer, store)


def test_status_in_a_month_without_a_figure_says_so_and_gives_the_nearest(client, store):
    answer = ask(client, "Hvad var status for IGU-målet i marts 2019?")
    assert answer["answer"].startswith("Materialet har intet statustal for følgemål c")
    assert "Status maj 2019 for følgemål c (2019)" in answer["answer"] and ": 75 pct." in answer["answer"]
    assert_quotes_match_source(answer, store)


def test_decision_of_every_body_in_date_order_in_english(client, store):
    answer = ask(client, "What did the committees decide about the SSP action plan?")
    decided = [s["text"] for s in answer["statements"] if " decided on item 3 " in s["text"]]
    assert [text.split(" decided")[0] for text in decided] == [
        "On 6 June 2019 Børne- og Ungdomsudvalget",
        "On 11 June 2019 Beskæftigelses- og Integrationsudvalget",
    ]
    assert "(outcome: taget til efterretning)" in decided[1]
    assert_quotes_match_source(answer, store)


def test_count_of_the_2019_goals(client, store):
    answer = ask(client, "Hvor mange mål havde planen for 2019?")
    assert answer["statements"][0]["text"] == (
        "Lyngby-Taarbæk Kommune har 17 mål for 2019: 11 mål (1 ministermål og 10 lokale mål) og 6 følgemål."
    )
    assert "Der blev fastsat 11 mål med resultatniveauer" in answer["statements"][1]["text"]  # the text's own count
    assert len(answer["goals"]) == 17
    assert_quotes_match_source(answer, store)


def test_plan_years_name_the_years_between_that_the_material_lacks(client, store):
    answer = ask(client, "Hvilke planår findes der i materialet?")
    assert answer["answer"] == (
        "Materialet rummer mål for planårene 2014, 2015, 2019, 2022 og 2023; imellem mangler 2016–2018 og 2020–2021."
    )
    assert {c["source_file"] for c in answer["citations"]} >= {"003_d16604ceb04aa2e7.txt", "000_74d16ed6cde7bc44.txt"}
    assert_quotes_match_source(answer, store)


def test_absence_at_a_meeting_named_by_month_in_english(client, store):
    answer = ask(client, "Who was absent at the meeting in June 2019?")
    assert answer["answer"] == (
        "Absent from the Beskæftigelses- og Integrationsudvalget meeting on 11 June 2019: Mette Schmidt Olsen (C)."
    )
    assert "Mette Schmidt Olsen" in answer["citations"][0]["quote"]
    assert_quotes_match_source(answer, store)


def test_a_two_part_question_gets_both_parts_answered(client, store):
    answer = ask(
        client, "Hvornår kom målet om personer med funktionsnedsættelse ind, og hvad var status for flygtninge i 2019?"
    )
    assert (
        "“Flere personer med handicap skal i beskæftigelse” optræder første gang i materialet i 2019"
        in answer["answer"]
    )
    assert ": 41,3 pct. (186 personer) — målet (40 pct.) er nået." in answer["answer"]
    assert_quotes_match_source(answer, store)


def test_why_quotes_the_passage_that_gives_the_reason(client, store):
    answer = ask(client, "Hvorfor har kommunen særligt fokus på jobparate ledige over 55 år?")
    assert "har derfor særligt fokus på at få jobparate ledige over 55 år" in answer["answer"]
    # the reason, cited at its lines (a second plan's passage on the same group may follow)
    citation = answer["citations"][0]
    assert citation["source_file"] == "000_74d16ed6cde7bc44.txt" and 590 <= citation["line_start"] <= 594
    assert_quotes_match_source(answer, store)


@pytest.mark.parametrize(
    "question",
    [
        "Hvad besluttede Odense Kommune om beskæftigelsesplanen?",  # a municipality the material lacks
        "Hvad var status for målet om e-sport for unge?",  # 'unge' alone does not make a goal about e-sport
        "Hvor mange flygtninge kom i job i 2010?",  # a year the material does not cover
    ],
)
def test_abstains_rather_than_present_unrelated_text(client, question):
    answer = ask(client, question)
    assert answer["evidence"] is False and answer["citations"] == []
    # a scope the material lacks is said as such ('Materialet indeholder ikke noget fra Odense Kommune, kun fra …')
    assert answer["answer"].startswith(("Det fremgår ikke af materialet", "Materialet indeholder ikke"))


def test_a_question_the_cues_resolve_never_opens_search(store):
    from answer.engine import answer_question, answer_record

    def open_search():
        raise AssertionError("search opened")

    result = answer_question("Hvem var fraværende den 9. september 2014?", store, open_search)
    assert result.evidence and answer_record(result)["kind"] == "absent"


def test_no_new_goals_cites_the_goals_that_recur(client, store):
    answer = ask(client, "Kom der nye mål til i 2023?")
    assert answer["statements"][0]["text"] == "Der er ingen nye mål i 2023 i forhold til 2022."
    assert len(answer["statements"][0]["citations"]) == 7  # its seven goals, all carried over from 2022
    said = answer["statements"][1]
    assert said["text"].startswith("Beskæftigelsesplan 2023 skriver: “") and "går igen fra 2022" in said["text"]
    assert {c["source_file"] for c in answer["citations"]} == {"001_66e873449e3ce21a.txt"}  # the 2023 plan
    assert_quotes_match_source(answer, store)


def test_the_same_as_the_year_before_says_the_earlier_plan_is_missing_and_quotes_the_plan(client, store):
    answer = ask(client, "Var ministermålene for 2022 de samme som året før?")
    assert answer["statements"][0]["text"] == (
        "Materialet indeholder ikke en plan for 2021 (kun for 2014, 2015, 2019, 2022 og 2023)."
    )
    said = answer["statements"][1]
    assert said["text"].startswith("Beskæftigelsesplan 2022 skriver: “") and "går igen fra 2021" in said["text"]
    assert [(c["source_file"], c["line_start"]) for c in said["citations"]] == [("000_74d16ed6cde7bc44.txt", 65)]
    assert_quotes_match_source(answer, store)


def test_status_of_a_plan_year_the_material_lacks_says_so_instead_of_quoting_another_plan(client):
    answer = ask(client, "What was the status of the 2018 employment plan in the first quarter?")
    assert answer["answer"] == "The material does not hold a plan for 2018 (only for 2014, 2015, 2019, 2022 and 2023)."
    assert answer["evidence"] is False and answer["citations"] == []


def test_new_goals_against_a_year_without_a_plan_lists_none_as_new(client, store):
    answer = ask(client, "Hvilke mål var nye i 2022 i forhold til 2021?")
    assert answer["goals"] == []  # not every 2022 goal: the material cannot tell
    assert answer["statements"][0]["text"] == (
        "Materialet indeholder ikke en plan for 2021 (kun for 2014, 2015, 2019, 2022 og 2023)."
    )
    assert "går igen fra 2021" in answer["statements"][1]["text"]
    assert_quotes_match_source(answer, store)


def test_first_time_on_the_agenda_when_no_goal_is_about_the_topic(client, store):
    answer = ask(client, "When was the SSP action plan first discussed?")
    assert answer["answer"].startswith("First time on the agenda (of ")
    assert (
        "June 2019" in answer["answer"]
        and "“Etårsstatus på SSP-handleplan 2018-2020 (Orientering)”" in answer["answer"]
    )
    assert_quotes_match_source(answer, store)
