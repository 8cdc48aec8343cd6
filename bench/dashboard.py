"""Time the officer's dashboard and the summary over 100,000 tagged answers, and count queries.

    .venv/bin/python -m bench.dashboard [COUNT] [--postgres URL]

Builds a throwaway database (SQLite, or a new PostgreSQL database when --postgres is given),
stores COUNT varied answers with machine tags (a tenth reviewed by an officer), then asks the
app in-process for each page several times and prints the median time and the SQL query count.
Target (issue #5): <= 200 ms with a query count that does not grow with the answers.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import statistics
import sys
import time

import httpx

from analysis.models import AnswerReview, AnswerTagging, AnswerTheme, TagSource
from analysis.themes import THEMES
from bench.answers import varied_answers
from bench.database import close_bench_database, open_bench_database, postgres_argument
from consult.accounts.models import Role
from consult.accounts.services import create_user
from consult.app import create_app
from consult.settings import load_settings
from surveys.demo import create_demo_consultation
from surveys.models import Answer, Channel, Question, Response, searchable_text

PASSWORD = "benchmark passphrase of some length"
REPEATS = 7


class QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def store_answers(count: int) -> str:
    consultation = await create_demo_consultation("bench", ("ur",))
    question = await Question.get(consultation=consultation, key="community-help")
    texts = list(varied_answers(count))
    channels = [Channel.WEB] * 8 + [Channel.PAPER, Channel.GROUP]
    await Response.bulk_create(
        [
            Response(
                consultation=consultation,
                reference=f"B{number:07d}",
                submission_token=f"bench-{number}",
                language=code,
                channel=channels[number % len(channels)],
            )
            for number, (code, _) in enumerate(texts)
        ],
        batch_size=5000,
    )
    stored = await Response.filter(consultation=consultation).order_by("id")
    await Answer.bulk_create(
        [
            Answer(response=r, question=question, text=t, search_text=searchable_text(t))
            for r, (_, t) in zip(stored, texts, strict=True)
        ],
        batch_size=5000,
    )
    answers = await Answer.filter(question=question).order_by("id").values_list("id", flat=True)
    chooser = random.Random(5)
    themes, taggings, reviews = [], [], []
    for number, answer_id in enumerate(answers):
        language = texts[number][0]
        taggings.append(AnswerTagging(answer_id=answer_id, language=language, model_version="b"))
        for theme in chooser.sample(THEMES, chooser.randint(0, 2)):
            themes.append(
                AnswerTheme(
                    answer_id=answer_id,
                    theme=theme,
                    score=0.7,
                    evidence=[[0, 4]],
                    model_version="bench",
                    source=TagSource.MACHINE,
                )
            )
        if number % 10 == 0:
            reviews.append(AnswerReview(answer_id=answer_id, model_version="bench"))
            themes.append(
                AnswerTheme(
                    answer_id=answer_id,
                    theme=chooser.choice(THEMES),
                    source=TagSource.OFFICER,
                    machine_present=chooser.random() < 0.7,
                )
            )
    await AnswerTagging.bulk_create(taggings, batch_size=5000)
    await AnswerTheme.bulk_create(themes, batch_size=5000)
    await AnswerReview.bulk_create(reviews, batch_size=5000)
    return consultation.slug


async def measure(client: httpx.AsyncClient, path: str, counter: QueryCounter) -> None:
    timings, queries = [], []
    for _ in range(REPEATS):
        counter.count = 0
        started = time.perf_counter()
        response = await client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        queries.append(counter.count)
        assert response.status_code == 200, (path, response.status_code)
    print(
        f"  {path.split('/', 5)[-1]:<60} median {statistics.median(timings):6.0f} ms"
        f"  (min {min(timings):.0f}, max {max(timings):.0f})  queries {queries[-1]}"
    )


async def main(count: int, postgres: str | None) -> None:
    url = await open_bench_database("dashboard", postgres)
    started = time.perf_counter()
    slug = await store_answers(count)
    print(
        f"{'PostgreSQL' if postgres else 'SQLite'}: stored {count} tagged answers "
        f"in {time.perf_counter() - started:.0f} s"
    )
    officer = await create_user("bench@example.org", "Bench Officer", PASSWORD, Role.OFFICER, {})
    settings = load_settings(
        env_file=None, environ={"SECRET_KEY": "bench-secret", "DATABASE_URL": url}
    )
    app = create_app(settings)
    counter = QueryCounter()
    logger = logging.getLogger("tortoise.db_client")
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        page = await client.get("/en/staff/sign-in")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token
        signed_in = await client.post(
            "/en/staff/sign-in",
            data={"csrf_token": token.group(1), "email": officer.email, "password": PASSWORD},
        )
        assert signed_in.status_code == 303
        base = f"/en/staff/consultations/{slug}"
        for path in (
            f"{base}/dashboard",
            f"{base}/dashboard?language=ur&channel=paper",
            f"{base}/dashboard?theme=secure-funding&review=unreviewed",
            f"{base}/dashboard?search=money",
            f"{base}/dashboard/charts/themes-community-help.svg",
            f"{base}/summary",
        ):
            await measure(client, path, counter)
        page = await client.get(f"{base}/summary")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token
        await client.post(f"{base}/summary", data={"csrf_token": token.group(1)})
        await measure(client, f"/en/consultations/{slug}/summary", counter)
    print("target: <= 200 ms each, query count independent of the number of answers")
    await close_bench_database(postgres)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    postgres_url = postgres_argument(arguments)
    asyncio.run(main(int(arguments[0]) if arguments else 100_000, postgres_url))
