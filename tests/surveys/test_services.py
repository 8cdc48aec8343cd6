"""Submitting, versioning and opening rules, through the services the views use."""

from __future__ import annotations

import asyncio

import httpx

from surveys.models import Answer, ConsultationStatus, Question, Response
from surveys.services import revise_question, submit_draft
from surveys.wording import load_wording
from tests.builders import build_consultation, build_draft, build_questionnaire


async def test_a_draft_becomes_one_response_with_its_answers() -> None:
    questionnaire = await build_questionnaire()
    draft = await build_draft(questionnaire)

    wording = await load_wording(questionnaire.consultation, "en")

    response = await submit_draft(questionnaire, draft, wording)

    assert response.language == "en"
    await response.fetch_related("wording")
    assert response.wording is not None
    assert response.wording.texts == {"consultation.title": "Our estate, our say"}
    answers = await Answer.filter(response=response).prefetch_related("question", "options")
    assert {a.question.key: a.text for a in answers} == {
        "views": "More youth workers",
        "area": None,
    }
    area = next(a for a in answers if a.question.key == "area")
    assert [o.value for o in area.options] == ["south"]


async def test_the_same_draft_sent_twice_at_once_is_stored_once() -> None:
    questionnaire = await build_questionnaire()
    draft = await build_draft(questionnaire)
    wording = await load_wording(questionnaire.consultation, "en")

    first, second = await asyncio.gather(
        submit_draft(questionnaire, draft, wording), submit_draft(questionnaire, draft, wording)
    )

    assert first.reference == second.reference
    assert await Response.filter(consultation=questionnaire.consultation).count() == 1


async def test_an_unanswered_question_is_edited_in_place() -> None:
    questionnaire = await build_questionnaire()
    question = questionnaire.questions[0].question

    revised = await revise_question(question, max_length=500)

    assert revised.id == question.id
    assert (await Question.get(id=question.id)).max_length == 500


async def test_an_answered_question_is_never_changed_but_revised_into_a_new_version() -> None:
    questionnaire = await build_questionnaire()
    wording = await load_wording(questionnaire.consultation, "en")
    await submit_draft(questionnaire, await build_draft(questionnaire), wording)
    choice = questionnaire.questions[1].question

    revised = await revise_question(choice, required=True)

    original = await Question.get(id=choice.id)
    assert original.required is False and original.retired_at is not None
    assert revised.id != choice.id and revised.version == 2 and revised.required is True
    assert [o.value for o in await revised.options.all()] == ["north", "south"]
    # The stored answer still points at the wording the respondent saw.
    assert await Answer.filter(question_id=choice.id).count() == 1
    current = [
        question.id
        for question in await Question.filter(
            consultation=questionnaire.consultation, retired_at=None
        )
    ]
    assert revised.id in current and choice.id not in current


async def test_a_closed_consultation_says_so_and_takes_no_answers(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_consultation(status=ConsultationStatus.CLOSED, closes_in_days=-1)
    await build_questionnaire(consultation)

    start = await client.get(f"/en/consultations/{consultation.slug}/")
    question = await client.get(f"/en/consultations/{consultation.slug}/questions/views")

    assert "This consultation closed on" in start.text
    assert "Start now" not in start.text
    assert question.status_code == 303


async def test_a_draft_consultation_is_not_shown_to_respondents(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_consultation(status=ConsultationStatus.DRAFT)
    page = await client.get(f"/en/consultations/{consultation.slug}/")
    landing = await client.get("/en/")
    assert page.status_code == 404
    assert consultation.slug not in landing.text
