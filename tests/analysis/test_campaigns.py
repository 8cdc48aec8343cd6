"""Copy-paste campaigns are found, listed for officers and flagged in review, never deleted."""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from analysis.campaigns import copies_of, find_campaigns
from analysis.corpus_io import read_corpus
from consult.accounts.models import Role
from surveys.fingerprints import comparable_text
from surveys.groups.models import Organisation, OrganisationKind
from surveys.models import Answer, Channel, Consultation, Response
from tests.analysis.test_dashboard import counting_queries
from tests.builders import build_answer, build_demo_copy
from tests.staff import build_user, sign_in

LETTER = (
    "Keep the youth centre in {} open. It is the only safe place our children have after "
    "school, the youth workers know every family by name, and closing it will push young "
    "people onto the streets where the gangs are waiting for them."
)
# Eight copies: four the same but for case and punctuation, four naming another borough.
ENGLISH_COPIES = [
    LETTER.format("Hackney"),
    LETTER.format("hackney").replace(".", "").replace(",", ""),
    LETTER.format("Hackney").upper(),
    LETTER.format("Hackney").replace(". It", " - it"),
    LETTER.format("Camden"),
    LETTER.format("Islington"),
    LETTER.format("Newham"),
    LETTER.format("Tower Hamlets") + "!!",
]
GREEK = (
    "Θέλουμε περισσότερα λεωφορεία τη νύχτα στη γειτονιά μας, γιατί οι δρόμοι δεν είναι ασφαλείς."
)
GREEK_COPIES = [
    GREEK,
    GREEK,
    GREEK.upper(),
    GREEK.replace(",", ""),
    GREEK + " Ευχαριστώ.",
    GREEK.lower(),
]


def unrelated_answers(count: int) -> list[str]:
    """Distinct answers from the English corpus, each long enough to have near-copy keys."""
    texts = {a.text for a in read_corpus("en") if len(comparable_text(a.text)) >= 40}
    return sorted(texts)[:count]


@dataclass
class Built:
    consultation: Consultation
    english: list[Answer]
    greek: list[Answer]
    unrelated: list[Answer]


async def consultation_with_campaigns() -> Built:
    consultation = await build_demo_copy(("el",))
    group = await Organisation.create(
        name="Hackney Parents",
        kind=OrganisationKind.FAITH_GROUP,
        borough="Hackney",
        contact_name="A Parent",
        contact_email="parents@example.org",
    )
    english = [
        await build_answer(consultation, text, channel=Channel.PAPER if n % 2 else Channel.WEB)
        for n, text in enumerate(ENGLISH_COPIES)
    ]
    await Response.filter(id__in=[english[0].response_id, english[1].response_id]).update(  # type: ignore[attr-defined]
        organisation=group
    )
    greek = [await build_answer(consultation, text, language="el") for text in GREEK_COPIES]
    unrelated = [await build_answer(consultation, text) for text in unrelated_answers(30)]
    return Built(consultation, english, greek, unrelated)


async def test_two_campaigns_are_found_and_distinct_answers_are_not_flagged() -> None:
    built = await consultation_with_campaigns()
    with counting_queries() as queries:
        campaigns = await find_campaigns(built.consultation)
    # Four grouped questions, one for the answers in them: not one per answer.
    assert len(queries) == 5
    assert [(c.copies, c.identical) for c in campaigns] == [(8, 4), (6, 5)]
    english, greek = campaigns
    assert set(english.answer_ids) == {a.id for a in built.english}
    assert set(greek.answer_ids) == {a.id for a in built.greek}
    assert english.sample_text == LETTER.format("Hackney")
    assert (greek.sample_text, greek.sample_language, greek.languages) == (GREEK, "el", ("el",))
    assert set(english.channels) == {"web", "paper"}
    assert english.groups == 1
    assert english.first_submitted <= english.last_submitted
    assert await copies_of(built.english[0]) == 7
    assert await copies_of(built.unrelated[0]) == 0


async def test_four_copies_or_short_answers_are_not_a_campaign() -> None:
    consultation = await build_demo_copy(("el",))
    for _ in range(4):
        await build_answer(consultation, LETTER.format("Hackney"))
    for _ in range(10):
        await build_answer(consultation, "More police")
    assert await find_campaigns(consultation) == []
    assert len(await find_campaigns(consultation, min_copies=4)) == 1


def summary_value(html: str, key: str) -> list[str]:
    """The values shown against `key` on the page, one per campaign."""
    dt = f'<dt class="summary-list__key">{re.escape(key)}</dt>'
    return re.findall(dt + r'<dd class="summary-list__value">(.*?)</dd>', html)


async def test_officers_see_the_campaigns_and_every_copy_is_still_counted(
    client: httpx.AsyncClient,
) -> None:
    built = await consultation_with_campaigns()
    await sign_in(client, await build_user(Role.OFFICER))
    base = f"/en/staff/consultations/{built.consultation.slug}"

    dashboard = await client.get(f"{base}/dashboard")
    assert f'href="{base}/campaigns"' in dashboard.text
    assert '<dd class="summary-list__value">44</dd>' in dashboard.text  # nothing deleted

    page = await client.get(f"{base}/campaigns")
    assert page.status_code == 200
    assert "They are kept and counted like any answer" in page.text
    assert summary_value(page.text, "Copies") == ["8", "6"]
    assert summary_value(page.text, "Exactly identical") == ["4", "5"]
    assert summary_value(page.text, "How the answers came") == ["Online, Paper", "Online"]
    assert summary_value(page.text, "Community groups that sent them") == ["1", "0"]
    assert f'<blockquote class="answer-text" lang="el" dir="ltr">{GREEK}</blockquote>' in page.text
    assert '<span lang="el" dir="ltr">Ελληνικά</span>' in page.text
    assert f'href="{base}/review/community-help?answer={built.english[0].id}"' in page.text
    for answer in built.unrelated:
        assert answer.text is not None
        assert answer.text not in page.text


async def test_a_consultation_without_campaigns_says_so(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("el",))
    await build_answer(consultation, LETTER.format("Hackney"))
    await sign_in(client, await build_user(Role.ADMIN))
    page = await client.get(f"/en/staff/consultations/{consultation.slug}/campaigns")
    assert page.status_code == 200
    assert "No campaigns found. Answers need at least 5 near-identical copies" in page.text
    assert "Campaign 1" not in page.text


async def test_the_campaigns_page_is_for_officers_only(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("el",))
    path = f"/en/staff/consultations/{consultation.slug}/campaigns"
    anonymous = await client.get(path)
    assert anonymous.status_code == 303
    assert anonymous.headers["location"].startswith("/en/staff/sign-in?next=")
    await sign_in(client, await build_user(Role.TRANSLATOR, translates=("el",)))
    assert (await client.get(path)).status_code == 403


async def test_the_review_page_flags_an_answer_with_near_copies(client: httpx.AsyncClient) -> None:
    built = await consultation_with_campaigns()
    await sign_in(client, await build_user(Role.OFFICER))
    review = f"/en/staff/consultations/{built.consultation.slug}/review/community-help"
    notice = "This answer is one of 6 near-identical answers to this question"

    flagged = await client.get(f"{review}?answer={built.greek[2].id}")
    assert notice in flagged.text
    assert "it may be part of a copy-paste campaign" in flagged.text

    distinct = await client.get(f"{review}?answer={built.unrelated[3].id}")
    assert distinct.status_code == 200
    assert "Answer from response" in distinct.text
    assert "near-identical answers to this question" not in distinct.text
