"""Readable ASCII ids of the records the parsers make: goals and agenda items."""

from __future__ import annotations

from nlp.danish import slugify


def goal_id(document_id: str, plan_year: int, number: str) -> str:
    """'følgemål a' -> '<document>:goal-2019-foelgemaal-a'.

    The parsers' goal numbers ('3', '2a', 'følgemål a', 'ministermål 1' or an indicator's slug) hold
    only letters, digits and single spaces, so the slug equals the older fold-and-hyphenate id.
    """
    return f"{document_id}:goal-{plan_year}-{slugify(number)}"


def item_id(document_id: str, number: str, embedded: bool = False) -> str:
    # Item numbers are digits as printed in the minutes; they need no folding.
    return f"{document_id}:{'embedded-item' if embedded else 'item'}-{number}"
