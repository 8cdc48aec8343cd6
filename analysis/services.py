"""Tag stored answers and keep their themes: machine tags, officer decisions, history."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from analysis.models import AnswerTagging, AnswerTheme, JobStatus, RetagJob, TagSource
from analysis.tagger import TagRequest, TagResult, ThemeTagger
from surveys.models import Answer, Consultation, Response

log = logging.getLogger(__name__)

BATCH = 500
RETAG_BATCH = 2000
MAX_ATTEMPTS = 5


async def _store(answers: Sequence[Answer], results: Sequence[TagResult], version: str) -> None:
    """Replace the answers' current machine tags, leaving officers' decisions in force.

    A handful of queries per batch, whatever its size: re-tagging 100,000 answers must not
    mean half a million round trips.
    """
    ids = [answer.id for answer in answers]
    decided_by_officer = {
        (row.answer_id, row.theme)  # type: ignore[attr-defined]
        for row in await AnswerTheme.filter(
            answer_id__in=ids, is_current=True, source=TagSource.OFFICER
        ).only("id", "answer_id", "theme")
    }
    await AnswerTheme.filter(answer_id__in=ids, is_current=True, source=TagSource.MACHINE).update(
        is_current=False
    )
    await AnswerTheme.bulk_create(
        [
            AnswerTheme(
                answer_id=answer.id,
                theme=tag.theme,
                score=tag.score,
                evidence=[list(span) for span in tag.evidence],
                model_version=version,
                source=TagSource.MACHINE,
            )
            for answer, result in zip(answers, results, strict=True)
            for tag in result.themes
            if (answer.id, tag.theme) not in decided_by_officer
        ],
        batch_size=1000,
    )
    now = datetime.now(UTC)
    existing = {
        row.answer_id: row  # type: ignore[attr-defined]
        for row in await AnswerTagging.filter(answer_id__in=ids)
    }
    fresh = []
    for answer, result in zip(answers, results, strict=True):
        row = existing.get(answer.id) or AnswerTagging(answer_id=answer.id)
        row.language, row.model_version, row.tagged_at = result.language, version, now
        row.last_error = None  # type: ignore[assignment]  # the stubs miss null=True
        if answer.id not in existing:
            fresh.append(row)
    if existing:
        await AnswerTagging.bulk_update(
            list(existing.values()),
            fields=["language", "model_version", "last_error", "tagged_at"],
            batch_size=1000,
        )
    await AnswerTagging.bulk_create(fresh, batch_size=1000)


async def tag_answers(answers: Sequence[Answer], tagger: ThemeTagger) -> int:
    """Tag these answers (each in its own language) and store the results."""
    answers = [answer for answer in answers if answer.text and answer.text.strip()]
    if not answers:
        return 0
    response_ids = {answer.response_id for answer in answers}  # type: ignore[attr-defined]
    form_languages = {
        response.id: response.language
        for response in await Response.filter(id__in=response_ids).only("id", "language")
    }
    requests = [
        TagRequest(str(answer.text), form_language=form_languages.get(answer.response_id))  # type: ignore[attr-defined]
        for answer in answers
    ]
    # The CPU-bound part runs off the event loop, so pages keep being served meanwhile.
    results = await asyncio.to_thread(tagger.tag, requests)
    async with in_transaction():
        await _store(answers, results, tagger.version)
    return len(answers)


async def _record_failure(answers: Sequence[Answer], error: Exception) -> None:
    for answer in answers:
        tagging, _ = await AnswerTagging.get_or_create(answer=answer)
        tagging.attempts += 1
        tagging.last_error = f"{type(error).__name__}: {error}"[:500]
        await tagging.save()


def pending_filter(version: str) -> Q:
    """Answers with text that the current model has not tagged and that may still be tried."""
    # NULL compares as unknown in SQL, so "not tagged by this model" spells out the NULL case.
    not_current = Q(tagging__model_version__isnull=True) | ~Q(tagging__model_version=version)
    return Q(text__isnull=False) & (
        Q(tagging=None) | (not_current & Q(tagging__attempts__lt=MAX_ATTEMPTS))
    )


async def tag_pending(tagger: ThemeTagger, limit: int = BATCH) -> int:
    """Tag a batch of answers waiting for the current model; failures are counted, kept."""
    batch = await Answer.filter(pending_filter(tagger.version)).order_by("id").limit(limit)
    if not batch:
        return 0
    try:
        return await tag_answers(batch, tagger)
    except Exception:  # a tagging failure must never lose or block answers
        log.exception("tagging a batch of %s answers failed; trying one by one", len(batch))
    tagged = 0
    for answer in batch:
        try:
            tagged += await tag_answers([answer], tagger)
        except Exception as error:
            await _record_failure([answer], error)
    return tagged


async def start_retag(consultation: Consultation, version: str, user_id: int | None) -> RetagJob:
    total = await Answer.filter(response__consultation=consultation, text__isnull=False).count()
    return await RetagJob.create(
        consultation=consultation, model_version=version, total=total, started_by_id=user_id
    )


async def run_retag_job(
    job: RetagJob, tagger: ThemeTagger, progress: Callable[[int], None] | None = None
) -> RetagJob:
    """Re-tag a consultation's answers in batches, saving progress so a restart resumes."""
    job.status = JobStatus.RUNNING
    await job.save(update_fields=["status", "updated_at"])
    answers = Answer.filter(
        response__consultation_id=job.consultation_id,  # type: ignore[attr-defined]
        text__isnull=False,
    )
    last_id = processed = 0
    while True:
        batch = await answers.filter(id__gt=last_id).order_by("id").limit(RETAG_BATCH)
        if not batch:
            break
        # After a restart, answers this job already re-tagged are skipped.
        already = {
            row.answer_id  # type: ignore[attr-defined]
            for row in await AnswerTagging.filter(
                answer_id__in=[answer.id for answer in batch],
                model_version=job.model_version,
                tagged_at__gte=job.created_at,
            ).only("id", "answer_id")
        }
        await tag_answers([answer for answer in batch if answer.id not in already], tagger)
        last_id, processed = batch[-1].id, processed + len(batch)
        job.done = min(job.total, processed)
        await job.save(update_fields=["done", "updated_at"])
        if progress:
            progress(len(batch))
    job.status, job.done = JobStatus.DONE, job.total
    await job.save(update_fields=["status", "done", "updated_at"])
    return job


async def run_queued_jobs(tagger: ThemeTagger) -> int:
    """Run (or resume, after a restart) every retag job that has not finished."""
    jobs = await RetagJob.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).order_by("id")
    for job in jobs:
        try:
            await run_retag_job(job, tagger)
        except Exception as error:
            log.exception("retag job %s failed", job.id)
            job.status, job.error = JobStatus.FAILED, str(error)[:500]
            await job.save(update_fields=["status", "error", "updated_at"])
    return len(jobs)
