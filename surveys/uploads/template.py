"""The spreadsheet template for one consultation in one language, as CSV or XLSX.

Row 1 says which template it is (a mark, the consultation and the language), row 2 holds
each question's key, row 3 the question as the respondent read it with the choices it
accepts, and answers start on row 4: one row per paper form.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from enum import StrEnum

import xlsxwriter

from consult.i18n import LANGUAGES_BY_CODE, N_, gettext
from surveys.models import QuestionType
from surveys.services import Questionnaire, QuestionSpec
from surveys.wording import Wording

TEMPLATE_MARK = "consult-responses-template-v1"
FIRST_ANSWER_ROW = 4
CHOICE_SEPARATOR = ";"

KEEP_FIRST_ROWS = N_(
    "Do not change the first three rows. Write one paper form on each row, from row 4."
)
CHOOSE_ONE = N_("Write one of: %(choices)s")
CHOOSE_ANY = N_("Write any of, separated by semicolons: %(choices)s")
WRITE_TEXT = N_("Copy the answer as it was written, in its own language.")


class SpreadsheetFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"

    @property
    def media_type(self) -> str:
        if self is SpreadsheetFormat.CSV:
            return "text/csv; charset=utf-8"
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class TemplateColumn:
    key: str
    heading: str
    guidance: str
    choices: tuple[str, ...]


def choice_labels(spec: QuestionSpec, wording: Wording) -> tuple[str, ...]:
    return tuple(wording.option(spec.key, option.value) for option in spec.options)


def template_columns(questionnaire: Questionnaire, wording: Wording) -> list[TemplateColumn]:
    columns = []
    for spec in questionnaire.questions:
        labels = choice_labels(spec, wording)
        if spec.question.type == QuestionType.FREE_TEXT:
            guidance = gettext(WRITE_TEXT)
        else:
            message = CHOOSE_ONE if spec.question.type == QuestionType.SINGLE_CHOICE else CHOOSE_ANY
            guidance = gettext(message, choices=f" {CHOICE_SEPARATOR} ".join(labels))
        columns.append(
            TemplateColumn(spec.key, wording.question(spec.key, "text"), guidance, labels)
        )
    return columns


def template_rows(
    questionnaire: Questionnaire, wording: Wording
) -> tuple[list[str], list[str], list[str]]:
    """The three rows above the answers."""
    columns = template_columns(questionnaire, wording)
    consultation = questionnaire.consultation
    identity = [TEMPLATE_MARK, consultation.slug, wording.language, gettext(KEEP_FIRST_ROWS)]
    keys = [column.key for column in columns]
    headings = [f"{column.heading}\n({column.guidance})" for column in columns]
    return identity, keys, headings


def template_file(questionnaire: Questionnaire, wording: Wording, kind: SpreadsheetFormat) -> bytes:
    identity, keys, headings = template_rows(questionnaire, wording)
    if kind is SpreadsheetFormat.CSV:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerows([identity, keys, headings])
        # A BOM, so Excel opens the file as UTF-8 in every script.
        return b"\xef\xbb\xbf" + text.getvalue().encode("utf-8")
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_formulas": False})
    sheet = workbook.add_worksheet("responses")
    if LANGUAGES_BY_CODE[wording.language].direction == "rtl":
        sheet.right_to_left()
    bold = workbook.add_format({"bold": True})
    wrapped = workbook.add_format({"text_wrap": True, "valign": "top", "bold": True})
    answer = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet.write_row(0, 0, identity)
    sheet.write_row(1, 0, keys, bold)
    sheet.write_row(2, 0, headings, wrapped)
    sheet.set_column(0, max(len(keys) - 1, 0), 40, answer)
    sheet.set_row(2, 90)
    sheet.freeze_panes(FIRST_ANSWER_ROW - 1, 0)
    for number, column in enumerate(template_columns(questionnaire, wording)):
        single = questionnaire.questions[number].question.type == QuestionType.SINGLE_CHOICE
        # Excel limits a list of choices to 255 characters; longer lists go unchecked here.
        if single and column.choices and len(",".join(column.choices)) <= 255:
            sheet.data_validation(
                FIRST_ANSWER_ROW - 1,
                number,
                FIRST_ANSWER_ROW - 1 + 10_000,
                number,
                {"validate": "list", "source": list(column.choices)},
            )
    workbook.close()
    return output.getvalue()
