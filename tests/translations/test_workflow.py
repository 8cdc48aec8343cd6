"""A translator brings the Gujarati form to publication; English changes withdraw it."""

from __future__ import annotations

import re

import httpx

from consult.accounts.models import Role
from surveys.models import Consultation, Response, TextStatus, TextUnit
from surveys.wording import load_wording, published_languages
from tests.builders import build_demo_copy
from tests.journey import csrf_token_in
from tests.staff import build_user, sign_in
from translations.models import TextAction, TextHistory

GUJARATI_TITLE = "ક્રેક કોકેન અને લંડનના સમુદાયો: તમારો અભિપ્રાય"


def editor(consultation: Consultation, language: str = "gu", ui: str = "en") -> str:
    return f"/{ui}/staff/translations/{consultation.slug}/{language}/"


async def post_editor(
    client: httpx.AsyncClient,
    consultation: Consultation,
    data: dict[str, str],
    language: str = "gu",
) -> httpx.Response:
    page = await client.get(editor(consultation, language))
    assert page.status_code == 200, page.text
    return await client.post(
        editor(consultation, language), data={"csrf_token": csrf_token_in(page.text), **data}
    )


async def gujarati_draft_everywhere(client: httpx.AsyncClient, consultation: Consultation) -> None:
    """The translator retypes every field (as a fresh translation would), saved as drafts."""
    units = await TextUnit.filter(consultation=consultation, language="gu")
    data = {f"text:{unit.key}": unit.text + " " for unit in units}
    data["text:consultation.title"] = GUJARATI_TITLE
    data["action"] = "send"
    response = await post_editor(client, consultation, data)
    assert response.status_code == 303, response.text


async def test_the_editor_shows_english_beside_a_gujarati_field_set_for_gujarati(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("gu", "ar"))
    await sign_in(client, await build_user(translates=("gu", "ar")))
    gujarati = (await client.get(editor(consultation))).text
    arabic = (await client.get(editor(consultation, "ar"))).text
    assert "Crack cocaine and London&#39;s communities" in gujarati
    assert re.search(
        r'<textarea[^>]+name="text:consultation.title"[^>]+lang="gu" dir="ltr"', gujarati
    )
    assert re.search(
        r'<textarea[^>]+name="text:consultation.title"[^>]+lang="ar" dir="rtl"', arabic
    )
    assert "29 of 29 fields approved" in gujarati


async def test_gujarati_reaches_respondents_only_once_a_second_person_approves(
    client: httpx.AsyncClient, app: object
) -> None:
    consultation = await build_demo_copy(("gu",))
    translator = await build_user(translates=("gu",), name="Gujarati translator")
    reviewer = await build_user(reviews=("gu",), name="Gujarati reviewer")

    await sign_in(client, translator)
    await gujarati_draft_everywhere(client, consultation)
    assert "gu" not in await published_languages(consultation)
    withdrawn = await client.get(f"/gu/consultations/{consultation.slug}/")
    assert withdrawn.status_code == 404
    assert f'href="/en/consultations/{consultation.slug}/"' in withdrawn.text
    english = await client.get(f"/en/consultations/{consultation.slug}/")
    assert 'hreflang="gu"' not in english.text  # the switcher offers published languages only

    # The translator cannot approve their own work, by button or by forged form.
    page = await client.get(editor(consultation))
    assert 'value="approve:consultation.title"' not in page.text
    forged = await post_editor(client, consultation, {"action": "approve:consultation.title"})
    assert forged.status_code == 400
    assert (
        await TextUnit.get(consultation=consultation, language="gu", key="consultation.title")
    ).status == TextStatus.IN_REVIEW

    client.cookies.clear()
    await sign_in(client, reviewer)
    keys = await TextUnit.filter(consultation=consultation, language="gu").values_list(
        "key", flat=True
    )
    for key in keys:
        approved = await post_editor(client, consultation, {"action": f"approve:{key}"})
        assert approved.status_code == 303, approved.text

    assert "gu" in await published_languages(consultation)
    start = await client.get(f"/gu/consultations/{consultation.slug}/")
    assert start.status_code == 200
    assert GUJARATI_TITLE in start.text
    # Every field now has a named reviewer: the wording no longer awaits native review.
    assert (await load_wording(consultation, "gu")).awaiting_native_review is False
    history = await TextHistory.filter(
        unit__consultation=consultation, unit__key="consultation.title"
    ).select_related("user")
    assert [(h.action, h.user.name if h.user else None) for h in reversed(history)] == [
        (TextAction.SUBMITTED, "Gujarati translator"),
        (TextAction.APPROVED, "Gujarati reviewer"),
    ]


