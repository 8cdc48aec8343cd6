"""A respondent withdraws a response by its reference; written answers go after a retention date."""

from __future__ import annotations

import asyncio
import csv
import io
import logging
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from analysis.dashboard import dashboard_figures
from analysis.filters import AnswerFilters
from analysis.models import (
    AnswerReview,
    AnswerTagging,
    AnswerTheme,
    PublishedSummary,
    SummaryQuote,
    TagSource,
)
from analysis.worker import apply_retention_when_due
from consult.accounts.models import Role
from surveys.dataprotection.models import DataProtectionAction, DataProtectionLog
from surveys.dataprotection.services import apply_retention, normalise_reference
from surveys.models import Answer, Consultation, Response, ResponseDraft
from surveys.services import Questionnaire, current_questions, submit_draft
from surveys.wording import load_wording
from tests.builders import build_consultation, build_draft, build_questionnaire
from tests.journey import SAMPLE_ANSWERS, answer_every_question, csrf_token_in, send_response
from tests.staff import build_user, sign_in

WITHDRAWN_MESSAGE = (
    "If this reference matches a response, it has been withdrawn and its answers deleted."
)
CSRF_VALUE = re.compile(r'value="[^"]*"')


async def store_response(questionnaire: Questionnaire, text: str) -> Response:
    """A response as a respondent sends it, with a written answer and a choice."""
    wording = await load_wording(questionnaire.consultation, "en")
    return await submit_draft(questionnaire, await build_draft(questionnaire, text), wording)


async def tag_and_quote(response: Response) -> Answer:
    """The written answer tagged, reviewed and quoted in a published summary."""
    answer = await Answer.get(response=response, text__isnull=False)
    officer = await build_user(Role.OFFICER)
    await AnswerTheme.create(
        answer=answer,
        theme="secure-funding",
        score=0.9,
        evidence=[[0, 4]],
        source=TagSource.MACHINE,
    )
    await AnswerTagging.create(answer=answer, language="en", model_version="test-model")
    await AnswerReview.create(answer=answer, officer=officer)
    quote = await SummaryQuote.create(
        consultation_id=response.consultation_id,  # type: ignore[attr-defined]
        answer=answer,
        theme="secure-funding",
        chosen_by=officer,
    )
    await PublishedSummary.create(
        consultation_id=response.consultation_id,  # type: ignore[attr-defined]
        figures={"quotes": [{"id": quote.id, "text": answer.text}], "responses": 2},
    )
    return answer


async def withdraw(
    client: httpx.AsyncClient, reference: str, confirm: bool = True
) -> httpx.Response:
    page = await client.get("/en/withdraw")
    data = {"csrf_token": csrf_token_in(page.text), "reference": reference}
    if confirm:
        data["confirmed"] = "y"
    return await client.post("/en/withdraw", data=data)


async def withdrawal_answer(client: httpx.AsyncClient, reference: str) -> tuple[int, str, str]:
    """What the person sees: the status, where they are sent, and the page there."""
    sent = await withdraw(client, reference)
    shown = await client.get(sent.headers["location"])
    return sent.status_code, sent.headers["location"], CSRF_VALUE.sub("", shown.text)


def dashboard_responses(page: str) -> int:
    match = re.search(r'Responses</dt><dd class="summary-list__value">(\d+)</dd>', page)
    assert match, "no response count on the dashboard"
    return int(match.group(1))


async def exported_references(client: httpx.AsyncClient, slug: str) -> set[str]:
    export = await client.get(f"/en/staff/consultations/{slug}/export.csv")
    assert export.status_code == 200
    rows = csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")))
    return {row["reference"] for row in rows}


def test_references_are_read_as_people_type_them() -> None:
    assert normalise_reference("7k3m q9tx") == "7K3M-Q9TX"
    assert normalise_reference(" 7K3M–Q9TX ") == "7K3M-Q9TX"
    assert normalise_reference("OlI2-ABCD") == "0112-ABCD"
    assert normalise_reference("۷K3M-Q9TX") == "7K3M-Q9TX"  # an Urdu keyboard's seven
    assert normalise_reference("7K3M-Q9T") is None
    assert normalise_reference("7K3M-Q9TU") is None
    assert normalise_reference("") is None


