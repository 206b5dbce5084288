"""Every list also as CSV (as Datasette does): `format=csv` or a `.csv` path suffix answers the same records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from fastapi.responses import Response

ListFormat = Literal["json", "csv"]

# The CSV answer of a list endpoint, documented beside its JSON model (the spec says text/csv comes back).
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}


def cell(value: Any) -> str | int | float:
    """A value as one CSV cell: scalars as they are, a list of scalars joined by '; ', anything else as JSON."""
    if value is None:
        return ""
    if isinstance(value, str | int | float):
        return value
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return "; ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False, default=str)


def csv_text(
    records: Sequence[dict], columns: Iterable[str] | None = None, headers: dict[str, str] | None = None
) -> str:
    """The records as CSV, one row each; `columns` picks and orders fields, `headers` renames them."""
    fields = list(columns or (records[0].keys() if records else []))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([(headers or {}).get(field, field) for field in fields])
    for record in records:
        writer.writerow([cell(record.get(field)) for field in fields])
    return out.getvalue()


def csv_response(records: Sequence[dict], filename: str, for_excel: bool = False, **columns: Any) -> Response:
    """A CSV download; for_excel: with a byte-order mark, so æøå survive a double-click in Excel."""
    body = ("\ufeff" if for_excel else "") + csv_text(records, **columns)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


def listing(records: list[dict], format: str, filename: str) -> list[dict] | Response:
    """The records as JSON (the route's model) or as a CSV download."""
    return csv_response(records, filename) if format == "csv" else records
