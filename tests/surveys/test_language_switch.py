"""The language switcher: on every page, to the same page, keeping what was typed."""

from __future__ import annotations

import re

import httpx
import pytest

from consult.i18n import LANGUAGES
from tests.journey import (
    SAMPLE_ANSWERS,
    answer_every_question,
    csrf_token_in,
    demo_path,
    question_path,
)

NAV = re.compile(r'<nav class="language-nav" aria-label="([^"]+)">(.*?)</nav>', re.S)


def switcher_links(page: str) -> tuple[str, str, list[str]]:
    match = NAV.search(page)
    assert match, "page has no language switcher"
    label, body = match.groups()
    current = re.findall(r'<span lang="([^"]+)" dir="[a-z]+" aria-current="true"', body)
    assert len(current) == 1
    links = re.findall(
        r'<a href="([^"]+)" lang="([^"]+)" dir="[a-z]+" hreflang="\2" rel="alternate"', body
    )
    return label, current[0], [href for href, _ in links]


async def every_respondent_page(client: httpx.AsyncClient, language: str) -> dict[str, str]:
    """Path -> HTML of each page a respondent sees, the confirmation included."""
    pages = {}
    for path in (f"/{language}/", demo_path(language), question_path(language, "involvement")):
        pages[path] = (await client.get(path)).text
    await answer_every_question(client, language, SAMPLE_ANSWERS["en"])
    check = await client.get(demo_path(language, "check-answers"))
    pages[demo_path(language, "check-answers")] = check.text
    await client.post(
        demo_path(language, "check-answers"), data={"csrf_token": csrf_token_in(check.text)}
    )
    confirmation = demo_path(language, "confirmation")
    pages[confirmation] = (await client.get(confirmation)).text
    pages["/nowhere"] = (await client.get(f"/{language}/nowhere")).text
    return pages


@pytest.mark.parametrize("language", ["en", "ar"])
async def test_every_page_links_to_itself_in_every_other_language(
    client: httpx.AsyncClient, language: str
) -> None:
    for path, page in (await every_respondent_page(client, language)).items():
        _label, current, links = switcher_links(page)
        assert current == language, path
        expected_paths = {
            path.replace(f"/{language}/", f"/{other.code}/", 1)
            for other in LANGUAGES
            if other.code != language
        }
        if path == "/nowhere":
            continue
        assert set(links) == expected_paths, path


async def test_the_switcher_names_each_language_in_itself(client: httpx.AsyncClient) -> None:
    page = (await client.get("/en/")).text
    for endonym in ("English", "中文 (繁體)", "اردو", "العربية", "ਪੰਜਾਬੀ", "ગુજરાતી", "Ελληνικά"):
        assert endonym in page
    arabic = (await client.get("/ar/")).text
    label, _, _ = switcher_links(arabic)
    assert label != "Choose a language"  # the nav is labelled in the page's language


async def test_switching_language_keeps_what_was_typed(client: httpx.AsyncClient) -> None:
    typed = "A youth club that stays open — not just for six months"
    page = await client.get(question_path("en", "community-help"))
    switched = await client.post(
        question_path("en", "community-help"),
        data={
            "csrf_token": csrf_token_in(page.text),
            "answer": typed,
            "switch_language": "ur",
        },
    )
    assert switched.status_code == 303
    assert switched.headers["location"] == question_path("ur", "community-help")
    in_urdu = await client.get(switched.headers["location"])
    assert '<html lang="ur" dir="rtl">' in in_urdu.text
    assert typed in in_urdu.text


async def test_switching_keeps_even_an_answer_not_yet_valid(client: httpx.AsyncClient) -> None:
    page = await client.get(question_path("en", "community-help"))
    typed = "x" * 2100
    await client.post(
        question_path("en", "community-help"),
        data={"csrf_token": csrf_token_in(page.text), "answer": typed, "switch_language": "gu"},
    )
    in_gujarati = await client.get(question_path("gu", "community-help"))
    assert typed in in_gujarati.text
