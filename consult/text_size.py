"""Large text on every page: a respondent's choice, kept in their session (issue #6)."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from consult import i18n
from consult.accounts.access import safe_next_path

LARGE_TEXT_SESSION_KEY = "large_text"
LARGE_TEXT = "large"


def wants_large_text(request: Request) -> bool:
    return request.session.get(LARGE_TEXT_SESSION_KEY) is True


def text_size_context(request: Request, language: str) -> dict[str, Any]:
    """What the base template's text size switch needs: the state and where to come back."""
    query = request.url.query
    return {
        "large_text": wants_large_text(request),
        "text_size_action": f"/{language}/text-size",
        "text_size_next": f"{request.url.path}?{query}" if query else request.url.path,
    }


async def set_text_size(request: Request) -> Response:
    """Store the chosen size, then go back to the page the switch was on (this site only)."""
    language = request.path_params["lang"]
    if language not in i18n.LANGUAGES_BY_CODE:
        raise HTTPException(404)
    form = await request.form()
    request.session[LARGE_TEXT_SESSION_KEY] = form.get("size") == LARGE_TEXT
    back = form.get("next")
    target = safe_next_path(back if isinstance(back, str) else None, f"/{language}/")
    return RedirectResponse(target, status_code=303)


routes = [Route("/{lang}/text-size", set_text_size, name="text_size", methods=["POST"])]
