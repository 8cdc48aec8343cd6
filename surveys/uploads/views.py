"""The upload page: download the template, send the filled-in file, see every problem at once."""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from consult import i18n
from consult.accounts.access import COLLECTORS, StaffRoute, staff_user
from consult.i18n import LANGUAGES_BY_CODE, N_, gettext
from consult.rendering import render
from surveys.groups.views import accepting_consultation_or_404, collecting_group
from surveys.services import load_questionnaire
from surveys.uploads.checks import TOO_MANY_PROBLEMS, CheckedFile
from surveys.uploads.models import UploadBatch
from surveys.uploads.reading import MAX_ANSWER_ROWS
from surveys.uploads.services import upload_responses
from surveys.uploads.template import SpreadsheetFormat, template_file
from surveys.wording import load_wording, published_languages

CHOOSE_A_FILE = N_("Choose the filled-in template to upload")
NOTHING_STORED = N_(
    "Nothing was stored: the file has problems. They are listed below by row and column."
)


def _safe_filename(name: str) -> str:
    """The file's own name, without any folders it claims or characters nobody types."""
    base = PurePosixPath(name.replace("\\", "/")).name
    return "".join(c for c in base if unicodedata.category(c)[0] != "C")[:200] or "upload"


async def download_template(request: Request) -> Response:
    await collecting_group(request)
    consultation = await accepting_consultation_or_404(request)
    language = request.path_params["language"]
    try:
        kind = SpreadsheetFormat(request.path_params["format"])
    except ValueError as error:
        raise HTTPException(404) from error
    if language not in await published_languages(consultation):
        raise HTTPException(404)
    questionnaire = await load_questionnaire(consultation)
    data = template_file(questionnaire, await load_wording(consultation, language), kind)
    filename = f"{consultation.slug}-responses-{language}.{kind.value}"
    return Response(
        data,
        media_type=kind.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _problem_rows(report: CheckedFile) -> list[dict[str, str]]:
    return [
        {"row": str(problem.row or ""), "column": problem.column, "message": problem.message}
        for problem in report.problems
    ]


async def upload(request: Request) -> Response:
    user = staff_user(request).user
    organisation = await collecting_group(request)
    consultation = await accepting_consultation_or_404(request)
    ui_language = i18n.current_language().code
    here = str(request.url.path)
    report: CheckedFile | None = None
    if request.method == "POST":
        async with request.form(max_files=1, max_fields=5) as form:
            chosen = form.get("file")
            if not isinstance(chosen, UploadFile) or not chosen.filename:
                report = CheckedFile()
                report.add(None, "", CHOOSE_A_FILE)
            else:
                data = await chosen.read()
                outcome = await upload_responses(
                    await load_questionnaire(consultation),
                    data,
                    _safe_filename(chosen.filename),
                    user,
                    organisation,
                )
                if outcome.batch is not None:
                    return RedirectResponse(f"{here}?stored={outcome.batch.id}", status_code=303)
                report = outcome.report
    stored = None
    if (batch_id := request.query_params.get("stored", "")).isdigit():
        stored = await UploadBatch.filter(
            id=int(batch_id), consultation=consultation, organisation=organisation
        ).first()
    languages = await published_languages(consultation)
    title_language = ui_language if ui_language in languages else consultation.source_language
    title = (await load_wording(consultation, title_language)).consultation("title")
    problems = _problem_rows(report) if report else []
    return render(
        request,
        "uploads/upload.html",
        status_code=400 if problems else 200,
        errors=[{"message": gettext(NOTHING_STORED), "href": "#problems"}] if problems else [],
        problems=problems,
        more_problems=gettext(TOO_MANY_PROBLEMS, count=report.unlisted_problems)
        if report and report.unlisted_problems
        else "",
        problem_count=report.problem_count if report else 0,
        stored=stored,
        organisation=organisation,
        title=title,
        max_rows=f"{MAX_ANSWER_ROWS:,}",
        templates=[
            {
                "language": LANGUAGES_BY_CODE[code],
                "links": [
                    {
                        "href": f"{here}/template-{code}.{kind.value}",
                        "kind": kind.value.upper(),
                    }
                    for kind in SpreadsheetFormat
                ],
            }
            for code in languages
        ],
        home_href=f"/{ui_language}/staff/group/" if organisation else f"/{ui_language}/staff/",
    )


routes = [
    StaffRoute(
        "/{lang}/staff/consultations/{slug}/upload",
        upload,
        name="upload_responses",
        methods=["GET", "POST"],
        roles=COLLECTORS,
    ),
    StaffRoute(
        "/{lang}/staff/consultations/{slug}/upload/template-{language}.{format}",
        download_template,
        name="upload_template",
        roles=COLLECTORS,
    ),
]
