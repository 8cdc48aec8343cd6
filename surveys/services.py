"""What a respondent can do with a consultation: read it, answer it, submit once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from surveys.groups.models import GatheringMethod, GroupStatement, Organisation
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
)
from surveys.wording import Wording, snapshot_wording

if TYPE_CHECKING:
    from consult.accounts.models import User

# Crockford's base32 without I, L, O, U: nothing to misread when it is copied by hand.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True)
class QuestionSpec:
    """A question and its options, loaded once per request."""

    question: Question
    options: list[Option] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def option_values(self) -> list[str]:
        return [option.value for option in self.options]


@dataclass(frozen=True)
class Questionnaire:
    consultation: Consultation
    questions: list[QuestionSpec]

    def find(self, key: str) -> QuestionSpec | None:
        return next((spec for spec in self.questions if spec.key == key), None)

    def after(self, key: str) -> QuestionSpec | None:
        keys = [spec.key for spec in self.questions]
        position = keys.index(key)
        return self.questions[position + 1] if position + 1 < len(keys) else None

    def before(self, key: str) -> QuestionSpec | None:
        keys = [spec.key for spec in self.questions]
        position = keys.index(key)
        return self.questions[position - 1] if position > 0 else None


def is_accepting_responses(consultation: Consultation, now: datetime | None = None) -> bool:
    now = now or datetime.now(UTC)
    return (
        consultation.status == ConsultationStatus.OPEN
        and consultation.opens_at <= now < consultation.closes_at
    )


async def open_consultations(now: datetime | None = None) -> list[Consultation]:
    now = now or datetime.now(UTC)
    return await Consultation.filter(
        status=ConsultationStatus.OPEN, opens_at__lte=now, closes_at__gt=now
    ).order_by("closes_at")


async def find_consultation(slug: str) -> Consultation | None:
    """A consultation respondents may see (open or closed, never a draft)."""
    return await Consultation.filter(
        slug=slug, status__in=[ConsultationStatus.OPEN, ConsultationStatus.CLOSED]
    ).first()


async def current_questions(consultation: Consultation) -> list[Question]:
    """The questions in force (not retired), in their order."""
    return await Question.filter(consultation=consultation, retired_at=None).order_by("position")


async def load_questionnaire(consultation: Consultation) -> Questionnaire:
    """The current questions with their options, in two queries."""
    questions = await current_questions(consultation)
    options = await Option.filter(question_id__in=[q.id for q in questions]).order_by("position")
    by_question: dict[int, list[Option]] = {}
    for option in options:
        by_question.setdefault(option.question_id, []).append(option)  # type: ignore[attr-defined]
    return Questionnaire(
        consultation,
        [QuestionSpec(question, by_question.get(question.id, [])) for question in questions],
    )


async def revise_question(question: Question, **changes: Any) -> Question:
    """Change a question; once it has answers, retire it and create the next version."""
    if not await Answer.exists(question=question):
        await question.update_from_dict(changes).save()
        return question
    async with in_transaction():
        options = await Option.filter(question=question).order_by("position")
        question.retired_at = datetime.now(UTC)
        await question.save(update_fields=["retired_at"])
        values = {
            "consultation_id": question.consultation_id,  # type: ignore[attr-defined]
            "key": question.key,
            "version": question.version + 1,
            "position": question.position,
            "type": question.type,
            "required": question.required,
            "max_length": question.max_length,
            **changes,
        }
        successor = await Question.create(**values)
        await Option.bulk_create(
            [
                Option(question=successor, value=option.value, position=option.position)
                for option in options
            ]
        )
    return successor


# Drafts -----------------------------------------------------------------------------------


def new_draft_token() -> str:
    return secrets.token_urlsafe(32)


async def find_draft(consultation: Consultation, token: str | None) -> ResponseDraft | None:
    if not token:
        return None
    return await ResponseDraft.filter(consultation=consultation, token=token).first()


async def save_draft_answer(
    consultation: Consultation, token: str, question_key: str, answer: dict[str, Any]
) -> None:
    """Store one answer in the respondent's draft, creating the draft on first use."""
    draft, _created = await ResponseDraft.get_or_create(
        token=token, defaults={"consultation": consultation, "answers": {}}
    )
    draft.answers = {**draft.answers, question_key: answer}
    await draft.save(update_fields=["answers", "updated_at"])


def is_answered(spec: QuestionSpec, answer: dict[str, Any] | None) -> bool:
    if not answer:
        return False
    if spec.question.type == QuestionType.FREE_TEXT:
        return bool(str(answer.get("text", "")).strip())
    return bool(answer.get("options"))


# Submission -------------------------------------------------------------------------------


def new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{body[:4]}-{body[4:]}"


@dataclass(frozen=True)
class GroupStatementData:
    """What a representative states about the members a group response speaks for."""

    members: int
    method: GatheringMethod
    gathered_on: date
    submitted_by: User


@dataclass(frozen=True)
class ResponseOrigin:
    """How a response reached us. The default: one person, answering online."""

    channel: Channel = Channel.WEB
    respondent_type: RespondentType = RespondentType.INDIVIDUAL
    organisation: Organisation | None = None
    statement: GroupStatementData | None = None


async def submit_draft(
    questionnaire: Questionnaire,
    draft: ResponseDraft,
    wording: Wording,
    origin: ResponseOrigin = ResponseOrigin(),
) -> Response:
    """Turn a draft into a stored response, with the wording it was read in, exactly once.

    The draft's token is unique on Response, so a double click or a resubmitted form
    that races this one finds the response the first submit stored. A group's statement
    is stored in the same transaction, so no group response is ever kept without it.
    """
    try:
        async with in_transaction():
            snapshot = await snapshot_wording(questionnaire.consultation, wording)
            response = await Response.create(
                consultation=questionnaire.consultation,
                reference=new_reference(),
                submission_token=draft.token,
                language=wording.language,
                wording=snapshot,
                channel=origin.channel,
                respondent_type=origin.respondent_type,
                organisation=origin.organisation,
            )
            if origin.statement:
                await GroupStatement.create(
                    response=response,
                    members=origin.statement.members,
                    method=origin.statement.method,
                    gathered_on=origin.statement.gathered_on,
                    submitted_by=origin.statement.submitted_by,
                )
            for spec in questionnaire.questions:
                answer = draft.answers.get(spec.key)
                if not is_answered(spec, answer):
                    continue
                assert answer is not None
                stored = await Answer.create(
                    response=response,
                    question=spec.question,
                    text=answer.get("text")
                    if spec.question.type == QuestionType.FREE_TEXT
                    else None,
                )
                chosen = [o for o in spec.options if o.value in answer.get("options", [])]
                if chosen:
                    await stored.options.add(*chosen)
            await ResponseDraft.filter(id=draft.id).delete()
    except IntegrityError:
        existing = await find_submitted(questionnaire.consultation, draft.token)
        if existing is None:
            raise
        return existing
    return response


async def find_submitted(consultation: Consultation, token: str | None) -> Response | None:
    if not token:
        return None
    return await Response.filter(consultation=consultation, submission_token=token).first()
