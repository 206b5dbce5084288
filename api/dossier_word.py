"""The dossier as a Word document (python-docx, loaded only when a Word export is asked for)."""

from __future__ import annotations

import io

from api.dossier import Dossier


def as_docx(dossier: Dossier) -> bytes:
    from docx import Document as WordDocument

    word = WordDocument()
    word.core_properties.language = "da-DK"
    word.core_properties.title = dossier.title
    word.add_heading(dossier.title, level=1)
    if not dossier.rows:
        word.add_paragraph("Materialet indeholder ingen dagsordenspunkter om emnet.")
    for row in dossier.rows:
        word.add_heading(f"{row['date']} — {row['body']}, punkt {row['item_number']}: {row['title']}", level=2)
        _add_fields(word, row)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _add_fields(word, row: dict) -> None:
    if row["recommendations"]:
        _labelled(word, "Indstilling", "")
        for r in row["recommendations"]:
            number = f"{r['number']}. " if r["number"] else ""
            outcome = f" — {r['outcome']}" if r["outcome"] else ""
            word.add_paragraph(f"{number}{' '.join(r['text'].split())}{outcome}", style="List Bullet")
    elif row["recommendation"]:
        _labelled(word, "Indstilling", row["recommendation"])
    if row["decision_text"]:
        _labelled(word, "Beslutning", row["decision_text"])
    _labelled(word, "Udfald", row["outcome"] or "intet udfald")
    if row["attachments"]:
        _labelled(word, "Bilag", "; ".join(row["attachments"]))
    if row["source"]:
        _labelled(word, "Kilde", f"{row['source']} — {row['link']}")


def _labelled(word, name: str, text: str) -> None:
    paragraph = word.add_paragraph()
    paragraph.add_run(f"{name}: ").bold = True
    paragraph.add_run(" ".join(text.split()))
