"""Plan <-> minutes: which agenda items approve a plan, report its status or set its target levels.

An item whose title names 'Beskæftigelsesplan YYYY' concerns every goal of that plan year in the same
municipality. 'Status på Beskæftigelsesplan 2014, andet kvartal' reports status; 'Beskæftigelsesplan
2015 - endeligt udkast og med høringssvar', recommended by the committee, approves.
"""

from __future__ import annotations

import re

from maalspor.model import AgendaItem, Document, Goal, Outcome, PlanLink, PlanLinkRole
from nlp.danish import PLAN_MENTION
from nlp.decisions import meeting_decision

_PLAN_TITLE = PLAN_MENTION
_STATUS = re.compile(r"\bstatus\b|\bopfølgning\b|\bresultatrevision\b", re.I)
_TARGET_LEVELS = re.compile(r"\bmåltal|\bmålniveau", re.I)
_APPROVING_OUTCOMES = (Outcome.ANBEFALET, Outcome.GODKENDT)


def link_plans_to_minutes(goals: list[Goal], items: list[AgendaItem], documents: list[Document]) -> list[PlanLink]:
    by_id = {document.id: document for document in documents}
    links = []
    for item in items:
        title = _PLAN_TITLE.search(item.title)
        document = by_id.get(item.document_id)
        if title is None or document is None or item.embedded:
            continue
        year = int(title.group("year"))
        decision = meeting_decision(item, document)
        outcome = decision.outcome if decision else None
        role = _role(item.title, outcome)
        for goal in goals:
            if goal.plan_year == year and by_id.get(goal.document_id, document).municipality == document.municipality:
                observed = sum(1 for status in goal.status if status.document_id == item.document_id)
                links.append(PlanLink(goal.id, item.id, role, outcome, document.meeting_date, observed))
    return links


def _role(title: str, outcome: Outcome | None) -> PlanLinkRole:
    if _STATUS.search(title):
        return PlanLinkRole.REPORTS_STATUS
    if _TARGET_LEVELS.search(title):
        return PlanLinkRole.SETS_TARGETS
    return PlanLinkRole.APPROVES if outcome in _APPROVING_OUTCOMES else PlanLinkRole.DISCUSSES
