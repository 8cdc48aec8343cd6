"""Someone asks for another format with the keyboard alone; the pages pass axe."""

from __future__ import annotations

import pytest
from playwright.async_api import Page

from consult.accounts.models import Role
from surveys.formats.models import FormatKind, FormatRequest
from tests.browser.axe import AxeAudit
from tests.browser.keyboard import sign_in_with_keyboard, tab_to
from tests.builders import build_demo_copy
from tests.staff import build_user

pytestmark = pytest.mark.browser

ARABIC_NAME = "فاطمة الزهراء"
ARABIC_CONTACT = "07700 900456"


async def test_a_request_in_arabic_with_the_keyboard_alone(page: Page) -> None:
    consultation = await build_demo_copy(("ar",))
    audit = AxeAudit(page)
    await page.goto(f"/ar/consultations/{consultation.slug}/")
    await tab_to(page, 'a[href$="/other-formats"]')
    await page.keyboard.press("Enter")
    await page.wait_for_url(f"**/ar/consultations/{consultation.slug}/other-formats")
    assert await page.get_attribute("html", "dir") == "rtl"
    await audit.check("request in Arabic")

    # Audio: the first format, then the arrow key twice along the radio group.
    await tab_to(page, "input#kind")
    await page.keyboard.press("Space")
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("ArrowDown")
    assert await page.is_checked("#kind-audio")
    await tab_to(page, "input#name")
    await page.keyboard.type(ARABIC_NAME)
    await tab_to(page, "main button[type=submit]")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    # The error summary has focus, and its link takes the keyboard to the missing answer.
    assert await page.evaluate("document.activeElement.classList.contains('error-summary')")
    await audit.check("request in Arabic with errors")
    assert await page.input_value("#name") == ARABIC_NAME
    assert await page.is_checked("#kind-audio")
    await tab_to(page, '.error-summary a[href="#contact"]')
    await page.keyboard.press("Enter")
    assert await page.evaluate("document.activeElement.id") == "contact"
    await page.keyboard.type(ARABIC_CONTACT)
    await tab_to(page, "main button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/other-formats?sent=1")
    assert await page.locator(".panel__title").count() == 1
    await audit.check("request sent in Arabic")
    assert audit.failures == {}

    stored = await FormatRequest.get(consultation=consultation)
    assert (stored.kind, stored.language) == (FormatKind.AUDIO, "ar")
    assert (stored.name, stored.contact) == (ARABIC_NAME, ARABIC_CONTACT)


async def test_the_request_page_and_the_officers_queue_pass_axe(page: Page) -> None:
    consultation = await build_demo_copy(("ur",))
    await FormatRequest.create(
        consultation=consultation,
        kind=FormatKind.OTHER_LANGUAGE,
        language="ur",
        wanted_language="Pashto",
        name="ثمینہ اختر",
        contact="12 Mosque Road\nLondon E1",
    )
    audit = AxeAudit(page)
    for language in ("en", "ur"):
        await page.goto(f"/{language}/consultations/{consultation.slug}/other-formats")
        await audit.check(f"request in {language}")
        await page.click("main button[type=submit]")
        await audit.check(f"request in {language} with errors")

    await sign_in_with_keyboard(page, (await build_user(Role.OFFICER)).email)
    await page.goto("/en/staff/format-requests/")
    assert "Pashto" in await page.inner_text("main")
    await audit.check("queue")
    await page.click("main button[type=submit]")
    await page.wait_for_url("**/format-requests/?done=1")
    await audit.check("queue after marking done")
    assert audit.failures == {}
