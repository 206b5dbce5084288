"""Everything the committees dealt with about a topic, oldest first, as records, Markdown or CSV."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from answer.material import Material, decision_summary
from answer.question import Question, topic_terms

if TYPE_CHECKING:
    from index.store.sqlite import Store

CSV_FIELDS = ("date", "committee", "item_id", "title", "outcome", "decision_text")


def topic_records(topic: str, store: Store) -> list[dict]:
    material = Material.load(store)
    question = Question(text=topic, language="da", kind="history", years=(), date=None, terms=tuple(topic_terms(topic)))
    return [
        {**decision_summary(item, decision, material), "citations": material.quoter.records(item.citations[:1])}
        for item, decision in material.resolve_items(question)
    ]


def as_markdown(topic: str, records: list[dict]) -> str:
    lines = [f"# {topic}", ""]
    for r in records:
        source = r["citations"][0] if r["citations"] else None
        where = f" ({source['source_file']}, linje {source['line_start']}-{source['line_end']})" if source else ""
        lines.append(f"- **{r['date']}** {r['committee']}: {r['title']} — {r['outcome'] or 'intet udfald'}{where}")
    return "\n".join(lines) + "\n"


def as_csv(records: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()
