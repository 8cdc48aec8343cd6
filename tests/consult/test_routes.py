"""Every route is public on purpose or refuses whoever its roles do not name."""

from __future__ import annotations

import re

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount, Route

from consult.accounts.access import StaffRoute
from consult.accounts.models import Role
from surveys.demo import DEMO_SLUG
from tests.journey import csrf_token_in
from tests.staff import build_user, sign_in

# What respondents and the sign-in page need; everything else is for staff.
PUBLIC_ROUTES = {
    "home",
    "health",
    "static",
    "negotiate",
    "landing",
    "start",
    "question",
    "check",
    "confirmation",
    "sign_in",
    "summary",
    "summary_chart",
    "register_group",
    "printable_form",
    "text_size",
    "request_format",
    "withdraw",
}
PATH_VALUES = {
    "lang": "en",
    "slug": DEMO_SLUG,
    "target": "gu",
    "channel": "paper",
    "kind": "xlf",
    "question": "x",
    "chart": "languages",
    "language": "en",
    "format": "csv",
}


def concrete_path(route: Route) -> str:
    return re.sub(r"{(\w+)(:\w+)?}", lambda m: PATH_VALUES[m.group(1)], route.path)


def staff_routes(app: Starlette) -> list[StaffRoute]:
    """Every staff route, signing out last so the others are tried signed in."""
    routes = [route for route in app.routes if isinstance(route, StaffRoute)]
    return sorted(routes, key=lambda route: route.name == "sign_out")


def test_every_route_is_public_by_name_or_a_staff_route(app: Starlette) -> None:
    def name(route: BaseRoute) -> str:
        return str(route.name) if isinstance(route, Route | Mount) else repr(route)

    unguarded = {
        name(route)
        for route in app.routes
        if not isinstance(route, StaffRoute) and name(route) not in PUBLIC_ROUTES
    }
    assert unguarded == set()
    assert len(staff_routes(app)) >= 7


async def request_route(client: httpx.AsyncClient, route: StaffRoute) -> httpx.Response:
    path = concrete_path(route)
    if "GET" in (route.methods or ()):
        return await client.get(path)
    page = await client.get("/en/staff/sign-in")
    return await client.post(path, data={"csrf_token": csrf_token_in(page.text)})


async def test_anonymous_visitors_are_sent_to_sign_in_from_every_staff_route(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    for route in staff_routes(app):
        response = await request_route(client, route)
        assert response.status_code == 303, route.path
        assert response.headers["location"].startswith("/en/staff/sign-in?next="), route.path


@pytest.mark.parametrize("role", list(Role))
async def test_each_role_reaches_only_the_routes_that_name_it(
    client: httpx.AsyncClient, app: Starlette, role: Role
) -> None:
    await sign_in(client, await build_user(role, translates=("gu",)))
    for route in staff_routes(app):
        response = await request_route(client, route)
        if role in route.roles:
            assert response.status_code != 403, route.path
            if route.name != "sign_out":
                assert not response.headers.get("location", "").startswith("/en/staff/sign-in")
        else:
            assert response.status_code == 403, route.path
