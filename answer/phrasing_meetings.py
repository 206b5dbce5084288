"""Answer wording about meetings and their items (Danish and English), beside answer.phrasing."""

from __future__ import annotations

from answer.phrasing import date_in, say
from answer.question import Question


def mentioned_treatment_line(
    question: Question, date: str, body: str, number: str, title: str, meeting_date: str | None
) -> str:
    """'30. maj 2012, Sundheds- og Forebyggelsesudvalget: nævnt som tidligere behandling i punkt 4 “…” på
    mødet 4. december 2012.' — a meeting the material does not hold, known from a later item's text."""
    return say(
        question,
        f"{date_in(question, date)}, {body}: nævnt som tidligere behandling i punkt {number} “{title}” på mødet "
        f"{date_in(question, meeting_date)}.",
        f"{date_in(question, date)}, {body}: mentioned as an earlier treatment in item {number} “{title}” of the "
        f"meeting on {date_in(question, meeting_date)}.",
    )


# A quoted recommendation is cut here: the facts a decision approves come first in it.
RECOMMENDATION_QUOTE_LIMIT = 1000


def recommendation_line(question: Question, text: str) -> str:
    """'Indstillingen, som beslutningen gælder: “…”.'"""
    text = text.rstrip(" .")
    if len(text) > RECOMMENDATION_QUOTE_LIMIT:
        text = text[:RECOMMENDATION_QUOTE_LIMIT].rsplit(" ", 1)[0] + " …"
    return say(
        question, f"Indstillingen, som beslutningen gælder: “{text}”.", f"The recommendation decided on: “{text}”."
    )
