"""The respondent's whole journey through HTTP, in English, Urdu and Traditional Chinese."""

from __future__ import annotations

import re

import httpx
import pytest

from surveys.demo import DEMO_SLUG
from surveys.models import Answer, Response
from tests.journey import (
    SAMPLE_ANSWERS,
    answer_every_question,
    csrf_token_in,
    demo_path,
    send_response,
)

REFERENCE = re.compile(r'<strong class="reference" dir="ltr">([0-9A-Z]{4}-[0-9A-Z]{4})</strong>')


@pytest.mark.parametrize("language", ["en", "ur", "zh-Hant"])
async def test_a_resident_answers_and_gets_a_reference(
    client: httpx.AsyncClient, language: str
) -> None:
    answers = SAMPLE_ANSWERS[language]
    await answer_every_question(client, language, answers)

    check = await client.get(demo_path(language, "check-answers"))
    assert check.status_code == 200
    assert answers["community-help"] in check.text

    sent = await send_response(client, language)
    assert sent.status_code == 303
    assert sent.headers["location"] == demo_path(language, "confirmation")

    confirmation = await client.get(sent.headers["location"])
    match = REFERENCE.search(confirmation.text)
    assert match, confirmation.text
    stored = await Response.get(reference=match.group(1)).prefetch_related(
        "answers__question", "answers__options"
    )
    assert stored.language == language
    assert stored.channel == "web"
    by_key = {answer.question.key: answer for answer in stored.answers}
    assert by_key["community-help"].text == answers["community-help"]
    assert [o.value for o in by_key["priority-objective"].options] == [
        answers["priority-objective"]
    ]
    assert set(by_key) == set(answers)


async def test_start_page_reads_in_the_chosen_language(client: httpx.AsyncClient) -> None:
    page = await client.get(demo_path("ur"))
    assert page.status_code == 200
    assert '<html lang="ur" dir="rtl">' in page.text
    assert "کریک" in page.text or "کوکین" in page.text
    assert "GLADA" in page.text


async def test_a_draft_translation_says_it_awaits_native_review(
    client: httpx.AsyncClient,
) -> None:
    urdu = await client.get(demo_path("ur"))
    english = await client.get(demo_path("en"))
    assert 'class="review-notice"' in urdu.text
    assert 'class="review-notice"' not in english.text


async def test_a_double_click_stores_one_response(client: httpx.AsyncClient) -> None:
    await answer_every_question(client, "en", SAMPLE_ANSWERS["en"])
    page = await client.get(demo_path("en", "check-answers"))
    token = csrf_token_in(page.text)
    cookie_before_sending = client.cookies["consult_session"]
    before = await Response.all().count()

    first = await client.post(demo_path("en", "check-answers"), data={"csrf_token": token})
    # The second click leaves before the first answer arrives: it carries the old cookie.
    client.cookies.set("consult_session", cookie_before_sending)
    second = await client.post(demo_path("en", "check-answers"), data={"csrf_token": token})

    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    assert second.headers["location"] == demo_path("en", "confirmation")
    assert await Response.all().count() == before + 1


async def test_sending_the_form_again_later_stores_nothing_new(
    client: httpx.AsyncClient,
) -> None:
    await answer_every_question(client, "en", SAMPLE_ANSWERS["en"])
    page = await client.get(demo_path("en", "check-answers"))
    token = csrf_token_in(page.text)
    first = await client.post(demo_path("en", "check-answers"), data={"csrf_token": token})
    receipt = await client.get(first.headers["location"])
    before = await Response.all().count()

    # Back button, then "Accept and send" again, with the cookie the first send left.
    again = await client.post(demo_path("en", "check-answers"), data={"csrf_token": token})

    assert again.headers["location"] == demo_path("en", "confirmation")
    repeat = await client.get(again.headers["location"])
    assert REFERENCE.search(repeat.text).group(1) == REFERENCE.search(receipt.text).group(1)  # type: ignore[union-attr]
    assert await Response.all().count() == before


async def test_required_questions_are_checked_before_sending(
    client: httpx.AsyncClient,
) -> None:
    # Jump straight to the last question, skipping the two required ones.
    from tests.journey import post_answer

    moved = await post_answer(client, "en", "connection", [("answer", "none")])
    assert moved.status_code == 303
    before = await Response.all().count()

    sent = await send_response(client, "en")

    assert sent.status_code == 400
    assert "There is a problem" in sent.text
    assert 'href="#answer-row-community-help"' in sent.text
    assert await Response.all().count() == before


async def test_answers_hold_no_ip_address_or_user_agent() -> None:
    columns = set(Response._meta.fields_map) | set(Answer._meta.fields_map)
    assert not {name for name in columns if "ip" in name.split("_") or "agent" in name}


async def test_landing_lists_the_open_demo(client: httpx.AsyncClient) -> None:
    page = await client.get("/gu/")
    assert page.status_code == 200
    assert f"/gu/consultations/{DEMO_SLUG}/" in page.text
