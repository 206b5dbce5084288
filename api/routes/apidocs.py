"""/docs: the API's endpoints as a plain Danish HTML page built from the OpenAPI schema (no scripts, no CDN).

Swagger UI cannot be served locally here: the only packaged copy (swagger-ui-bundle) is version 4, which
does not read the OpenAPI 3.1 that FastAPI writes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.pages import page

router = APIRouter(include_in_schema=False)

METHODS = ("get", "post", "put", "patch", "delete")


def operations(schema: dict) -> list[dict]:
    """Every documented operation: method, path, summary, parameters and answer codes, in path order."""
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                operation = item[method]
                found.append(
                    {
                        "method": method.upper(),
                        "path": path,
                        "summary": operation.get("summary", ""),
                        "parameters": [parameter_row(p) for p in operation.get("parameters", [])],
                        "body": "requestBody" in operation,
                        "responses": sorted(operation.get("responses", {})),
                    }
                )
    return found


def parameter_row(parameter: dict) -> dict:
    schema = parameter.get("schema", {})
    kinds = [option.get("type", "") for option in schema.get("anyOf", [])] or [schema.get("type", "")]
    return {
        "name": parameter["name"],
        "where": parameter.get("in", ""),
        "required": parameter.get("required", False),
        "type": " | ".join(kind for kind in kinds if kind and kind != "null") or "—",
        "allowed": ", ".join(map(str, schema.get("enum", []))),
    }


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    context = {"info": schema.get("info", {}), "operations": operations(schema)}
    return page(request, "apidocs.html", context)
