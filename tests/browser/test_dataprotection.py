"""A respondent withdraws their response in Urdu with the keyboard alone; the page passes axe."""

from __future__ import annotations

import pytest
from playwright.async_api import Page

from surveys.models import Answer, Response, ResponseDraft
from surveys.services import load_questionnaire, submit_draft
from surveys.wording import load_wording
from tests.browser.axe import AxeAudit
from tests.browser.keyboard import tab_to
from tests.builders import build_demo_copy
from tests.journey import SAMPLE_ANSWERS

pytestmark = pytest.mark.browser


async def urdu_response() -> Response:
    consultation = await build_demo_copy(("ur",))
    questionnaire = await load_questionnaire(consultation)
    answers = SAMPLE_ANSWERS["ur"]
    draft = await ResponseDraft.create(
        token=f"withdraw-{consultation.slug}",
        consultation=consultation,
        answers={
            "community-help": {"text": answers["community-help"]},
            "priority-objective": {"options": [answers["priority-objective"]]},
        },
    )
    return await submit_draft(questionnaire, draft, await load_wording(consultation, "ur"))


async def test_a_respondent_withdraws_in_urdu_with_the_keyboard_alone(page: Page) -> None:
    response = await urdu_response()
    assert await Answer.filter(response=response).count() == 2
    audit = AxeAudit(page)

    await page.goto("/ur/")
    await tab_to(page, "footer a[href='/ur/withdraw']")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/ur/withdraw")
    await audit.check("withdraw, ur")
    assert await page.get_attribute("html", "dir") == "rtl"

    await tab_to(page, "#reference")
    await page.keyboard.type(response.reference.lower().replace("-", " "))
    await page.keyboard.press("Enter")
    await page.wait_for_selector(".error-summary")
    await audit.check("withdraw with an error, ur")
    # The reference typed is kept; only the confirmation is missing.
    assert await page.input_value("#reference") == response.reference.lower().replace("-", " ")
    assert await Response.exists(id=response.id, withdrawn_at__isnull=True)

    await tab_to(page, "#confirmed")
    await page.keyboard.press("Space")
    await tab_to(page, "main button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_selector(".panel__title")
    await audit.check("withdrawal received, ur")
    assert await Response.exists(id=response.id, withdrawn_at__isnull=False)
    assert await Answer.filter(response=response).count() == 0
    assert audit.failures == {}


async def test_the_withdraw_page_passes_axe_in_english(page: Page) -> None:
    audit = AxeAudit(page)
    await page.goto("/en/withdraw")
    await audit.check("withdraw, en")
    await page.click("main button[type=submit]")
    await page.wait_for_selector(".error-summary")
    await audit.check("withdraw with errors, en")
    assert audit.failures == {}
