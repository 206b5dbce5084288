"""Goals of employment plans that appear inside committee minutes.

Five shapes occur:
  * labelled status tables ('Mål 1: <wording>' then '-4% Mar 2019 1,1% 38'): a status report;
  * unlabelled status tables (indicator name, description, '-22% jun-14 -39,7% ...'), with the
    goal numbers only in chart captions ('Mål 2a: ...') and targets in the item's summary;
  * a draft plan attached to an item: 'Mål for 2015' sections with 'Mål N: <wording>' and the
    minister's goal ('Ministerens udmelding på området: ...'), listed once more up front;
  * a goal list after a sentence that introduces goals, in an item that presents a plan or quotes
    the year's ministerial goals (goal_lists finds these lists in plans too);
  * a labelled goal sentence, quoted or not, followed by its status ('Resultatmål under voksenliv' /
    '”Antallet af … skal falde …”' / 'Status august 2022' / the status text).

One module reads each shape (labelled_status, indicator_status, plan_attachment, agenda_item,
sentence_status); prose_status adds the status a report gives in running text under a goal's heading;
shared holds the label, line spans, status cells and the Goal they all make.
"""

from __future__ import annotations

from maalspor.model import CleanText, Document, Goal
from nlp.goals.agenda_item import agenda_item_goals
from nlp.goals.indicator_status import unlabelled_status_goals
from nlp.goals.labelled_status import labelled_status_goals
from nlp.goals.plan_attachment import plan_attachment_goals
from nlp.goals.prose_status import add_prose_status
from nlp.goals.sentence_status import sentence_status_goals
from nlp.goals.shared import Label
from nlp.lines import text_lines


def extract_goals_from_minutes(clean: CleanText, document: Document) -> list[Goal]:
    lines = text_lines(clean)
    labels = [label for index, line in enumerate(lines) if (label := Label.at(index, line))]
    goals = labelled_status_goals(clean, lines, labels, document)
    goals += unlabelled_status_goals(clean, lines, labels, document)
    goals += plan_attachment_goals(clean, lines, labels, document)
    goals += agenda_item_goals(clean, lines, document, {goal.id for goal in goals})
    goals += sentence_status_goals(clean, lines, document)
    add_prose_status(clean, lines, goals, document)
    return goals
