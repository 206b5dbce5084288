"""The intent of a question in any common wording: every inflection and synonym of an intent's cue, and the
main clause deciding over a cue further back. Written for this test on many policy areas, not taken from the
question bank; the cue path alone (no embedding model)."""

import pytest

from answer.question import understand

WORDINGS = {
    "change": [
        "Hvordan har ambitionen for sygefraværet udviklet sig?",
        "Er der forskel på klimamålet i 2020 og 2024?",
        "Er måltallet for ventetider blevet justeret siden 2021?",
        "Hvad er anderledes ved målet for skolernes trivsel nu?",
        "Hvordan ser ældremålet ud i dag sammenlignet med 2018?",
        "Blev målet for hjemmehjælp ændret undervejs?",
        "Hvilke ændringer er der lavet i målet for ventelister?",
        "Hvordan har formuleringen af målet om affald flyttet sig?",
        "How was the climate target revised between 2020 and 2024?",
        "Has the waiting time goal been altered?",
        "In what way does the 2023 target differ from 2021?",
        "Hvad er udviklingen i målet for sundhedsplejen fra 2016 til 2020?",
    ],
    "first": [
        "Hvornår dukkede målet om ensomhed op første gang?",
        "Fra hvilket år har der været et mål for hjemløse?",
        "Hvilken plan var den første med et mål om frivillighed?",
        "Hvornår blev målet for cykelstier indført?",
        "When did the goal on loneliness first show up?",
        "Which plan was the first to mention homelessness?",
    ],
    "last": [
        "Hvornår var målet om ensomhed med for sidste gang?",
        "Hvilket år optrådte målet for hjemløse senest?",
        "Hvornår ophørte målet om frivillighed?",
        "What was the last year with a goal on homelessness?",
    ],
    "new": [
        "Hvilke mål er kommet til i 2024?",
        "Er der tilføjet nye mål i den seneste plan?",
        "Hvilke mål er nye i 2021 i forhold til 2020?",
        "Which targets were introduced in the 2024 plan that were not in 2023?",
        "Hvilke nytilkomne mål har planen for 2022?",
    ],
    "dropped": [
        "Hvilke mål er taget ud af planen i 2024?",
        "Er målet om affaldssortering udgået?",
        "Hvilke mål blev fjernet efter 2020?",
        "Er målet for daginstitutioner bortfaldet?",
        "Findes målet om hjemløse ikke længere?",
        "Which goals were removed after 2020?",
        "Was the recycling target scrapped?",
    ],
    "unchanged": [
        "Er klimamålet uændret fra 2020 til 2021?",
        "Blev målet om ensomhed videreført uden ændringer?",
        "Står målet for cykelstier ordret som året før?",
        "Er ældremålet formuleret på samme måde i 2021 og 2022?",
        "Did the waiting time goal stay the same from 2020 to 2021?",
        "Were the climate targets carried over unchanged?",
    ],
    "status": [
        "Hvordan står det til med målet om sygefravær i 2021?",
        "Blev klimamålet indfriet i 2022?",
        "Er målet for ventetider opfyldt?",
        "Hvor langt er man nået med målet om affaldssortering?",
        "Hvad viser opfølgningen på målet for hjemløse?",
        "Har kommunen nået sit mål om cykelstier?",
        "Lever skolerne op til trivselsmålet?",
        "Was the loneliness target reached in 2022?",
        "How far along is the recycling goal?",
        "What is the latest status of the homelessness target?",
    ],
    "decision": [
        "Hvad besluttede udvalget om de nye mål for klima?",
        "Hvad blev udfaldet af sagen om skolestrukturen?",
        "Godkendte byrådet budgettet for 2024?",
        "Hvad vedtog kommunalbestyrelsen om cykelstierne?",
        "Hvordan stemte udvalget om ældreplanen?",
        "Hvad endte udvalget med at gøre med forslaget om nye daginstitutioner?",
        "Hvem stemte imod lokalplanen?",
        "Blev forslaget om en ny svømmehal tiltrådt?",
        "Hvad indstillede forvaltningen om ventelisterne?",
        "What did the council resolve on the school structure?",
        "Was the budget approved by the committee?",
        "How did the committee vote on the bike lanes?",
    ],
    "history": [
        "Hvornår har cykelstier været på dagsordenen?",
        "Hvilke møder har behandlet skolestrukturen?",
        "Har udvalget drøftet ensomhed blandt ældre?",
        "Hvor mange gange har sagen om svømmehallen været forelagt?",
        "When was the school structure on the agenda?",
        "Which committees have discussed the bike lanes?",
    ],
    "absent": [
        "Hvem var ikke til stede på mødet 3. marts 2021?",
        "Hvem havde meldt afbud til udvalgsmødet i maj 2022?",
        "Var formanden fraværende ved mødet om budgettet?",
        "Who was absent from the committee meeting on 3 March 2021?",
        "Did all members attend the meeting in May 2022?",
    ],
    "attachments": [
        "Hvilke bilag hørte til sagen om svømmehallen?",
        "Var der vedhæftede dokumenter til punktet om budgettet?",
        "Which documents were attached to the item on the school structure?",
    ],
    "overview": [
        "Hvor mange mål har klimaplanen for 2022?",
        "Giv et overblik over målene i 2021",
        "Hvilke mål er der i sundhedspolitikken?",
        "Hvad er antallet af delmål i ældreplanen?",
        "List alle målene for 2023",
        "Hvor mange punkter var der på mødet i maj 2022?",
        "How many targets does the 2024 plan contain?",
        "Give me an overview of the goals for 2021",
        "Which targets are in the health policy?",
    ],
    "why": [
        "Hvad er begrundelsen for at lukke svømmehallen?",
        "Hvad var baggrunden for ændringen af klimamålet?",
        "Hvorfor blev målet om ensomhed fjernet?",
        "Hvad skyldes stigningen i sygefraværet?",
        "Why was the recycling goal dropped?",
        "What was the reason for the new school structure?",
        "Hvorfor stemte to medlemmer imod budgettet?",
    ],
}


