"""Every form, posted generated and hostile inputs: never a server error, never raw markup.

The forms are found from the route table, not listed by hand: each route that takes a POST
is fetched (as the role that may use it), the names of its form's fields are read from the
page, and Hypothesis posts values for them with a valid CSRF token.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.routing import Route

from analysis.services import tag_pending
from analysis.tagger import ThemeTagger
from consult.accounts.access import StaffRoute
from consult.accounts.models import Role
from surveys.groups.models import Organisation, OrganisationKind
from surveys.models import Consultation, Response
from tests.builders import build_answer, build_demo_copy
from tests.journey import SAMPLE_ANSWERS, answer_every_question, csrf_token_in, demo_path
from tests.staff import build_user, sign_in

MARKUP = "<script>alert('fuzz')</script>"
HOSTILE = [
    MARKUP,
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "1; DROP TABLE response; --",
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "../../../../etc/passwd",
    "\u202eevil\u202c",
    "zero\u200bwidth\u200d",
    "\x00\x01\x1f",
    "٣٤٥ اردو \u200f",
    "𝕏" * 500,
    "A" * 5000,
    "",
    " ",
    "en",
    "ur') OR 1=1 --",
    "//evil.example/",
    "/\\evil.example",
    "https://evil.example/",
    "-1",
    "99999999999999999999",
    "2026-02-30",
]
values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200),
)
# Routes whose POST would end the fuzzing session itself.
SKIPPED = {"sign_out", "sign_in"}
EXAMPLES_PER_FORM = 100
FIELD = re.compile(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"')


def generated_inputs(names: list[str], count: int = EXAMPLES_PER_FORM) -> list[dict[str, str]]:
    """Hypothesis's inputs for these fields, drawn up front (its runner cannot await a post).

    Derandomised, so a failure comes back on every run with the same input.
    """
    drawn: list[dict[str, str]] = []

    @settings(
        max_examples=count, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(st.fixed_dictionaries({name: values for name in names}))
    def draw(data: dict[str, str]) -> None:
        drawn.append(data)

    draw()
    return drawn


def concrete(route: Route, slug: str) -> str:
    values = {
        "lang": "en",
        "slug": slug,
        "target": "gu",
        "channel": "paper",
        "question": "community-help",
    }
    return re.sub(r"{(\w+)(:\w+)?}", lambda m: values.get(m.group(1), "x"), route.path)


def posted_routes(app: Starlette) -> list[Route]:
    return [
        route
        for route in app.routes
        if isinstance(route, Route)
        and "POST" in (route.methods or ())
        and route.name not in SKIPPED
    ]


@pytest.fixture
async def fuzz_consultation() -> Consultation:
    return await build_demo_copy(("gu", "ur"))


@pytest.fixture
async def clients(app: Starlette) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    """An anonymous visitor, an admin and a group representative, each with their own session."""
    made = {}
    for name in ("anonymous", "admin", "rep"):
        made[name] = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, raise_app_exceptions=False),
            base_url="http://testserver",
        )
    await sign_in(made["admin"], await build_user(Role.ADMIN, reviews=("gu",)))
    await sign_in(made["rep"], await build_user(Role.GROUP_REPRESENTATIVE))
    yield made
    for client in made.values():
        await client.aclose()


def client_for(route: Route, clients: dict[str, httpx.AsyncClient]) -> httpx.AsyncClient:
    if not isinstance(route, StaffRoute):
        return clients["anonymous"]
    return clients["admin"] if Role.ADMIN in route.roles else clients["rep"]


async def form_fields(client: httpx.AsyncClient, path: str) -> tuple[str, list[str]]:
    """A CSRF token, and the names of the fields on the page's forms (none if it has no GET)."""
    page = await client.get(path)
    if page.status_code != 200 or "csrf_token" not in page.text:
        page = await client.get("/en/")
        return csrf_token_in(page.text), []
    names = sorted(set(FIELD.findall(page.text)) - {"csrf_token"})
    return csrf_token_in(page.text), names


