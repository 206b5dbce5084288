"""The dossier page (/dossier?q=topic or ?goal=id) and its exports: Markdown, CSV with Danish headers, Word."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse, Response

from answer.timeline import NotFound
from api.dossier import Dossier, as_csv, as_markdown, goal_dossier, topic_dossier
from api.pages import Namer, page
from api.routes.responses import StoreDep

router = APIRouter(include_in_schema=False)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUFFIXES = {"markdown": "md", "csv": "csv", "docx": "docx"}


@router.get("/dossier")
@router.get("/dossier.{format}")
def dossier_page(
    request: Request,
    store: StoreDep,
    source: Namer,
    q: Annotated[str, Query(max_length=200)] = "",
    goal: Annotated[str, Query(max_length=300)] = "",
    format: Literal["html", "markdown", "md", "csv", "docx"] = "html",
):
    base_url = str(request.base_url)
    try:
        dossier = goal_dossier(goal, store, source, base_url) if goal else topic_dossier(q, store, source, base_url)
    except NotFound:
        raise HTTPException(404, f"Der er intet mål med id'et {goal!r}.") from None
    if format == "html" or not (q.strip() or goal):
        return page(request, "dossier.html", {"dossier": dossier, "q": q})
    return export(dossier, "markdown" if format == "md" else format)


def export(dossier: Dossier, format: str) -> Response:
    filename = f'attachment; filename="dossier.{SUFFIXES[format]}"'
    if format == "markdown":
        return PlainTextResponse(
            as_markdown(dossier), media_type="text/markdown; charset=utf-8", headers={"Content-Disposition": filename}
        )
    if format == "csv":
        return Response(
            "\ufeff" + as_csv(dossier), media_type="text/csv; charset=utf-8", headers={"Content-Disposition": filename}
        )
    from api.dossier_word import as_docx  # python-docx: loaded for the Word export only

    return Response(as_docx(dossier), media_type=DOCX, headers={"Content-Disposition": filename})
