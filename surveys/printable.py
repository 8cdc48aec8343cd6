"""The paper form of a consultation, to print in standard or large print (issue #6)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from consult.i18n import long_date
from consult.rendering import render
from surveys import services
from surveys.lookup import language_or_404
from surveys.printable_presenters import LARGE_PRINT, present_printable_form
from surveys.views import _consultation
from surveys.wording import load_wording


async def printable_form(request: Request) -> Response:
    """Every current question with boxes to write in or tick, in a published language."""
    language = language_or_404(request)
    consultation = await _consultation(request)
    wording = await load_wording(consultation, language)
    questionnaire = await services.load_questionnaire(consultation)
    form = present_printable_form(
        questionnaire,
        wording,
        large=request.query_params.get("size") == LARGE_PRINT,
        closes=long_date(consultation.closes_at)
        if services.is_accepting_responses(consultation)
        else None,
    )
    return render(request, "surveys/printable.html", wording=wording, form=form)


routes = [
    Route("/{lang}/consultations/{slug}/printable", printable_form, name="printable_form"),
]
