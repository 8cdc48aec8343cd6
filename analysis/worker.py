"""The in-process worker: tags new answers, runs re-tag jobs and applies retention dates.

Its state lives in the database (which answers are tagged, each job's progress), so a
restart resumes where it stopped, and a failure is retried without losing any answer.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime
from pathlib import Path

from analysis.services import run_queued_jobs, tag_pending
from analysis.tagger import ModelsMissing, ThemeTagger
from surveys.dataprotection.services import apply_retention

log = logging.getLogger(__name__)

IDLE_SECONDS = 2.0
MODELS_MISSING_SECONDS = 30.0
# Retention dates are days: once an hour deletes text soon enough after one passes.
RETENTION_INTERVAL_SECONDS = 60 * 60.0


async def apply_retention_when_due(last_run: float | None) -> float | None:
    """Apply the retention dates when an hour has passed since `last_run` (monotonic seconds).

    Returns the time of this run, or `last_run` when not due. A failure is logged and
    tried again an hour later: it must never stop tagging.
    """
    now = time.monotonic()
    if last_run is not None and now - last_run < RETENTION_INTERVAL_SECONDS:
        return last_run
    try:
        for run in await apply_retention(datetime.now(UTC)):
            log.info(
                "retention: deleted the text of %s answers in %s responses of %s",
                run.answers,
                run.responses,
                run.slug,
            )
    except Exception:
        log.exception("applying retention dates failed; trying again in an hour")
    return now


async def run_tagging_worker(model_dir: Path) -> None:
    """Run until cancelled; never lets an error end the loop."""
    tagger: ThemeTagger | None = None
    retention_run: float | None = None
    while True:
        retention_run = await apply_retention_when_due(retention_run)
        try:
            if tagger is None:
                tagger = await asyncio.to_thread(lambda: ThemeTagger(model_dir).load_all())
                log.info("theme tagger %s loaded", tagger.version)
            tagged = await tag_pending(tagger)
            jobs = await run_queued_jobs(tagger)
            if not tagged and not jobs:
                await asyncio.sleep(IDLE_SECONDS)
        except ModelsMissing:
            log.warning("theme models missing in %s: run `consult train-tagger`", model_dir)
            await asyncio.sleep(MODELS_MISSING_SECONDS)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("tagging worker error; retrying")
            await asyncio.sleep(IDLE_SECONDS)
