"""Evaluated page data for the respondent's templates, so templates hold no logic."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from surveys.forms import AnswerForm
from surveys.models import QuestionType
from surveys.services import Questionnaire, QuestionSpec, is_answered
from surveys.wording import Wording


@dataclass(frozen=True)
class OptionView:
    value: str
    label: str
    checked: bool
    element_id: str


@dataclass(frozen=True)
class QuestionView:
    key: str
    number: int
    total: int
    text: str
    hint: str
    kind: str
    required: bool
    max_length: int
    text_value: str
    options: list[OptionView]
    error: str | None
    field_id: str


@dataclass(frozen=True)
class AnswerRow:
    key: str
    question: str
    answer_lines: list[str]
    answered: bool
    change_href: str
    error: str | None = None


@dataclass
class ErrorSummaryItem:
    message: str
    href: str


def form_error_summary(*forms: Any) -> list[ErrorSummaryItem]:
    """The first problem with each field of each WTForms form, linking to it, in page order."""
    return [
        ErrorSummaryItem(str(field.errors[0]), f"#{field.id}")
        for form in forms
        for field in form
        if field.errors
    ]


@dataclass
class CheckAnswersView:
    rows: list[AnswerRow] = field(default_factory=list)
    errors: list[ErrorSummaryItem] = field(default_factory=list)


def field_id(spec: QuestionSpec) -> str:
    """The id the error summary links to: the textarea, or the first option's input."""
    if spec.question.type == QuestionType.FREE_TEXT or not spec.options:
        return "answer"
    return f"answer-{spec.options[0].value}"


def chosen_values(form: AnswerForm) -> set[str]:
    """The options a form's answer chose: none, one (radios) or several (checkboxes)."""
    data = form.answer.data
    return set(data if isinstance(data, list) else [data] if data else [])


def option_views(
    spec: QuestionSpec, wording: Wording, chosen: set[str], id_prefix: str
) -> list[OptionView]:
    return [
        OptionView(
            value=option.value,
            label=wording.option(spec.key, option.value),
            checked=option.value in chosen,
            element_id=f"{id_prefix}-{option.value}",
        )
        for option in spec.options
    ]


def present_question(
    questionnaire: Questionnaire, spec: QuestionSpec, wording: Wording, form: AnswerForm
) -> QuestionView:
    data = form.answer.data
    chosen = chosen_values(form)
    errors = form.answer.errors
    return QuestionView(
        key=spec.key,
        number=questionnaire.questions.index(spec) + 1,
        total=len(questionnaire.questions),
        text=wording.question(spec.key, "text"),
        hint=wording.question(spec.key, "hint"),
        kind=spec.question.type.value,
        required=spec.question.required,
        max_length=spec.question.max_length,
        text_value=data
        if isinstance(data, str) and spec.question.type == QuestionType.FREE_TEXT
        else "",
        options=option_views(spec, wording, chosen, "answer"),
        error=str(errors[0]) if errors else None,
        field_id=field_id(spec),
    )


def present_answers(
    questionnaire: Questionnaire,
    wording: Wording,
    answers: dict[str, Any],
    change_href: dict[str, str],
) -> list[AnswerRow]:
    rows = []
    for spec in questionnaire.questions:
        answer = answers.get(spec.key)
        if spec.question.type == QuestionType.FREE_TEXT:
            lines = [str(answer.get("text", ""))] if answer else []
        else:
            chosen = answer.get("options", []) if answer else []
            lines = [wording.option(spec.key, o.value) for o in spec.options if o.value in chosen]
        rows.append(
            AnswerRow(
                key=spec.key,
                question=wording.question(spec.key, "text"),
                answer_lines=[line for line in lines if line.strip()],
                answered=is_answered(spec, answer),
                change_href=change_href[spec.key],
            )
        )
    return rows
