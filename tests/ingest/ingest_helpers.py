"""Helpers for the ingest tests: seed lines, real documents (skipped when absent) and hand-built PDFs.

The PDFs are built by hand because no installed library can write an encrypted PDF (pypdf, pikepdf
and qpdf are absent; pypdfium2 cannot encrypt).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ingest.text import read_text
from ingest.worklines import WorkLine
from maalspor.model import SourceDocument

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
REALDOCS = REPO.parent / "shared" / "realdocs"


@cache
def seed(prefix: str) -> SourceDocument:
    return read_text(next(CORPUS.glob(f"{prefix}_*.txt")))


def seed_lines(prefix: str, first: int, last: int) -> list[WorkLine]:
    """Seed lines first..last (1-based, inclusive) as work lines whose origins index the whole seed."""
    source = seed(prefix)
    return [WorkLine(source.lines[i].text, [i] * len(source.lines[i].text), i) for i in range(first - 1, last)]


def texts(lines: list[WorkLine]) -> list[str]:
    return [line.text for line in lines]


def realdoc(name: str) -> Path:
    path = REALDOCS / name
    if not path.exists():
        pytest.skip(f"real documents not available ({path})")
    return path


def minimal_pdf(trailer_extra: str = "", extra_objects: tuple[str, ...] = ()) -> bytes:
    """A one-page PDF showing "Hej"; `trailer_extra` and `extra_objects` let a test add /Encrypt."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        "<< /Length 35 >>\nstream\nBT /F1 12 Tf 20 100 Td (Hej) Tj ET\nendstream",
        *extra_objects,
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n{content}\nendobj\n".encode("latin-1")
    xref_at = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    body += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    )
    return body


def encrypted_pdf() -> bytes:
    """Standard security handler (RC4, revision 2) whose /U does not match the empty user password."""
    wrong_hash = "<" + "11" * 32 + ">"
    encrypt = f"<< /Filter /Standard /V 1 /R 2 /O {wrong_hash} /U {wrong_hash} /P -4 >>"
    return minimal_pdf(
        trailer_extra="/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ",
        extra_objects=(encrypt,),
    )
