"""The review queue: one answer at a time, the machine's tags with their evidence, a decision."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from tortoise.exceptions import DoesNotExist

from analysis.campaigns import CAMPAIGN_MIN_COPIES, copies_of
from analysis.models import TagSource
from analysis.presenters import language_name, number, numbered_theme_names, theme_name
from analysis.review import (
    TagEvent,
    answer_under_review,
    evidence_segments,
    find_answer,
    next_answer_for_review,
    record_review,
    review_counts,
)
from analysis.themes import THEMES
from analysis.views.wording import consultation_wording
from consult import i18n
from consult.accounts.access import staff_user
from consult.i18n import LANGUAGE_CODES, LANGUAGES_BY_CODE, N_, gettext
from consult.rendering import render
from surveys.lookup import consultation_or_404, question_or_404
from surveys.models import Answer

MACHINE_TAG = N_("The machine found this theme (score %(score)s, model %(version)s).")
MACHINE_SILENT = N_("The machine did not find this theme.")
DECIDED_BY = N_("Decided by %(name)s.")


@dataclass(frozen=True)
class ThemeDecision:
    number: int
    slug: str
    name: str
    machine_note: str
    officer_note: str
    present: bool
    quoted: bool
    evidence: list[str]


@dataclass(frozen=True)
class HistoryRow:
    theme: str
    decision: str
    by: str
    at: str
    current: bool


def _history_row(event: TagEvent) -> HistoryRow:
    decision = gettext(N_("Present")) if event.present else gettext(N_("Not present"))
    if event.source == TagSource.MACHINE:
        score = f"{event.score:.2f}" if event.score is not None else "–"
        by = gettext(
            N_("Machine, model %(version)s, score %(score)s"),
            version=event.model_version,
            score=score,
        )
    else:
        by = event.officer_name or gettext(N_("A former officer"))
    return HistoryRow(
        theme_name(event.theme), decision, by, event.at.strftime("%Y-%m-%d %H:%M"), event.current
    )


async def review_queue(request: Request) -> Response:
    consultation = await consultation_or_404(request)
    question = await question_or_404(consultation, request.path_params["question"])
    language = request.query_params.get("language", "")
    language = language if language in LANGUAGE_CODES else ""
    base = f"/{i18n.current_language().code}/staff/consultations/{consultation.slug}"
    here = f"{base}/review/{question.key}"
    if request.method == "POST":
        form = await request.form()
        try:
            decided = await find_answer(consultation, question, int(str(form.get("answer", ""))))
        except (ValueError, DoesNotExist):
            return RedirectResponse(here, status_code=303)
        if "skip" not in form:
            await record_review(
                consultation,
                decided,
                staff_user(request).user,
                present_themes=[t for t in THEMES if form.get(f"theme-{t}") == "present"],
                quoted_themes=[str(t) for t in form.getlist("quote") if t in THEMES],
            )
        query = urlencode(
            [("after", str(decided.id))] + ([("language", language)] if language else [])
        )
        return RedirectResponse(f"{here}?{query}", status_code=303)

    wording = await consultation_wording(consultation)
    reviewed, answered = await review_counts(consultation, question)
    requested = request.query_params.get("answer", "")
    answer: Answer | None = None
    if requested.isdigit():
        try:
            answer = await find_answer(consultation, question, int(requested))
        except DoesNotExist:
            answer = None
    if answer is None:
        after = request.query_params.get("after", "")
        found = await next_answer_for_review(
            consultation, question, language, int(after) if after.isdigit() else 0
        )
        if found is None and after:
            found = await next_answer_for_review(consultation, question, language)
        answer = await find_answer(consultation, question, found.id) if found else None
    context: dict[str, Any] = {
        "question_title": wording.question(question.key),
        "progress": gettext(
            N_("%(reviewed)s of %(answered)s answers reviewed"),
            reviewed=number(reviewed),
            answered=number(answered),
        ),
        "dashboard_href": f"{base}/dashboard",
        "action": here + (f"?language={language}" if language else ""),
    }
    if answer is None:
        return render(request, "analysis/review.html", **context, answer=None)
    state = await answer_under_review(answer)
    evidence = {theme: row.evidence for theme, row in state.machine_tags.items()}
    text = answer.text or ""
    decisions = []
    for number_, theme in enumerate(THEMES, start=1):
        machine = state.machine_tags.get(theme)
        officer = state.officer_decisions.get(theme)
        decisions.append(
            ThemeDecision(
                number=number_,
                slug=theme,
                name=theme_name(theme),
                machine_note=(
                    gettext(
                        MACHINE_TAG,
                        score=f"{machine.score or 0:.2f}",
                        version=machine.model_version or "",
                    )
                    if machine
                    else gettext(MACHINE_SILENT)
                ),
                officer_note=(
                    gettext(DECIDED_BY, name=officer.officer.name if officer.officer else "")
                    if officer
                    else ""
                ),
                present=officer.present if officer else machine is not None,
                quoted=theme in state.quoted_themes,
                evidence=[text[start:end] for start, end in (machine.evidence if machine else [])],
            )
        )
    written_in = LANGUAGES_BY_CODE.get(state.language)
    # Flagged as the campaigns page lists them: this answer and enough near copies.
    near_copies = await copies_of(answer) + 1
    flagged = near_copies >= CAMPAIGN_MIN_COPIES
    return render(
        request,
        "analysis/review.html",
        **context,
        answer=answer,
        reference=answer.response.reference,
        language_name=language_name(state.language),
        answer_language=state.language,
        answer_direction=written_in.direction if written_in else "auto",
        segments=evidence_segments(text, evidence),
        theme_names=numbered_theme_names(),
        decisions=decisions,
        history=[_history_row(event) for event in state.history],
        already_reviewed=state.reviewed is not None,
        near_copies=near_copies if flagged else 0,
        near_copies_text=number(near_copies),
        campaigns_href=f"{base}/campaigns",
    )
