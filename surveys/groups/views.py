"""Group registration, the representative's pages, paper data entry, and officers' group list."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from tortoise.functions import Count

from consult import i18n
from consult.accounts.access import (
    COLLECTORS,
    CONTENT_MANAGERS,
    REPRESENTATIVES,
    StaffRoute,
    staff_user,
)
from consult.accounts.models import Role, User
from consult.accounts.services import normalise_email, start_session
from consult.i18n import LANGUAGES_BY_CODE, N_, gettext
from consult.rendering import render
from surveys.forms import answer_from_form, build_answer_form
from surveys.groups.forms import (
    GroupDetailsForm,
    PaperDetailsForm,
    RegisterGroupForm,
    RepresentativeForm,
    parse_day,
    parse_members,
)
from surveys.groups.models import GatheringMethod, Organisation, OrganisationKind
from surveys.groups.presenters import KIND_LABELS, METHOD_LABELS, present_collected_question
from surveys.groups.services import (
    LONDON_BOROUGHS,
    add_representative,
    group_responses,
    organisation_of,
    register_group,
    representatives_of,
    verify_group,
)
from surveys.models import Channel, Consultation, RespondentType, ResponseDraft
from surveys.models import Response as StoredResponse
from surveys.presenters import ErrorSummaryItem, form_error_summary
from surveys.printable_presenters import printable_links
from surveys.services import (
    GroupStatementData,
    ResponseOrigin,
    find_consultation,
    find_submitted,
    is_accepting_responses,
    load_questionnaire,
    new_draft_token,
    open_consultations,
    submit_draft,
)
from surveys.wording import load_wording, published_languages, wording_by_consultation

EMAIL_TAKEN = N_("An account already uses this email address. Sign in instead, or use another.")


def _group_home(language: str) -> str:
    return f"/{language}/staff/group/"


async def register(request: Request) -> Response:
    language = i18n.current_language().code
    form = RegisterGroupForm(await request.form() if request.method == "POST" else None)
    errors: list[ErrorSummaryItem] = []
    if request.method == "POST" and form.is_valid():
        if await User.exists(email=normalise_email(form.email.data)):
            errors = [ErrorSummaryItem(gettext(EMAIL_TAKEN), "#email")]
        else:
            user = await register_group(
                name=form.name.data.strip(),
                kind=OrganisationKind(form.kind.data),
                borough=form.borough.data,
                contact_name=form.contact_name.data.strip(),
                email=form.email.data,
                password=form.password.data,
            )
            await start_session(request, user)
            return RedirectResponse(_group_home(language), status_code=303)
    errors = errors or form_error_summary(form)
    return render(
        request,
        "groups/register.html",
        status_code=400 if errors else 200,
        errors=errors,
        form=form,
        kinds=[(value, gettext(label)) for value, label in KIND_LABELS.items()],
        boroughs=LONDON_BOROUGHS,
    )


async def _representatives_group(request: Request) -> Organisation:
    organisation = await organisation_of(staff_user(request).user)
    if organisation is None:
        raise HTTPException(403)
    return organisation


def _members_stated(response: StoredResponse) -> int | None:
    statement = getattr(response, "group_statement", None)
    return statement.members if statement else None


async def representatives(request: Request) -> Response:
    """A group's representatives, and one of them adding another."""
    organisation = await _representatives_group(request)
    language = i18n.current_language().code
    form = RepresentativeForm(await request.form() if request.method == "POST" else None)
    errors: list[ErrorSummaryItem] = []
    if request.method == "POST" and form.is_valid():
        if await User.exists(email=normalise_email(form.email.data)):
            errors = [ErrorSummaryItem(gettext(EMAIL_TAKEN), "#email")]
        else:
            await add_representative(
                organisation,
                name=form.contact_name.data.strip(),
                email=form.email.data,
                password=form.password.data,
            )
            return RedirectResponse(f"{request.url.path}?added=1", status_code=303)
    errors = errors or form_error_summary(form)
    return render(
        request,
        "groups/representatives.html",
        status_code=400 if errors else 200,
        errors=errors,
        form=form,
        organisation=organisation,
        representatives=await representatives_of(organisation),
        added=request.query_params.get("added") == "1" and not errors,
        home_href=_group_home(language),
    )