async def test_a_withdrawn_response_loses_its_answers_and_is_no_longer_counted(
    client: httpx.AsyncClient,
) -> None:
    questionnaire = await build_questionnaire()
    consultation = questionnaire.consultation
    withdrawn = await store_response(questionnaire, "Fund the youth club for years")
    kept = await store_response(questionnaire, "More buses in the evening")
    answer = await tag_and_quote(withdrawn)
    await tag_and_quote(kept)

    typed = withdrawn.reference.lower().replace("-", "")
    status, location, page = await withdrawal_answer(client, typed)

    assert (status, location) == (303, "/en/withdraw")
    assert WITHDRAWN_MESSAGE in page
    assert await Answer.filter(response=withdrawn).count() == 0
    assert not await AnswerTheme.exists(answer_id=answer.id)
    assert not await AnswerTagging.exists(answer_id=answer.id)
    assert not await AnswerReview.exists(answer_id=answer.id)
    assert not await SummaryQuote.exists(answer_id=answer.id)
    tombstone = await Response.get(id=withdrawn.id)
    assert tombstone.withdrawn_at is not None
    assert tombstone.reference == withdrawn.reference
    published = await PublishedSummary.filter(consultation=consultation).order_by("id")
    assert [len(summary.figures["quotes"]) for summary in published] == [0, 1]
    log = await DataProtectionLog.get(consultation=consultation)
    assert (log.action, log.responses, log.answers) == (DataProtectionAction.WITHDRAWN, 1, 2)
    assert log.performed_by_id is None  # type: ignore[attr-defined]
    assert await Answer.filter(response=kept).count() == 2

    await sign_in(client, await build_user(Role.OFFICER))
    dashboard = await client.get(f"/en/staff/consultations/{consultation.slug}/dashboard")
    assert dashboard_responses(dashboard.text) == 1
    assert await exported_references(client, consultation.slug) == {kept.reference}
    retention_page = await client.get(f"/en/staff/consultations/{consultation.slug}/retention")
    assert "Responses withdrawn by their respondents: 1" in retention_page.text
    assert "A respondent withdrew their response" in retention_page.text


async def test_an_unknown_reference_gets_the_same_answer_as_a_real_one(
    client: httpx.AsyncClient,
) -> None:
    questionnaire = await build_questionnaire()
    real = await store_response(questionnaire, "Keep the library open")

    unknown = "ZZZZ-ZZZZ" if real.reference != "ZZZZ-ZZZZ" else "YYYY-YYYY"
    assert await withdrawal_answer(client, unknown) == await withdrawal_answer(
        client, real.reference
    )
    assert (await Response.get(id=real.id)).withdrawn_at is not None


async def test_withdrawing_the_same_reference_twice_is_harmless(
    client: httpx.AsyncClient,
) -> None:
    questionnaire = await build_questionnaire()
    response = await store_response(questionnaire, "A safer crossing by the school")

    first = await withdrawal_answer(client, response.reference)
    second = await withdrawal_answer(client, response.reference)

    assert first == second
    assert await DataProtectionLog.filter(consultation=questionnaire.consultation).count() == 1
    assert await Response.exists(id=response.id, withdrawn_at__isnull=False)


async def test_the_withdrawal_form_explains_what_is_missing_and_withdraws_nothing(
    client: httpx.AsyncClient,
) -> None:
    questionnaire = await build_questionnaire()
    response = await store_response(questionnaire, "Lights in the park")

    empty = await withdraw(client, "", confirm=False)
    assert empty.status_code == 400
    assert "Enter your reference number" in empty.text
    assert "Tick the box to confirm that you want your response to be withdrawn" in empty.text

    unticked = await withdraw(client, response.reference, confirm=False)
    assert unticked.status_code == 400
    assert f'value="{response.reference}"' in unticked.text

    malformed = await withdraw(client, "7K3M-Q9")
    assert malformed.status_code == 400
    assert "8 letters and numbers, like 7K3M-Q9TX" in malformed.text
    assert 'value="7K3M-Q9"' in malformed.text
    assert await Response.exists(id=response.id, withdrawn_at__isnull=True)


async def test_the_confirmation_page_and_footer_link_to_withdrawal(
    client: httpx.AsyncClient,
) -> None:
    await answer_every_question(client, "en", SAMPLE_ANSWERS["en"])
    sent = await send_response(client, "en")
    confirmation = await client.get(sent.headers["location"])
    assert 'Changed your mind? You can <a href="/en/withdraw">withdraw your response</a>' in (
        confirmation.text
    )
    page = await client.get("/ur/withdraw")
    assert page.status_code == 200
    assert 'href="/ur/withdraw"' in page.text
    assert (await client.get("/xx/withdraw")).status_code == 404


