"""What every officer page of a consultation starts from: the consultation and its wording."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.requests import Request

from consult import i18n
from surveys.models import Consultation, Question
from surveys.wording import Wording, load_wording


@dataclass(frozen=True)
class ConsultationWording:
    """Labels in the reader's language where approved, in the source language otherwise."""

    wording: Wording
    fallback: Wording

    def question(self, key: str) -> str:
        return self.wording.question(key, "text") or self.fallback.question(key, "text") or key

    def option(self, question: str, value: str) -> str:
        return (
            self.wording.option(question, value) or self.fallback.option(question, value) or value
        )

    def title(self) -> str:
        return self.wording.consultation("title") or self.fallback.consultation("title")


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


async def consultation_wording(consultation: Consultation) -> ConsultationWording:
    return ConsultationWording(
        await load_wording(consultation, i18n.current_language().code),
        await load_wording(consultation, consultation.source_language),
    )
