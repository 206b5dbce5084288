"""/feed.atom?q=topic: new decisions and goals about a topic as an Atom feed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.feed import atom_feed, feed_entries
from api.pages import Namer
from api.routes.responses import StoreDep

router = APIRouter(include_in_schema=False)


@router.get("/feed.atom")
def topic_feed(
    request: Request, store: StoreDep, source: Namer, q: Annotated[str, Query(min_length=1, max_length=200)]
):
    body = atom_feed(q, feed_entries(q, store, source), str(request.base_url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")
