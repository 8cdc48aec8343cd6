"""Answers are tagged once stored; officers' decisions survive re-tagging; failures retry."""

from __future__ import annotations

import httpx
import pytest

from analysis import services
from analysis.models import AnswerTagging, AnswerTheme, JobStatus, TagSource
from analysis.tagger import ThemeTagger
from surveys.models import Answer, Response
from tests.builders import build_demo_copy
from tests.journey import csrf_token_in

FUNDING_ANSWER = (
    "Our estate got a youth worker for six months and then the money stopped. "
    "Fund it properly and for years, not months."
)


async def answer_demo_copy(client: httpx.AsyncClient, text: str) -> Answer:
    consultation = await build_demo_copy(("ur",))
    base = f"/en/consultations/{consultation.slug}"
    for key, value in (("community-help", text), ("priority-objective", "communities")):
        page = await client.get(f"{base}/questions/{key}")
        await client.post(
            f"{base}/questions/{key}",
            data={"csrf_token": csrf_token_in(page.text), "answer": value},
        )
    check = await client.get(f"{base}/check-answers")
    await client.post(f"{base}/check-answers", data={"csrf_token": csrf_token_in(check.text)})
    response = await Response.get(consultation=consultation)
    return await Answer.get(response=response, question__key="community-help")


async def current_themes(answer: Answer) -> dict[str, AnswerTheme]:
    return {row.theme: row for row in await AnswerTheme.filter(answer=answer, is_current=True)}


async def test_a_stored_answer_is_tagged_with_score_evidence_and_model(
    client: httpx.AsyncClient, tagger: ThemeTagger
) -> None:
    answer = await answer_demo_copy(client, FUNDING_ANSWER)
    while await services.tag_pending(tagger):
        pass
    themes = await current_themes(answer)
    funding = themes["secure-funding"]
    assert funding.source == TagSource.MACHINE
    assert funding.model_version == tagger.version
    assert funding.score is not None and funding.score >= 0.5
    assert any(
        "money" in FUNDING_ANSWER[s:e] or "Fund" in FUNDING_ANSWER[s:e] for s, e in funding.evidence
    )
    tagging = await AnswerTagging.get(answer=answer)
    assert tagging.language == "en"


async def test_a_tagging_failure_keeps_the_answer_and_is_retried(
    client: httpx.AsyncClient, tagger: ThemeTagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = await answer_demo_copy(client, "Nobody checks whether the drop-in centre works.")

    def broken(requests: object) -> object:
        raise RuntimeError("model crashed")

    with monkeypatch.context() as patch:
        patch.setattr(tagger, "tag", broken)
        await services.tag_pending(tagger)
    tagging = await AnswerTagging.get(answer=answer)
    assert tagging.attempts >= 1 and "model crashed" in (tagging.last_error or "")
    assert await Answer.exists(id=answer.id)

    while await services.tag_pending(tagger):
        pass
    tagging = await AnswerTagging.get(answer=answer)
    assert tagging.model_version == tagger.version and tagging.last_error is None


async def test_retagging_keeps_officer_decisions_and_history(
    client: httpx.AsyncClient, tagger: ThemeTagger
) -> None:
    answer = await answer_demo_copy(client, FUNDING_ANSWER)
    while await services.tag_pending(tagger):
        pass
    # An officer rejects the machine's funding tag: a decision that re-tagging must keep.
    await AnswerTheme.filter(answer=answer, theme="secure-funding", is_current=True).update(
        is_current=False
    )
    await AnswerTheme.create(
        answer=answer, theme="secure-funding", present=False, source=TagSource.OFFICER
    )
    response = await answer.response
    consultation = await response.consultation
    job = await services.start_retag(consultation, tagger.version, None)

    finished = await services.run_retag_job(job, tagger)

    assert finished.status == JobStatus.DONE and finished.done == finished.total
    themes = await current_themes(answer)
    assert themes["secure-funding"].source == TagSource.OFFICER
    assert themes["secure-funding"].present is False
    history = await AnswerTheme.filter(answer=answer, theme="secure-funding").count()
    assert history >= 2


async def test_an_officer_starts_a_retag_in_the_browser_and_sees_its_progress(
    client: httpx.AsyncClient, tagger: ThemeTagger
) -> None:
    from consult.accounts.models import Role
    from tests.staff import build_user, sign_in

    answer = await answer_demo_copy(client, FUNDING_ANSWER)
    consultation = await (await answer.response).consultation
    await sign_in(client, await build_user(Role.OFFICER))
    page_path = f"/en/staff/consultations/{consultation.slug}/tagging"
    page = await client.get(page_path)
    assert "Re-tag every answer" in page.text

    started = await client.post(page_path, data={"csrf_token": csrf_token_in(page.text)})
    assert started.status_code == 303
    # The web process's worker runs queued jobs; here we run it by hand.
    assert await services.run_queued_jobs(tagger) == 1

    progress = await client.get(page_path)
    assert "1 of 1 answers re-tagged" in progress.text


async def test_a_retag_job_interrupted_by_a_restart_resumes(
    client: httpx.AsyncClient, tagger: ThemeTagger
) -> None:
    answer = await answer_demo_copy(client, FUNDING_ANSWER)
    consultation = await (await answer.response).consultation
    job = await services.start_retag(consultation, tagger.version, None)
    # The process died mid-job: the row still says running, with nothing done.
    job.status = JobStatus.RUNNING
    await job.save()

    assert await services.run_queued_jobs(tagger) >= 1

    await job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.done == job.total == 1
    tagging = await AnswerTagging.get(answer=answer)
    assert tagging.model_version == tagger.version
