"""Asking for a consultation in another format, and the officers' queue of those requests."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from consult import i18n
from consult.accounts.access import CONTENT_MANAGERS, StaffRoute, staff_user
from consult.rendering import render
from surveys.formats.forms import FormatRequestForm
from surveys.formats.models import FormatKind
from surveys.formats.presenters import kind_choices, present_request
from surveys.formats.services import (
    DONE_SHOWN,
    done_requests,
    mark_done,
    open_requests,
    record_request,
)
from surveys.lookup import language_or_404
from surveys.presenters import form_error_summary
from surveys.services import find_consultation
from surveys.wording import load_wording, published_languages

# Which consultation this browser last asked about: the confirmation is shown only to
# the person who sent the request, and their contact details never go into a URL.
SENT_SESSION_KEY = "format_request_sent"


async def request_format(request: Request) -> Response:
    """The request form, in every UI language whatever the consultation is published in.

    Someone asking for another language may read none of the published ones.
    """
    language = language_or_404(request)
    consultation = await find_consultation(request.path_params["slug"])
    if consultation is None:
        raise HTTPException(404)
    here = str(request.url.path)
    form = FormatRequestForm(await request.form() if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        await record_request(
            consultation,
            kind=FormatKind(form.kind.data),
            language=language,
            wanted_language=(form.wanted_language.data or "").strip(),
            name=form.name.data.strip(),
            contact=form.contact.data.strip(),
            notes=(form.notes.data or "").strip(),
        )
        request.session[SENT_SESSION_KEY] = consultation.slug
        return RedirectResponse(f"{here}?sent=1", status_code=303)
    sent = (
        request.method == "GET"
        and "sent" in request.query_params
        and request.session.get(SENT_SESSION_KEY) == consultation.slug
    )
    published = language in await published_languages(consultation)
    wording = await load_wording(
        consultation, language if published else consultation.source_language
    )
    errors = form_error_summary(form)
    return render(
        request,
        "formats/request.html",
        status_code=400 if errors else 200,
        errors=errors,
        sent=sent,
        form=form,
        kinds=kind_choices(),
        title=wording.consultation("title") or consultation.slug,
        # The title in the source language when the page's language has no translation.
        title_language=None if published else i18n.LANGUAGES_BY_CODE[wording.language],
        awaiting_review=wording.awaiting_native_review,
        start_href=str(request.app.url_path_for("start", lang=language, slug=consultation.slug)),
    )


async def format_requests(request: Request) -> Response:
    """Officers answer requests oldest first and mark each one done."""
    if request.method == "POST":
        chosen = str((await request.form()).get("request", ""))
        if not chosen.isdigit() or not await mark_done(int(chosen), staff_user(request).user):
            raise HTTPException(404)
        return RedirectResponse(f"{request.url.path}?done=1", status_code=303)
    return render(
        request,
        "formats/queue.html",
        waiting=[present_request(each) for each in await open_requests()],
        done=[present_request(each) for each in await done_requests()],
        done_shown=DONE_SHOWN,
        marked_done="done" in request.query_params,
        home_href=f"/{i18n.current_language().code}/staff/",
    )


routes = [
    Route(
        "/{lang}/consultations/{slug}/other-formats",
        request_format,
        name="request_format",
        methods=["GET", "POST"],
    ),
    StaffRoute(
        "/{lang}/staff/format-requests/",
        format_requests,
        name="format_requests",
        methods=["GET", "POST"],
        roles=CONTENT_MANAGERS,
    ),
]
