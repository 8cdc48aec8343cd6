"""Exports open in spreadsheets as data: every answer, its tags and review, no formulas."""

from __future__ import annotations

import csv
import io

import httpx
import openpyxl
import pytest

from consult.accounts.models import Role
from tests.builders import build_answer, build_demo_copy
from tests.staff import build_user, sign_in

HOSTILE = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]


async def exported(client: httpx.AsyncClient, kind: str, query: str = "") -> list[dict[str, str]]:
    consultation = await build_demo_copy(("ur",))
    await build_answer(consultation, "Fund it", machine_themes={"secure-funding": [[0, 4]]})
    await build_answer(consultation, "اردو میں جواب", language="ur")
    for text in HOSTILE:
        await build_answer(consultation, text)
    await sign_in(client, await build_user(Role.OFFICER))
    url = f"/en/staff/consultations/{consultation.slug}/export.{kind}{query}"
    response = await client.get(url)
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if kind == "csv":
        return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    assert all(cell.data_type != "f" for row in rows for cell in row)
    header = [str(cell.value) for cell in rows[0]]
    # OOXML stores a carriage return as the escape _x000D_, which openpyxl leaves as it is.
    return [
        dict(
            zip(
                header,
                [str(cell.value or "").replace("_x000D_", "\r") for cell in row],
                strict=True,
            )
        )
        for row in rows[1:]
    ]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
async def test_an_export_lists_every_answer_with_language_tags_and_review(
    client: httpx.AsyncClient, kind: str
) -> None:
    rows = await exported(client, kind)
    # Each response has one written answer here; the demo's other question was not answered.
    assert len(rows) == 2 + len(HOSTILE)
    funded = next(row for row in rows if row["answer"] == "Fund it")
    assert funded["themes"] == "secure-funding"
    assert funded["tag_provenance"] == "secure-funding: present, machine test-model score 0.80"
    assert funded["review_status"] == "not reviewed"
    assert {row["language"] for row in rows} == {"en", "ur"}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
async def test_formula_like_answers_are_neutralised(client: httpx.AsyncClient, kind: str) -> None:
    rows = await exported(client, kind)
    answers = {row["answer"] for row in rows}
    for text in HOSTILE:
        assert "'" + text in answers
        assert text not in answers


async def test_an_export_keeps_the_dashboard_filters(client: httpx.AsyncClient) -> None:
    rows = await exported(client, "csv", "?language=ur")
    assert [row["answer"] for row in rows] == ["اردو میں جواب"]
