"""Check a whole spreadsheet of answers against the consultation before anything is stored.

Every problem is listed with its row and column, so the uploader can fix the file in one go;
the file is stored only when there are none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from consult.i18n import N_, gettext
from surveys.forms import TOO_LONG, TYPED_CONTROL_CHARACTERS, UNTYPEABLE_CHARACTERS
from surveys.models import QuestionType
from surveys.services import Questionnaire, QuestionSpec
from surveys.uploads.reading import Grid
from surveys.uploads.template import CHOICE_SEPARATOR, FIRST_ANSWER_ROW, TEMPLATE_MARK
from surveys.wording import Wording

# Listing more than this helps nobody: the count of the rest is given instead.
MAX_LISTED_PROBLEMS = 200

NOT_OUR_TEMPLATE = N_(
    "This is not a response template from this site. Download the template, copy the "
    "answers into it and upload that."
)
OTHER_CONSULTATION = N_(
    "This template is for another consultation. Download the template for this one."
)
LANGUAGE_NOT_PUBLISHED = N_(
    "This template is for a language this consultation is not published in. Download "
    "the template for the language the answers were written in."
)
UNKNOWN_QUESTION = N_(
    "“%(name)s” is not a question in this consultation. Use the template’s columns."
)
REPEATED_QUESTION = N_("This question’s column appears twice. Keep one of them.")
NO_QUESTIONS = N_("Row 2 has no question columns. Do not change the template’s first three rows.")
NO_ANSWERS = N_("The file has no answers in it. Write one paper form on each row, from row 4.")
EMPTY_ROW = N_("This row is empty. Delete it, or fill it in.")
REQUIRED_MISSING = N_("This question needs an answer.")
NOT_A_CHOICE = N_("“%(value)s” is not one of the choices. Write one of: %(choices)s")
ONE_CHOICE_ONLY = N_("Write only one choice for this question.")
LOOKS_LIKE_FORMULA = N_(
    "This cell starts like a spreadsheet formula. Remove the formula, or if it is an answer, "
    "put a space before its first character."
)
TOO_MANY_PROBLEMS = N_("And %(count)s more problems not listed.")

# What spreadsheet programs run as a formula: "=" or "@" first, or a sign directly
# followed by a function call, a cell reference, a command (cmd|) or arithmetic.
_FORMULA = re.compile(
    r"^(?:[=@]|[+\-](?:[A-Za-z_$][\w.$]*\s*[(!|]|\$?[A-Za-z]{1,3}\$?\d+\b|\d[\d.]*\s*[-+*/^&]))"
)


def looks_like_formula(value: str) -> bool:
    return bool(_FORMULA.match(value))


def column_letter(index: int) -> str:
    """A spreadsheet's name for a 0-based column: A, B, ... Z, AA, AB, ..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One problem, where it is: row 1 is the file's first row; column "" is the whole row."""

    row: int | None
    column: str
    message: str


@dataclass
class CheckedFile:
    """The answers of every row by question key, when the file has no problems."""

    language: str = ""
    answers: list[dict[str, dict[str, Any]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unlisted_problems: int = 0

    def add(self, row: int | None, column: str, message: str, **values: Any) -> None:
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(Problem(row, column, gettext(message, **values)))
        else:
            self.unlisted_problems += 1

    @property
    def is_valid(self) -> bool:
        return not self.problems and not self.unlisted_problems

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.unlisted_problems


def _comparable(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold()


@dataclass(frozen=True)
class _Column:
    index: int
    spec: QuestionSpec
    # Each option's value, under its label in the file's language and under the value itself.
    choices: dict[str, str]
    labels: str


def check_identity(grid: Grid, slug: str, languages: tuple[str, ...], report: CheckedFile) -> None:
    identity = grid.rows[0] if grid.rows else []
    cells = [cell.strip() for cell in identity] + ["", "", ""]
    if cells[0] != TEMPLATE_MARK:
        report.add(1, "A", NOT_OUR_TEMPLATE)
    elif cells[1] != slug:
        report.add(1, "B", OTHER_CONSULTATION)
    elif cells[2] not in languages:
        report.add(1, "C", LANGUAGE_NOT_PUBLISHED)
    else:
        report.language = cells[2]


def _columns(
    grid: Grid, questionnaire: Questionnaire, wording: Wording, report: CheckedFile
) -> list[_Column]:
    keys = grid.rows[1] if len(grid.rows) > 1 else []
    columns: list[_Column] = []
    seen: set[str] = set()
    for index, key in enumerate(cell.strip() for cell in keys):
        if not key:
            continue
        spec = questionnaire.find(key)
        if spec is None:
            report.add(2, column_letter(index), UNKNOWN_QUESTION, name=key)
            continue
        if key in seen:
            report.add(2, column_letter(index), REPEATED_QUESTION)
            continue
        seen.add(key)
        labels = {option.value: wording.option(key, option.value) for option in spec.options}
        choices = {_comparable(label): value for value, label in labels.items()}
        choices.update({_comparable(value): value for value in labels})
        columns.append(_Column(index, spec, choices, f" {CHOICE_SEPARATOR} ".join(labels.values())))
    if not columns and report.is_valid:
        report.add(2, "", NO_QUESTIONS)
    return columns


def _check_text(cell: str, column: _Column, row: int, report: CheckedFile) -> str | None:
    letter = column_letter(column.index)
    if any(
        unicodedata.category(char) == "Cc" and char not in TYPED_CONTROL_CHARACTERS for char in cell
    ):
        report.add(row, letter, UNTYPEABLE_CHARACTERS)
        return None
    if looks_like_formula(cell.lstrip()):
        report.add(row, letter, LOOKS_LIKE_FORMULA)
        return None
    return cell


def _answer(cell: str, column: _Column, row: int, report: CheckedFile) -> dict[str, Any] | None:
    """The answer in one cell, or None (with the problem reported) if it is not valid."""
    question = column.spec.question
    letter = column_letter(column.index)
    text = _check_text(cell, column, row, report)
    if text is None:
        return None
    if question.type == QuestionType.FREE_TEXT:
        text = text.strip()
        if len(text) > question.max_length:
            report.add(row, letter, TOO_LONG, max=question.max_length, length=len(text))
            return None
        return {"text": text}
    values = []
    for written in (part.strip() for part in re.split(r"[;\n]", text)):
        if not written:
            continue
        value = column.choices.get(_comparable(written))
        if value is None:
            report.add(row, letter, NOT_A_CHOICE, value=written, choices=column.labels)
            return None
        if value not in values:
            values.append(value)
    if question.type == QuestionType.SINGLE_CHOICE and len(values) > 1:
        report.add(row, letter, ONE_CHOICE_ONLY)
        return None
    return {"options": values}


def check_answers(
    grid: Grid, questionnaire: Questionnaire, wording: Wording, report: CheckedFile
) -> None:
    columns = _columns(grid, questionnaire, wording, report)
    if not columns:
        return
    answer_rows = grid.rows[FIRST_ANSWER_ROW - 1 :]
    if not answer_rows:
        report.add(None, "", NO_ANSWERS)
    for offset, cells in enumerate(answer_rows):
        row = FIRST_ANSWER_ROW + offset
        if not any(cell.strip() for cell in cells):
            report.add(row, "", EMPTY_ROW)
            continue
        answers: dict[str, dict[str, Any]] = {}
        for column in columns:
            cell = cells[column.index] if column.index < len(cells) else ""
            if not cell.strip():
                if column.spec.question.required:
                    report.add(row, column_letter(column.index), REQUIRED_MISSING)
                continue
            answer = _answer(cell, column, row, report)
            if answer is not None:
                answers[column.spec.key] = answer
        if report.is_valid:
            report.answers.append(answers)
    if not report.is_valid:
        report.answers = []
