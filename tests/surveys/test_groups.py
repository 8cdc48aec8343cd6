"""Community groups register, respond for their members and type in paper forms."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from starlette.applications import Starlette

from consult.accounts.models import Role, User
from surveys.dataprotection.services import withdraw_response
from surveys.groups.models import GroupStatement, Organisation
from surveys.models import Answer, Channel, Consultation, RespondentType, Response
from tests.builders import build_demo_copy
from tests.journey import csrf_token_in
from tests.staff import PASSWORD, build_user, sign_in

BENGALI_ANSWER = "আমাদের মসজিদে তরুণদের জন্য নিয়মিত সভা দরকার, আর তহবিল বছরের পর বছর চলা উচিত।"


@pytest.fixture
async def officer_client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def register(
    client: httpx.AsyncClient, email: str, name: str = "Shapla Women’s Group"
) -> None:
    page = await client.get("/en/groups/register")
    response = await client.post(
        "/en/groups/register",
        data={
            "csrf_token": csrf_token_in(page.text),
            "name": name,
            "kind": "faith_group",
            "borough": "Tower Hamlets",
            "contact_name": "Rokeya Begum",
            "email": email,
            "password": PASSWORD,
        },
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/en/staff/group/"


def group_answers(**overrides: str) -> dict[str, str]:
    return {
        "language": "bn",
        "members": "40",
        "method": "meeting",
        "gathered_on": "2026-11-01",
        "confirmed": "y",
        "community-help-answer": BENGALI_ANSWER,
        "priority-objective-answer": "communities",
    } | overrides


async def post_collected(
    client: httpx.AsyncClient, consultation: Consultation, channel: str, data: dict[str, str]
) -> httpx.Response:
    url = f"/en/staff/consultations/{consultation.slug}/collected/{channel}"
    page = await client.get(url)
    token = page.text.split('name="token" value="')[1].split('"')[0]
    return await client.post(
        url, data={"csrf_token": csrf_token_in(page.text), "token": token} | data
    )


async def test_a_group_registers_is_verified_and_responds_for_40_members_in_bengali(
    client: httpx.AsyncClient, officer_client: httpx.AsyncClient
) -> None:
    consultation = await build_demo_copy(("bn",))
    await register(client, "rokeya@example.org")
    home = await client.get("/en/staff/group/")
    assert "has not verified your group yet" in home.text

    stored = await post_collected(client, consultation, "group", group_answers())
    assert stored.status_code == 303
    response = await Response.get(consultation=consultation).prefetch_related("organisation")
    assert response.channel == Channel.GROUP
    assert response.respondent_type == RespondentType.ORGANISATION
    assert response.language == "bn"
    assert response.organisation is not None
    statement = await GroupStatement.get(response=response)
    assert statement.members == 40
    assert str(statement.gathered_on) == "2026-11-01"
    answer = await Answer.get(response=response, question__key="community-help")
    assert answer.text == BENGALI_ANSWER
    confirmation = await client.get(stored.headers["location"])
    assert f"Response stored. Its reference is {response.reference}." in confirmation.text

    await sign_in(officer_client, await build_user(Role.OFFICER))
    groups = await officer_client.get("/en/staff/groups/")
    assert "Shapla Women’s Group" in groups.text
    await officer_client.post(
        "/en/staff/groups/",
        data={
            "csrf_token": csrf_token_in(groups.text),
            "organisation": str(response.organisation.id),
        },
    )
    assert (await Organisation.get(id=response.organisation.id)).verified_at is not None
    assert "An officer has verified your group." in (await client.get("/en/staff/group/")).text

    dashboard = await officer_client.get(f"/en/staff/consultations/{consultation.slug}/dashboard")
    # Counted apart from individuals, with the members it speaks for, never as 40 responses.
    assert "Responses from community groups" in dashboard.text
    row = dashboard.text.split("Shapla Women’s Group</th>")[1].split("</tr>")[0]
    assert ">Yes<" in row and ">1<" in row and ">40<" in row
    assert '<dd class="summary-list__value">1</dd>' in dashboard.text


async def test_paper_responses_typed_in_by_a_representative_belong_to_the_group(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("bn", "ur"))
    await register(client, "paper@example.org", "Poplar Tenants")
    for language, text in (("ur", "نوجوانوں کے لیے جگہ چاہیے"), ("bn", "আরও যুব কর্মী দরকার")):
        stored = await post_collected(
            client,
            consultation,
            "paper",
            {
                "language": language,
                "community-help-answer": text,
                "priority-objective-answer": "treatment",
            },
        )
        assert stored.status_code == 303
    responses = await Response.filter(consultation=consultation).order_by("id")
    assert [r.language for r in responses] == ["ur", "bn"]
    assert {r.channel for r in responses} == {Channel.PAPER}
    assert {r.respondent_type for r in responses} == {RespondentType.INDIVIDUAL}
    assert len({r.organisation_id for r in responses}) == 1  # type: ignore[attr-defined]
    home = await client.get("/en/staff/group/")
    assert all(r.reference in home.text for r in responses)


async def test_a_mistake_keeps_what_was_typed_and_stores_nothing(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("bn",))
    await register(client, "mistake@example.org")
    page = await post_collected(
        client,
        consultation,
        "group",
        group_answers(members="forty", confirmed="", gathered_on="2099-01-01", method="party"),
    )
    assert page.status_code == 400
    for message in (
        "Enter how many members this response speaks for",
        "Select how you gathered your members’ views",
        "not a date in the future",
        "Confirm that this response reflects your members’ views",
    ):
        assert message in page.text
    assert BENGALI_ANSWER in page.text
    assert 'value="forty"' in page.text
    assert not await Response.exists(consultation=consultation)


async def test_the_same_form_sent_twice_is_stored_once(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("bn",))
    await register(client, "twice@example.org")
    url = f"/en/staff/consultations/{consultation.slug}/collected/group"
    page = await client.get(url)
    token = page.text.split('name="token" value="')[1].split('"')[0]
    data = {"csrf_token": csrf_token_in(page.text), "token": token} | group_answers()
    first = await client.post(url, data=data)
    second = await client.post(url, data=data)
    assert first.headers["location"] == second.headers["location"]
    assert await Response.filter(consultation=consultation).count() == 1
    assert await GroupStatement.filter(response__consultation=consultation).count() == 1


async def test_a_representative_sees_only_their_own_groups_responses(
    client: httpx.AsyncClient, officer_client: httpx.AsyncClient
) -> None:
    consultation = await build_demo_copy(("bn",))
    await register(client, "first@example.org", "First Group")
    stored = await post_collected(client, consultation, "group", group_answers())
    reference = stored.headers["location"].split("stored=")[1]

    other = await build_user(Role.GROUP_REPRESENTATIVE)
    await sign_in(officer_client, other)
    home = await officer_client.get("/en/staff/group/")
    assert reference not in home.text
    echoed = await officer_client.get(
        f"/en/staff/consultations/{consultation.slug}/collected/group?stored={reference}"
    )
    # Another group's reference is never confirmed as stored (the URL itself is only echoed
    # in the language links).
    assert "Response stored" not in echoed.text
    for path in ("dashboard", "export.csv", "review/community-help"):
        refused = await officer_client.get(f"/en/staff/consultations/{consultation.slug}/{path}")
        assert refused.status_code == 403, path


async def test_an_email_already_in_use_is_refused_with_the_form_kept(
    client: httpx.AsyncClient,
) -> None:
    await register(client, "taken@example.org")
    fresh = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    async with fresh:
        page = await fresh.get("/en/groups/register")
        refused = await fresh.post(
            "/en/groups/register",
            data={
                "csrf_token": csrf_token_in(page.text),
                "name": "Second try",
                "kind": "charity",
                "borough": "Camden",
                "contact_name": "Someone",
                "email": "TAKEN@example.org",
                "password": "short",
            },
        )
    assert refused.status_code == 400
    assert "Second try" in refused.text
    assert "at least 12 characters" in refused.text
    assert await Organisation.filter(name="Second try").count() == 0


async def add_colleague(client: httpx.AsyncClient, page: str, email: str) -> httpx.Response:
    return await client.post(
        "/en/staff/group/representatives",
        data={
            "csrf_token": csrf_token_in(page),
            "contact_name": "Abdul Karim",
            "email": email,
            "password": PASSWORD,
        },
    )


async def test_a_representative_adds_another_who_signs_in_for_the_same_group(
    client: httpx.AsyncClient, officer_client: httpx.AsyncClient
) -> None:
    consultation = await build_demo_copy(("bn",))
    await register(client, "rokeya2@example.org", name="Brick Lane Mosque Youth")
    assert (await post_collected(client, consultation, "group", group_answers())).status_code == 303
    page = await client.get("/en/staff/group/representatives")
    assert "Rokeya Begum" in page.text
    refused = await add_colleague(client, page.text, "rokeya2@example.org")
    assert refused.status_code == 400
    assert "An account already uses this email address" in refused.text
    assert 'value="Abdul Karim"' in refused.text
    added = await add_colleague(client, page.text, "abdul@example.org")
    assert added.status_code == 303
    assert "Abdul Karim" in (await client.get(added.headers["location"])).text

    colleague = await User.get(email="abdul@example.org")
    assert colleague.role == Role.GROUP_REPRESENTATIVE
    await sign_in(officer_client, colleague)
    home = await officer_client.get("/en/staff/group/")
    assert "Brick Lane Mosque Youth" in home.text
    # The response the first representative sent is the group's: the colleague sees it too.
    stored = await Response.get(consultation=consultation)
    assert stored.reference in home.text


async def test_the_group_list_does_not_count_a_withdrawn_response(
    client: httpx.AsyncClient, officer_client: httpx.AsyncClient
) -> None:
    consultation = await build_demo_copy(("bn",))
    await register(client, "withdrawn@example.org", name="Cable Street Tenants")
    for _ in range(2):
        paper = {
            "language": "bn",
            "community-help-answer": "আরও যুব কর্মী দরকার",
            "priority-objective-answer": "treatment",
        }
        assert (await post_collected(client, consultation, "paper", paper)).status_code == 303
    first = await Response.filter(consultation=consultation).first()
    assert first is not None
    assert await withdraw_response(first.reference, datetime.now(UTC))
    await sign_in(officer_client, await build_user(Role.OFFICER))
    listing = await officer_client.get("/en/staff/groups/")
    row = listing.text.split("Cable Street Tenants")[1].split("</tr>")[0]
    assert '<td class="table__cell table__cell--numeric">1</td>' in row
