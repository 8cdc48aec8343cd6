"""Anyone asks for a consultation in another format; officers work through the requests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette

from consult.accounts.models import Role
from surveys.formats.models import FormatKind, FormatRequest
from surveys.models import Consultation
from tests.builders import build_consultation, build_demo_copy
from tests.journey import csrf_token_in
from tests.staff import build_user, sign_in

URDU_NAME = "عائشہ خان"
URDU_CONTACT = "07700 900123\n12 مسجد روڈ، ٹاور ہیملٹس"


@pytest.fixture
async def officer_client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def request_path(consultation: Consultation, language: str) -> str:
    return f"/{language}/consultations/{consultation.slug}/other-formats"


async def send_request(
    client: httpx.AsyncClient, consultation: Consultation, language: str, **fields: str
) -> httpx.Response:
    url = request_path(consultation, language)
    page = await client.get(url)
    assert page.status_code == 200, page.text
    return await client.post(url, data={"csrf_token": csrf_token_in(page.text)} | fields)


async def test_a_braille_request_in_urdu_reaches_the_officers_queue_and_is_marked_done(
    client: httpx.AsyncClient, officer_client: httpx.AsyncClient
) -> None:
    consultation = await build_demo_copy(("ur",))
    start = await client.get(f"/ur/consultations/{consultation.slug}/")
    assert f'href="{request_path(consultation, "ur")}"' in start.text

    sent = await send_request(
        client,
        consultation,
        "ur",
        kind="braille",
        name=URDU_NAME,
        contact=URDU_CONTACT,
        notes="براہ کرم ڈاک سے بھیجیں",
    )
    assert sent.status_code == 303
    # The confirmation's address names no one and holds no contact details.
    assert sent.headers["location"] == f"{request_path(consultation, 'ur')}?sent=1"
    stored = await FormatRequest.get(consultation=consultation)
    assert (stored.kind, stored.language, stored.name) == (FormatKind.BRAILLE, "ur", URDU_NAME)
    assert stored.contact == URDU_CONTACT
    assert stored.wanted_language == ""
    confirmation = await client.get(sent.headers["location"])
    assert confirmation.status_code == 200
    assert '<html lang="ur" dir="rtl">' in confirmation.text
    assert 'class="panel__title"' in confirmation.text
    assert '<form method="post" novalidate>' not in confirmation.text

    later = await send_request(
        client, consultation, "en", kind="large_print", name="Tom Baker", contact="tom@example.org"
    )
    assert later.status_code == 303

    officer = await build_user(Role.OFFICER, name="Officer Jones")
    await sign_in(officer_client, officer)
    home = await officer_client.get("/en/staff/")
    assert 'href="/en/staff/format-requests/"' in home.text
    queue = await officer_client.get("/en/staff/format-requests/")
    waiting = queue.text.split(">Waiting</h2>")[1].split(">Done</h2>")[0]
    # Other tests' requests share the database: this consultation's row is the one to read.
    row, later_row = [each for each in waiting.split("<tr>") if consultation.slug in each]
    # Oldest first.
    assert f">{URDU_NAME}</th>" in row
    assert ">Tom Baker</th>" in later_row
    assert ">Braille<" in row
    assert URDU_CONTACT in row
    assert "براہ کرم ڈاک سے بھیجیں" in row
    assert '<td class="table__cell" lang="ur" dir="rtl">اردو</td>' in row

    marked = await officer_client.post(
        "/en/staff/format-requests/",
        data={"csrf_token": csrf_token_in(queue.text), "request": str(stored.id)},
    )
    assert marked.status_code == 303
    await stored.refresh_from_db()
    assert stored.done_at is not None
    assert stored.done_by_id == officer.id  # type: ignore[attr-defined]
    after = await officer_client.get(marked.headers["location"])
    assert "Request marked as done." in after.text
    waiting, done = after.text.split(">Waiting</h2>")[1].split(">Done</h2>")
    assert URDU_NAME not in waiting
    assert "Tom Baker" in waiting
    (done_row,) = [each for each in done.split("<tr>") if consultation.slug in each]
    assert f">{URDU_NAME}</th>" in done_row
    assert "Officer Jones" in done_row
    assert stored.done_at.strftime("%Y-%m-%d") in done_row


async def test_another_language_without_saying_which_is_refused_keeping_what_was_typed(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("ur",))
    refused = await send_request(
        client,
        consultation,
        "en",
        kind="other_language",
        wanted_language="  ",
        name="Kemal Yılmaz",
        contact="kemal@example.org",
        notes="Evenings are best",
    )
    assert refused.status_code == 400
    assert "<title>Error: " in refused.text
    summary = refused.text.split('class="error-summary"')[1].split("</div>")[0]
    assert '<a href="#wanted_language">Enter the language you need the consultation in</a>' in (
        summary
    )
    assert 'value="other_language" id="kind-other_language" checked' in refused.text
    assert 'value="Kemal Yılmaz"' in refused.text
    assert ">kemal@example.org</textarea>" in refused.text
    assert ">Evenings are best</textarea>" in refused.text
    assert not await FormatRequest.exists(consultation=consultation)

    accepted = await send_request(
        client,
        consultation,
        "en",
        kind="other_language",
        wanted_language="Kurdish (Sorani)",
        name="Kemal Yılmaz",
        contact="kemal@example.org",
    )
    assert accepted.status_code == 303
    stored = await FormatRequest.get(consultation=consultation)
    assert stored.wanted_language == "Kurdish (Sorani)"


async def test_a_request_with_nothing_filled_in_lists_every_missing_answer(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("ur",))
    refused = await send_request(client, consultation, "en", kind="fax", name=" ")
    assert refused.status_code == 400
    summary = refused.text.split('class="error-summary"')[1].split("</div>")[0]
    assert summary.index('href="#kind"') < summary.index('href="#name"')
    assert summary.index('href="#name"') < summary.index('href="#contact"')
    assert "Select the format you need" in summary
    assert "Enter your name" in summary
    assert "Enter an email address, phone number or postal address" in summary
    # The language is only asked for with "another language".
    assert "#wanted_language" not in summary
    assert 'aria-describedby="contact-hint contact-error"' in refused.text
    assert not await FormatRequest.exists(consultation=consultation)


async def test_the_page_is_offered_in_a_language_the_consultation_is_not_published_in(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_consultation(title="Our estate, our say")
    page = await client.get(request_path(consultation, "ar"))
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page.text
    # The title is in English, and marked as such for screen readers.
    assert '<span class="caption" lang="en" dir="ltr">Our estate, our say</span>' in page.text
    assert (await client.get("/ar/consultations/no-such-slug/other-formats")).status_code == 404
    assert (
        await client.get(f"/xx/consultations/{consultation.slug}/other-formats")
    ).status_code == 404


async def test_only_the_person_who_sent_a_request_sees_its_confirmation(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("ur",))
    page = await client.get(f"{request_path(consultation, 'en')}?sent=1")
    assert page.status_code == 200
    assert "We have your request" not in page.text
    assert 'name="kind"' in page.text


@pytest.mark.parametrize("role", [Role.TRANSLATOR, Role.GROUP_REPRESENTATIVE])
async def test_translators_and_group_representatives_cannot_see_the_queue(
    client: httpx.AsyncClient, role: Role
) -> None:
    anonymous = await client.get("/en/staff/format-requests/")
    assert anonymous.status_code == 303
    assert anonymous.headers["location"].startswith("/en/staff/sign-in?next=")
    await sign_in(client, await build_user(role, translates=("ur",)))
    assert (await client.get("/en/staff/format-requests/")).status_code == 403
    page = await client.get("/en/staff/sign-in")
    refused = await client.post(
        "/en/staff/format-requests/", data={"csrf_token": csrf_token_in(page.text), "request": "1"}
    )
    assert refused.status_code == 403
