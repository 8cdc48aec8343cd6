"""A translator works in a real browser: side-by-side Gujarati, accessible in en and ar."""

from __future__ import annotations

import pytest
from playwright.async_api import Page

from surveys.models import TextStatus, TextUnit
from tests.browser.axe import AxeAudit
from tests.browser.keyboard import sign_in_with_keyboard
from tests.builders import build_demo_copy
from tests.staff import build_user

pytestmark = pytest.mark.browser

GUJARATI_HINT = "ઉદાહરણ તરીકે સ્થાનિક પ્રોજેક્ટ, જૂથો અથવા લોકો જેમના પર તમે વિશ્વાસ કરો છો."


async def test_a_translator_edits_gujarati_beside_the_english(page: Page) -> None:
    consultation = await build_demo_copy(("gu",))
    translator = await build_user(translates=("gu",))
    await sign_in_with_keyboard(page, translator.email)

    await page.goto(f"/en/staff/translations/{consultation.slug}/gu/")
    field = page.locator('textarea[name="text:question.community-help.hint"]')
    assert await field.get_attribute("lang") == "gu"
    await field.fill(GUJARATI_HINT)
    await page.click('button[value="send"]')
    await page.wait_for_url("**/gu/?saved=1")

    unit = await TextUnit.get(
        consultation=consultation, language="gu", key="question.community-help.hint"
    )
    assert unit.text == GUJARATI_HINT
    assert unit.status == TextStatus.IN_REVIEW
    assert await page.locator(".tag--in_review").count() >= 1


@pytest.mark.parametrize("language", ["en", "ar"])
async def test_translation_pages_pass_axe(page: Page, language: str) -> None:
    consultation = await build_demo_copy(("ar", "gu"))
    officer_reviewer = await build_user(reviews=("ar", "gu"))
    audit = AxeAudit(page)

    await page.goto(f"/{language}/staff/sign-in")
    await audit.check("sign in")
    await page.click("button[type=submit]")
    await audit.check("sign in error")
    await sign_in_with_keyboard(page, officer_reviewer.email, language)
    await audit.check("staff home")
    base = f"/{language}/staff/translations"
    await page.goto(f"{base}/")
    await audit.check("overview")
    await page.goto(f"{base}/{consultation.slug}/ar/")
    await audit.check("editor")
    await page.fill('textarea[name="text:consultation.title"]', "")
    await page.click('button[value="save"]')
    await audit.check("editor with an error")
    await page.goto(f"{base}/{consultation.slug}/ar/import")
    await audit.check("import")
    await page.goto(f"{base}/{consultation.slug}/ar/history")
    await audit.check("history")
    assert audit.failures == {}