# Short, lower-case, topic-first and colloquial forms.
COLLOQUIAL = {
    "change": [
        "målet for hjemmepleje - hvad er der sket med det fra 2019 til 2021",
        "ændrede byrådet målet for ventetider i 2022?",
        "hvordan er ambitionsniveauet for klimaet rykket siden 2020",
        "What changed in the school wellbeing target between plans?",
        "er tallet i målet om affald sat op",
        "Hvordan ser målet om frivillige ud nu i forhold til 2019?",
        "forskellen mellem ældremålet 2018 og 2021",
    ],
    "first": [
        "i hvilket år kom målet om ensomhed ind i planen",
        "første plan med mål om cykelstier?",
        "hvornår nævnes hjemløse første gang som mål",
        "When was the homelessness goal introduced?",
        "Siden hvilket år har der været et mål om frivillighed?",
    ],
    "last": [
        "seneste plan med et mål for hjemløse?",
        "hvornår blev målet for cykelstier sidst nævnt",
        "When did the loneliness target last appear?",
        "Hvilket år var sidste gang der var et klimamål?",
    ],
    "new": [
        "nye mål i 2022?",
        "hvad er nyt af mål i 2024-planen",
        "Hvilke mål er føjet til siden 2020?",
        "What goals did the 2022 plan add?",
        "Er der kommet et nyt mål om ensomhed?",
    ],
    "dropped": [
        "hvilke mål er ikke med længere i 2024",
        "er målet om cykelstier røget ud",
        "Hvilke mål blev skåret væk i 2021?",
        "Which targets disappeared after 2019?",
        "hvilke mål fra 2019 er der ikke mere i 2021",
    ],
    "unchanged": [
        "er klimamålet stadig det samme",
        "har målet om ensomhed samme ordlyd i 2021 og 2022",
        "blev ældremålene genbrugt uden ændringer",
        "Is the recycling goal worded identically in both years?",
        "hvilke mål er gået igen fra 2020 til 2021",
    ],
    "status": [
        "hvordan går det med målet for sygefravær",
        "status ventetider 2021",
        "er vi i mål med affaldssorteringen",
        "Hvad er det seneste tal for andelen af elever i trivsel?",
        "How is the climate goal doing?",
        "Blev målsætningen om færre hjemløse realiseret i 2022?",
    ],
    "decision": [
        "hvad sagde udvalget ja til om cykelstier",
        "blev lokalplanen vedtaget",
        "Hvilken beslutning traf byrådet om skolestrukturen?",
        "What was the committee's decision on the waiting lists?",
        "Sagde byrådet nej til svømmehallen?",
        "Hvad blev resultatet af sagen om daginstitutioner?",
    ],
    "history": [
        "hvilke udvalg har haft cykelstier oppe",
        "Hvor har sagen om svømmehallen været behandlet før byrådet?",
        "hvornår var ensomhed oppe i udvalget",
        "Which meetings dealt with the school structure?",
    ],
    "absent": [
        "hvem var væk fra mødet 3. marts 2021",
        "mødte alle op til byrådsmødet i maj 2022?",
        "Who sent apologies for the May 2022 meeting?",
        "Hvilke medlemmer deltog ikke i mødet?",
    ],
    "attachments": [
        "hvilke dokumenter var vedlagt sagen om budgettet",
        "bilagsliste til punkt 4",
        "What documents came with the item on bike lanes?",
    ],
    "overview": [
        "hvor mange mål er der i alt i 2022",
        "hvilke mål har ældrepolitikken",
        "antal mål i klimaplanen",
        "vis alle målene for 2021",
        "How many goals are there in the 2021 plan?",
        "Hvor mange sager var på dagsordenen i maj 2022?",
    ],
    "why": [
        "hvad er grunden til at målet for ensomhed blev fjernet",
        "hvorfor steg sygefraværet",
        "Hvad begrundede udvalget beslutningen om svømmehallen med?",
        "What explains the fall in waiting times?",
        "Why did the council reject the local plan?",
    ],
}