async def test_no_form_gives_a_server_error_or_echoes_markup(
    app: Starlette, clients: dict[str, httpx.AsyncClient], fuzz_consultation: Consultation
) -> None:
    routes = posted_routes(app)
    assert len(routes) >= 10
    posted = 0
    for route in routes:
        client = client_for(route, clients)
        path = concrete(route, fuzz_consultation.slug)
        token, names = await form_fields(client, path)
        names = names or ["next", "value", "language"]

        for data in generated_inputs(names):
            response = await client.post(path, data={"csrf_token": token, **data})
            posted += 1
            assert response.status_code < 500, (path, data, response.text[:500])
            assert MARKUP not in response.text, (path, data)
    assert posted >= 1000


RAW_BODIES = [
    b"answer=%FF%FE%FD&name=%C0%AF",  # percent-encoded bytes that are not UTF-8
    b"answer=\xff\xfe\x00bad&name=\xed\xa0\x80",  # raw invalid UTF-8, a lone surrogate
    b"\xff\xfe" + "answer=سلام".encode("utf-16-le"),  # UTF-16 where UTF-8 is declared
    b"answer=" + b"%" * 100,
]


async def test_bodies_that_are_not_utf_8_are_refused_cleanly(
    app: Starlette, clients: dict[str, httpx.AsyncClient], fuzz_consultation: Consultation
) -> None:
    for route in posted_routes(app):
        client = client_for(route, clients)
        path = concrete(route, fuzz_consultation.slug)
        token, _names = await form_fields(client, path)
        for body in RAW_BODIES:
            response = await client.post(
                path,
                content=b"csrf_token=" + token.encode() + b"&" + body,
                headers={"content-type": "application/x-www-form-urlencoded"},
            )
            assert response.status_code < 500, (path, body)


async def test_the_same_response_sent_twice_at_once_is_stored_once(
    client: httpx.AsyncClient,
) -> None:
    await answer_every_question(client, "en", SAMPLE_ANSWERS["en"])
    page = await client.get(demo_path("en", "check-answers"))
    before = await Response.all().count()
    sent = await asyncio.gather(
        *(
            client.post(
                demo_path("en", "check-answers"), data={"csrf_token": csrf_token_in(page.text)}
            )
            for _ in range(4)
        )
    )
    assert {response.status_code for response in sent} == {303}
    assert await Response.all().count() == before + 1


async def test_markup_in_a_group_name_and_an_answer_is_shown_as_text_everywhere(
    clients: dict[str, httpx.AsyncClient], tagger: ThemeTagger
) -> None:
    consultation = await build_demo_copy(("ur",))
    organisation = await Organisation.create(
        name=MARKUP,
        kind=OrganisationKind.CHARITY,
        borough="Hackney",
        contact_name=MARKUP,
        contact_email="x@example.org",
    )
    answer = await build_answer(consultation, f"{MARKUP} We need youth workers funded for years.")
    response = await Response.get(id=answer.response_id)  # type: ignore[attr-defined]
    response.organisation = organisation
    await response.save()
    while await tag_pending(tagger):
        pass
    admin = clients["admin"]
    base = f"/en/staff/consultations/{consultation.slug}"
    pages = [
        "/en/staff/groups/",
        f"{base}/dashboard",
        f"{base}/dashboard?group={organisation.id}",
        f"{base}/review/community-help",
        f"{base}/campaigns",
        f"{base}/summary",
    ]
    for path in pages:
        shown = await admin.get(path)
        assert shown.status_code == 200, path
        assert MARKUP not in shown.text, path
    assert "&lt;script&gt;" in (await admin.get("/en/staff/groups/")).text
    exported = await admin.get(f"{base}/export.csv")
    assert exported.status_code == 200
    # An export is data, not a page: the text is kept as written, and no cell starts a formula.
    assert MARKUP in exported.text
