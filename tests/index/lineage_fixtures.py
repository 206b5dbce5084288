"""Shared by the lineage tests: the seed corpus ingested once, and the expected lineage file."""

import json

from tests.conftest import REPO

GOLD = json.loads((REPO / "tests" / "resources" / "goal_lineage.json").read_text(encoding="utf-8"))


def full_id(short: str) -> str:
    """'2019-3' -> '<2019 minutes document>:goal-2019-3'."""
    return f"{GOLD['documents'][short[:4]]}:goal-{short}"
