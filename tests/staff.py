"""Staff accounts for tests, and signing in through the real form."""

from __future__ import annotations

import secrets

import httpx

from consult.accounts.models import Role, User
from consult.accounts.services import create_user
from surveys.groups.models import OrganisationKind
from surveys.groups.services import register_group
from tests.journey import csrf_token_in

PASSWORD = "correct horse battery staple"


async def build_user(
    role: Role = Role.TRANSLATOR,
    translates: tuple[str, ...] = (),
    reviews: tuple[str, ...] = (),
    name: str | None = None,
) -> User:
    languages = {code: False for code in translates} | {code: True for code in reviews}
    handle = secrets.token_hex(4)
    email = f"{role.value}-{handle}@example.org"
    if role == Role.GROUP_REPRESENTATIVE:
        return await register_group(
            name=f"Group {handle}",
            kind=OrganisationKind.FAITH_GROUP,
            borough="Hackney",
            contact_name=name or f"Representative {handle}",
            email=email,
            password=PASSWORD,
        )
    return await create_user(
        email, name or f"{role.value.title()} {handle}", PASSWORD, role, languages
    )


async def sign_in(client: httpx.AsyncClient, user: User, language: str = "en") -> httpx.Response:
    page = await client.get(f"/{language}/staff/sign-in")
    response = await client.post(
        f"/{language}/staff/sign-in",
        data={"csrf_token": csrf_token_in(page.text), "email": user.email, "password": PASSWORD},
    )
    assert response.status_code == 303, response.text
    return response


async def signed_in_client(client: httpx.AsyncClient, user: User) -> httpx.AsyncClient:
    await sign_in(client, user)
    return client
