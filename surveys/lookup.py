"""What a page's URL names: its language, a consultation (any status), one of its questions."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request

from consult import i18n
from surveys.models import Consultation, Question


def language_or_404(request: Request) -> str:
    """The URL's language code, if it is one the platform offers."""
    code = request.path_params["lang"]
    if code not in i18n.LANGUAGES_BY_CODE:
        raise HTTPException(404)
    return str(code)


async def consultation_or_404(request: Request) -> Consultation:
    consultation = await Consultation.filter(slug=request.path_params["slug"]).first()
    if consultation is None:
        raise HTTPException(404)
    return consultation


async def question_or_404(consultation: Consultation, key: str) -> Question:
    question = await Question.filter(consultation=consultation, key=key, retired_at=None).first()
    if question is None:
        raise HTTPException(404)
    return question