async def test_a_retention_date_before_closing_is_refused_and_kept_as_typed(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_consultation(closes_in_days=30)
    officer = await build_user(Role.OFFICER, name="Amina Officer")
    await sign_in(client, officer)
    url = f"/en/staff/consultations/{consultation.slug}/retention"
    page = await client.get(url)
    early = (consultation.closes_at - timedelta(days=1)).date().isoformat()

    refused = await client.post(
        url, data={"csrf_token": csrf_token_in(page.text), "retain_text_until": early}
    )

    assert refused.status_code == 400
    assert "Enter a date on or after the day the consultation closes" in refused.text
    assert f'value="{early}"' in refused.text
    assert (await Consultation.get(id=consultation.id)).retain_text_until is None

    later = (consultation.closes_at + timedelta(days=365)).date()
    saved = await client.post(
        url,
        data={"csrf_token": csrf_token_in(page.text), "retain_text_until": later.isoformat()},
    )
    assert saved.status_code == 303
    shown = await client.get(saved.headers["location"])
    assert "Retention date saved." in shown.text
    assert "Retention date set" in shown.text
    assert "Amina Officer" in shown.text
    assert (await Consultation.get(id=consultation.id)).retain_text_until == later
    home = await client.get("/en/staff/")
    assert f'href="/en/staff/consultations/{consultation.slug}/retention"' in home.text


async def consultation_past_its_retention_date() -> tuple[Questionnaire, Response]:
    consultation = await build_consultation(closes_in_days=-40)
    consultation.retain_text_until = datetime.now(UTC).date() - timedelta(days=1)
    await consultation.save()
    questionnaire = await build_questionnaire(consultation)
    response = await store_response(questionnaire, "Fund the youth club for years")
    await tag_and_quote(response)
    await store_response(questionnaire, "Open the pool on Sundays")
    await build_draft(questionnaire, "Still thinking about it")
    return questionnaire, response


async def test_after_its_retention_date_a_consultations_written_answers_are_deleted() -> None:
    questionnaire, response = await consultation_past_its_retention_date()
    consultation = questionnaire.consultation
    other = await build_questionnaire()
    untouched = await store_response(other, "Keep the market on Saturdays")
    questions = await current_questions(consultation)
    before = await dashboard_figures(consultation, AnswerFilters(), questions)

    runs = await apply_retention(datetime.now(UTC))

    assert [(run.slug, run.responses, run.answers) for run in runs] == [(consultation.slug, 2, 2)]
    written = await Answer.filter(response__consultation=consultation, question__key="views")
    assert len(written) == 2
    assert all(a.text is None and a.search_text is None for a in written)
    assert all(a.near_copy_key_1 is None and a.near_copy_key_4 is None for a in written)
    chosen = await Answer.filter(response__consultation=consultation, question__key="area")
    assert [[o.value for o in await a.options] for a in chosen] == [["south"], ["south"]]
    theme = await AnswerTheme.get(answer__response=response)
    assert (theme.theme, theme.present, theme.evidence) == ("secure-funding", True, [])
    assert not await SummaryQuote.exists(consultation=consultation)
    published = await PublishedSummary.get(consultation=consultation)
    assert published.figures["quotes"] == []
    assert published.figures["responses"] == 2
    assert not await ResponseDraft.exists(consultation=consultation)
    after = await dashboard_figures(consultation, AnswerFilters(), questions)
    assert after.responses == before.responses == 2
    assert [q.themes for q in after.questions] == [q.themes for q in before.questions]
    assert [q.options for q in after.questions] == [q.options for q in before.questions]
    log = await DataProtectionLog.get(consultation=consultation)
    assert (log.action, log.responses, log.answers) == (DataProtectionAction.RETENTION, 2, 2)

    kept = await Answer.get(response=untouched, question__key="views")
    assert kept.text == "Keep the market on Saturdays"
    assert await apply_retention(datetime.now(UTC)) == []
    assert await DataProtectionLog.filter(consultation=consultation).count() == 1


async def test_a_retention_date_today_keeps_the_text_until_the_day_is_over() -> None:
    consultation = await build_consultation(closes_in_days=-5)
    consultation.retain_text_until = datetime.now(UTC).date()
    await consultation.save()
    questionnaire = await build_questionnaire(consultation)
    response = await store_response(questionnaire, "Benches at the bus stop")

    await apply_retention(datetime.now(UTC))

    answer = await Answer.get(response=response, question__key="views")
    assert answer.text == "Benches at the bus stop"


async def test_the_apply_retention_command_deletes_the_text(database_url: str) -> None:
    questionnaire, response = await consultation_past_its_retention_date()

    result = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "consult.cli", "apply-retention"],
        env={**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "retention-command"},
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert f"{questionnaire.consultation.slug}: deleted the text of 2 answers" in result.stdout
    answer = await Answer.get(response=response, question__key="views")
    assert answer.text is None


async def test_a_failing_retention_run_is_logged_and_does_not_stop_the_worker(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[datetime] = []

    async def failing(now: datetime) -> list[object]:
        calls.append(now)
        raise RuntimeError("database away")

    monkeypatch.setattr("analysis.worker.apply_retention", failing)
    with caplog.at_level(logging.ERROR, logger="analysis.worker"):
        last_run = await apply_retention_when_due(None)

    assert last_run is not None
    assert "applying retention dates failed" in caplog.text
    assert await apply_retention_when_due(last_run) == last_run
    assert len(calls) == 1
