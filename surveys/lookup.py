"""What a staff page's URL names: a consultation (any status) or one of its current questions."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request

from surveys.models import Consultation, Question


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
