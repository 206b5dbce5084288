"""Goal lists anywhere: a numbered or bulleted list after a sentence that introduces goals.

Danish plans, agenda items and the ministry's yearly announcement (as plans and items quote it)
introduce their goals the same way: a sentence that speaks of mål, målsætninger, fokusområder,
ministermål, resultatmål or satsninger and ends in a colon (or a semicolon), then one goal per
numbered or bulleted entry:

    Regeringen udmeldte i juni 2021 de beskæftigelsespolitiske mål for 2022. [...] Målene er:
    1. Alle ledige skal have en værdig sagsbehandling

The introducing sentence gives the year ('mål for 2023', 'Beskæftigelsesplan 2022') and, when
the minister, the government, STAR or Beskæftigelsesrådet issues the goals, their ministerial origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.danish import PLAN_MENTION, ends_mid_sentence, is_bulleted, strip_bullet
from nlp.lines import Line

# Words that name goals, as whole words: 'målene', 'beskæftigelsespolitiske mål', 'ministermål',
# 'resultatmålene', 'målsætninger', 'fokusområderne', 'satsninger' (not 'formålet' or 'spørgsmål').
_GOAL_PREFIXES = ("minister", "resultat", "effekt", "hoved", "del", "indsats", "udviklings")
_GOAL_WORD = re.compile(
    r"(?<![\wæøå])(?:(?:" + "|".join(_GOAL_PREFIXES) + r")?mål(?:ene|et|sætning(?:er|erne)?)?"
    r"|fokusområd(?:e|er|erne)|satsning(?:er|erne)?)(?![\wæøå])",
    re.I,
)
# Who issues goals to the municipalities: the minister, the government, STAR, Beskæftigelsesrådet.
_ISSUER = re.compile(
    r"\b(?:\w*minist(?:er|eren|eriet)|ministermål\w*|regeringen|STAR|Styrelsen for Arbejdsmarked og Rekruttering"
    r"|Beskæftigelsesrådet)\b",
    re.I,
)
# The year the goals are for: 'mål for 2023', 'har for 2024 besluttet', 'Beskæftigelsesplan 2022'.
_FOR_YEAR = re.compile(r"\bfor\s+(?P<year>(?:19|20)\d{2})\b(?!\s*[-–])")
_GOAL_YEAR = re.compile(r"\bmål\w*\s+(?P<year>(?:19|20)\d{2})\b(?!\s*[-–])", re.I)
_NUMBERED = re.compile(r"^(?:[-•]\s*)?(?P<number>\d{1,2})\s*[.:)]\s+(?P<wording>\S.*)$")
MINISTERIAL_MARK = re.compile(r"\s*\(ministermål\)\s*", re.I)
# An entry that starts 'at …' is a recommendation of an agenda item, not a goal.
_RECOMMENDATION = re.compile(r"^at\s", re.I)
# A goal states something: at least this many words ('Flere ledige skal opkvalificeres').
_MIN_GOAL_WORDS = 3
_MIN_ENTRIES = 2
_CONTEXT_LINES = 3  # lines before the introducing line that may belong to its paragraph


@dataclass(frozen=True)
class GoalEntry:
    number: str  # as listed ('1'), or the entry's position in a bulleted list
    wording: str
    lines: list[Line]


@dataclass(frozen=True)
class GoalList:
    """A list of goals with its introducing line, year and origin."""

    intro: Line
    paragraph: str  # the introducing line with the lines of its paragraph before it
    year: int | None
    ministerial: bool
    entries: list[GoalEntry]
    truncated: bool  # the last entry breaks off mid-sentence (the excerpt or page ends inside it)


def goal_lists(lines: list[Line]) -> list[GoalList]:
    """Every goal list in `lines`, in order."""
    found = []
    for index, line in enumerate(lines):
        if _introduces_goals(line.text) and (entries := _entries_after(lines, index + 1)):
            context = _paragraph_before(lines, index)
            found.append(
                GoalList(
                    line,
                    " ".join(reversed(context)),
                    _year(context),
                    any(_ISSUER.search(text) for text in context),
                    entries,
                    _cut_off(entries[-1].wording),
                )
            )
    return found


def _introduces_goals(text: str) -> bool:
    intro = strip_bullet(text)
    return intro.endswith((":", ";")) and bool(_GOAL_WORD.search(intro))


def _paragraph_before(lines: list[Line], index: int) -> list[str]:
    """The introducing line and the lines of its paragraph before it, nearest first."""
    context = [lines[index].text]
    for line in reversed(lines[max(0, index - _CONTEXT_LINES) : index]):
        if line.blank or _NUMBERED.match(line.text) or is_bulleted(line.text):
            break
        context.append(line.text)
    return context


def _year(context: list[str]) -> int | None:
    """The year the introducing sentence names, nearest the list first."""
    for pattern in (_FOR_YEAR, PLAN_MENTION, _GOAL_YEAR):
        for text in context:
            if match := pattern.search(text):
                return int(match.group("year"))
    return None


def _entries_after(lines: list[Line], index: int) -> list[GoalEntry]:
    """The numbered (1, 2, 3 …) or bulleted entries that follow, each continued over wrapped lines."""
    entries: list[list[Line]] = []
    numbered = False
    for line in lines[index:]:
        if line.blank:
            if entries:
                break
            continue
        match = _NUMBERED.match(line.text)
        if match and int(match.group("number")) == len(entries) + 1 and (numbered or not entries):
            numbered = True
            entries.append([line])
        elif not numbered and is_bulleted(line.text):
            entries.append([line])
        elif entries and _continues(entries[-1][-1], line):
            entries[-1].append(line)
        else:
            break
    goals = [_entry(position, entry) for position, entry in enumerate(entries, start=1)]
    return goals if _is_goal_list(goals) else []


def _continues(previous: Line, line: Line) -> bool:
    return line.text[:1].islower() or ends_mid_sentence(previous.text) or previous.text.endswith("-")


def _entry(position: int, lines: list[Line]) -> GoalEntry:
    first = _NUMBERED.match(lines[0].text)
    number = first.group("number") if first else str(position)
    head = first.group("wording") if first else strip_bullet(lines[0].text)
    text = " ".join([head, *(line.text for line in lines[1:])])
    text = re.sub(r"(?<=\w)- (?=[a-zæøå])", "", text)  # a word hyphenated at the line end
    return GoalEntry(number, " ".join(MINISTERIAL_MARK.sub(" ", text).split()).rstrip(" ."), lines)


def _is_goal_list(entries: list[GoalEntry]) -> bool:
    return len(entries) >= _MIN_ENTRIES and all(
        len(entry.wording.split()) >= _MIN_GOAL_WORDS and not _RECOMMENDATION.match(entry.wording) for entry in entries
    )


def _cut_off(wording: str) -> bool:
    return ends_mid_sentence(wording) or wording.endswith(("-", ",", "–"))
