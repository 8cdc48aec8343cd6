"""Time finding copy-paste campaigns among 100,000 written answers, and count queries.

    .venv/bin/python -m bench.campaigns [COUNT] [--postgres URL]

Builds a throwaway database (SQLite, or a new PostgreSQL database when --postgres is given)
holding COUNT answers to one question: about 5% are copies of 20 campaign texts (with case,
punctuation and place-name edits), the rest distinct answers in eleven languages. Then runs
`find_campaigns` several times and prints the median time, the query count and what it found
(issue #6).
"""

from __future__ import annotations

import asyncio
import logging
import random
import statistics
import sys
import time

from analysis.campaigns import copies_of, find_campaigns
from analysis.corpus_io import read_corpus
from analysis.languages import SPACY_CODES
from bench.answers import PLACES
from bench.dashboard import QueryCounter
from bench.database import close_bench_database, open_bench_database, postgres_argument
from surveys.demo import create_demo_consultation
from surveys.models import Answer, Consultation, Question, Response

CAMPAIGNS = 20
CAMPAIGN_SHARE = 0.05
REPEATS = 5


def distinct_answers(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(language, text) answers in every language, words drawn at random so none are copies.

    `bench.answers.varied_answers` recombines whole corpus sentences, so many of its answers
    are near copies of each other; that would bury the planted campaigns.
    """
    rng = random.Random(seed)
    vocabularies: dict[str, list[str]] = {}
    for code in SPACY_CODES:
        texts = [a.text for a in read_corpus(code)]
        vocabularies[code] = sorted(
            {w for t in texts for w in (t if code == "zh-Hant" else t.split())}
        )
    codes = sorted(vocabularies)
    answers = []
    for number in range(count):
        code = codes[number % len(codes)]
        words = rng.choices(vocabularies[code], k=rng.randint(8, 30))
        answers.append((code, ("" if code == "zh-Hant" else " ").join(words)))
    return answers


def campaign_texts(count: int, copies: int) -> list[tuple[str, str]]:
    """(language, text) copies of `count` campaign letters, each copy lightly edited."""
    rng = random.Random(11)
    english = [a.text for a in read_corpus("en")]
    letters = [" ".join(rng.sample(english, 3)) for _ in range(count)]
    edits = (
        lambda text: text,
        str.upper,
        str.lower,
        lambda text: text.replace(",", "").replace(".", ""),
        lambda text: f"Dear council, {text}",
    )
    return [
        ("en", rng.choice(edits)(f"{letters[n % count]} {rng.choice(PLACES)}."))
        for n in range(copies)
    ]


async def store_answers(count: int) -> Consultation:
    consultation = await create_demo_consultation("bench", ("ur",))
    question = await Question.get(consultation=consultation, key="community-help")
    copies = int(count * CAMPAIGN_SHARE)
    texts = distinct_answers(count - copies) + campaign_texts(CAMPAIGNS, copies)
    random.Random(3).shuffle(texts)
    await Response.bulk_create(
        [
            Response(
                consultation=consultation,
                reference=f"C{number:07d}",
                submission_token=f"campaign-bench-{number}",
                language=code,
            )
            for number, (code, _) in enumerate(texts)
        ],
        batch_size=5000,
    )
    stored = await Response.filter(consultation=consultation).order_by("id")
    answers = [
        Answer(response=r, question=question, text=t)
        for r, (_, t) in zip(stored, texts, strict=True)
    ]
    for answer in answers:
        answer.derive_from_text()
    await Answer.bulk_create(answers, batch_size=5000)
    return consultation


async def main(count: int, postgres: str | None) -> None:
    await open_bench_database("campaigns", postgres)
    started = time.perf_counter()
    consultation = await store_answers(count)
    print(
        f"{'PostgreSQL' if postgres else 'SQLite'}: stored {count} answers "
        f"({int(count * CAMPAIGN_SHARE)} campaign copies) in {time.perf_counter() - started:.0f} s"
    )
    counter = QueryCounter()
    logger = logging.getLogger("tortoise.db_client")
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    timings, queries = [], []
    for _ in range(REPEATS):
        counter.count = 0
        started = time.perf_counter()
        campaigns = await find_campaigns(consultation)
        timings.append((time.perf_counter() - started) * 1000)
        queries.append(counter.count)
    print(
        f"  find_campaigns  median {statistics.median(timings):6.0f} ms"
        f"  (min {min(timings):.0f}, max {max(timings):.0f})  queries {queries[-1]}"
    )
    print(
        f"  found {len(campaigns)} campaigns holding {sum(c.copies for c in campaigns)} answers;"
        f" largest {campaigns[0].copies if campaigns else 0}, smallest"
        f" {campaigns[-1].copies if campaigns else 0}"
    )
    if campaigns:
        answer = await Answer.get(id=campaigns[0].answer_ids[0])
        review_timings = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            near = await copies_of(answer)
            review_timings.append((time.perf_counter() - started) * 1000)
        print(
            f"  copies_of (review page)  median {statistics.median(review_timings):6.0f} ms"
            f"  ({near} near copies)"
        )
    print("query count independent of the number of answers; no target time set")
    await close_bench_database(postgres)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    postgres_url = postgres_argument(arguments)
    asyncio.run(main(int(arguments[0]) if arguments else 100_000, postgres_url))
