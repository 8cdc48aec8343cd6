"""Bulk upload of paper responses: the template, the whole-file checks, all or nothing."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import httpx
import openpyxl
import pytest

from analysis.models import AnswerTagging
from analysis.services import tag_pending
from analysis.tagger import ThemeTagger
from consult.accounts.models import Role, User
from surveys.groups.services import organisation_of
from surveys.models import Answer, Channel, Consultation, Response
from surveys.uploads.checks import looks_like_formula
from surveys.uploads.models import UploadBatch
from tests.builders import build_demo_copy
from tests.journey import csrf_token_in
from tests.spreadsheets import (
    TURKISH_ANSWERS,
    TURKISH_CHOICE,
    filled_csv,
    filled_xlsx,
    turkish_rows,
)
from tests.staff import build_user, sign_in

GREEK_ANSWER = "Χρειαζόμαστε περισσότερες συναντήσεις στην κοινότητα και μόνιμη χρηματοδότηση."
ARABIC_ANSWER = "نحتاج إلى مراكز شباب مفتوحة في المساء ودعم طويل الأمد للمشاريع المحلية."


async def upload_page(client: httpx.AsyncClient, consultation: Consultation) -> str:
    return f"/en/staff/consultations/{consultation.slug}/upload"


async def download(
    client: httpx.AsyncClient, consultation: Consultation, language: str, kind: str
) -> bytes:
    url = await upload_page(client, consultation)
    response = await client.get(f"{url}/template-{language}.{kind}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    return response.content


async def post_file(
    client: httpx.AsyncClient, consultation: Consultation, data: bytes, name: str
) -> httpx.Response:
    url = await upload_page(client, consultation)
    page = await client.get(url)
    assert page.status_code == 200
    return await client.post(
        url,
        data={"csrf_token": csrf_token_in(page.text)},
        files={"file": (name, data, "application/octet-stream")},
    )


async def representative(client: httpx.AsyncClient) -> User:
    user = await build_user(Role.GROUP_REPRESENTATIVE)
    await sign_in(client, user)
    return user


async def stored_count(consultation: Consultation) -> int:
    return await Response.filter(consultation=consultation).count()


async def test_a_representative_uploads_a_500_row_turkish_workbook(
    client: httpx.AsyncClient, tagger: ThemeTagger
) -> None:
    consultation = await build_demo_copy(("tr",))
    user = await representative(client)
    template = await download(client, consultation, "tr", "xlsx")
    header = openpyxl.load_workbook(io.BytesIO(template)).worksheets[0]
    assert header["B2"].value == "priority-objective"
    assert "Hangi yollarla katılmak istersiniz?" in str(header["E3"].value)

    response = await post_file(
        client, consultation, filled_xlsx(template, turkish_rows(500)), "ankete.xlsx"
    )
    assert response.status_code == 303
    confirmation = await client.get(response.headers["location"])
    assert "500 responses from ankete.xlsx stored" in confirmation.text

    organisation = await organisation_of(user)
    responses = await Response.filter(consultation=consultation).prefetch_related("answers")
    assert len(responses) == 500
    assert {(r.channel, r.language, r.organisation_id) for r in responses} == {  # type: ignore[attr-defined]
        (Channel.PAPER, "tr", organisation.id if organisation else None)
    }
    answers = await Answer.filter(
        response__consultation=consultation, question__key="community-help"
    )
    assert sorted(a.text for a in answers)[0].startswith("Camide gençler")
    involvement = await Answer.filter(
        response__consultation=consultation, question__key="involvement"
    ).prefetch_related("options")
    assert {tuple(sorted(o.value for o in a.options)) for a in involvement} == {
        ("meeting", "volunteer")
    }
    # Searchable and tagged like any answer typed on the web.
    assert all(a.search_text for a in answers)
    while await tag_pending(tagger):
        pass
    assert await AnswerTagging.filter(answer_id__in=[a.id for a in answers]).count() == 500


async def test_the_same_file_twice_is_refused_and_adds_nothing(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("tr",))
    await representative(client)
    data = filled_xlsx(await download(client, consultation, "tr", "xlsx"), turkish_rows(3))
    assert (await post_file(client, consultation, data, "a.xlsx")).status_code == 303
    again = await post_file(client, consultation, data, "renamed.xlsx")
    assert again.status_code == 400
    assert "This file was uploaded already" in again.text
    assert await stored_count(consultation) == 3


def zip_bomb() -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (150 * 1024 * 1024))
    return output.getvalue()


Mangle = Callable[[bytes, bytes], bytes]
# Each case: how to spoil a good CSV (given the CSV and XLSX templates), what the page
# says, and where (row, column) it says it.
MALFORMED: dict[str, tuple[Callable[[bytes, bytes], bytes], str, str]] = {
    "another site's file": (
        lambda c, x: c.replace(b"consult-responses-template-v1", b"my-own-sheet"),
        "This is not a response template from this site",
        "<td>1</td>\n      <td>A</td>",
    ),
    "another consultation": (
        lambda c, x: c.replace(b",tr,", b",tr,").replace(b"demo-", b"other-", 1),
        "This template is for another consultation",
        "<td>B</td>",
    ),
    "unknown question column": (
        lambda c, x: c.replace(b"community-projects", b"favourite-colour"),
        "“favourite-colour” is not a question in this consultation",
        "<td>2</td>\n      <td>D</td>",
    ),
    "invalid choice": (
        lambda c, x: filled_csv(c, [["Metin", TURKISH_CHOICE], ["Metin iki", "Belki"]]),
        "“Belki” is not one of the choices",
        "<td>5</td>\n      <td>B</td>",
    ),
    "empty row between answers": (
        lambda c, x: filled_csv(c, [["Metin", TURKISH_CHOICE], [], ["Metin", TURKISH_CHOICE]]),
        "This row is empty",
        "<td>5</td>",
    ),
    "required answer missing": (
        lambda c, x: filled_csv(c, [["", TURKISH_CHOICE]]),
        "This question needs an answer",
        "<td>4</td>\n      <td>A</td>",
    ),
    "CSV formula": (
        lambda c, x: filled_csv(c, [['=HYPERLINK("http://evil.example","tıkla")', TURKISH_CHOICE]]),
        "starts like a spreadsheet formula",
        "<td>4</td>\n      <td>A</td>",
    ),
    "DDE command": (
        lambda c, x: filled_csv(c, [["Metin", TURKISH_CHOICE, "+cmd|' /C calc'!A0"]]),
        "starts like a spreadsheet formula",
        "<td>4</td>\n      <td>C</td>",
    ),
    "XLSX formula cell": (
        lambda c, x: filled_xlsx(x, [["=1+1", TURKISH_CHOICE]]),
        "starts like a spreadsheet formula",
        "<td>4</td>\n      <td>A</td>",
    ),
    "bytes invalid in Turkish Windows code page": (
        lambda c, x: c.replace(b"\xef\xbb\xbf", b"") + "Metin\u00e7".encode("cp1254") + b"\x81,\n",
        "could not be read",
        "Whole file",
    ),
    "no answers": (lambda c, x: c, "The file has no answers in it", "Whole file"),
    "empty file": (lambda c, x: b"", "The file is empty", "Whole file"),
    "not a spreadsheet": (
        lambda c, x: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        "could not be read",
        "Whole file",
    ),
    "damaged workbook": (lambda c, x: x[:400], "damaged", "Whole file"),
    "zip bomb": (lambda c, x: zip_bomb(), "unsafe size", "Whole file"),
    "too many rows": (
        lambda c, x: filled_csv(c, [["Metin", TURKISH_CHOICE]] * 10_001),
        "more than 10000 rows",
        "Whole file",
    ),
    "over 8 MB": (
        lambda c, x: filled_csv(c, [["Metin " + "ş" * 1900, TURKISH_CHOICE]] * 2300),
        "larger than 8 MB",
        "Whole file",
    ),
}


@pytest.mark.parametrize("case", list(MALFORMED))
async def test_a_malformed_upload_is_refused_with_its_problem_and_stores_nothing(
    client: httpx.AsyncClient, case: str
) -> None:
    consultation = await build_demo_copy(("tr",))
    await representative(client)
    spoil, message, where = MALFORMED[case]
    data = spoil(
        await download(client, consultation, "tr", "csv"),
        await download(client, consultation, "tr", "xlsx"),
    )
    response = await post_file(client, consultation, data, "responses.csv")
    assert response.status_code == 400
    assert "Nothing was stored" in response.text
    assert message in response.text
    assert where in response.text
    assert await stored_count(consultation) == 0
    assert await UploadBatch.filter(consultation=consultation).count() == 0


def test_formula_detection_keeps_ordinary_answers() -> None:
    assert looks_like_formula("=SUM(A1:A3)")
    assert looks_like_formula("@SUM(A1)")
    assert looks_like_formula("-2+3")
    assert looks_like_formula("+A1")
    assert not looks_like_formula("- more youth clubs")
    assert not looks_like_formula("+ longer opening hours")
    assert not looks_like_formula("More police, less talk")


ENCODINGS = {
    "UTF-8 without BOM": ("el", GREEK_ANSWER, "utf-8", ","),
    "UTF-8 with BOM": ("tr", TURKISH_ANSWERS[0], "utf-8-sig", ","),
    "UTF-16 tab-separated (Excel's Unicode text)": ("ar", ARABIC_ANSWER, "utf-16", "\t"),
    "Windows-1253 Greek": ("el", GREEK_ANSWER, "cp1253", ";"),
    "Windows-1254 Turkish": ("tr", TURKISH_ANSWERS[1], "cp1254", ";"),
    "Windows-1256 Arabic": ("ar", ARABIC_ANSWER, "cp1256", ","),
}


@pytest.mark.parametrize("case", list(ENCODINGS))
async def test_csv_in_the_encodings_excel_writes_is_read_as_written(
    client: httpx.AsyncClient, case: str
) -> None:
    language, answer, encoding, delimiter = ENCODINGS[case]
    consultation = await build_demo_copy((language,))
    officer = await build_user(Role.OFFICER)
    await sign_in(client, officer)
    template = await download(client, consultation, language, "csv")
    # The choice column takes the option's own value too, whatever the language.
    data = filled_csv(template, [[answer, "communities"]] * 3, encoding, delimiter)
    response = await post_file(client, consultation, data, "forms.csv")
    assert response.status_code == 303, response.text
    answers = await Answer.filter(
        response__consultation=consultation, question__key="community-help"
    )
    assert [stored.text for stored in answers] == [answer] * 3
    assert await Response.filter(consultation=consultation, organisation=None).count() == 3


async def test_another_group_cannot_see_an_upload_or_its_result(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("tr",))
    await representative(client)
    data = filled_xlsx(await download(client, consultation, "tr", "xlsx"), turkish_rows(2))
    stored = await post_file(client, consultation, data, "ours.xlsx")
    location = stored.headers["location"]
    assert "ours.xlsx" in (await client.get(location)).text
    client.cookies.clear()
    await representative(client)
    assert "ours.xlsx" not in (await client.get(location)).text


async def test_an_upload_keeps_only_the_files_own_name(client: httpx.AsyncClient) -> None:
    consultation = await build_demo_copy(("tr",))
    await representative(client)
    data = filled_xlsx(await download(client, consultation, "tr", "xlsx"), turkish_rows(1))
    stored = await post_file(client, consultation, data, "..\\..\\x/../../etc/pass\u202ewd.xlsx")
    assert stored.status_code == 303
    batch = await UploadBatch.get(consultation=consultation)
    assert batch.filename == "passwd.xlsx"
