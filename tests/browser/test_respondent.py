"""A resident answers in a real browser: keyboard only, accessible, on a phone screen."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page

from surveys.models import Response
from tests.browser.axe import AxeAudit, axe_violations
from tests.browser.keyboard import tab_to
from tests.journey import demo_path, question_path

pytestmark = pytest.mark.browser

URDU_ANSWER = "ہمارے محلے میں نوجوانوں کے لیے ایک مستقل مرکز ہونا چاہیے، صرف چھ مہینے کے لیے نہیں۔"


async def test_a_resident_answers_in_urdu_with_the_keyboard_only(page: Page) -> None:
    await page.goto("/ur/")
    await tab_to(page, f'a[href="{demo_path("ur")}"]')
    await page.keyboard.press("Enter")
    await page.wait_for_url(f"**{demo_path('ur')}")

    await tab_to(page, "a.button--start")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/questions/community-help")
    assert await page.get_attribute("html", "dir") == "rtl"

    await tab_to(page, "textarea#answer")
    await page.keyboard.type(URDU_ANSWER)
    await tab_to(page, "button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/questions/priority-objective")

    # Tab reaches the radio group; the arrow keys choose within it.
    await tab_to(page, "input[type=radio]")
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("ArrowDown")
    chosen = await page.evaluate("document.querySelector('input[type=radio]:checked').value")
    await tab_to(page, "button[type=submit]")
    await page.keyboard.press("Enter")

    for optional in ("treatment-services", "community-projects", "involvement", "connection"):
        await page.wait_for_url(f"**/questions/{optional}")
        if optional == "involvement":
            await tab_to(page, "input#answer-volunteer")
            await page.keyboard.press("Space")
        await tab_to(page, "button[type=submit]")
        await page.keyboard.press("Enter")

    await page.wait_for_url("**/check-answers")
    assert URDU_ANSWER in await page.inner_text("main")
    await tab_to(page, "button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/confirmation")

    reference = (await page.inner_text(".reference")).strip()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", reference)
    stored = await Response.get(reference=reference).prefetch_related(
        "answers__question", "answers__options"
    )
    assert stored.language == "ur"
    answers = {answer.question.key: answer for answer in stored.answers}
    assert answers["community-help"].text == URDU_ANSWER
    assert [o.value for o in answers["priority-objective"].options] == [chosen]
    assert [o.value for o in answers["involvement"].options] == ["volunteer"]


async def test_the_error_summary_takes_focus_and_links_to_the_field(page: Page) -> None:
    await page.goto(question_path("ar", "community-help"))
    await page.click("button[type=submit]")
    await page.wait_for_selector(".error-summary")
    assert await page.evaluate("document.activeElement.classList.contains('error-summary')")
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    assert await page.evaluate("document.activeElement.id") == "answer"


async def test_switching_language_keeps_unsent_text(page: Page) -> None:
    typed = "A peer worker who used to use crack and speaks Bengali"
    await page.goto(question_path("en", "treatment-services"))
    await page.fill("textarea#answer", typed)
    await page.click('nav.language-nav a[hreflang="bn"]')
    await page.wait_for_url(f"**{question_path('bn', 'treatment-services')}")
    assert await page.input_value("textarea#answer") == typed
    assert await page.get_attribute("html", "lang") == "bn"


@pytest.mark.parametrize("language", ["en", "ur", "zh-Hant", "pa"])
async def test_every_respondent_page_passes_axe(page: Page, language: str) -> None:
    audit = AxeAudit(page)

    await page.goto(f"/{language}/")
    await audit.check("landing")
    await page.goto(demo_path(language))
    await audit.check("start")
    await page.goto(question_path(language, "community-help"))
    await audit.check("question")
    await page.click("button[type=submit]")
    await page.wait_for_selector(".error-summary")
    await audit.check("error")
    await page.fill("textarea#answer", "Youth workers who stay")
    await page.click("button[type=submit]")
    await page.wait_for_url("**/questions/priority-objective")
    await audit.check("choice question")
    await page.check("input#answer-communities")
    await page.click("button[type=submit]")
    await page.goto(demo_path(language, "check-answers"))
    await audit.check("check answers")
    await page.click("button[type=submit]")
    await page.wait_for_url("**/confirmation")
    await audit.check("confirmation")

    assert audit.failures == {}


@pytest.mark.parametrize("language", ["ur", "pa", "en"])
async def test_pages_fit_a_320_pixel_phone_screen(page: Page, language: str) -> None:
    await page.set_viewport_size({"width": 320, "height": 640})
    for path in (
        f"/{language}/",
        demo_path(language),
        question_path(language, "priority-objective"),
    ):
        await page.goto(path)
        overflow = await page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


async def test_axe_does_report_a_violation_when_there_is_one(page: Page) -> None:
    # Guards the check above against passing because axe never ran.
    await page.set_content('<html lang="en"><body><img src="x.png"><a href="#"></a></body></html>')
    ids = {violation["id"] for violation in await axe_violations(page)}
    assert {"image-alt", "link-name"} <= ids
