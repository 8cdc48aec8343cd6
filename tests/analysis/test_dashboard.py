"""The dashboard counts what the filters select, with stable URLs and a fixed number of queries."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from consult.accounts.models import Role
from surveys.models import Channel, Consultation, RespondentType
from tests.builders import build_answer, build_demo_copy
from tests.staff import build_user, sign_in

GREEK = "Τα ΧΡΉΜΑΤΑ για τους νέους σταμάτησαν."


async def demo_with_answers() -> Consultation:
    consultation = await build_demo_copy(("ur", "el"))
    await build_answer(
        consultation, "Fund the youth club", machine_themes={"secure-funding": [[0, 4]]}
    )
    await build_answer(
        consultation,
        "پیسہ ختم ہو گیا",
        language="ur",
        channel=Channel.PAPER,
        machine_themes={"secure-funding": [[0, 4]]},
    )
    await build_answer(
        consultation,
        GREEK,
        language="el",
        respondent=RespondentType.ORGANISATION,
        machine_themes={"neighbourhood-focus": [[0, 2]]},
    )
    return consultation


async def test_the_dashboard_counts_responses_and_themes_and_filters_combine(
    client: httpx.AsyncClient,
) -> None:
    consultation = await demo_with_answers()
    await sign_in(client, await build_user(Role.OFFICER))
    base = f"/en/staff/consultations/{consultation.slug}/dashboard"

    page = await client.get(base)
    assert page.status_code == 200
    assert '<dd class="summary-list__value">3</dd>' in page.text
    assert '<th scope="row" class="table__header" lang="ur">اردو</th>' in page.text

    # Language and channel together: one Urdu paper response.
    narrowed = await client.get(f"{base}?language=ur&channel=paper")
    assert '<dd class="summary-list__value">1</dd>' in narrowed.text
    assert '<option value="ur" selected>' in narrowed.text
    assert "language=ur&amp;channel=paper" in narrowed.text  # exports keep the filters

    # Search folds case in any script: upper-case Greek finds the lower-case answer too.
    found = await client.get(f"{base}?search=χρήματα")
    assert '<dd class="summary-list__value">1</dd>' in found.text
    none = await client.get(f"{base}?search=nothing-like-this")
    assert '<dd class="summary-list__value">0</dd>' in none.text

    by_theme = await client.get(f"{base}?theme=secure-funding&respondent=individual")
    assert '<dd class="summary-list__value">2</dd>' in by_theme.text


async def test_unknown_filter_values_are_ignored_not_passed_to_the_database(
    client: httpx.AsyncClient,
) -> None:
    consultation = await demo_with_answers()
    await sign_in(client, await build_user(Role.OFFICER))
    base = f"/en/staff/consultations/{consultation.slug}/dashboard"
    for query in (
        "language=en' OR '1'='1",
        "question=../../etc",
        "theme=;DROP TABLE answer",
        "review=maybe",
        "since=yesterday",
        "search=%25_%25",
    ):
        page = await client.get(f"{base}?{query}")
        assert page.status_code == 200, query
    everything = await client.get(f"{base}?language=xx")
    assert '<dd class="summary-list__value">3</dd>' in everything.text


async def test_charts_are_svg_images_with_no_script(client: httpx.AsyncClient) -> None:
    consultation = await demo_with_answers()
    await sign_in(client, await build_user(Role.OFFICER))
    base = f"/en/staff/consultations/{consultation.slug}/dashboard"
    page = await client.get(base)
    assert f'src="{base}/charts/themes-community-help.svg"' in page.text
    chart = await client.get(f"{base}/charts/themes-community-help.svg")
    assert chart.headers["content-type"].startswith("image/svg+xml")
    assert "<script" not in chart.text
    assert "Secure funding" in chart.text
    assert (await client.get(f"{base}/charts/nonsense.svg")).status_code == 404


@contextmanager
def counting_queries() -> Iterator[list[str]]:
    """Every SQL statement Tortoise sends while the block runs."""
    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    logger = logging.getLogger("tortoise.db_client")
    handler, level = Collect(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield seen
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


async def test_the_number_of_queries_does_not_grow_with_the_answers(
    client: httpx.AsyncClient,
) -> None:
    consultation = await demo_with_answers()
    await sign_in(client, await build_user(Role.OFFICER))
    base = f"/en/staff/consultations/{consultation.slug}/dashboard"
    with counting_queries() as few:
        assert (await client.get(base)).status_code == 200
    for number in range(30):
        await build_answer(
            consultation,
            f"Answer {number} about money",
            machine_themes={"secure-funding": [[0, 6]]},
            language=("en", "ur", "el")[number % 3],
        )
    with counting_queries() as many:
        assert (await client.get(base)).status_code == 200
    assert len(few) > 0
    assert len(many) == len(few)
