"""Builders that walk the respondent's journey through real HTTP, as a browser would."""

from __future__ import annotations

import html
import re
from typing import Any

import httpx

from surveys.demo import DEMO_SLUG

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')

# Answers a resident might give, in the language of the form they use.
SAMPLE_ANSWERS: dict[str, dict[str, Any]] = {
    "en": {
        "community-help": "A youth worker on our estate who stays for years, not months.",
        "priority-objective": "communities",
        "treatment-services": "Staff who speak our languages and open in the evening.",
        "involvement": ["meeting", "volunteer"],
    },
    "ur": {
        "community-help": "ہمارے محلے میں نوجوانوں کے لیے مستقل کارکن ہونا چاہیے۔",
        "priority-objective": "treatment",
        "community-projects": "مسجد، پولیس اور کونسل کو ایک ساتھ بیٹھنا چاہیے۔",
        "connection": "resident",
    },
    "zh-Hant": {
        "community-help": "社區中心需要長期的資金，而不是只有六個月。",
        "priority-objective": "awareness",
        "involvement": ["updates"],
    },
}


def demo_path(language: str, suffix: str = "") -> str:
    return f"/{language}/consultations/{DEMO_SLUG}/{suffix}"


def question_path(language: str, key: str) -> str:
    return demo_path(language, f"questions/{key}")


def csrf_token_in(page: str) -> str:
    match = CSRF_INPUT.search(page)
    assert match, "page has no CSRF field"
    return html.unescape(match.group(1))


def form_fields(key: str, answers: dict[str, Any]) -> list[tuple[str, str]]:
    value = answers.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return [("answer", item) for item in value]
    return [("answer", str(value))]


async def post_answer(
    client: httpx.AsyncClient,
    language: str,
    key: str,
    fields: list[tuple[str, str]],
    query: str = "",
) -> httpx.Response:
    """Open a question page, then send its form with `fields` as a browser would."""
    url = question_path(language, key) + query
    page = await client.get(url)
    assert page.status_code == 200, page.text
    body: dict[str, list[str]] = {"csrf_token": [csrf_token_in(page.text)]}
    for name, value in fields:
        body.setdefault(name, []).append(value)
    return await client.post(url, data=body)


async def answer_every_question(
    client: httpx.AsyncClient, language: str, answers: dict[str, Any]
) -> httpx.Response:
    """Walk from the first question to check-your-answers, following each redirect."""
    start = await client.get(demo_path(language))
    match = re.search(r'href="([^"]+/questions/([^"/]+))"', start.text)
    assert match, "start page has no start link"
    key: str | None = match.group(2)
    response = start
    while key is not None:
        response = await post_answer(client, language, key, form_fields(key, answers))
        assert response.status_code == 303, response.text
        location = response.headers["location"]
        found = re.search(r"/questions/([^/?]+)$", location)
        key = found.group(1) if found else None
    assert response.headers["location"].endswith("/check-answers")
    return response


async def send_response(client: httpx.AsyncClient, language: str) -> httpx.Response:
    """Accept and send from the check-your-answers page."""
    page = await client.get(demo_path(language, "check-answers"))
    assert page.status_code == 200, page.text
    return await client.post(
        demo_path(language, "check-answers"), data={"csrf_token": csrf_token_in(page.text)}
    )
