"""Async builders for test data: each makes what a test needs, with sensible defaults."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from surveys.models import (
    Answer,
    Channel,
    Consultation,
    ConsultationStatus,
    Option,
    Question,
    QuestionType,
    RespondentType,
    Response,
    ResponseDraft,
    TextOrigin,
    TextStatus,
    TextUnit,
)
from surveys.services import Questionnaire, load_questionnaire


async def build_consultation(
    status: ConsultationStatus = ConsultationStatus.OPEN,
    opens_in_days: int = -1,
    closes_in_days: int = 30,
    title: str = "Our estate, our say",
) -> Consultation:
    now = datetime.now(UTC)
    consultation = await Consultation.create(
        slug=f"test-{secrets.token_hex(4)}",
        status=status,
        opens_at=now + timedelta(days=opens_in_days),
        closes_at=now + timedelta(days=closes_in_days),
    )
    await TextUnit.create(
        consultation=consultation,
        key="consultation.title",
        language="en",
        text=title,
        status=TextStatus.APPROVED,
        origin=TextOrigin.SOURCE,
    )
    return consultation


async def build_questionnaire(consultation: Consultation | None = None) -> Questionnaire:
    """A consultation with one required free-text and one single-choice question."""
    consultation = consultation or await build_consultation()
    await Question.create(
        consultation=consultation,
        key="views",
        position=1,
        type=QuestionType.FREE_TEXT,
        required=True,
    )
    choice = await Question.create(
        consultation=consultation, key="area", position=2, type=QuestionType.SINGLE_CHOICE
    )
    await Option.create(question=choice, value="north", position=1)
    await Option.create(question=choice, value="south", position=2)
    return await load_questionnaire(consultation)


async def build_draft(
    questionnaire: Questionnaire, text: str = "More youth workers"
) -> ResponseDraft:
    return await ResponseDraft.create(
        token=secrets.token_urlsafe(16),
        consultation=questionnaire.consultation,
        answers={"views": {"text": text}, "area": {"options": ["south"]}},
    )


async def build_demo_copy(languages: tuple[str, ...] = ("gu", "ur")) -> Consultation:
    """A fresh open consultation with the demo's questions, in English and `languages`."""
    from surveys.demo import create_demo_consultation

    return await create_demo_consultation(f"demo-{secrets.token_hex(4)}", languages)


async def build_answer(
    consultation: Consultation,
    text: str,
    *,
    language: str = "en",
    channel: Channel = Channel.WEB,
    respondent: RespondentType = RespondentType.INDIVIDUAL,
    machine_themes: dict[str, list[list[int]]] | None = None,
    question_key: str = "community-help",
    model_version: str = "test-model",
) -> Answer:
    """A stored response with one written answer, tagged by the machine with `machine_themes`."""
    from analysis.models import AnswerTagging, AnswerTheme, TagSource

    response = await Response.create(
        consultation=consultation,
        reference=secrets.token_hex(5).upper(),
        submission_token=secrets.token_urlsafe(16),
        language=language,
        channel=channel,
        respondent_type=respondent,
    )
    question = await Question.get(consultation=consultation, key=question_key, retired_at=None)
    answer = await Answer.create(response=response, question=question, text=text)
    for theme, evidence in (machine_themes or {}).items():
        await AnswerTheme.create(
            answer=answer,
            theme=theme,
            score=0.8,
            evidence=evidence,
            model_version=model_version,
            source=TagSource.MACHINE,
        )
    await AnswerTagging.create(
        answer=answer, language=language, model_version=model_version, tagged_at=datetime.now(UTC)
    )
    return answer