async def test_an_english_change_withdraws_gujarati_until_the_translator_confirms(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("gu",))
    officer = await build_user(Role.OFFICER)
    translator = await build_user(translates=("gu",))
    assert "gu" in await published_languages(consultation)

    await sign_in(client, officer)
    page = await client.get(f"/en/staff/consultations/{consultation.slug}/wording")
    new_question = "What would help the people on your street respond to crack cocaine?"
    changed = await client.post(
        f"/en/staff/consultations/{consultation.slug}/wording",
        data={
            "csrf_token": csrf_token_in(page.text),
            "text:question.community-help.text": new_question,
        },
    )
    assert changed.status_code == 303
    assert "gu" not in await published_languages(consultation)
    assert (await client.get(f"/gu/consultations/{consultation.slug}/")).status_code == 404

    client.cookies.clear()
    await sign_in(client, translator)
    page = await client.get(editor(consultation))
    assert "English changed" in page.text
    assert "What would help your community respond to crack cocaine where you live?" in page.text
    assert new_question in page.text
    confirmed = await post_editor(
        client, consultation, {"action": "confirm:question.community-help.text"}
    )
    assert confirmed.status_code == 303
    assert "gu" in await published_languages(consultation)


async def test_a_translator_cannot_touch_a_language_not_assigned(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("gu", "ur"))
    await sign_in(client, await build_user(translates=("gu",)))
    assert (await client.get(editor(consultation, "ur"))).status_code == 403
    page = await client.get(editor(consultation, "gu"))
    forged = await client.post(
        editor(consultation, "ur"),
        data={"csrf_token": csrf_token_in(page.text), "text:consultation.title": "x"},
    )
    assert forged.status_code == 403
    assert (
        await TextUnit.get(consultation=consultation, language="ur", key="consultation.title")
    ).text != "x"
    overview = await client.get("/en/staff/translations/")
    assert editor(consultation, "gu") in overview.text
    assert editor(consultation, "ur") not in overview.text


async def test_a_validation_error_keeps_every_typed_field(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("gu",))
    await sign_in(client, await build_user(translates=("gu",)))
    response = await post_editor(
        client,
        consultation,
        {
            "text:consultation.title": "x" * 201,
            "text:question.involvement.text": "તમે કેવી રીતે જોડાવા માંગો છો? (નવું)",
            "action": "save",
        },
    )
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "x" * 201 in response.text
    assert "તમે કેવી રીતે જોડાવા માંગો છો? (નવું)" in response.text
    unit = await TextUnit.get(
        consultation=consultation, language="gu", key="question.involvement.text"
    )
    assert "(નવું)" not in unit.text


async def test_a_response_records_the_wording_it_was_answered_in(
    client: httpx.AsyncClient,
) -> None:
    from tests.journey import SAMPLE_ANSWERS

    consultation = await build_demo_copy(("ur",))
    base = f"/ur/consultations/{consultation.slug}"
    answers = SAMPLE_ANSWERS["ur"]
    for key in ("community-help", "priority-objective"):
        page = await client.get(f"{base}/questions/{key}")
        await client.post(
            f"{base}/questions/{key}",
            data={"csrf_token": csrf_token_in(page.text), "answer": answers[key]},
        )
    check = await client.get(f"{base}/check-answers")
    await client.post(f"{base}/check-answers", data={"csrf_token": csrf_token_in(check.text)})

    response = await Response.get(consultation=consultation).prefetch_related("wording")
    assert response.wording is not None
    title = await TextUnit.get(consultation=consultation, language="ur", key="consultation.title")
    assert response.wording.texts["consultation.title"] == title.text
    assert response.wording.language == "ur"


async def test_accept_language_negotiation_offers_only_published_languages(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("gu", "ur"))
    title = await TextUnit.get(consultation=consultation, language="gu", key="consultation.title")
    title.status = TextStatus.DRAFT
    await title.save()

    gujarati_reader = await client.get(
        f"/consultations/{consultation.slug}/", headers={"Accept-Language": "gu,ur;q=0.5"}
    )
    assert gujarati_reader.headers["location"] == f"/ur/consultations/{consultation.slug}/"
    only_gujarati = await client.get(
        f"/consultations/{consultation.slug}/", headers={"Accept-Language": "gu"}
    )
    assert only_gujarati.headers["location"] == f"/en/consultations/{consultation.slug}/"
