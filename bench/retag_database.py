"""Re-tag 100,000 stored answers from a SQLite database and write the tags back.

Run: .venv/bin/python -m bench.retag_database [count]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from tortoise import Tortoise
from tortoise.migrations.api import migrate

from analysis.services import run_retag_job, start_retag
from analysis.tagger import ThemeTagger
from bench.answers import varied_answers
from consult.database import tortoise_config
from surveys.demo import create_demo_consultation
from surveys.models import Answer, Question, Response, searchable_text


async def main(count: int) -> None:
    folder = Path(tempfile.mkdtemp())
    config = tortoise_config(f"sqlite://{folder / 'bench.sqlite3'}")
    await migrate(config=config)
    await Tortoise.close_connections()
    await Tortoise.init(config=config)
    consultation = await create_demo_consultation("bench", ("ur",))
    question = await Question.get(consultation=consultation, key="community-help")
    started = time.perf_counter()
    texts = list(varied_answers(count))
    responses = [
        Response(
            consultation=consultation,
            reference=f"B{number:07d}",
            submission_token=f"bench-{number}",
            language=code,
        )
        for number, (code, _) in enumerate(texts)
    ]
    await Response.bulk_create(responses, batch_size=5000)
    stored = await Response.filter(consultation=consultation).order_by("id")
    await Answer.bulk_create(
        [
            Answer(
                response=response, question=question, text=text, search_text=searchable_text(text)
            )
            for response, (_, text) in zip(stored, texts, strict=True)
        ],
        batch_size=5000,
    )
    print(f"stored {count} answers in {time.perf_counter() - started:.1f} s")

    tagger = ThemeTagger().load_all()
    job = await start_retag(consultation, tagger.version, None)
    started = time.perf_counter()
    await run_retag_job(job, tagger)
    elapsed = time.perf_counter() - started
    print(f"re-tagged {job.total} answers from SQLite and wrote the tags in {elapsed:.1f} s")
    print("target: 100,000 in <= 60 s")
    await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
