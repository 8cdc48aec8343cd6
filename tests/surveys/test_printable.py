"""Printable paper forms: every question and option, in the reader's language, any size."""

from __future__ import annotations

import httpx
import pytest
from markupsafe import escape

from consult.accounts.models import Role
from surveys.demo import DEMO_SLUG
from surveys.models import Consultation, QuestionType
from surveys.services import load_questionnaire
from surveys.wording import load_wording
from tests.builders import build_demo_copy
from tests.journey import demo_path
from tests.staff import build_user, sign_in


def printable_path(language: str, query: str = "") -> str:
    return demo_path(language, "printable") + query


async def test_the_urdu_form_lists_every_question_and_option_right_to_left(
    client: httpx.AsyncClient,
) -> None:
    consultation = await Consultation.get(slug=DEMO_SLUG)
    questionnaire = await load_questionnaire(consultation)
    wording = await load_wording(consultation, "ur")

    page = await client.get(printable_path("ur"))

    assert page.status_code == 200
    assert '<html lang="ur" dir="rtl">' in page.text
    assert escape(wording.consultation("title")) in page.text
    assert len(questionnaire.questions) >= 5
    position = 0
    for spec in questionnaire.questions:
        text = wording.question(spec.key, "text")
        assert text and escape(text) in page.text[position:], f"{spec.key} missing or out of order"
        position = page.text.index(escape(text), position)
        for option in spec.options:
            label = wording.option(spec.key, option.value)
            assert label and escape(label) in page.text, (spec.key, option.value)
    choices = [spec for spec in questionnaire.questions if spec.options]
    written = [s for s in questionnaire.questions if s.question.type == QuestionType.FREE_TEXT]
    assert page.text.count('class="printable__tickbox"') == sum(len(s.options) for s in choices)
    assert page.text.count('class="printable__writing"') == len(written)
    assert page.text.count('<section class="printable__question">') == len(questionnaire.questions)


async def test_the_english_form_tells_people_how_to_fill_it_in(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get(printable_path("en"))

    assert page.status_code == 200
    for sentence in (
        "Write your answers in the boxes with a pen. Tick the boxes that apply.",
        "give this form back to the community group or organisation that gave it to you.",
        "Today’s date",
        "Name of the community group or organisation that gave you this form",
        "Tick one box",
        "Tick all that apply",
        "(optional)",
        "Use your browser’s print command to print this form.",
    ):
        assert sentence in page.text, sentence
    # The print button needs script: it is hidden until consult.js shows it.
    assert "data-print hidden>Print this form</button>" in page.text
    assert "<script>" not in page.text and "onclick" not in page.text


async def test_large_print_is_chosen_with_size_large_and_links_back(
    client: httpx.AsyncClient,
) -> None:
    standard = await client.get(printable_path("en"))
    large = await client.get(printable_path("en", "?size=large"))

    assert 'class="printable printable--large"' in large.text
    assert "printable--large" not in standard.text
    assert f'href="{printable_path("en", "?size=large")}">Large-print form</a>' in standard.text
    assert f'href="{printable_path("en")}">Standard-size form</a>' in large.text


@pytest.mark.parametrize("query", ["?size=LARGE", "?size=huge", "?size=", "?large=1"])
async def test_any_other_size_is_the_standard_form(client: httpx.AsyncClient, query: str) -> None:
    page = await client.get(printable_path("en", query))
    assert page.status_code == 200
    assert "printable--large" not in page.text


async def test_a_language_the_consultation_is_not_published_in_is_not_offered(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("gu",))
    published = await client.get(f"/gu/consultations/{consultation.slug}/printable")
    unpublished = await client.get(f"/vi/consultations/{consultation.slug}/printable")
    unknown = await client.get(f"/xx/consultations/{consultation.slug}/printable")
    missing = await client.get("/en/consultations/no-such-consultation/printable")

    assert published.status_code == 200
    assert unpublished.status_code == 404
    assert f'href="/gu/consultations/{consultation.slug}/printable"' in unpublished.text
    assert "printable__question" not in unpublished.text
    assert unknown.status_code == missing.status_code == 404


async def test_the_start_page_links_to_both_printable_forms(client: httpx.AsyncClient) -> None:
    page = await client.get(demo_path("ur"))
    assert f'href="{printable_path("ur")}"' in page.text
    assert f'href="{printable_path("ur", "?size=large")}"' in page.text


async def test_a_representative_finds_both_forms_in_their_own_language(
    client: httpx.AsyncClient,
) -> None:
    await sign_in(client, await build_user(Role.GROUP_REPRESENTATIVE))
    home = await client.get("/bn/staff/group/")

    assert home.status_code == 200
    assert f'href="{printable_path("bn")}"' in home.text
    assert f'href="{printable_path("bn", "?size=large")}"' in home.text
    assert f'href="{printable_path("en")}"' not in home.text
