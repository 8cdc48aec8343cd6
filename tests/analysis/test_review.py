"""Officers review machine tags answer by answer; their decisions are final and measure it."""

from __future__ import annotations

import re

import httpx

from analysis import services
from analysis.models import AnswerReview, AnswerTheme, SummaryQuote, TagSource
from analysis.tagger import ThemeTagger
from consult.accounts.models import Role
from tests.builders import build_answer, build_demo_copy
from tests.journey import csrf_token_in
from tests.staff import build_user, sign_in

FUNDING = "The money for the youth project stopped after six months."
PARTNERS = "The council and the police never talk to the mosque about this."


def decisions(**present: bool) -> dict[str, str]:
    return {
        f"theme-{theme.replace('_', '-')}": "present" if value else "absent"
        for theme, value in present.items()
    }


async def test_an_officer_reviews_an_answer_sees_its_evidence_and_moves_to_the_next(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("ur",))
    first = await build_answer(
        consultation,
        FUNDING,
        machine_themes={"secure-funding": [[4, 9]], "partnership-working": [[14, 19]]},
    )
    second = await build_answer(consultation, PARTNERS, language="ur")
    officer = await build_user(Role.OFFICER, name="Amina Officer")
    await sign_in(client, officer)
    queue = f"/en/staff/consultations/{consultation.slug}/review/community-help"

    page = await client.get(queue)
    assert page.status_code == 200
    # The evidence is marked and numbered, not shown by colour alone.
    assert '<mark class="evidence">money</mark>' in page.text
    assert re.search(r'<blockquote class="answer-text" lang="en" dir="ltr">', page.text)
    assert "0 of 2 answers reviewed" in page.text
    assert (
        'id="theme-secure-funding-present" name="theme-secure-funding" value="present" checked'
        in page.text
    )

    response = await client.post(
        queue,
        data={
            "csrf_token": csrf_token_in(page.text),
            "answer": str(first.id),
            **decisions(
                secure_funding=True,
                partnership_working=False,
                robust_monitoring=True,
            ),
            "quote": ["secure-funding", "partnership-working"],
        },
    )
    assert response.status_code == 303
    following = await client.get(response.headers["location"])
    assert PARTNERS in following.text
    assert 'lang="ur" dir="rtl"' in following.text
    assert "1 of 2 answers reviewed" in following.text

    current = {row.theme: row for row in await AnswerTheme.filter(answer=first, is_current=True)}
    assert {theme for theme, row in current.items() if row.present} == {
        "secure-funding",
        "robust-monitoring",
    }
    assert all(row.source == TagSource.OFFICER for row in current.values())
    assert current["partnership-working"].machine_present is True
    assert current["robust-monitoring"].machine_present is False
    review = await AnswerReview.get(answer=first)
    assert review.model_version == "test-model"
    # A quote is kept only for a theme the officer says is present.
    quoted = await SummaryQuote.filter(answer=first).values_list("theme", flat=True)
    assert [str(theme) for theme in quoted] == ["secure-funding"]

    revisit = await client.get(f"{queue}?answer={first.id}")
    assert "Amina Officer" in revisit.text
    assert "Machine, model test-model, score 0.80" in revisit.text
    assert "No, replaced" in revisit.text
    assert second.id  # the second answer was the one offered next


async def test_reviewing_an_answer_again_still_remembers_what_the_machine_said(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("ur",))
    answer = await build_answer(consultation, FUNDING, machine_themes={"secure-funding": [[4, 9]]})
    await sign_in(client, await build_user(Role.OFFICER))
    queue = f"/en/staff/consultations/{consultation.slug}/review/community-help"
    for funding_present in (False, True):
        page = await client.get(f"{queue}?answer={answer.id}")
        await client.post(
            queue,
            data={"csrf_token": csrf_token_in(page.text), "answer": str(answer.id)}
            | decisions(secure_funding=funding_present),
        )
    funding = await AnswerTheme.get(answer=answer, theme="secure-funding", is_current=True)
    assert funding.present is True
    assert funding.machine_present is True
    monitoring = await AnswerTheme.get(answer=answer, theme="robust-monitoring", is_current=True)
    assert monitoring.machine_present is False


async def test_an_officer_decision_survives_retagging(
    client: httpx.AsyncClient, tagger: ThemeTagger
) -> None:
    consultation = await build_demo_copy(("ur",))
    answer = await build_answer(consultation, FUNDING, machine_themes={"secure-funding": [[4, 9]]})
    await sign_in(client, await build_user(Role.OFFICER))
    queue = f"/en/staff/consultations/{consultation.slug}/review/community-help"
    page = await client.get(queue)
    await client.post(
        queue,
        data={"csrf_token": csrf_token_in(page.text), "answer": str(answer.id)}
        | decisions(secure_funding=False),
    )
    await services.tag_answers([answer], tagger)
    funding = await AnswerTheme.get(answer=answer, theme="secure-funding", is_current=True)
    assert funding.source == TagSource.OFFICER
    assert funding.present is False


async def test_the_dashboard_measures_the_machine_from_officers_decisions(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("ur",))
    answers = [
        await build_answer(
            consultation,
            FUNDING,
            machine_themes={"secure-funding": [[4, 9]], "partnership-working": [[14, 19]]},
        ),
        await build_answer(consultation, FUNDING, machine_themes={"secure-funding": [[4, 9]]}),
    ]
    await sign_in(client, await build_user(Role.OFFICER))
    queue = f"/en/staff/consultations/{consultation.slug}/review/community-help"
    for answer in answers:
        page = await client.get(queue)
        await client.post(
            queue,
            data={"csrf_token": csrf_token_in(page.text), "answer": str(answer.id)}
            | decisions(secure_funding=True, robust_monitoring=answer is answers[1]),
        )

    page = await client.get(f"/en/staff/consultations/{consultation.slug}/dashboard")
    rows = quality_rows(page.text)
    # Funding: the machine tagged both, officers kept both.
    assert rows["Secure funding"] == ["English", "100%", "100%", "2"]
    # Partnership: tagged once, rejected: precision 0; officers never said present.
    assert rows["Partnership working"] == ["English", "0%", "not measured yet", "2"]
    # Monitoring: officers added it once; the machine missed it.
    assert rows["Robust monitoring systems"] == ["English", "not measured yet", "0%", "2"]
    assert "Reviewed: 100%" in page.text


def quality_rows(html: str) -> dict[str, list[str]]:
    table = html.split("How often officers agreed with the machine")[-1].split("</table>")[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S):
        header = re.search(r'<th scope="row"[^>]*>(.*?)</th>', row, flags=re.S)
        if header:
            rows[header.group(1).strip()] = [
                cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
            ]
    return rows


async def test_an_answer_from_another_consultation_is_not_reachable_from_this_queue(
    client: httpx.AsyncClient,
) -> None:
    ours = await build_demo_copy(("ur",))
    theirs = await build_demo_copy(("ur",))
    secret = await build_answer(theirs, "Private words from another consultation")
    await sign_in(client, await build_user(Role.OFFICER))
    queue = f"/en/staff/consultations/{ours.slug}/review/community-help"
    page = await client.get(f"{queue}?answer={secret.id}")
    assert "Private words" not in page.text
    response = await client.post(
        queue,
        data={"csrf_token": csrf_token_in(page.text), "answer": str(secret.id)}
        | decisions(secure_funding=True),
    )
    assert response.status_code == 303
    assert not await AnswerReview.exists(answer=secret)
