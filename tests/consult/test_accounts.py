"""Staff sign-in: argon2, rotated sessions, one message for every refusal, throttling."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import httpx

from consult.accounts.models import Role, StaffSession, User
from tests.journey import csrf_token_in
from tests.staff import PASSWORD, build_user, sign_in

REFUSED = "Enter a correct email address and password"


async def post_sign_in(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    page = await client.get("/en/staff/sign-in")
    return await client.post(
        "/en/staff/sign-in",
        data={"csrf_token": csrf_token_in(page.text), "email": email, "password": password},
    )


async def test_passwords_are_stored_as_argon2_hashes() -> None:
    user = await build_user()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


async def test_signing_in_rotates_the_session_and_its_csrf_token(
    client: httpx.AsyncClient,
) -> None:
    user = await build_user(Role.OFFICER)
    page = await client.get("/en/staff/sign-in")
    token_before = csrf_token_in(page.text)
    cookie_before = client.cookies["consult_session"]

    response = await client.post(
        "/en/staff/sign-in",
        data={"csrf_token": token_before, "email": user.email.upper(), "password": PASSWORD},
    )

    assert response.status_code == 303
    assert response.headers["location"] == "/en/staff/"
    assert client.cookies["consult_session"] != cookie_before
    home = await client.get("/en/staff/")
    assert home.status_code == 200
    assert csrf_token_in(home.text) != token_before
    assert user.name in home.text


async def test_a_wrong_password_and_an_unknown_account_get_the_same_answer(
    client: httpx.AsyncClient,
) -> None:
    user = await build_user()
    wrong_password = await post_sign_in(client, user.email, "not the password")
    no_such_account = await post_sign_in(client, "nobody@example.org", "not the password")
    assert wrong_password.status_code == no_such_account.status_code == 400
    assert REFUSED in wrong_password.text and REFUSED in no_such_account.text
    assert wrong_password.text.replace(user.email, "") == no_such_account.text.replace(
        "nobody@example.org", ""
    )


async def test_the_sign_in_error_is_translated(client: httpx.AsyncClient) -> None:
    page = await client.get("/ar/staff/sign-in")
    response = await client.post(
        "/ar/staff/sign-in",
        data={"csrf_token": csrf_token_in(page.text), "email": "a@b.c", "password": "x"},
    )
    assert response.status_code == 400
    assert REFUSED not in response.text
    assert '<html lang="ar" dir="rtl">' in response.text


async def test_five_failures_lock_the_account_for_a_while(client: httpx.AsyncClient) -> None:
    user = await build_user()
    for _ in range(5):
        await post_sign_in(client, user.email, "guess")
    locked = await post_sign_in(client, user.email, PASSWORD)
    assert locked.status_code == 400
    assert REFUSED in locked.text


async def test_signing_out_ends_the_session_everywhere(client: httpx.AsyncClient) -> None:
    user = await build_user(Role.OFFICER)
    await sign_in(client, user)
    stolen_cookie = client.cookies["consult_session"]
    home = await client.get("/en/staff/")
    await client.post("/en/staff/sign-out", data={"csrf_token": csrf_token_in(home.text)})
    assert await StaffSession.filter(user=user).count() == 0

    client.cookies.set("consult_session", stolen_cookie)
    again = await client.get("/en/staff/")
    assert again.status_code == 303
    assert again.headers["location"].startswith("/en/staff/sign-in")


async def test_sign_in_only_redirects_within_the_site(client: httpx.AsyncClient) -> None:
    user = await build_user(Role.OFFICER)
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:x"):
        page = await client.get(f"/en/staff/sign-in?next={target}")
        response = await client.post(
            f"/en/staff/sign-in?next={target}",
            data={
                "csrf_token": csrf_token_in(page.text),
                "email": user.email,
                "password": PASSWORD,
            },
        )
        assert response.headers["location"] == "/en/staff/", target
        client.cookies.clear()


async def test_the_command_line_creates_a_translator(database_url: str) -> None:
    result = await asyncio.to_thread(
        subprocess.run,
        [
            sys.executable,
            "-m",
            "consult.cli",
            "create-user",
            "gujarati@example.org",
            "--name",
            "Gujarati translator",
            "--role",
            "translator",
            "--language",
            "gu",
            "--reviews",
            "hi",
        ],
        input=f"{PASSWORD}\n{PASSWORD}\n",
        env={**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "cli-test"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    user = await User.get(email="gujarati@example.org").prefetch_related("languages")
    assert user.role == Role.TRANSLATOR
    assert {(a.language, a.can_review) for a in user.languages} == {("gu", False), ("hi", True)}
