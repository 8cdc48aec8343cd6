"""The respondent's journey: landing, start, one page per question, check answers, done."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from consult import i18n
from consult.i18n import N_, gettext, long_date
from consult.rendering import render
from surveys import services
from surveys.forms import answer_from_form, build_answer_form, form_data_from_answer
from surveys.lookup import language_or_404
from surveys.models import Consultation
from surveys.presenters import (
    CheckAnswersView,
    ErrorSummaryItem,
    present_answers,
    present_question,
)
from surveys.printable_presenters import printable_links
from surveys.wording import load_wording, published_languages, wording_by_consultation

DRAFTS_SESSION_KEY = "drafts"
SUBMITTED_SESSION_KEY = "submitted"
ANSWER_MISSING = N_("Answer the question: %(question)s")


def _path(request: Request, name: str, **params: str) -> str:
    return str(request.app.url_path_for(name, **params))


def _session_token(request: Request, bucket: str, slug: str) -> str | None:
    tokens = request.session.get(bucket, {})
    token = tokens.get(slug) if isinstance(tokens, dict) else None
    return token if isinstance(token, str) else None


def _set_session_token(request: Request, bucket: str, slug: str, token: str | None) -> None:
    tokens = dict(request.session.get(bucket, {}))
    if token is None:
        tokens.pop(slug, None)
    else:
        tokens[slug] = token
    request.session[bucket] = tokens


class LanguageNotOffered(Exception):
    """The consultation exists but is not published in the language asked for."""

    def __init__(self, consultation: Consultation, offered: tuple[str, ...]) -> None:
        super().__init__(consultation.slug)
        self.consultation = consultation
        self.offered = offered


async def _consultation(request: Request) -> Consultation:
    """The consultation in the URL, if it is published in the URL's language.

    Only published languages are offered on its pages (the switcher reads them from
    `request.state`), so respondents never see a half-translated form.
    """
    consultation = await services.find_consultation(request.path_params["slug"])
    if consultation is None:
        raise HTTPException(404)
    offered = await published_languages(consultation)
    request.state.offered_languages = offered
    if language_or_404(request) not in offered:
        raise LanguageNotOffered(consultation, offered)
    return consultation


async def language_not_offered(request: Request, exc: Exception) -> Response:
    """Explain, in the page's language, and link to the languages it can be read in."""
    assert isinstance(exc, LanguageNotOffered)
    wording = await load_wording(exc.consultation, exc.consultation.source_language)
    segments = request.url.path.split("/")
    return render(
        request,
        "surveys/not_offered.html",
        status_code=404,
        consultation_title=wording.consultation("title"),
        available=[
            {
                "language": i18n.LANGUAGES_BY_CODE[code],
                "href": "/".join(["", code, *segments[2:]]),
            }
            for code in exc.offered
        ],
    )


async def negotiate(request: Request) -> Response:
    """`/consultations/{slug}/`: the best published language for this browser."""
    consultation = await services.find_consultation(request.path_params["slug"])
    if consultation is None:
        raise HTTPException(404)
    offered = await published_languages(consultation)
    code = i18n.negotiate_language(request.headers.get("accept-language"), offered)
    response = RedirectResponse(
        _path(request, "start", lang=code, slug=consultation.slug), status_code=303
    )
    response.headers["Vary"] = "Accept-Language"
    return response


async def landing(request: Request) -> Response:
    language = language_or_404(request)
    consultations = [
        consultation
        for consultation in await services.open_consultations()
        if language in await published_languages(consultation)
    ]
    titles = await wording_by_consultation(consultations, language, "title")
    items = [
        {
            "title": titles.get(consultation.id, consultation.slug),
            "href": _path(request, "start", lang=language, slug=consultation.slug),
            "closes": long_date(consultation.closes_at),
        }
        for consultation in consultations
    ]
    return render(request, "surveys/landing.html", consultations=items)


async def start(request: Request) -> Response:
    language = language_or_404(request)
    consultation = await _consultation(request)
    wording = await load_wording(consultation, language)
    questionnaire = await services.load_questionnaire(consultation)
    first = questionnaire.questions[0].key if questionnaire.questions else None
    draft = await services.find_draft(
        consultation, _session_token(request, DRAFTS_SESSION_KEY, consultation.slug)
    )
    return render(
        request,
        "surveys/start.html",
        wording=wording,
        title=wording.consultation("title"),
        introduction=wording.paragraphs("consultation.introduction"),
        question_count=len(questionnaire.questions),
        accepting=services.is_accepting_responses(consultation),
        closes=long_date(consultation.closes_at),
        start_href=_path(request, "question", lang=language, slug=consultation.slug, question=first)
        if first
        else None,
        resuming=draft is not None,
        printable=printable_links(language, consultation.slug),
        other_formats_href=_path(request, "request_format", lang=language, slug=consultation.slug),
    )


