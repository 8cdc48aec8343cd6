"""Upload a spreadsheet of paper responses: check all of it, then store all of it or nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from consult.i18n import N_
from surveys.models import Answer, Channel, QuestionType, RespondentType, Response
from surveys.services import Questionnaire, new_reference
from surveys.uploads.checks import CheckedFile, check_answers, check_identity
from surveys.uploads.models import UploadBatch
from surveys.uploads.reading import UnreadableFile, read_grid
from surveys.wording import Wording, load_wording, published_languages, snapshot_wording

if TYPE_CHECKING:
    from consult.accounts.models import User
    from surveys.groups.models import Organisation

ALREADY_UPLOADED = N_(
    "This file was uploaded already, on %(date)s. Its responses are stored: nothing was added."
)
# Rows are inserted this many at a time: few statements, bounded parameter lists.
INSERT_BATCH = 500


@dataclass(frozen=True)
class UploadOutcome:
    """Either the stored batch, or the problems that stopped anything being stored."""

    report: CheckedFile
    batch: UploadBatch | None = None


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def _earlier_upload(questionnaire: Questionnaire, digest: str) -> UploadBatch | None:
    return await UploadBatch.filter(consultation=questionnaire.consultation, digest=digest).first()


def _already_uploaded(report: CheckedFile, earlier: UploadBatch) -> UploadOutcome:
    report.add(None, "", ALREADY_UPLOADED, date=earlier.created_at.strftime("%Y-%m-%d"))
    report.answers = []
    return UploadOutcome(report)


async def upload_responses(
    questionnaire: Questionnaire,
    data: bytes,
    filename: str,
    uploaded_by: User,
    organisation: Organisation | None,
) -> UploadOutcome:
    """Check the file whole; store every row as a paper response only if nothing is wrong."""
    report = CheckedFile()
    digest = file_digest(data)
    if earlier := await _earlier_upload(questionnaire, digest):
        return _already_uploaded(report, earlier)
    try:
        grid = read_grid(data)
    except UnreadableFile as unreadable:
        report.add(None, "", unreadable.message, **unreadable.values)
        return UploadOutcome(report)
    consultation = questionnaire.consultation
    check_identity(grid, consultation.slug, await published_languages(consultation), report)
    if not report.language:
        return UploadOutcome(report)
    wording = await load_wording(consultation, report.language)
    check_answers(grid, questionnaire, wording, report)
    if not report.is_valid:
        return UploadOutcome(report)
    try:
        batch = await _store(
            questionnaire, report, wording, digest, filename, uploaded_by, organisation
        )
    except IntegrityError:
        # The same file, sent twice at once: the other upload stored it.
        earlier = await _earlier_upload(questionnaire, digest)
        if earlier is None:
            raise
        return _already_uploaded(report, earlier)
    return UploadOutcome(report, batch)


def _placeholders(dialect: str, rows: int, columns: int) -> str:
    if dialect == "sqlite":
        row = "(" + ", ".join("?" * columns) + ")"
        return ", ".join([row] * rows)
    marks = iter(range(1, rows * columns + 1))
    return ", ".join(
        "(" + ", ".join(f"${next(marks)}" for _ in range(columns)) + ")" for _ in range(rows)
    )


async def _store(
    questionnaire: Questionnaire,
    report: CheckedFile,
    wording: Wording,
    digest: str,
    filename: str,
    uploaded_by: User,
    organisation: Organisation | None,
) -> UploadBatch:
    consultation = questionnaire.consultation
    async with in_transaction() as connection:
        snapshot = await snapshot_wording(consultation, wording)
        batch = await UploadBatch.create(
            consultation=consultation,
            language=report.language,
            digest=digest,
            filename=filename[:200],
            rows=len(report.answers),
            uploaded_by=uploaded_by,
            organisation=organisation,
        )
        tokens = [f"upload-{batch.id}-{row}" for row in range(len(report.answers))]
        await Response.bulk_create(
            [
                Response(
                    consultation=consultation,
                    reference=new_reference(),
                    submission_token=token,
                    language=report.language,
                    wording=snapshot,
                    channel=Channel.PAPER,
                    respondent_type=RespondentType.INDIVIDUAL,
                    organisation=organisation,
                    upload=batch,
                )
                for token in tokens
            ],
            batch_size=INSERT_BATCH,
            using_db=connection,
        )
        response_ids = dict(
            await Response.filter(upload=batch)
            .using_db(connection)
            .values_list("submission_token", "id")
        )
        answers: list[Answer] = []
        chosen: list[tuple[int, int, int]] = []  # response id, question id, option id
        option_ids = {
            spec.key: {option.value: option.id for option in spec.options}
            for spec in questionnaire.questions
        }
        for token, row in zip(tokens, report.answers, strict=True):
            response_id = response_ids[token]
            for spec in questionnaire.questions:
                answer = row.get(spec.key)
                if answer is None:
                    continue
                if spec.question.type == QuestionType.FREE_TEXT:
                    stored = Answer(
                        response_id=response_id, question_id=spec.question.id, text=answer["text"]
                    )
                    stored.derive_from_text()
                    answers.append(stored)
                elif answer["options"]:
                    answers.append(
                        Answer(response_id=response_id, question_id=spec.question.id, text=None)
                    )
                    chosen.extend(
                        (response_id, spec.question.id, option_ids[spec.key][value])
                        for value in answer["options"]
                    )
        await Answer.bulk_create(answers, batch_size=INSERT_BATCH, using_db=connection)
        if chosen:
            await _store_choices(connection, batch, chosen)
    return batch


async def _store_choices(
    connection: Any, batch: UploadBatch, chosen: list[tuple[int, int, int]]
) -> None:
    """The chosen options, straight into the answer-option table: one statement a batch."""
    answer_ids = {
        (response_id, question_id): answer_id
        for answer_id, response_id, question_id in await Answer.filter(response__upload=batch)
        .using_db(connection)
        .values_list("id", "response_id", "question_id")
    }
    pairs = [
        (answer_ids[(response_id, question_id)], option_id)
        for response_id, question_id, option_id in chosen
    ]
    dialect = connection.capabilities.dialect
    for start in range(0, len(pairs), INSERT_BATCH):
        part = pairs[start : start + INSERT_BATCH]
        # Only placeholders are joined into the statement; the values travel as parameters.
        await connection.execute_query(
            "INSERT INTO answer_option (answer_id, option_id) VALUES "  # noqa: S608
            + _placeholders(dialect, len(part), 2),
            [value for pair in part for value in pair],
        )
