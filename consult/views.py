"""Site-wide pages: the language-negotiating front door and translated error pages."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from consult import i18n
from consult.i18n import N_, gettext
from consult.rendering import render
from consult.unavailable import RETRY_AFTER_SECONDS, is_database_unavailable

# Keyed by status code, or by a reason where one status has several (a refused CSRF token).
ERROR_PAGES: dict[int | str, tuple[str, str]] = {
    400: (N_("Something in your request was not right"), N_("Go back and try again.")),
    401: (
        N_("Sign in to see this page"),
        N_("This page is for staff. Sign in, then open it again."),
    ),
    403: (
        N_("You do not have access to this page"),
        N_("Your account cannot open this page. If you think it should, ask an administrator."),
    ),
    "csrf": (
        N_("Your session has expired"),
        N_(
            "To keep your answers safe, this page needs to be opened again before it can be "
            "sent. Go back, reload the page and send it again. Nothing you saved before "
            "has been lost."
        ),
    ),
    404: (
        N_("Page not found"),
        N_(
            "If you typed the web address, check it is correct. If you pasted it, check you "
            "copied the entire address."
        ),
    ),
    405: (N_("Something in your request was not right"), N_("Go back and try again.")),
    413: (
        N_("What you sent is too large"),
        N_("Go back, shorten your answer and send it again."),
    ),
    503: (
        N_("Sorry, the service is unavailable for a moment"),
        N_(
            "Try again in a minute. Answers you have already sent have been saved. What you "
            "sent just now was not: send it again when the page works."
        ),
    ),
    500: (
        N_("Sorry, there is a problem with the service"),
        N_("Try again later. Answers you have already sent have been saved."),
    ),
}


async def home(request: Request) -> Response:
    """Send `/` to the best language the browser asks for."""
    code = i18n.negotiate_language(request.headers.get("accept-language"), i18n.LANGUAGE_CODES)
    response = RedirectResponse(f"/{code}/", status_code=303)
    response.headers["Vary"] = "Accept-Language"
    return response


async def health(request: Request) -> Response:
    return PlainTextResponse("ok")


async def render_error(request: Request, status_code: int, reason: str | None = None) -> Response:
    title, body = ERROR_PAGES.get(reason or status_code) or ERROR_PAGES.get(
        status_code, ERROR_PAGES[500]
    )
    return render(
        request,
        "errors/error.html",
        status_code=status_code,
        title=gettext(title),
        body=gettext(body),
        home_href=f"/{i18n.current_language().code}/",
    )


async def http_exception(request: Request, exc: Exception) -> Response:
    status_code = exc.status_code if isinstance(exc, HTTPException) else 500
    return await render_error(request, status_code)


async def server_error(request: Request, exc: Exception) -> Response:
    """A database that is down, restarting, full or read-only is a 503; anything else a 500.

    This runs outside the language middleware (Starlette catches errors outermost), so the
    page's language is activated here again from the path.
    """
    token = i18n.activate(
        request.app.state.settings.locale_dir, i18n.language_of_path(request.url.path)
    )
    try:
        if is_database_unavailable(exc):
            response = await render_error(request, 503)
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        return await render_error(request, 500)
    finally:
        i18n.deactivate(token)
