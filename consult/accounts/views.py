"""Sign in, sign out, and the staff home page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from consult import i18n
from consult.accounts import services
from consult.accounts.access import EVERY_ROLE, StaffRoute, safe_next_path, staff_user
from consult.accounts.forms import SignInForm
from consult.accounts.models import Role
from consult.i18n import N_, gettext
from consult.rendering import render
from surveys.models import Consultation

SIGN_IN_REFUSED = N_(
    "Enter a correct email address and password. After several wrong attempts, wait 15 "
    "minutes before trying again."
)


def _home(language: str) -> str:
    return f"/{language}/staff/"


async def sign_in(request: Request) -> Response:
    language = i18n.current_language().code
    next_path = safe_next_path(request.query_params.get("next"), _home(language))
    errors: list[dict[str, str]] = []
    if request.method == "POST":
        form = SignInForm(formdata=await request.form())
        if form.is_valid():
            try:
                user = await services.authenticate(form.email.data, form.password.data)
            except services.SignInRefused:
                errors.append({"message": gettext(SIGN_IN_REFUSED), "href": "#email"})
            else:
                await services.start_session(request, user)
                return RedirectResponse(next_path, status_code=303)
        else:
            for name, messages in form.errors.items():
                errors.append({"message": str(messages[0]), "href": f"#{name}"})
    else:
        form = SignInForm()
    return render(
        request,
        "accounts/sign_in.html",
        status_code=400 if errors else 200,
        errors=errors,
        email=form.email.data or "",
        action=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
    )


async def sign_out(request: Request) -> Response:
    await services.end_session(request)
    return RedirectResponse(f"/{i18n.current_language().code}/staff/sign-in", status_code=303)


async def staff_home(request: Request) -> Response:
    user = staff_user(request)
    language = i18n.current_language().code
    if user.role == Role.GROUP_REPRESENTATIVE:
        return RedirectResponse(f"/{language}/staff/group/", status_code=303)
    consultations = await Consultation.all().order_by("-created_at") if user.manages_content else []
    base = f"/{language}/staff/consultations"
    return render(
        request,
        "accounts/home.html",
        translations_href=f"/{language}/staff/translations/",
        groups_href=f"/{language}/staff/groups/" if user.manages_content else "",
        format_requests_href=f"/{language}/staff/format-requests/" if user.manages_content else "",
        consultations=[
            {
                "slug": consultation.slug,
                "tagging_href": f"{base}/{consultation.slug}/tagging",
                "dashboard_href": f"{base}/{consultation.slug}/dashboard",
                "paper_href": f"{base}/{consultation.slug}/collected/paper",
                "upload_href": f"{base}/{consultation.slug}/upload",
                "retention_href": f"{base}/{consultation.slug}/retention",
            }
            for consultation in consultations
        ],
    )


routes = [
    Route("/{lang}/staff/sign-in", sign_in, name="sign_in", methods=["GET", "POST"]),
    StaffRoute(
        "/{lang}/staff/sign-out", sign_out, name="sign_out", methods=["POST"], roles=EVERY_ROLE
    ),
    StaffRoute("/{lang}/staff/", staff_home, name="staff_home", roles=EVERY_ROLE),
]
