"""Every validation error: shown in the person's language, linked, and their input kept."""

from __future__ import annotations

import html

import httpx
import pytest

from surveys.models import ResponseDraft
from tests.journey import post_answer, question_path


def assert_error_page(page: httpx.Response, field_id: str) -> None:
    assert page.status_code == 400
    assert "<title>Error: " in page.text
    assert 'class="error-summary"' in page.text
    assert f'href="#{field_id}"' in page.text
    assert 'id="answer-error"' in page.text
    assert 'aria-describedby="answer-hint answer-error"' in page.text


async def test_an_empty_required_text_answer_is_refused(client: httpx.AsyncClient) -> None:
    page = await post_answer(client, "en", "community-help", [("answer", "   ")])
    assert_error_page(page, "answer")
    assert "Enter an answer to this question" in page.text


async def test_a_required_choice_left_empty_is_refused(client: httpx.AsyncClient) -> None:
    page = await post_answer(client, "en", "priority-objective", [])
    assert_error_page(page, "answer-awareness")
    assert "Select one option" in page.text


async def test_an_option_that_was_never_offered_is_refused(client: httpx.AsyncClient) -> None:
    page = await post_answer(client, "en", "involvement", [("answer", "meeting"), ("answer", "x")])
    assert_error_page(page, "answer-meeting")
    assert "Select one of the options shown" in page.text
    # The offered option the person ticked is still ticked.
    assert 'value="meeting" checked' in page.text


async def test_a_too_long_answer_keeps_the_text_and_says_how_long(
    client: httpx.AsyncClient,
) -> None:
    text = "ہ" * 2001
    page = await post_answer(client, "ur", "community-help", [("answer", text)])
    assert page.status_code == 400
    assert text in page.text
    assert "2000" in page.text and "2001" in page.text
    assert '<html lang="ur" dir="rtl">' in page.text
    # The message is in Urdu, not English.
    assert "characters or fewer" not in page.text


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x7f"])
async def test_control_characters_are_refused_and_the_text_kept(
    client: httpx.AsyncClient, control: str
) -> None:
    text = f"Close the crack houses{control} on our road"
    page = await post_answer(client, "en", "community-help", [("answer", text)])
    assert_error_page(page, "answer")
    assert "hidden control characters" in page.text
    visible = text.replace("\x00", "\ufffd") if control == "\x00" else text
    assert html.escape(visible, quote=False) in page.text or "Close the crack houses" in page.text


async def test_scripts_line_breaks_and_mixed_languages_are_accepted(
    client: httpx.AsyncClient,
) -> None:
    text = "Εδώ στο Haringey\r\nहमें local लोगों की ज़रूरत है\t— 社區 ਪੰਜਾਬ ગુજરાત বাংলা"
    page = await post_answer(client, "en", "community-help", [("answer", text)])
    assert page.status_code == 303
    drafts = await ResponseDraft.all()
    assert any(d.answers.get("community-help", {}).get("text") == text for d in drafts)


async def test_an_answer_is_kept_when_you_come_back_to_it(client: httpx.AsyncClient) -> None:
    text = "A drop-in centre that opens at weekends"
    await post_answer(client, "en", "community-help", [("answer", text)])
    again = await client.get(question_path("en", "community-help"))
    assert text in again.text