async def question(request: Request) -> Response:
    language = language_or_404(request)
    consultation = await _consultation(request)
    if not services.is_accepting_responses(consultation):
        return RedirectResponse(
            _path(request, "start", lang=language, slug=consultation.slug), status_code=303
        )
    questionnaire = await services.load_questionnaire(consultation)
    spec = questionnaire.find(request.path_params["question"])
    if spec is None:
        raise HTTPException(404)
    slug = consultation.slug
    token = _session_token(request, DRAFTS_SESSION_KEY, slug)
    draft = await services.find_draft(consultation, token)
    form_class = build_answer_form(spec)
    returning_to_check = request.query_params.get("from") == "check"
    status_code = 200

    if request.method == "POST":
        formdata = await request.form()
        form = form_class(formdata=formdata)
        if token is None:
            token = services.new_draft_token()
            _set_session_token(request, DRAFTS_SESSION_KEY, slug, token)
        switch_to = formdata.get("switch_language")
        if isinstance(switch_to, str) and switch_to in i18n.LANGUAGES_BY_CODE:
            # The language switcher submitted the form: keep what was typed, valid or not.
            await services.save_draft_answer(
                consultation, token, spec.key, answer_from_form(spec, form)
            )
            target = _path(request, "question", lang=switch_to, slug=slug, question=spec.key)
            query = f"?{request.url.query}" if request.url.query else ""
            return RedirectResponse(target + query, status_code=303)
        if form.is_valid():
            await services.save_draft_answer(
                consultation, token, spec.key, answer_from_form(spec, form)
            )
            following = None if returning_to_check else questionnaire.after(spec.key)
            target = (
                _path(request, "question", lang=language, slug=slug, question=following.key)
                if following
                else _path(request, "check", lang=language, slug=slug)
            )
            return RedirectResponse(target, status_code=303)
        status_code = 400
    else:
        saved = draft.answers.get(spec.key) if draft else None
        form = form_class(data=form_data_from_answer(spec, saved))

    wording = await load_wording(consultation, language)
    previous = questionnaire.before(spec.key)
    if returning_to_check:
        back_href = _path(request, "check", lang=language, slug=slug)
    elif previous:
        back_href = _path(request, "question", lang=language, slug=slug, question=previous.key)
    else:
        back_href = _path(request, "start", lang=language, slug=slug)
    view = present_question(questionnaire, spec, wording, form)
    return render(
        request,
        "surveys/question.html",
        status_code=status_code,
        wording=wording,
        consultation_title=wording.consultation("title"),
        question=view,
        errors=[ErrorSummaryItem(view.error, f"#{view.field_id}")] if view.error else [],
        back_href=back_href,
        action=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
    )


async def check_answers(request: Request) -> Response:
    language = language_or_404(request)
    consultation = await _consultation(request)
    slug = consultation.slug
    token = _session_token(request, DRAFTS_SESSION_KEY, slug)
    draft = await services.find_draft(consultation, token)

    if request.method == "POST" and draft is None:
        # A second click (sent with the old cookie), or the form sent again after it was
        # stored (the new cookie names the submission): show the same receipt.
        submitted = await services.find_submitted(
            consultation, token or _session_token(request, SUBMITTED_SESSION_KEY, slug)
        )
        if submitted is not None:
            return RedirectResponse(
                _path(request, "confirmation", lang=language, slug=slug), status_code=303
            )
    if not services.is_accepting_responses(consultation) or draft is None:
        return RedirectResponse(_path(request, "start", lang=language, slug=slug), 303)

    questionnaire = await services.load_questionnaire(consultation)
    wording = await load_wording(consultation, language)
    change_href = {
        spec.key: _path(request, "question", lang=language, slug=slug, question=spec.key)
        + "?from=check"
        for spec in questionnaire.questions
    }
    view = CheckAnswersView(present_answers(questionnaire, wording, draft.answers, change_href))
    status_code = 200
    if request.method == "POST":
        view.errors = [
            ErrorSummaryItem(
                gettext(ANSWER_MISSING, question=row.question), f"#answer-row-{row.key}"
            )
            for spec, row in zip(questionnaire.questions, view.rows, strict=True)
            if spec.question.required and not row.answered
        ]
        if not view.errors:
            await services.submit_draft(questionnaire, draft, wording)
            _set_session_token(request, DRAFTS_SESSION_KEY, slug, None)
            _set_session_token(request, SUBMITTED_SESSION_KEY, slug, draft.token)
            return RedirectResponse(
                _path(request, "confirmation", lang=language, slug=slug), status_code=303
            )
        status_code = 400
    return render(
        request,
        "surveys/check_answers.html",
        status_code=status_code,
        wording=wording,
        consultation_title=wording.consultation("title"),
        view=view,
        errors=view.errors,
        back_href=change_href[questionnaire.questions[-1].key].removesuffix("?from=check"),
    )


async def confirmation(request: Request) -> Response:
    language = language_or_404(request)
    consultation = await _consultation(request)
    submitted = await services.find_submitted(
        consultation, _session_token(request, SUBMITTED_SESSION_KEY, consultation.slug)
    )
    if submitted is None:
        return RedirectResponse(
            _path(request, "start", lang=language, slug=consultation.slug), status_code=303
        )
    wording = await load_wording(consultation, language)
    return render(
        request,
        "surveys/confirmation.html",
        wording=wording,
        consultation_title=wording.consultation("title"),
        reference=submitted.reference,
        next_steps=wording.paragraphs("consultation.confirmation"),
        landing_href=_path(request, "landing", lang=language),
        withdraw_href=_path(request, "withdraw", lang=language),
    )


routes = [
    Route("/consultations/{slug}/", negotiate, name="negotiate"),
    Route("/{lang}/", landing, name="landing"),
    Route("/{lang}/consultations/{slug}/", start, name="start"),
    Route(
        "/{lang}/consultations/{slug}/questions/{question}",
        question,
        name="question",
        methods=["GET", "POST"],
    ),
    Route(
        "/{lang}/consultations/{slug}/check-answers",
        check_answers,
        name="check",
        methods=["GET", "POST"],
    ),
    Route("/{lang}/consultations/{slug}/confirmation", confirmation, name="confirmation"),
]
