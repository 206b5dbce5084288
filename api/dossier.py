"""The dossier a secretariat passes on: the agenda history of a topic or a goal, item by item, as rows,
Markdown and CSV with Danish headers (Word: api/dossier_word.py)."""

from __future__ import annotations

from dataclasses import dataclass

from answer.records import CitationQuoter, decision_record
from answer.timeline import thread_holding, thread_timeline
from answer.topics import topic_records
from api.sources import SourceNamer, danish_short_date, document_name
from api.tables import csv_text
from index.store.sqlite import Store

# CSV columns and their Danish headers, in order.
CSV_HEADERS = {
    "date": "Dato",
    "body": "Udvalg",
    "item_number": "Punkt",
    "title": "Titel",
    "recommendation": "Indstilling",
    "decision_text": "Beslutning",
    "outcome": "Udfald",
    "outcomes_by_recommendation": "Udfald pr. indstillingspunkt",
    "attachments": "Bilag",
    "source": "Kilde",
    "link": "Link",
}


@dataclass
class Dossier:
    title: str
    subject: dict[str, str]  # the query parameter that made it: {"q": topic} or {"goal": goal id}
    rows: list[dict]


def topic_dossier(topic: str, store: Store, namer: SourceNamer, base_url: str) -> Dossier:
    item_ids = [record["item_id"] for record in topic_records(topic, store)]
    return Dossier(f"Dossier: {topic}", {"q": topic}, dossier_rows(item_ids, store, namer, base_url))


def goal_dossier(goal_id: str, store: Store, namer: SourceNamer, base_url: str) -> Dossier:
    """The agenda items about every plan year of the goal's thread (NotFound for an unknown goal)."""
    timeline = thread_timeline(thread_holding(goal_id, store).id, store)
    item_ids = [meeting["item_id"] for meeting in timeline["meetings"]]
    return Dossier(f"Dossier: {timeline['label']}", {"goal": goal_id}, dossier_rows(item_ids, store, namer, base_url))


def dossier_rows(item_ids: list[str], store: Store, namer: SourceNamer, base_url: str) -> list[dict]:
    """One row per agenda item, oldest meeting first: body, date, Indstilling, outcomes, bilag, source and link."""
    documents = {document.id: document for document in store.documents()}
    items = {item.id: item for item in store.items(include_embedded=False)}
    quoter = CitationQuoter(store)
    rows = []
    for item_id in dict.fromkeys(item_ids):
        item = items[item_id]
        record = decision_record(item, documents[item.document_id])
        citation = quoter.record(item.citations[0]) if item.citations else None
        ref = namer(citation) if citation else None
        rows.append(
            {
                "date": danish_short_date(record["meeting_date"] or ""),
                "iso_date": record["meeting_date"] or "",
                "body": record["committee"] or document_name(documents[item.document_id]),
                "item_number": item.number,
                "title": item.title,
                "recommendation": record["recommendation"] or "",
                "recommendations": recommendation_outcomes(record),
                "decision_text": record["decision_text"] or "",
                "outcome": record["outcome"] or "",
                "attachments": item.attachments,
                "source": ref.label if ref else "",
                "link": base_url.rstrip("/") + ref.view_url if ref else "",
                "original": base_url.rstrip("/") + ref.file_url if ref and ref.file_url else "",
            }
        )
    rows.sort(key=lambda row: row["iso_date"])
    return rows


def recommendation_outcomes(record: dict) -> list[dict]:
    """Each numbered recommendation with the outcome the decision gave it ('' where it names none)."""
    outcomes = {int(number): str(outcome) for number, outcome in record["outcome_by_recommendation"].items()}
    return [
        {"number": r["number"], "text": r["text"], "outcome": outcomes.get(r["number"], "") if r["number"] else ""}
        for r in record["recommendations"]
    ]


def outcomes_line(row: dict) -> str:
    """'1: anbefalet; 2: godkendt' — the per-recommendation outcomes in one line."""
    return "; ".join(f"{r['number']}: {r['outcome']}" for r in row["recommendations"] if r["outcome"])


def as_csv(dossier: Dossier) -> str:
    rows = [{**row, "outcomes_by_recommendation": outcomes_line(row)} for row in dossier.rows]
    return csv_text(rows, columns=CSV_HEADERS, headers=CSV_HEADERS)


def as_markdown(dossier: Dossier) -> str:
    lines = [f"# {dossier.title}", ""]
    if not dossier.rows:
        lines.append("Materialet indeholder ingen dagsordenspunkter om emnet.")
    for row in dossier.rows:
        lines += [f"## {row['date']} — {row['body']}, punkt {row['item_number']}: {row['title']}", ""]
        lines += _markdown_fields(row)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _markdown_fields(row: dict) -> list[str]:
    lines = []
    if row["recommendations"]:
        lines.append("**Indstilling:**")
        lines += [_markdown_recommendation(r) for r in row["recommendations"]]
    elif row["recommendation"]:
        lines.append(f"**Indstilling:** {_one_line(row['recommendation'])}")
    if row["decision_text"]:
        lines.append(f"**Beslutning:** {_one_line(row['decision_text'])}")
    lines.append(f"**Udfald:** {row['outcome'] or 'intet udfald'}")
    if row["attachments"]:
        lines.append("**Bilag:** " + "; ".join(row["attachments"]))
    if row["source"]:
        original = f" ([original]({row['original']}))" if row["original"] else ""
        lines.append(f"**Kilde:** [{row['source']}]({row['link']}){original}")
    return [line if line.startswith("- ") else line + "  " for line in lines]


def _markdown_recommendation(recommendation: dict) -> str:
    number = f"{recommendation['number']}. " if recommendation["number"] else ""
    outcome = f" — *{recommendation['outcome']}*" if recommendation["outcome"] else ""
    return f"- {number}{_one_line(recommendation['text'])}{outcome}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