async def group_home(request: Request) -> Response:
    organisation = await _representatives_group(request)
    language = i18n.current_language().code
    consultations = await open_consultations()
    titles = await wording_by_consultation(consultations, language, "title")
    english = await wording_by_consultation(consultations, "en", "title")
    responses = await group_responses(organisation)
    return render(
        request,
        "groups/home.html",
        organisation=organisation,
        representatives_href=f"/{language}/staff/group/representatives",
        kind=gettext(KIND_LABELS[organisation.kind.value]),
        consultations=[
            {
                "title": titles.get(c.id) or english.get(c.id) or c.slug,
                "group_href": f"/{language}/staff/consultations/{c.slug}/collected/group",
                "paper_href": f"/{language}/staff/consultations/{c.slug}/collected/paper",
                "upload_href": f"/{language}/staff/consultations/{c.slug}/upload",
                "printable": printable_links(language, c.slug),
            }
            for c in consultations
        ],
        responses=[
            {
                "reference": response.reference,
                "consultation": response.consultation.slug,
                "how": gettext(N_("Group response"))
                if response.channel == Channel.GROUP
                else gettext(N_("Paper response")),
                "members": _members_stated(response),
                "language": LANGUAGES_BY_CODE[response.language].endonym
                if response.language in LANGUAGES_BY_CODE
                else response.language,
                "submitted": response.submitted_at.strftime("%Y-%m-%d"),
            }
            for response in responses
        ],
    )


async def collecting_group(request: Request) -> Organisation | None:
    """The group a collector enters responses for: a representative's own, none for officers."""
    user = staff_user(request).user
    organisation = await organisation_of(user)
    if user.role == Role.GROUP_REPRESENTATIVE and organisation is None:
        raise HTTPException(403)
    return organisation


async def accepting_consultation_or_404(request: Request) -> Consultation:
    """The URL's consultation, if it is open for responses now."""
    consultation = await find_consultation(request.path_params["slug"])
    if consultation is None or not is_accepting_responses(consultation):
        raise HTTPException(404)
    return consultation


