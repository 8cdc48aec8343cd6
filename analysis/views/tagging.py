"""The officer's tagging page: how many answers are tagged, and re-tagging in the browser."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from analysis.models import AnswerTagging, JobStatus, RetagJob
from analysis.services import MAX_ATTEMPTS, start_retag
from analysis.tagger import ModelsMissing, ThemeTagger
from consult import i18n
from consult.accounts.access import staff_user
from consult.rendering import render
from surveys.lookup import consultation_or_404
from surveys.models import Answer


def _model_version(request: Request) -> str | None:
    try:
        return ThemeTagger(request.app.state.settings.model_dir).version
    except ModelsMissing:
        return None


async def tagging(request: Request) -> Response:
    consultation = await consultation_or_404(request)
    version = _model_version(request)
    if request.method == "POST" and version:
        active = await RetagJob.filter(
            consultation=consultation, status__in=[JobStatus.QUEUED, JobStatus.RUNNING]
        ).exists()
        if not active:
            await start_retag(consultation, version, staff_user(request).user.id)
        return RedirectResponse(str(request.url.path), status_code=303)
    answers = Answer.filter(response__consultation=consultation, text__isnull=False)
    total = await answers.count()
    current = await AnswerTagging.filter(
        answer__response__consultation=consultation, model_version=version
    ).count()
    failed = (
        await AnswerTagging.filter(
            answer__response__consultation=consultation, attempts__gte=MAX_ATTEMPTS
        )
        .exclude(model_version=version)
        .count()
    )
    jobs = await RetagJob.filter(consultation=consultation).order_by("-id").limit(5)
    return render(
        request,
        "analysis/tagging.html",
        model_version=version or "",
        total=total,
        tagged=current,
        waiting=total - current - failed,
        failed=failed,
        jobs=[
            {
                "status": job.status.value,
                "done": job.done,
                "total": job.total,
                "version": job.model_version,
                "active": job.status in (JobStatus.QUEUED, JobStatus.RUNNING),
            }
            for job in jobs
        ],
        can_start=version is not None,
        refresh_href=str(request.url.path),
        overview_href=f"/{i18n.current_language().code}/staff/",
    )
