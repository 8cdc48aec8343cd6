"""Routes only signed-in staff with the right role may use."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Collection
from typing import Any
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from consult import i18n
from consult.accounts.models import Role
from consult.accounts.services import StaffUser

Endpoint = Callable[[Request], Awaitable[Response]]

EVERY_ROLE = frozenset(Role)
CONTENT_MANAGERS = frozenset({Role.ADMIN, Role.OFFICER})
# Who works on translations (each only in their assigned languages, checked per page).
TRANSLATION_ROLES = CONTENT_MANAGERS | {Role.TRANSLATOR}
REPRESENTATIVES = frozenset({Role.GROUP_REPRESENTATIVE})
# Who types in or uploads responses collected on paper or at a group's meeting.
COLLECTORS = CONTENT_MANAGERS | REPRESENTATIVES


def staff_user(request: Request) -> StaffUser:
    user = request.user
    assert isinstance(user, StaffUser)
    return user


def require_roles(endpoint: Endpoint, roles: frozenset[Role]) -> Endpoint:
    """Send anonymous visitors to sign in; refuse signed-in staff without the role (403)."""

    @functools.wraps(endpoint)
    async def guarded(request: Request) -> Response:
        user = request.user
        if not isinstance(user, StaffUser):
            language = i18n.current_language().code
            target = quote(request.url.path, safe="/")
            return RedirectResponse(f"/{language}/staff/sign-in?next={target}", status_code=303)
        if user.role not in roles:
            raise HTTPException(403)
        return await endpoint(request)

    return guarded


class StaffRoute(Route):
    """A route for staff only. `roles` says who; the route table test checks every route."""

    def __init__(
        self, path: str, endpoint: Endpoint, *, roles: Collection[Role], **kwargs: Any
    ) -> None:
        self.roles = frozenset(roles)
        super().__init__(path, require_roles(endpoint, self.roles), **kwargs)


def safe_next_path(value: str | None, default: str) -> str:
    """Only a path on this site: no scheme, no host, no `//` or backslash tricks."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return default
    if any(char in value for char in "\\\r\n\t") or ":" in value.split("?")[0]:
        return default
    return value
