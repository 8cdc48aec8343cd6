"""Staff pages for translations: overview, side-by-side editor, files, history, English."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from consult import i18n
from consult.accounts.access import CONTENT_MANAGERS, TRANSLATION_ROLES, StaffRoute, staff_user
from consult.accounts.services import staff_names
from consult.i18n import N_, gettext
from consult.rendering import render
from surveys.lookup import consultation_or_404
from surveys.models import Consultation
from surveys.services import load_questionnaire
from surveys.wording import published_languages
from translations import files, services
from translations.presenters import field_label, language_of, present_field

SAVED = N_("Your changes have been saved.")
CHOOSE_A_FILE = N_("Choose an XLIFF or PO file to import")
IMPORTED = N_(
    "%(applied)s fields imported. %(stale)s of them were made from older English "
    "and are marked as changed."
)


def _target(request: Request) -> str:
    code = str(request.path_params["target"])
    if code not in i18n.LANGUAGES_BY_CODE or code == i18n.SOURCE_LANGUAGE:
        raise HTTPException(404)
    if not staff_user(request).can_translate(code):
        raise HTTPException(403)
    return code


def _editor_path(language: str, slug: str, target: str, suffix: str = "") -> str:
    return f"/{language}/staff/translations/{slug}/{target}/{suffix}"


async def _question_numbers(consultation: Consultation) -> dict[str, int]:
    questionnaire = await load_questionnaire(consultation)
    return {spec.key: number for number, spec in enumerate(questionnaire.questions, start=1)}


async def overview(request: Request) -> Response:
    user = staff_user(request)
    language = i18n.current_language().code
    rows = []
    for consultation in await Consultation.all().order_by("-created_at"):
        published = await published_languages(consultation)
        title = await services.field_states(consultation, consultation.source_language)
        languages = []
        for code in services.translatable_languages(consultation, user):
            progress = services.progress(await services.field_states(consultation, code))
            languages.append(
                {
                    "language": language_of(code),
                    "progress": progress,
                    "published": code in published,
                    "href": _editor_path(language, consultation.slug, code),
                }
            )
        rows.append(
            {
                "title": next((s.source.text for s in title if s.key == "consultation.title"), ""),
                "slug": consultation.slug,
                "languages": languages,
                "wording_href": f"/{language}/staff/consultations/{consultation.slug}/wording",
            }
        )
    return render(
        request,
        "translations/overview.html",
        consultations=rows,
        manages_content=user.manages_content,
    )


async def editor(request: Request) -> Response:
    user = staff_user(request)
    target = _target(request)
    consultation = await consultation_or_404(request)
    language = i18n.current_language().code
    states = await services.field_states(consultation, target)
    typed: dict[str, str] = {}
    errors: dict[str, str] = {}
    message = None
    status_code = 200

    if request.method == "POST":
        form = await request.form()
        action = str(form.get("action", "save"))
        by_key = {state.key: state for state in states}
        verb, _, key = action.partition(":")
        try:
            if verb in ("approve", "return", "confirm") and key in by_key:
                step = {
                    "approve": services.approve,
                    "return": services.return_for_changes,
                    "confirm": services.confirm_unchanged,
                }[verb]
                await step(by_key[key], user)
            elif verb in ("save", "send"):
                typed = {
                    state.key: value
                    for state in states
                    if isinstance(value := form.get(f"text:{state.key}"), str)
                }
                changed = {
                    state.key: typed[state.key]
                    for state in states
                    if state.key in typed
                    and typed[state.key] != (state.target.text if state.target else "")
                }
                for key_, value in changed.items():
                    problems = services.wording_problems(key_, by_key[key_].source.text, value)
                    if problems:
                        errors[key_] = " ".join(problems)
                if not errors:
                    await services.save_changes(
                        consultation, target, states, changed, user, for_review=verb == "send"
                    )
        except services.WorkflowRefused as refusal:
            errors[key or "form"] = refusal.message
        if not errors:
            return RedirectResponse(
                _editor_path(language, consultation.slug, target) + "?saved=1", status_code=303
            )
        status_code = 400
    elif request.query_params.get("saved"):
        message = gettext(SAVED)

    numbers = await _question_numbers(consultation)
    names = await staff_names()
    fields = [
        present_field(state, user, numbers, typed.get(state.key), errors.get(state.key), names)
        for state in states
    ]
    summary = [
        {"message": f"{field.label}: {field.error}", "href": f"#{field.element_id}"}
        for field in fields
        if field.error
    ]
    if "form" in errors:
        summary.append({"message": errors["form"], "href": "#fields"})
    return render(
        request,
        "translations/editor.html",
        status_code=status_code,
        errors=summary,
        message=message,
        target=language_of(target),
        title=next((s.source.text for s in states if s.key == "consultation.title"), ""),
        progress=services.progress(states),
        published=target in await published_languages(consultation),
        fields=fields,
        can_review=user.can_review(target),
        export_xliff_href=_editor_path(language, consultation.slug, target, "export.xlf"),
        export_po_href=_editor_path(language, consultation.slug, target, "export.po"),
        import_href=_editor_path(language, consultation.slug, target, "import"),
        history_href=_editor_path(language, consultation.slug, target, "history"),
        overview_href=f"/{language}/staff/translations/",
    )


async def export(request: Request) -> Response:
    target = _target(request)
    consultation = await consultation_or_404(request)
    kinds = {"xlf": files.FileFormat.XLIFF, "po": files.FileFormat.PO}
    kind = kinds.get(request.path_params["kind"])
    if kind is None:
        raise HTTPException(404)
    data = await files.export_file(consultation, target, kind)
    filename = f"{consultation.slug}.{target}.{kind.extension}"
    return Response(
        data,
        media_type=kind.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


async def import_translations(request: Request) -> Response:
    user = staff_user(request)
    target = _target(request)
    consultation = await consultation_or_404(request)
    language = i18n.current_language().code
    report = None
    problems: list[str] = []
    status_code = 200
    if request.method == "POST":
        async with request.form(max_files=1, max_fields=10) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile) or not upload.filename:
                problems = [gettext(CHOOSE_A_FILE)]
            else:
                data = await upload.read(files.MAX_IMPORT_BYTES + 1)
                report = await files.import_file(
                    consultation, target, data, user, approve=form.get("approve") == "yes"
                )
                problems = report.problems
        status_code = 400 if problems else 200
    return render(
        request,
        "translations/import.html",
        status_code=status_code,
        errors=[{"message": problem, "href": "#file"} for problem in problems],
        problems=problems,
        imported=gettext(IMPORTED, applied=report.applied, stale=report.stale)
        if report and not problems
        else None,
        target=language_of(target),
        can_review=user.can_review(target),
        editor_href=_editor_path(language, consultation.slug, target),
    )


async def history(request: Request) -> Response:
    target = _target(request)
    consultation = await consultation_or_404(request)
    language = i18n.current_language().code
    entries = await services.history(consultation, target)
    numbers = await _question_numbers(consultation)
    return render(
        request,
        "translations/history.html",
        target=language_of(target),
        entries=[
            {
                "when": entry.created_at.strftime("%Y-%m-%d %H:%M"),
                "who": entry.user.name if entry.user else "",
                "field": field_label(entry.unit.key, numbers),
                "action": entry.action.value,
                "old_text": entry.old_text or "",
                "new_text": entry.new_text or "",
            }
            for entry in entries
        ],
        editor_href=_editor_path(language, consultation.slug, target),
    )


async def source_wording(request: Request) -> Response:
    """Officers edit the English; each change makes its translations stale."""
    user = staff_user(request)
    consultation = await consultation_or_404(request)
    language = i18n.current_language().code
    states = await services.field_states(consultation, consultation.source_language)
    typed: dict[str, str] = {}
    errors: dict[str, str] = {}
    status_code = 200
    if request.method == "POST":
        form = await request.form()
        for state in states:
            value = form.get(f"text:{state.key}")
            if isinstance(value, str) and value != state.source.text:
                typed[state.key] = value
                problems = services.wording_problems(state.key, value, value)
                if problems:
                    errors[state.key] = " ".join(problems)
        if not errors:
            for state in states:
                if state.key in typed:
                    await services.edit_source(state, typed[state.key], user)
            return RedirectResponse(str(request.url.path) + "?saved=1", status_code=303)
        status_code = 400
    numbers = await _question_numbers(consultation)
    fields = [
        present_field(state, user, numbers, typed.get(state.key), errors.get(state.key))
        for state in states
    ]
    return render(
        request,
        "translations/source.html",
        status_code=status_code,
        errors=[
            {"message": f"{f.label}: {f.error}", "href": f"#{f.element_id}"}
            for f in fields
            if f.error
        ],
        message=gettext(SAVED) if request.query_params.get("saved") else None,
        fields=fields,
        overview_href=f"/{language}/staff/translations/",
    )


routes = [
    StaffRoute(
        "/{lang}/staff/translations/", overview, name="translations", roles=TRANSLATION_ROLES
    ),
    StaffRoute(
        "/{lang}/staff/translations/{slug}/{target}/",
        editor,
        name="translation_editor",
        methods=["GET", "POST"],
        roles=TRANSLATION_ROLES,
    ),
    StaffRoute(
        "/{lang}/staff/translations/{slug}/{target}/export.{kind:str}",
        export,
        name="translation_export",
        roles=TRANSLATION_ROLES,
    ),
    StaffRoute(
        "/{lang}/staff/translations/{slug}/{target}/import",
        import_translations,
        name="translation_import",
        methods=["GET", "POST"],
        roles=TRANSLATION_ROLES,
    ),
    StaffRoute(
        "/{lang}/staff/translations/{slug}/{target}/history",
        history,
        name="translation_history",
        roles=TRANSLATION_ROLES,
    ),
    StaffRoute(
        "/{lang}/staff/consultations/{slug}/wording",
        source_wording,
        name="source_wording",
        methods=["GET", "POST"],
        roles=CONTENT_MANAGERS,
    ),
]
