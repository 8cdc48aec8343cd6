"""The public withdrawal page and the officer's retention page (issue #7, data protection)."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from consult import i18n
from consult.accounts.access import CONTENT_MANAGERS, StaffRoute, staff_user
from consult.accounts.services import staff_names
from consult.i18n import long_date
from consult.rendering import render
from surveys.dataprotection.forms import RetentionForm, WithdrawForm
from surveys.dataprotection.presenters import present_log_entry
from surveys.dataprotection.services import (
    data_protection_log,
    normalise_reference,
    set_retention_date,
    withdraw_response,
    withdrawn_count,
)
from surveys.lookup import consultation_or_404, language_or_404
from surveys.presenters import form_error_summary

# Set after a withdrawal request, so the answer is shown once, to the person who asked.
WITHDRAWAL_SESSION_KEY = "withdrawal_requested"


async def withdraw(request: Request) -> Response:
    """Withdraw a response by its reference.

    The answer is the same whether or not the reference exists, so the page cannot be used
    to find out which references are real.
    """
    language = language_or_404(request)
    form = WithdrawForm(await request.form() if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        reference = normalise_reference(form.reference.data)
        assert reference is not None  # the form checked it
        await withdraw_response(reference, datetime.now(UTC))
        request.session[WITHDRAWAL_SESSION_KEY] = True
        return RedirectResponse(request.url.path, status_code=303)
    requested = request.method == "GET" and request.session.pop(WITHDRAWAL_SESSION_KEY, False)
    errors = form_error_summary(form)
    return render(
        request,
        "dataprotection/withdraw.html",
        status_code=400 if errors else 200,
        errors=errors,
        requested=requested,
        form=form,
        landing_href=f"/{language}/",
    )


async def retention(request: Request) -> Response:
    """The date after which a consultation's written answers are deleted, and the log."""
    consultation = await consultation_or_404(request)
    closes_on = consultation.closes_at.astimezone(UTC).date()
    form = RetentionForm(
        await request.form() if request.method == "POST" else None,
        closes_on=closes_on,
        current=consultation.retain_text_until,
    )
    if request.method == "POST" and form.is_valid() and form.day is not None:
        await set_retention_date(consultation, form.day, staff_user(request).user)
        return RedirectResponse(f"{request.url.path}?saved=1", status_code=303)
    names = await staff_names()
    errors = form_error_summary(form)
    return render(
        request,
        "dataprotection/retention.html",
        status_code=400 if errors else 200,
        errors=errors,
        form=form,
        slug=consultation.slug,
        closes_on=long_date(closes_on),
        retained_until=long_date(consultation.retain_text_until)
        if consultation.retain_text_until
        else "",
        saved=request.method == "GET" and "saved" in request.query_params,
        withdrawn=await withdrawn_count(consultation),
        entries=[present_log_entry(e, names) for e in await data_protection_log(consultation)],
        home_href=f"/{i18n.current_language().code}/staff/",
    )


routes = [
    Route("/{lang}/withdraw", withdraw, name="withdraw", methods=["GET", "POST"]),
    StaffRoute(
        "/{lang}/staff/consultations/{slug}/retention",
        retention,
        name="retention",
        methods=["GET", "POST"],
        roles=CONTENT_MANAGERS,
    ),
]
