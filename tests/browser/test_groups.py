"""A group's representative registers and responds in a real browser; the pages pass axe."""

from __future__ import annotations

import secrets

import pytest
from playwright.async_api import Page

from surveys.groups.models import GroupStatement
from tests.browser.axe import AxeAudit
from tests.builders import build_demo_copy
from tests.staff import PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ur"])
async def test_a_representative_registers_and_sends_a_group_response(
    page: Page, language: str
) -> None:
    consultation = await build_demo_copy(("ur", "bn"))
    audit = AxeAudit(page)
    await page.goto(f"/{language}/groups/register")
    await audit.check("register")
    await page.click("button[type=submit]")
    await audit.check("register with errors")
    assert await page.evaluate("document.activeElement.classList.contains('error-summary')")
    await page.fill("#name", "Shapla Women’s Group")
    await page.check("#kind")
    await page.select_option("#borough", "Tower Hamlets")
    await page.fill("#contact_name", "Rokeya Begum")
    await page.fill("#email", f"rep-{secrets.token_hex(4)}@example.org")
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit]")
    await page.wait_for_url(f"**/{language}/staff/group/")
    await audit.check("group home")

    await page.goto(f"/{language}/staff/consultations/{consultation.slug}/collected/group")
    await audit.check("group response")
    await page.select_option("#language", "bn")
    await page.fill("#members", "40")
    await page.click("main button[type=submit]")
    await audit.check("group response with errors")
    # What was typed is still there after the error.
    assert await page.input_value("#members") == "40"
    await page.check("#method")
    await page.fill("#gathered_on", "2026-11-01")
    await page.fill("#community-help-answer", "আরও যুব কর্মী দরকার")
    await page.check("#priority-objective-answer-communities")
    await page.check("#confirmed")
    await page.click("main button[type=submit]")
    await page.wait_for_url("**/collected/group?stored=*")
    await audit.check("group response stored")
    assert audit.failures == {}
    assert await GroupStatement.filter(response__consultation=consultation, members=40).exists()
