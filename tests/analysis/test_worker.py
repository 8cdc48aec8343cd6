"""The background worker tags answers after they are stored, without the respondent waiting."""

from __future__ import annotations

import asyncio
import contextlib

import httpx

from analysis.models import AnswerTagging
from analysis.tagger import DEFAULT_MODEL_DIR, ThemeTagger
from analysis.worker import run_tagging_worker
from tests.analysis.test_tagging import answer_demo_copy

URDU = "ہمارے محلے میں نوجوانوں کا مرکز چھ مہینے بعد فنڈ ختم ہونے پر بند ہو گیا۔"


async def test_the_worker_tags_a_new_answer_in_its_own_language(
    client: httpx.AsyncClient, tagger: ThemeTagger
) -> None:
    # The respondent's request returns before any tagging happens...
    answer = await answer_demo_copy(client, URDU)
    assert not await AnswerTagging.filter(answer=answer, tagged_at__isnull=False).exists()

    worker = asyncio.create_task(run_tagging_worker(DEFAULT_MODEL_DIR))
    try:
        for _ in range(120):
            tagging = await AnswerTagging.filter(answer=answer).first()
            if tagging and tagging.tagged_at:
                break
            await asyncio.sleep(0.25)
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker

    # ...and the worker tags it afterwards, in Urdu although it came through the English form.
    assert tagging is not None and tagging.tagged_at is not None
    assert tagging.language == "ur"
    assert tagging.model_version == tagger.version
