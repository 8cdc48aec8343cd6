"""Responses with their answers, tags, provenance and review status, as CSV or XLSX.

Rows are read in fixed-size batches by id, so memory stays bounded however many answers
there are. Every cell that a spreadsheet would read as a formula is neutralised.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path

import xlsxwriter

from analysis.filters import AnswerFilters, filtered_answers
from analysis.models import AnswerReview, AnswerTagging, AnswerTheme, TagSource
from consult.accounts.services import staff_names
from surveys.models import Consultation

EXPORT_BATCH = 2000
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "reference",
    "submitted_at",
    "language",
    "channel",
    "respondent_type",
    "group",
    "group_verified",
    "members_stated",
    "question",
    "answer",
    "answer_language",
    "themes",
    "tag_provenance",
    "review_status",
    "reviewed_by",
    "reviewed_at",
)


def neutralise(value: str) -> str:
    """A value a spreadsheet shows as text: a leading quote before anything formula-like."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


async def export_rows(
    consultation: Consultation, filters: AnswerFilters
) -> AsyncIterator[list[list[str]]]:
    """Batches of rows (one per answer) for the answers passing the filters, in arrival order."""
    names = await staff_names()
    last_id = 0
    while True:
        answers = (
            await filtered_answers(consultation, filters)
            .filter(id__gt=last_id)
            .order_by("id")
            .limit(EXPORT_BATCH)
            .prefetch_related(
                "response__organisation", "response__group_statement", "question", "options"
            )
        )
        if not answers:
            return
        last_id = answers[-1].id
        ids = [answer.id for answer in answers]
        themes: dict[int, list[AnswerTheme]] = defaultdict(list)
        for row in await AnswerTheme.filter(answer_id__in=ids, is_current=True).order_by("theme"):
            themes[row.answer_id].append(row)  # type: ignore[attr-defined]
        reviews = {
            review.answer_id: review  # type: ignore[attr-defined]
            for review in await AnswerReview.filter(answer_id__in=ids)
        }
        detected = {
            row.answer_id: row.language  # type: ignore[attr-defined]
            for row in await AnswerTagging.filter(answer_id__in=ids).only("answer_id", "language")
        }
        batch = []
        for answer in answers:
            response = answer.response
            group = response.organisation
            statement = getattr(response, "group_statement", None)
            present = [row for row in themes[answer.id] if row.present]
            review = reviews.get(answer.id)
            reviewer = names.get(review.officer_id, "") if review else ""  # type: ignore[attr-defined]
            batch.append(
                [
                    neutralise(value)
                    for value in (
                        response.reference,
                        response.submitted_at.isoformat(),
                        response.language,
                        response.channel.value,
                        response.respondent_type.value,
                        group.name if group else "",
                        ("yes" if group.is_verified else "no") if group else "",
                        str(statement.members) if statement else "",
                        answer.question.key,
                        answer.text or "; ".join(option.value for option in answer.options),
                        detected.get(answer.id) or "",
                        "; ".join(row.theme for row in present),
                        "; ".join(_provenance(row, names) for row in themes[answer.id]),
                        "reviewed" if review else "not reviewed",
                        reviewer,
                        review.reviewed_at.isoformat() if review else "",
                    )
                ]
            )
        yield batch


def _provenance(row: AnswerTheme, names: dict[int, str]) -> str:
    verdict = "present" if row.present else "absent"
    if row.source == TagSource.OFFICER:
        officer = names.get(row.officer_id, "")  # type: ignore[attr-defined]
        return f"{row.theme}: {verdict}, officer {officer}"
    return f"{row.theme}: {verdict}, machine {row.model_version} score {row.score:.2f}"


async def csv_chunks(consultation: Consultation, filters: AnswerFilters) -> AsyncIterator[str]:
    """The export as CSV text, a batch at a time; a BOM first so spreadsheets read UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    async for batch in export_rows(consultation, filters):
        writer.writerows(batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


async def write_xlsx(consultation: Consultation, filters: AnswerFilters) -> Path:
    """The export as an XLSX file on disk, written row by row (constant memory)."""
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
    handle.close()
    workbook = xlsxwriter.Workbook(handle.name, {"constant_memory": True})
    sheet = workbook.add_worksheet("responses")
    bold = workbook.add_format({"bold": True})
    for column, title in enumerate(COLUMNS):
        sheet.write_string(0, column, title, bold)
    row_number = 1
    async for batch in export_rows(consultation, filters):
        for row in batch:
            for column, value in enumerate(row):
                sheet.write_string(row_number, column, value)
            row_number += 1
    workbook.close()
    return Path(handle.name)
