"""Moving through a page with the keyboard alone, as a person without a mouse would."""

from __future__ import annotations

from playwright.async_api import Page

from tests.staff import PASSWORD

MAX_TABS = 80


async def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(MAX_TABS):
        await page.keyboard.press("Tab")
        if await page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"{selector} was not reachable with Tab in {MAX_TABS} presses")


async def sign_in_with_keyboard(
    page: Page, email: str, language: str = "en", lands_on: str = "staff/"
) -> None:
    await page.goto(f"/{language}/staff/sign-in")
    await page.focus("#email")
    await page.keyboard.type(email)
    await page.keyboard.press("Tab")
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press("Enter")
    await page.wait_for_url(f"**/{language}/{lands_on}")
