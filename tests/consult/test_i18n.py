"""Languages: negotiation, `<html lang dir>`, and catalogs complete and really translated."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from consult.i18n import (
    LANGUAGE_CODES,
    LANGUAGES,
    MACHINE_DRAFT_MARKER,
    catalog_dir_name,
    negotiate_language,
)
from consult.settings import PROJECT_ROOT
from tests.journey import demo_path

LOCALE_DIR = PROJECT_ROOT / "consult" / "locale"
RIGHT_TO_LEFT = {"ur", "ar"}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ur-PK,ur;q=0.9,en;q=0.5", "ur"),
        ("zh-TW,zh;q=0.9", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("fr-FR,fr;q=0.9,pa-IN;q=0.8", "pa"),
        ("en;q=0.2,gu;q=0.9", "gu"),
        ("de-DE", "en"),
        ("", "en"),
        ("ar;q=0", "en"),
        ("'; DROP TABLE response;--", "en"),
    ],
)
def test_accept_language_picks_the_best_offered_language(header: str, expected: str) -> None:
    assert negotiate_language(header, LANGUAGE_CODES) == expected


async def test_the_front_door_redirects_to_the_negotiated_language(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/", headers={"Accept-Language": "bn-BD,bn;q=0.9"})
    assert response.status_code == 303
    assert response.headers["location"] == "/bn/"
    assert "Accept-Language" in response.headers["vary"]


@pytest.mark.parametrize("language", [language.code for language in LANGUAGES])
async def test_every_page_declares_its_language_and_direction(
    client: httpx.AsyncClient, language: str
) -> None:
    direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
    for path in (f"/{language}/", demo_path(language), f"/{language}/missing-page"):
        page = await client.get(path)
        assert f'<html lang="{language}" dir="{direction}">' in page.text, path


async def test_an_unknown_language_is_not_found(client: httpx.AsyncClient) -> None:
    response = await client.get(demo_path("xx"))
    assert response.status_code == 404
    assert '<html lang="en" dir="ltr">' in response.text


def catalog_path(code: str) -> Path:
    language = next(language for language in LANGUAGES if language.code == code)
    return LOCALE_DIR / catalog_dir_name(language) / "LC_MESSAGES" / "messages.po"


def extracted_message_ids() -> set[str]:
    method_map = [
        ("consult/**.py", "python"),
        ("surveys/**.py", "python"),
        ("translations/**.py", "python"),
        ("analysis/**.py", "python"),
        ("templates/**.html", "jinja2"),
    ]
    options = {"templates/**.html": {"trimmed": "true"}}
    return {
        message[2] if isinstance(message[2], str) else message[2][0]
        for message in extract_from_dir(
            str(PROJECT_ROOT),
            method_map=method_map,
            options_map=options,
            keywords={"_": None, "gettext": None, "N_": None, "ngettext": (1, 2)},
        )
    }


def test_the_pot_file_is_up_to_date() -> None:
    with (LOCALE_DIR / "messages.pot").open("rb") as pot:
        template = read_po(pot)
    # A plural message's id is its (singular, plural) pair; extraction names it by the singular.
    assert {
        message.id if isinstance(message.id, str) else message.id[0]
        for message in template
        if message.id
    } == extracted_message_ids()


@pytest.mark.parametrize("code", [c for c in LANGUAGE_CODES if c != "en"])
def test_every_catalog_is_complete_and_really_translated(code: str) -> None:
    with (LOCALE_DIR / "messages.pot").open("rb") as pot:
        expected = {message.id for message in read_po(pot) if message.id}
    with catalog_path(code).open("rb") as po:
        catalog = read_po(po)
    messages = {message.id: message for message in catalog if message.id}
    assert set(messages) == expected
    for message_id, message in messages.items():
        if isinstance(message.id, tuple):
            assert isinstance(message.string, tuple | list), f"{code}: {message_id!r} not plural"
            check_plural_forms(code, message.id, tuple(message.string))
            continue
        assert message.string, f"{code}: untranslated {message_id!r}"
        assert not message.fuzzy, f"{code}: fuzzy {message_id!r}"
        assert message.string != message_id, f"{code}: English copied for {message_id!r}"
        assert sorted(PLACEHOLDER.findall(str(message.string))) == sorted(
            PLACEHOLDER.findall(str(message_id))
        ), f"{code}: placeholders differ in {message_id!r}"


def check_plural_forms(code: str, english: tuple[str, ...], forms: tuple[str, ...]) -> None:
    """Each form of a plural, on its own: filled, not English, no placeholder English lacks.

    A language has as many forms as its Plural-Forms header says (Turkish one, Arabic six),
    and a form for exactly one or two may rightly spell the number out instead.
    """
    allowed = set(PLACEHOLDER.findall(english[-1]))
    assert forms and all(forms), f"{code}: untranslated plural {english[0]!r}"
    for form in forms:
        assert form not in english, f"{code}: English copied for {english[0]!r}"
        assert set(PLACEHOLDER.findall(form)) <= allowed, f"{code}: placeholders in {form!r}"
    assert any(PLACEHOLDER.findall(form) for form in forms[-1:]), (
        f"{code}: the general plural form of {english[0]!r} must show the number"
    )


@pytest.mark.parametrize("code", [c for c in LANGUAGE_CODES if c != "en"])
def test_machine_drafted_catalogs_say_so(code: str) -> None:
    # Until a native speaker reviews a catalog, its header says it is a machine draft,
    # which is what makes the respondent-facing notice appear.
    with catalog_path(code).open("rb") as po:
        catalog = read_po(po)
    assert MACHINE_DRAFT_MARKER in catalog.header_comment
