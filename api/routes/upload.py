"""Adding documents from the page: upload (drag and drop or file picker), ingested as a background job.

Writing needs the MAALSPOR_API_KEY setting and that key in the X-API-Key header (or the form's api_key
field); without a configured key the app is read-only."""

from __future__ import annotations

import hmac
import shutil
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response

from api.errors import wants_html
from api.jobs import JobBoard, safe_name
from api.pages import page
from ingest.readers import SUPPORTED_SUFFIXES

router = APIRouter(include_in_schema=False)

CHUNK = 1 << 20


def job_board(request: Request) -> JobBoard:
    state = request.app.state
    if not hasattr(state, "upload_jobs"):
        state.upload_jobs = JobBoard(state.settings)
    return state.upload_jobs


def require_key(request: Request, given: str | None) -> None:
    expected = request.app.state.settings.api_key
    if not expected:
        raise HTTPException(403, "Appen er skrivebeskyttet: der er ikke sat nogen API-nøgle (MAALSPOR_API_KEY).")
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "Manglende eller forkert API-nøgle.", headers={"WWW-Authenticate": "X-API-Key"})


@router.get("/upload")
def upload_page(request: Request) -> Response:
    kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
    return page(request, "upload.html", {"kinds": kinds})


@router.post("/upload", status_code=202)
async def upload(
    request: Request,
    files: Annotated[list[UploadFile], File()],
    api_key: Annotated[str | None, Form()] = None,
    x_api_key: Annotated[str | None, Header()] = None,
) -> Response:
    require_key(request, x_api_key or api_key)
    names = [accepted_name(upload_file) for upload_file in files]
    board = job_board(request)
    job_id, folder = board.folder()
    limit = request.app.state.settings.max_file_mb * CHUNK
    try:
        paths = [await save(upload_file, folder / name, limit) for upload_file, name in zip(files, names, strict=True)]
    except HTTPException:
        shutil.rmtree(folder)
        raise
    job = await run_in_threadpool(board.start, job_id, paths)  # writes the job to the store
    status_url = f"/upload/jobs/{job.id}"
    if wants_html(request):
        return RedirectResponse(status_url, status_code=303)
    return JSONResponse({"job": job.id, "status": status_url}, status_code=202, headers={"Location": status_url})


def accepted_name(upload_file: UploadFile) -> str:
    """The file's safe name; a kind the readers cannot read is refused before anything is saved."""
    name = safe_name(upload_file.filename or "")
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise HTTPException(415, f"{name}: filtypen kan ikke indlæses (tilladt: {allowed}).")
    return name


async def save(upload_file: UploadFile, target: Path, limit: int) -> Path:
    """The uploaded file written to `target`; a file over the size limit is refused."""
    written = 0
    with target.open("wb") as out:
        while chunk := await upload_file.read(CHUNK):
            written += len(chunk)
            if written > limit:
                raise HTTPException(413, f"{target.name}: filen er større end {limit // CHUNK} MB.")
            out.write(chunk)
    return target


@router.get("/upload/jobs/{job_id}")
def job_status(request: Request, job_id: str) -> Response:
    job = job_board(request).job(job_id)
    if job is None:
        raise HTTPException(404, f"Der er intet upload-job med id'et {job_id!r}.")
    if wants_html(request):
        return page(request, "job.html", {"job": job})
    return JSONResponse(job.as_dict())
