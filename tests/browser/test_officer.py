"""An officer reviews tags by keyboard alone and publishes a summary; the pages pass axe."""

from __future__ import annotations

import pytest
from playwright.async_api import Page

from analysis.models import AnswerReview, AnswerTheme, SummaryQuote
from consult.accounts.models import Role
from surveys.models import Answer, Consultation
from tests.browser.axe import AxeAudit
from tests.browser.keyboard import sign_in_with_keyboard, tab_to
from tests.builders import build_answer, build_demo_copy
from tests.staff import build_user

pytestmark = pytest.mark.browser

URDU_ANSWER = "پیسہ چھ مہینے بعد ختم ہو گیا، پولیس اور کونسل بات نہیں کرتے"


async def consultation_with_tagged_answers() -> tuple[Consultation, list[Answer]]:
    consultation = await build_demo_copy(("ur", "ar"))
    answers = [
        await build_answer(
            consultation,
            URDU_ANSWER,
            language="ur",
            machine_themes={"secure-funding": [[0, 4]], "partnership-working": [[24, 29]]},
        ),
        await build_answer(
            consultation,
            "Fund the youth club for years, not months.",
            machine_themes={"secure-funding": [[0, 4]]},
        ),
    ]
    return consultation, answers


@pytest.mark.parametrize("language", ["en", "ar"])
async def test_an_officer_reviews_tags_with_the_keyboard_alone(page: Page, language: str) -> None:
    consultation, answers = await consultation_with_tagged_answers()
    officer = await build_user(Role.OFFICER)
    await sign_in_with_keyboard(page, officer.email, language)
    await page.goto(f"/{language}/staff/consultations/{consultation.slug}/review/community-help")
    assert await page.get_attribute("blockquote.answer-text", "dir") == "rtl"
    assert await page.locator("blockquote mark.evidence").count() == 2

    # Reject the partnership tag: its radio group, then the arrow key to "not present".
    await tab_to(page, "#theme-partnership-working-present")
    await page.keyboard.press("ArrowDown")
    assert await page.is_checked("#theme-partnership-working-absent")
    # Add a theme the machine missed, and choose the answer as a quote.
    await tab_to(page, "#theme-neighbourhood-focus-absent")
    await page.keyboard.press("ArrowUp")
    await tab_to(page, "#quote-secure-funding")
    await page.keyboard.press("Space")
    await tab_to(page, "button[type=submit]:not([name])")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/review/community-help?after=*")
    assert "the youth club for years" in await page.inner_text("main")

    current = {
        row.theme: row.present
        for row in await AnswerTheme.filter(answer=answers[0], is_current=True)
    }
    assert current["partnership-working"] is False
    assert current["secure-funding"] is True
    assert current["neighbourhood-focus"] is True
    assert await AnswerReview.exists(answer=answers[0])
    assert await SummaryQuote.exists(answer=answers[0], theme="secure-funding")


CAMPAIGN_TEXT = (
    "ہم مطالبہ کرتے ہیں کہ ہر محلے میں نوجوانوں کے مراکز شام تک کھلے رہیں"
    " اور ان کی فنڈنگ برسوں تک جاری رہے۔"
)


@pytest.mark.parametrize("language", ["en", "ur"])
async def test_dashboard_review_and_summary_pass_axe(page: Page, language: str) -> None:
    consultation, answers = await consultation_with_tagged_answers()
    officer = await build_user(Role.OFFICER)
    await SummaryQuote.create(
        consultation=consultation, answer=answers[0], theme="secure-funding", chosen_by=officer
    )
    audit = AxeAudit(page)
    await sign_in_with_keyboard(page, officer.email, language)
    base = f"/{language}/staff/consultations/{consultation.slug}"
    await page.goto(f"{base}/dashboard")
    await audit.check("dashboard")
    await page.goto(f"{base}/dashboard?language=ur&search=%D9%BE%DB%8C%D8%B3%DB%81")
    await audit.check("filtered dashboard")
    await page.goto(f"{base}/review/community-help")
    await audit.check("review")
    for _ in range(5):
        await build_answer(consultation, CAMPAIGN_TEXT, language="ur")
    await page.goto(f"{base}/campaigns")
    assert await page.locator("blockquote[lang=ur]").count() == 1
    await audit.check("campaigns")
    await page.goto(f"{base}/summary")
    await audit.check("summary preview")
    await page.click("form[method=post] button[type=submit] >> nth=-1")
    await page.wait_for_url("**/summary?published=1")
    await page.goto(f"/{language}/consultations/{consultation.slug}/summary")
    await audit.check("published summary")
    assert audit.failures == {}

    await page.set_viewport_size({"width": 320, "height": 640})
    for path in (f"{base}/dashboard", f"{base}/review/community-help"):
        await page.goto(path)
        overflow = await page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