@pytest.mark.parametrize(
    "text, kind", [(text, kind) for table in (WORDINGS, COLLOQUIAL) for kind, texts in table.items() for text in texts]
)
def test_intent_in_any_common_wording(text, kind):
    assert understand(text).kind == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Hvad besluttede udvalget om de nye mål?", "decision"),  # not 'new': the main verb decides
        ("Hvem stemte imod at fjerne målet for ældre?", "decision"),  # not 'dropped'
        ("Hvad var status for målet, som blev fjernet i 2021?", "status"),
        ("What did the council decide about the removed targets?", "decision"),
        ("Hvilke mål om rottebekæmpelse udgik efter 2015?", "dropped"),  # 'om' after the noun: not a clause
        ("Hvilken målsætning om ældre blev fjernet?", "dropped"),
        ("Which target on recycling was dropped?", "dropped"),
        ("Er målet om skoler ændret?", "change"),  # no cue in the main clause: the whole question counts
    ],
)
def test_the_main_clause_decides_over_a_cue_further_back(text, kind):
    assert understand(text).kind == kind


def test_a_compound_holding_a_cue_word_is_a_topic_not_a_cue():
    assert understand("Hvordan har målet for sygefraværet udviklet sig?").kind == "change"  # not 'fravær'
    assert understand("Hvor mange borgere fik tilbudt et kursus i 2021?").kind == "search"  # not a count of goals


@pytest.mark.parametrize(
    "text, years, terms",
    [
        ("Kan du fortælle mig, hvordan ældremålet adskiller sig fra 2020 til 2021?", (2020, 2021), ("ældre",)),
        ("Jeg skal bruge en sammenligning af klimamålet i KP2020 og KP2024", (2020, 2024), ("klima",)),
        ("Show me how the target for homeless people differs between 2020 and 2022", (2020, 2022), ("hjemløse",)),
        ("skolemål 2020 vs 2021 - hvad er justeret for de 6-årige?", (2020, 2021), ("skole",)),
        ("Hvad er forskellen på målet for fjernvarme i 2020 og 2024?", (2020, 2024), ("fjernvarme",)),
        ("Hvad er status for målet om e-sport for unge?", (), ("e-sport", "unge")),
    ],
)
def test_the_topic_keeps_neither_the_asking_nor_the_intent_words(text, years, terms):
    question = understand(text)
    assert (question.years, question.terms) == (years, terms)


def test_another_intents_word_may_be_the_topic():
    """Only the words naming the question's own intent are left out: in an absence question 'godkendelsen'
    names the item, in a decision question it is what is asked."""
    assert "godkendelsen" in understand("Var formanden fraværende ved godkendelsen af budgettet?").terms
    assert understand("Hvad skete der ved godkendelsen af budgettet?").terms == ("godkendelsen", "budgettet")
    assert understand("Blev godkendelsen af budgettet vedtaget?").terms == ("budgettet",)
