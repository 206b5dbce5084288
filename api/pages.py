"""The web page's rendering: templates with the Danish labels, and the source namer every page cites with."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api import labels
from api.deps import get_store
from api.originals import original_url
from api.sources import SourceNamer, danish_short_date
from index.store.sqlite import Store

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
TEMPLATES.env.filters["short_date"] = lambda iso: danish_short_date(iso) if iso else ""
TEMPLATES.env.globals.update(
    label=labels.label,
    RELATION=labels.RELATION,
    ROLE=labels.ROLE,
    ORIGIN=labels.ORIGIN,
    HIT_KIND=labels.HIT_KIND,
    DOC_KIND=labels.DOC_KIND,
    confidence_label=labels.confidence_label,
    target_change_label=labels.target_change_label,
    diff_segments=labels.diff_segments,
    goal_heading=labels.goal_heading,
)


def get_namer(store: Store = Depends(get_store)) -> SourceNamer:
    return SourceNamer(store, partial(original_url, store))


Namer = Annotated[SourceNamer, Depends(get_namer)]


def page(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """A page of the web app; `context["source"]` names citations where the page has any."""
    settings = request.app.state.settings
    return TEMPLATES.TemplateResponse(
        request, template, {"writable": bool(settings.api_key), **context}, status_code=status_code
    )
