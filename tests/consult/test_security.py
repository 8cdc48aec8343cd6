"""Protections every page and form has from the start."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette
from tortoise.exceptions import DBConnectionError, OperationalError

from surveys import services as survey_services
from surveys.models import Response, ResponseDraft
from tests.journey import csrf_token_in, demo_path, question_path


async def test_pages_carry_strict_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.get(demo_path("en"))
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


async def test_pages_have_no_inline_script_or_style(client: httpx.AsyncClient) -> None:
    page = (await client.get(question_path("ur", "community-help"))).text
    assert "<script>" not in page and "<style" not in page and " style=" not in page
    assert "<script src=" in page


async def test_the_session_cookie_is_signed_httponly_and_lax(client: httpx.AsyncClient) -> None:
    response = await client.get(demo_path("en"))
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie


async def test_the_session_cookie_is_secure_over_https(app: Starlette) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
        response = await client.get(demo_path("en"))
    assert "; secure" in response.headers["set-cookie"].lower()
    assert "max-age" in response.headers["strict-transport-security"]


async def test_a_tampered_session_cookie_is_ignored(client: httpx.AsyncClient) -> None:
    client.cookies.set("consult_session", "eyJkcmFmdHMiOiB7fX0=.forged.signature")
    response = await client.get(demo_path("en"))
    assert response.status_code == 200


@pytest.mark.parametrize("token", [None, "", "not-the-token"])
async def test_a_form_without_the_right_csrf_token_is_refused(
    client: httpx.AsyncClient, token: str | None
) -> None:
    await client.get(question_path("en", "community-help"))
    drafts = await ResponseDraft.all().count()
    data = {"answer": "Forged answer"}
    if token is not None:
        data["csrf_token"] = token
    response = await client.post(question_path("en", "community-help"), data=data)
    assert response.status_code == 403
    assert "Your session has expired" in response.text
    assert await ResponseDraft.all().count() == drafts


async def test_sending_a_response_without_the_csrf_token_stores_nothing(
    client: httpx.AsyncClient,
) -> None:
    before = await Response.all().count()
    response = await client.post(demo_path("en", "check-answers"), data={})
    assert response.status_code == 403
    assert await Response.all().count() == before


async def test_the_csrf_refusal_is_in_the_page_language(client: httpx.AsyncClient) -> None:
    response = await client.post(question_path("ar", "community-help"), data={"answer": "x"})
    assert response.status_code == 403
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "Your session has expired" not in response.text


async def test_an_oversized_body_is_refused_with_413(client: httpx.AsyncClient) -> None:
    page = await client.get(question_path("en", "community-help"))
    response = await client.post(
        question_path("en", "community-help"),
        data={"csrf_token": csrf_token_in(page.text), "answer": "x" * 300_000},
    )
    assert response.status_code == 413
    assert "too large" in response.text


async def test_an_oversized_streamed_body_is_refused_with_413(client: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(100):
            yield b"answer=" + b"x" * 10_000

    response = await client.post(
        question_path("en", "community-help"),
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413


async def test_answers_are_escaped_when_shown_back(client: httpx.AsyncClient) -> None:
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    page = await client.get(question_path("en", "community-help"))
    await client.post(
        question_path("en", "community-help"),
        data={"csrf_token": csrf_token_in(page.text), "answer": attack},
    )
    shown = await client.get(question_path("en", "community-help"))
    assert attack not in shown.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in shown.text


async def test_an_unknown_host_is_refused(app: Starlette) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://evil.example") as client:
        response = await client.get("/en/")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "failure",
    [
        DBConnectionError("connection refused"),
        OperationalError(sqlite3.OperationalError("database or disk is full")),
        OperationalError(sqlite3.OperationalError("attempt to write a readonly database")),
        asyncpg.AdminShutdownError("terminating connection due to administrator command"),
    ],
)
async def test_a_database_that_is_down_or_full_gets_a_translated_503(
    app: Starlette, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    async def fail(*args: object, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(survey_services, "open_consultations", fail)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        page = await client.get("/ur/")
    assert page.status_code == 503
    assert page.headers["retry-after"] == "30"
    assert 'lang="ur"' in page.text
    assert "Sorry, the service is unavailable" not in page.text  # said in Urdu


async def test_a_bug_is_still_a_500(app: Starlette, monkeypatch: pytest.MonkeyPatch) -> None:
    async def fail(*args: object, **kwargs: object) -> None:
        raise OperationalError(sqlite3.OperationalError("no such column: nonsense"))

    monkeypatch.setattr(survey_services, "open_consultations", fail)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        assert (await client.get("/en/")).status_code == 500