async def collected_response(request: Request) -> Response:
    """One page to enter a whole response: a group's own, or one written on paper."""
    channel = request.path_params["channel"]
    if channel not in (Channel.GROUP.value, Channel.PAPER.value):
        raise HTTPException(404)
    user = staff_user(request).user
    organisation = await collecting_group(request)
    if channel == Channel.GROUP.value and organisation is None:
        raise HTTPException(404)
    consultation = await accepting_consultation_or_404(request)
    questionnaire = await load_questionnaire(consultation)
    languages = await published_languages(consultation)
    ui_language = i18n.current_language().code
    wording = await load_wording(
        consultation,
        ui_language if ui_language in languages else consultation.source_language,
    )
    formdata = await request.form() if request.method == "POST" else None
    details_class = GroupDetailsForm if channel == Channel.GROUP.value else PaperDetailsForm
    details = details_class(formdata, languages)
    answer_forms = {
        spec.key: build_answer_form(spec)(formdata=formdata, prefix=f"{spec.key}-")
        for spec in questionnaire.questions
    }
    token = str(formdata.get("token", "")) if formdata else ""
    token = token if 20 <= len(token) <= 64 and token.isascii() else new_draft_token()
    here = str(request.url.path)
    if formdata is not None:
        # Every form is validated, so the page lists every problem at once.
        valid = [details.is_valid()] + [form.is_valid() for form in answer_forms.values()]
        if all(valid):
            stored = await find_submitted(consultation, token)
            if stored is None:
                draft, _created = await ResponseDraft.get_or_create(
                    token=token,
                    defaults={
                        "consultation": consultation,
                        "answers": {
                            spec.key: answer_from_form(spec, answer_forms[spec.key])
                            for spec in questionnaire.questions
                        },
                    },
                )
                statement = None
                if isinstance(details, GroupDetailsForm):
                    members, gathered_on = (
                        parse_members(details.members.data),
                        parse_day(details.gathered_on.data),
                    )
                    assert members is not None and gathered_on is not None
                    statement = GroupStatementData(
                        members, GatheringMethod(details.method.data), gathered_on, user
                    )
                stored = await submit_draft(
                    questionnaire,
                    draft,
                    await load_wording(consultation, details.language.data),
                    ResponseOrigin(
                        channel=Channel(channel),
                        respondent_type=RespondentType.ORGANISATION
                        if statement
                        else RespondentType.INDIVIDUAL,
                        organisation=organisation,
                        statement=statement,
                    ),
                )
            return RedirectResponse(f"{here}?stored={stored.reference}", status_code=303)
    stored_reference = ""
    if reference := request.query_params.get("stored"):
        confirmed = await StoredResponse.filter(
            consultation=consultation, reference=reference, organisation=organisation
        ).first()
        stored_reference = confirmed.reference if confirmed else ""
    questions = [
        present_collected_question(number, spec, wording, answer_forms[spec.key])
        for number, spec in enumerate(questionnaire.questions, start=1)
    ]
    errors = form_error_summary(details) + [
        ErrorSummaryItem(question.error, f"#{question.element_id}")
        for question in questions
        if question.error
    ]
    return render(
        request,
        "groups/collected.html",
        status_code=400 if errors else 200,
        errors=errors,
        is_group=channel == Channel.GROUP.value,
        organisation=organisation,
        stored_reference=stored_reference,
        token=token,
        details=details,
        languages=[(code, LANGUAGES_BY_CODE[code].endonym) for code in languages],
        methods=[(value, gettext(label)) for value, label in METHOD_LABELS.items()],
        questions=questions,
        title=wording.consultation("title"),
        home_href=_group_home(ui_language) if organisation else f"/{ui_language}/staff/",
    )


async def group_list(request: Request) -> Response:
    """Officers see every group, verify the ones they have checked, and what each sent."""
    if request.method == "POST":
        form = await request.form()
        chosen = str(form.get("organisation", ""))
        organisation = (
            await Organisation.filter(id=int(chosen)).first() if chosen.isdigit() else None
        )
        if organisation is None:
            raise HTTPException(404)
        await verify_group(organisation, staff_user(request).user)
        return RedirectResponse(str(request.url.path), status_code=303)
    organisations = await Organisation.all().order_by("name")
    counts = {
        row["organisation_id"]: row["n"]
        for row in await StoredResponse.filter(organisation_id__not_isnull=True, withdrawn_at=None)
        .annotate(n=Count("id"))
        .group_by("organisation_id")
        .values("organisation_id", "n")
    }
    return render(
        request,
        "groups/list.html",
        groups=[
            {
                "id": organisation.id,
                "name": organisation.name,
                "kind": gettext(KIND_LABELS[organisation.kind.value]),
                "borough": organisation.borough,
                "contact": f"{organisation.contact_name} <{organisation.contact_email}>",
                "verified": organisation.verified_at.strftime("%Y-%m-%d")
                if organisation.verified_at
                else "",
                "responses": counts.get(organisation.id, 0),
            }
            for organisation in organisations
        ],
        home_href=f"/{i18n.current_language().code}/staff/",
    )


routes = [
    Route("/{lang}/groups/register", register, name="register_group", methods=["GET", "POST"]),
    StaffRoute("/{lang}/staff/group/", group_home, name="group_home", roles=REPRESENTATIVES),
    StaffRoute(
        "/{lang}/staff/group/representatives",
        representatives,
        name="group_representatives",
        methods=["GET", "POST"],
        roles=REPRESENTATIVES,
    ),
    StaffRoute(
        "/{lang}/staff/consultations/{slug}/collected/{channel}",
        collected_response,
        name="collected_response",
        methods=["GET", "POST"],
        roles=COLLECTORS,
    ),
    StaffRoute(
        "/{lang}/staff/groups/",
        group_list,
        name="group_list",
        methods=["GET", "POST"],
        roles=CONTENT_MANAGERS,
    ),
]
