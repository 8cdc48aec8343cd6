"""Printable forms and large text in a real browser: accessible, printable, no sideways scroll."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, Page

from tests.browser.axe import axe_violations
from tests.browser.keyboard import tab_to
from tests.journey import demo_path, question_path

pytestmark = pytest.mark.browser

ANSWER = "A youth worker who stays for years, not months."
SIDEWAYS_SCROLL = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def font_size(selector: str) -> str:
    return f"parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)"


@pytest.mark.parametrize("language", ["en", "ur"])
@pytest.mark.parametrize("query", ["", "?size=large"])
async def test_the_printable_form_passes_axe(page: Page, language: str, query: str) -> None:
    await page.goto(demo_path(language, "printable") + query)

    assert await page.get_attribute("html", "lang") == language
    assert await axe_violations(page) == []
    if query:
        # 24 CSS pixels are 18pt: the least that large print may be.
        assert await page.evaluate(font_size(".printable__question .hint")) >= 24


async def test_the_form_prints_without_the_site_around_it(page: Page) -> None:
    await page.goto(demo_path("en", "printable") + "?size=large")
    # consult.js shows the print button and gives it the browser's print dialog.
    await page.evaluate("window.print = () => { window.printed = true; }")
    await page.click("button[data-print]")
    assert await page.evaluate("window.printed === true")

    await page.emulate_media(media="print")
    for hidden in (".site-header", ".language-nav", ".text-size-form", ".site-footer"):
        assert not await page.is_visible(hidden), hidden
    assert not await page.is_visible("button[data-print]")
    assert await page.is_visible(".printable__question")
    assert (
        await page.evaluate(
            "getComputedStyle(document.querySelector('.printable__question')).breakInside"
        )
        == "avoid"
    )
    # 18pt is 24 CSS pixels.
    assert await page.evaluate(font_size(".printable__question .hint")) >= 24


async def test_without_script_the_page_says_how_to_print(
    browser: Browser, live_server: str
) -> None:
    context = await browser.new_context(base_url=live_server, java_script_enabled=False)
    try:
        page = await context.new_page()
        await page.goto(demo_path("en", "printable"))
        assert not await page.is_visible("button[data-print]")
        assert "Use your browser’s print command" in await page.inner_text("main")
    finally:
        await context.close()


async def test_large_text_by_keyboard_on_a_phone_then_an_answer_is_sent(page: Page) -> None:
    await page.set_viewport_size({"width": 320, "height": 640})
    await page.goto(question_path("en", "community-help"))
    standard = await page.evaluate(font_size("body"))

    await tab_to(page, ".text-size-form__button")
    await page.keyboard.press("Enter")
    await page.wait_for_selector("html.text-size-large")

    assert page.url.endswith(question_path("en", "community-help"))
    assert await page.evaluate(font_size("body")) >= standard * 1.5
    assert await page.evaluate(SIDEWAYS_SCROLL) <= 0
    await tab_to(page, "textarea#answer")
    await page.keyboard.type(ANSWER)
    await tab_to(page, "main button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/questions/priority-objective")

    assert await page.get_attribute("html", "class") == "text-size-large"
    for path in (
        question_path("en", "priority-objective"),
        demo_path("en", "check-answers"),
        demo_path("en"),
        demo_path("en", "printable") + "?size=large",
        "/ur/",
        question_path("ur", "involvement"),
    ):
        await page.goto(path)
        assert await page.get_attribute("html", "class") == "text-size-large", path
        overflow = await page.evaluate(SIDEWAYS_SCROLL)
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px with large text"
    await page.goto(demo_path("en", "check-answers"))
    assert ANSWER in await page.inner_text("main")
