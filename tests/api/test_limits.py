"""Bounded requests (issue 11): large bodies and long query strings are refused with a Danish message,
and a 422 does not send the rejected input back."""

import json


def test_a_large_body_is_refused_by_its_content_length(client):
    response = client.post(
        "/ask", content=json.dumps({"q": "x" * 300_000}), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "Forespørgslens indhold er for stort (højst 64 KB)."}


def test_a_large_streamed_body_without_length_is_refused(client):
    chunks = (b'{"q": "' + b"x" * 10_000, *(b"x" * 10_000 for _ in range(10)), b'"}')
    response = client.post("/ask", content=iter(chunks), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert response.status_code == 413


def test_a_small_body_still_gets_its_answer(client):
    response = client.post("/ask", json={"q": "Hvilke mål har Beskæftigelsesplan 2023?"})
    assert response.status_code == 200


def test_a_long_query_string_is_refused(client):
    response = client.get("/search", params={"q": "ø" * 3000, "kind": "x" * 12_000})  # 30 KB percent-encoded
    assert response.status_code == 414
    assert "for lang" in response.json()["detail"]


def test_a_validation_error_quotes_only_the_start_of_the_input(client):
    response = client.post("/ask", json={"q": "spørgsmål " * 5000})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "q"]
    assert error["input"] == ("spørgsmål " * 8)[:80] + "…"
    assert len(response.content) < 1000
