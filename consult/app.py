"""Assembles the application from explicit route and middleware lists."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from tortoise.contrib.starlette import RegisterTortoise

from analysis import views as analysis_views
from analysis.worker import run_tagging_worker
from consult import text_size, views
from consult.accounts import views as account_views
from consult.accounts.services import StaffAuthenticationBackend
from consult.database import tortoise_config
from consult.i18n import LanguageMiddleware
from consult.security import BodySizeLimitMiddleware, CSRFMiddleware, SecurityHeadersMiddleware
from consult.settings import Settings, load_settings
from consult.templating import build_templates
from surveys import printable
from surveys import views as survey_views
from surveys.dataprotection import views as dataprotection_views
from surveys.formats import views as format_views
from surveys.groups import views as group_views
from surveys.uploads import views as upload_views
from translations import views as translation_views

SESSION_MAX_AGE_SECONDS = 12 * 60 * 60
# Routes that take files, and so a larger request body than a form.
UPLOAD_PATH_SUFFIXES = ("/import", "/upload")


def create_app(settings: Settings | None = None) -> Starlette:
    """Build the ASGI app for the given settings (from the environment when omitted)."""
    settings = settings or load_settings()
    templates = build_templates(settings)

    async def refuse(request: Request, status_code: int, reason: str) -> Response:
        return await views.render_error(request, status_code, reason)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with RegisterTortoise(app, config=tortoise_config(settings.database_url)):
            worker = (
                asyncio.create_task(run_tagging_worker(settings.model_dir))
                if settings.tagging_worker
                else None
            )
            yield
            if worker:
                worker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await worker

    routes = [
        Route("/", views.home, name="home"),
        Route("/healthz", views.health, name="health"),
        Mount("/static", StaticFiles(directory=settings.static_dir), name="static"),
        *text_size.routes,
        *survey_views.routes,
        *printable.routes,
        *group_views.routes,
        *upload_views.routes,
        *format_views.routes,
        *dataprotection_views.routes,
        *account_views.routes,
        *translation_views.routes,
        *analysis_views.routes,
    ]
    # Outermost first: headers wrap everything, including refusals from the layers inside.
    middleware = [
        Middleware(SecurityHeadersMiddleware),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts)),
        Middleware(LanguageMiddleware, locale_dir=settings.locale_dir),
        Middleware(
            SessionMiddleware,
            secret_key=settings.secret_key,
            session_cookie="consult_session",
            max_age=SESSION_MAX_AGE_SECONDS,
            same_site="lax",
        ),
        Middleware(AuthenticationMiddleware, backend=StaffAuthenticationBackend()),
        Middleware(
            BodySizeLimitMiddleware,
            max_bytes=settings.max_body_bytes,
            max_upload_bytes=settings.max_upload_bytes,
            upload_suffixes=UPLOAD_PATH_SUFFIXES,
            refuse=refuse,
        ),
        Middleware(CSRFMiddleware, refuse=refuse),
    ]
    app = Starlette(
        debug=settings.debug,
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={
            HTTPException: views.http_exception,
            survey_views.LanguageNotOffered: survey_views.language_not_offered,
            Exception: views.server_error,
        },
    )
    app.state.settings = settings
    app.state.templates = templates
    return app
