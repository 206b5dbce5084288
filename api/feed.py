"""An Atom feed of the decisions and goals about a topic, newest first, so staff can follow a subject."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import quote, urlencode

from answer.listing import select_goals
from answer.topics import topic_records
from api.sources import SourceNamer
from index.store.sqlite import Store

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50


def feed_entries(topic: str, store: Store, namer: SourceNamer) -> list[dict]:
    """The topic's agenda decisions (dated by meeting) and goals (dated by plan year), newest first."""
    entries = [decision_entry(record, namer) for record in topic_records(topic, store)]
    entries += [goal_entry(goal, namer) for goal in select_goals(store, q=topic)]
    entries.sort(key=lambda entry: entry["updated"], reverse=True)
    return entries[:MAX_ENTRIES]


def decision_entry(record: dict, namer: SourceNamer) -> dict:
    ref = namer(record["citations"][0]) if record["citations"] else None
    outcome = record["outcome"] or "intet udfald"
    return {
        "id": record["item_id"],
        "title": f"{ref.label if ref else record['committee']}: {record['title']}",
        "updated": record["date"] or "1970-01-01",
        "summary": f"Udfald: {outcome}. {record['decision_text'] or ''}".strip(),
        "link": ref.view_url if ref else "",
    }


def goal_entry(goal: dict, namer: SourceNamer) -> dict:
    ref = namer(goal["citations"][0]) if goal["citations"] else None
    target = f" Målsætning: {goal['target']['text']}." if goal["target"] else ""
    return {
        "id": goal["id"],
        "title": f"Mål i {ref.label if ref else goal['plan_year']}: {goal['wording']}",
        "updated": f"{goal['plan_year']}-01-01",
        "summary": f"{goal['wording']}.{target}",
        "link": ref.view_url if ref else "",
    }


def atom_feed(topic: str, entries: list[dict], base_url: str) -> bytes:
    """The Atom document; ids are tag URIs of the record ids, so a reader sees each record once."""
    base = base_url.rstrip("/")
    feed = ET.Element("feed", xmlns=ATOM)
    feed.set("xml:lang", "da")
    ET.SubElement(feed, "title").text = f"Målspor: nyt om {topic}"
    ET.SubElement(feed, "id").text = f"tag:maalspor,2024:feed:{quote(topic)}"
    ET.SubElement(feed, "updated").text = _timestamp(entries[0]["updated"] if entries else "1970-01-01")
    ET.SubElement(feed, "link", rel="self", href=f"{base}/feed.atom?{urlencode({'q': topic})}")
    ET.SubElement(feed, "link", rel="alternate", href=f"{base}/dossier?{urlencode({'q': topic})}")
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = "Målspor"
    for entry in entries:
        element = ET.SubElement(feed, "entry")
        ET.SubElement(element, "id").text = f"tag:maalspor,2024:{entry['id']}"
        ET.SubElement(element, "title").text = entry["title"]
        ET.SubElement(element, "updated").text = _timestamp(entry["updated"])
        ET.SubElement(element, "summary").text = entry["summary"]
        if entry["link"]:
            ET.SubElement(element, "link", rel="alternate", href=base + entry["link"])
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _timestamp(iso_date: str) -> str:
    return f"{iso_date}T00:00:00Z"
