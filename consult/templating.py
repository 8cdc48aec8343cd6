"""Jinja2 templates with gettext bound to the request's language and page-wide context."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from consult import i18n
from consult.security import CSRF_FIELD_NAME, csrf_token
from consult.settings import Settings
from consult.text_size import text_size_context


def language_alternates(request: Request) -> list[dict[str, Any]]:
    """This same page in every offered language, for the switcher and `rel=alternate`.

    A view may narrow the offer (a consultation is offered only in its published
    languages) by setting `request.state.offered_languages`.
    """
    current = i18n.current_language()
    segments = request.url.path.split("/")
    on_language_path = len(segments) > 1 and segments[1] in i18n.LANGUAGES_BY_CODE
    offered = getattr(request.state, "offered_languages", i18n.LANGUAGE_CODES)
    alternates = []
    for language in i18n.LANGUAGES:
        if language.code not in offered and language.code != current.code:
            continue
        if on_language_path:
            path = "/".join(["", language.code, *segments[2:]])
        else:
            path = f"/{language.code}/"
        query = request.url.query
        alternates.append(
            {
                "language": language,
                "href": f"{path}?{query}" if query else path,
                "current": language.code == current.code,
            }
        )
    return alternates


def page_context(request: Request) -> dict[str, Any]:
    """Values every page needs: language, direction, switcher links, CSRF field, text size."""
    language = i18n.current_language()
    return {
        "language": language,
        "alternates": language_alternates(request),
        "csrf_field_name": CSRF_FIELD_NAME,
        "csrf_token": csrf_token(request),
        "ui_awaiting_native_review": i18n.current_catalog_is_machine_draft(),
        "staff": request.user
        if "user" in request.scope and request.user.is_authenticated
        else None,
        "staff_home_href": f"/{language.code}/staff/",
        "sign_out_href": f"/{language.code}/staff/sign-out",
        **text_size_context(request, language.code),
    }


def build_templates(settings: Settings) -> Jinja2Templates:
    environment = Environment(
        loader=FileSystemLoader(settings.templates_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n.translate, ngettext=i18n.translate_plural, newstyle=True
    )
    environment.policies["ext.i18n.trimmed"] = True
    return Jinja2Templates(env=environment, context_processors=[page_context])
