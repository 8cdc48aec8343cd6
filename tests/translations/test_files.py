"""XLIFF and PO round trips in Urdu, and every malformed import refused with nothing applied."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from translate.storage import po, xliff2

from surveys.models import Consultation, TextOrigin, TextStatus, TextUnit
from tests.builders import build_demo_copy
from tests.journey import csrf_token_in
from tests.staff import build_user, sign_in
from translations.models import TextHistory

URDU_TITLE = "کریک کوکین اور لندن کی کمیونٹیز: آپ کی رائے"


def base(consultation: Consultation) -> str:
    return f"/en/staff/translations/{consultation.slug}/ur"


async def download(client: httpx.AsyncClient, consultation: Consultation, kind: str) -> bytes:
    response = await client.get(f"{base(consultation)}/export.{kind}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    return response.content


async def upload(
    client: httpx.AsyncClient,
    consultation: Consultation,
    data: bytes,
    name: str = "ur.xlf",
    approve: bool = False,
) -> httpx.Response:
    page = await client.get(f"{base(consultation)}/import")
    form = {"csrf_token": csrf_token_in(page.text)}
    if approve:
        form["approve"] = "yes"
    return await client.post(
        f"{base(consultation)}/import", data=form, files={"file": (name, data)}
    )


def retitle_xliff(data: bytes, title: str = URDU_TITLE) -> bytes:
    store = xliff2.Xliff2File.parsestring(data)
    for unit in store.units:
        if unit.getid() == "consultation.title":
            unit.settarget(title)
    return bytes(store)


def retitle_po(data: bytes, title: str = URDU_TITLE) -> bytes:
    catalog = po.pofile.parsestring(data)
    for unit in catalog.units:
        if unit.getcontext() == "consultation.title":
            unit.target = title
    return bytes(catalog)


async def urdu_title(consultation: Consultation) -> TextUnit:
    return await TextUnit.get(consultation=consultation, language="ur", key="consultation.title")


@pytest.mark.parametrize(("kind", "edit"), [("xlf", retitle_xliff), ("po", retitle_po)])
async def test_a_file_round_trip_lands_as_a_draft(
    client: httpx.AsyncClient, kind: str, edit: Callable[[bytes], bytes]
) -> None:
    consultation = await build_demo_copy(("ur",))
    await sign_in(client, await build_user(translates=("ur",)))
    exported = await download(client, consultation, kind)
    assert "کریک".encode() in exported  # the current Urdu travels with the English

    response = await upload(client, consultation, edit(exported), name=f"ur.{kind}")

    assert response.status_code == 200, response.text
    assert "1 fields imported" in response.text
    title = await urdu_title(consultation)
    assert title.text == URDU_TITLE
    assert title.status == TextStatus.DRAFT
    assert title.origin == TextOrigin.IMPORTED


async def test_a_reviewer_can_import_approved(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("ur",))
    await sign_in(client, await build_user(reviews=("ur",)))
    exported = await download(client, consultation, "xlf")
    response = await upload(client, consultation, retitle_xliff(exported), approve=True)
    assert response.status_code == 200
    title = await urdu_title(consultation)
    assert title.status == TextStatus.APPROVED and title.reviewed_by_id is not None  # type: ignore[attr-defined]


async def test_english_changed_since_export_goes_in_as_stale(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("ur",))
    await sign_in(client, await build_user(translates=("ur",)))
    exported = await download(client, consultation, "xlf")
    source = await TextUnit.get(consultation=consultation, language="en", key="consultation.title")
    source.text, source.revision = "A new English title", source.revision + 1
    await source.save()

    response = await upload(client, consultation, retitle_xliff(exported))

    assert response.status_code == 200
    assert "1 of them were made from older English" in response.text
    title = await urdu_title(consultation)
    assert title.source_revision == source.revision - 1
    assert title.source_text == "Crack cocaine and London's communities"


def swap(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    return lambda data: data.replace(old, new)


MALFORMED: dict[str, Callable[[bytes], bytes]] = {
    "wrong target language": swap(b'trgLang="ur"', b'trgLang="ar"'),
    "no target language": swap(b' trgLang="ur"', b""),
    "unknown unit id": swap(b'id="consultation.title"', b'id="consultation.slogan"'),
    "duplicate unit id": swap(b'id="consultation.introduction"', b'id="consultation.title"'),
    "malformed XML": lambda data: data[: len(data) // 2],
    "not XML at all": lambda data: b"<xliff \x00\xff",
    "entity expansion": lambda data: data.replace(
        b"<xliff", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff', 1
    ),
    "over-size": lambda data: data + b"<!--" + b"x" * (2 * 1024 * 1024) + b"-->",
    "too long": lambda data: retitle_xliff(data, "ب" * 201),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
async def test_a_malformed_import_is_refused_whole(client: httpx.AsyncClient, case: str) -> None:
    consultation = await build_demo_copy(("ur",))
    await sign_in(client, await build_user(translates=("ur",)))
    # A good edit rides along: it must not be applied either.
    exported = retitle_xliff(await download(client, consultation, "xlf"))
    units_before = [
        (u.key, u.text, u.status)
        for u in await TextUnit.filter(consultation=consultation).order_by("id")
    ]
    history_before = await TextHistory.all().count()

    response = await upload(client, consultation, MALFORMED[case](exported))

    assert response.status_code in (400, 413), case
    assert "There is a problem" in response.text or "too large" in response.text
    units_after = [
        (u.key, u.text, u.status)
        for u in await TextUnit.filter(consultation=consultation).order_by("id")
    ]
    assert units_after == units_before
    assert await TextHistory.all().count() == history_before


async def test_control_characters_in_a_po_file_are_refused(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("ur",))
    await sign_in(client, await build_user(translates=("ur",)))
    exported = await download(client, consultation, "po")
    response = await upload(client, consultation, retitle_po(exported, "bad\x07title"), "ur.po")
    assert response.status_code == 400
    assert (await urdu_title(consultation)).text != "bad\x07title"


async def test_a_missing_unit_is_refused(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("ur",))
    await sign_in(client, await build_user(translates=("ur",)))
    catalog = po.pofile.parsestring(retitle_po(await download(client, consultation, "po")))
    catalog.units = [u for u in catalog.units if u.getcontext() != "question.connection.hint"]
    response = await upload(client, consultation, bytes(catalog), name="ur.po")
    assert response.status_code == 400
    assert "question.connection.hint" in response.text
    assert (await urdu_title(consultation)).text != URDU_TITLE


async def test_changed_placeholders_are_refused(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("ur",))
    source = await TextUnit.get(
        consultation=consultation, language="en", key="question.involvement.hint"
    )
    source.text = "Select all that apply, by %(date)s."
    await source.save()
    await sign_in(client, await build_user(translates=("ur",)))
    store = xliff2.Xliff2File.parsestring(await download(client, consultation, "xlf"))
    for unit in store.units:
        if unit.getid() == "question.involvement.hint":
            unit.settarget("جو بھی لاگو ہوں منتخب کریں، %(day)s تک۔")
    response = await upload(client, consultation, bytes(store))
    assert response.status_code == 400
    assert "%(date)s" in response.text


async def test_imported_text_is_shown_escaped(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("ur",))
    await sign_in(client, await build_user(translates=("ur",)))
    attack = "<script>alert(1)</script>"
    exported = await download(client, consultation, "xlf")
    await upload(client, consultation, retitle_xliff(exported, attack))
    editor = await client.get(f"{base(consultation)}/")
    assert attack not in editor.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in editor.text
