"""A group's representative registers and responds in a real browser; the pages pass axe."""

from __future__ import annotations

import secrets

import pytest
from playwright.async_api import FilePayload, Page

from consult.accounts.models import Role
from surveys.groups.models import GroupStatement
from surveys.models import Response
from surveys.services import load_questionnaire
from surveys.uploads.template import SpreadsheetFormat, template_file
from surveys.wording import load_wording
from tests.browser.axe import AxeAudit
from tests.browser.keyboard import sign_in_with_keyboard
from tests.builders import build_demo_copy
from tests.spreadsheets import TURKISH_CHOICE, filled_xlsx, turkish_rows
from tests.staff import PASSWORD, build_user

XLSX = SpreadsheetFormat.XLSX.media_type

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
    await page.goto(f"/{language}/staff/group/representatives")
    await page.click("main button[type=submit]")
    await audit.check("add a representative, with errors")

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


@pytest.mark.parametrize("language", ["en", "ur"])
async def test_a_representative_uploads_a_turkish_workbook_after_fixing_it(
    page: Page, language: str
) -> None:
    consultation = await build_demo_copy(("tr",))
    representative = await build_user(Role.GROUP_REPRESENTATIVE)
    await sign_in_with_keyboard(page, representative.email, language, lands_on="staff/group/")
    audit = AxeAudit(page)
    await page.click(f"a[href$='/consultations/{consultation.slug}/upload']")
    await audit.check("upload page")
    template = template_file(
        await load_questionnaire(consultation),
        await load_wording(consultation, "tr"),
        SpreadsheetFormat.XLSX,
    )
    rows = turkish_rows(500)
    rows[41][1] = "Belki"  # not one of the choices: row 45, column B
    await page.set_input_files(
        "#file",
        files=FilePayload(name="anket.xlsx", mimeType=XLSX, buffer=filled_xlsx(template, rows)),
    )
    await page.click("main button[type=submit]")
    await page.wait_for_selector("#problems")
    await audit.check("upload with problems")
    assert "Belki" in await page.inner_text("main table:last-of-type")
    assert await Response.filter(consultation=consultation).count() == 0

    rows[41][1] = TURKISH_CHOICE
    await page.set_input_files(
        "#file",
        files=FilePayload(name="anket.xlsx", mimeType=XLSX, buffer=filled_xlsx(template, rows)),
    )
    await page.click("main button[type=submit]")
    await page.wait_for_url("**/upload?stored=*")
    await audit.check("upload stored")
    assert audit.failures == {}
    assert await Response.filter(consultation=consultation).count() == 500
