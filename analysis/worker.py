"""The in-process tagging worker: tags new answers and runs re-tag jobs, in the background.

Its state lives in the database (which answers are tagged, each job's progress), so a
restart resumes where it stopped, and a failure is retried without losing any answer.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from analysis.services import run_queued_jobs, tag_pending
from analysis.tagger import ModelsMissing, ThemeTagger

log = logging.getLogger(__name__)

IDLE_SECONDS = 2.0
MODELS_MISSING_SECONDS = 30.0


async def run_tagging_worker(model_dir: Path) -> None:
    """Run until cancelled; never lets an error end the loop."""
    tagger: ThemeTagger | None = None
    while True:
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
