"""Large text: a switch on every page that keeps the whole journey working (issue #6)."""

from __future__ import annotations

import re

import httpx
import pytest

from surveys.models import Response
from tests.journey import (
    SAMPLE_ANSWERS,
    answer_every_question,
    csrf_token_in,
    demo_path,
    question_path,
    send_response,
)

LARGE = 'class="text-size-large"'
REFERENCE = re.compile(r'<strong class="reference" dir="ltr">([0-9A-Z]{4}-[0-9A-Z]{4})</strong>')


async def set_size(
    client: httpx.AsyncClient, size: str, next_path: str, language: str = "en"
) -> httpx.Response:
    page = await client.get(f"/{language}/")
    return await client.post(
        f"/{language}/text-size",
        data={"csrf_token": csrf_token_in(page.text), "size": size, "next": next_path},
    )


async def test_every_page_offers_large_text_and_comes_back_to_itself(
    client: httpx.AsyncClient,
) -> None:
    path = question_path("ur", "priority-objective")
    page = await client.get(path)
    assert LARGE not in page.text
    # The switch, in Urdu ("Use large text"), coming back to this page.
    assert 'value="بڑا متن استعمال کریں"' in page.text
    assert '<input type="hidden" name="size" value="large">' in page.text
    assert f'<input type="hidden" name="next" value="{path}">' in page.text

    switched = await set_size(client, "large", path, "ur")

    assert switched.status_code == 303
    assert switched.headers["location"] == path
    again = await client.get(path)
    assert f'<html lang="ur" dir="rtl" {LARGE}>' in again.text
    assert 'value="متن کا عام سائز استعمال کریں"' in again.text  # "Use standard text size"


async def test_standard_size_turns_large_text_off(client: httpx.AsyncClient) -> None:
    await set_size(client, "large", "/en/")
    assert LARGE in (await client.get("/en/")).text

    await set_size(client, "standard", "/en/")

    page = await client.get("/en/")
    assert LARGE not in page.text
    assert 'value="Use large text"' in page.text


async def test_the_switch_keeps_the_query_of_the_page_it_was_on(
    client: httpx.AsyncClient,
) -> None:
    path = demo_path("en", "printable") + "?size=large"
    page = await client.get(path)
    assert (
        '<input type="hidden" name="next" value="{}">'.format(path.replace("&", "&amp;"))
        in page.text
    )

    switched = await set_size(client, "large", path)

    assert switched.headers["location"] == path


@pytest.mark.parametrize(
    "next_path",
    [
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "https://evil.example/",
        "http:/evil.example",
        "evil.example",
        "/%0d%0aLocation:evil",
        "/ok\r\nSet-Cookie: x=1",
        "",
    ],
)
async def test_the_switch_never_sends_anyone_to_another_site(
    client: httpx.AsyncClient, next_path: str
) -> None:
    switched = await set_size(client, "large", next_path, "ar")

    assert switched.status_code == 303
    assert switched.headers["location"] == "/ar/"


async def test_the_switch_needs_the_session_token(client: httpx.AsyncClient) -> None:
    await client.get("/en/")
    refused = await client.post("/en/text-size", data={"size": "large", "next": "/en/"})
    assert refused.status_code == 403
    assert LARGE not in (await client.get("/en/")).text


async def test_a_language_outside_the_list_is_not_found(client: httpx.AsyncClient) -> None:
    page = await client.get("/en/")
    response = await client.post(
        "/xx/text-size", data={"csrf_token": csrf_token_in(page.text), "size": "large"}
    )
    assert response.status_code == 404


async def test_a_resident_answers_and_sends_with_large_text_on(
    client: httpx.AsyncClient,
) -> None:
    pages: list[httpx.Response] = []

    async def keep_page(response: httpx.Response) -> None:
        if response.headers.get("content-type", "").startswith("text/html"):
            await response.aread()
            pages.append(response)

    await set_size(client, "large", demo_path("en"))
    client.event_hooks["response"].append(keep_page)

    answers = SAMPLE_ANSWERS["en"]
    await answer_every_question(client, "en", answers)
    sent = await send_response(client, "en")
    assert sent.status_code == 303
    confirmation = await client.get(sent.headers["location"])

    visited = {str(page.url.path) for page in pages}
    assert {
        demo_path("en"),
        demo_path("en", "check-answers"),
        demo_path("en", "confirmation"),
    } <= visited
    assert sum("/questions/" in path for path in visited) >= 5
    assert [str(page.url) for page in pages if LARGE not in page.text] == []
    match = REFERENCE.search(confirmation.text)
    assert match, confirmation.text
    stored = await Response.get(reference=match.group(1)).prefetch_related("answers__question")
    by_key = {answer.question.key: answer for answer in stored.answers}
    assert by_key["community-help"].text == answers["community-help"]
