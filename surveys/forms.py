"""The answer form for one question, built from the question's type and options."""

from __future__ import annotations

import unicodedata
from typing import Any

from wtforms import Form, RadioField, SelectMultipleField, TextAreaField
from wtforms.fields import Field
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from consult.i18n import N_, gettext
from surveys.models import QuestionType
from surveys.services import QuestionSpec

ENTER_AN_ANSWER = N_("Enter an answer to this question")
SELECT_AN_OPTION = N_("Select one option")
SELECT_AT_LEAST_ONE = N_("Select at least one option")
NOT_AN_OFFERED_OPTION = N_("Select one of the options shown")
TOO_LONG = N_("Your answer must be %(max)s characters or fewer. It is %(length)s characters now.")
UNTYPEABLE_CHARACTERS = N_(
    "Your answer contains hidden control characters that no keyboard types. "
    "Remove them, or retype the answer, and try again."
)

# Line breaks and tabs are typed; other control characters (Cc) are not.
TYPED_CONTROL_CHARACTERS = frozenset("\n\r\t")


class NoControlCharacters:
    """Refuse control characters a person does not type, keeping every script's letters."""

    def __call__(self, form: Form, field: Field) -> None:
        text = field.data or ""
        if any(
            unicodedata.category(char) == "Cc" and char not in TYPED_CONTROL_CHARACTERS
            for char in text
        ):
            raise ValidationError(gettext(UNTYPEABLE_CHARACTERS))


class MaxCharacters:
    """Refuse text longer than `maximum` characters (code points, as people count them)."""

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum

    def __call__(self, form: Form, field: Field) -> None:
        length = len(field.data or "")
        if length > self.maximum:
            raise ValidationError(gettext(TOO_LONG, max=self.maximum, length=length))


class Required:
    """A required answer, with the message for the question's type."""

    def __init__(self, message: str) -> None:
        self.message = message
        self.field_flags = {"required": True}

    def __call__(self, form: Form, field: Field) -> None:
        data = field.data
        empty = not data or (isinstance(data, str) and not data.strip())
        if empty:
            raise ValidationError(gettext(self.message))


class OfferedOptions:
    """Every chosen value must be one of the question's options."""

    def __init__(self, values: list[str]) -> None:
        self.values = set(values)

    def __call__(self, form: Form, field: Field) -> None:
        data = field.data
        chosen = data if isinstance(data, list) else [data] if data else []
        if any(value not in self.values for value in chosen):
            raise ValidationError(gettext(NOT_AN_OFFERED_OPTION))


class AnswerForm(Form):
    """A form with one field, `answer`, whose kind depends on the question."""

    answer: Field

    def is_valid(self) -> bool:
        return bool(self.validate())  # type: ignore[no-untyped-call]  # wtforms is untyped


def build_answer_form(spec: QuestionSpec) -> type[AnswerForm]:
    """A WTForms class with one field, `answer`, validating this question's answer."""
    question = spec.question
    validators: list[Any] = []
    field: Field
    if question.type == QuestionType.FREE_TEXT:
        if question.required:
            validators.append(Required(ENTER_AN_ANSWER))
        validators += [MaxCharacters(question.max_length), NoControlCharacters()]
        field = TextAreaField(validators=validators)
    elif question.type == QuestionType.SINGLE_CHOICE:
        if question.required:
            validators.append(Required(SELECT_AN_OPTION))
        validators.append(OfferedOptions(spec.option_values))
        field = RadioField(
            choices=[SelectChoice(value) for value in spec.option_values],
            validators=validators,
            validate_choice=False,
        )
    else:
        if question.required:
            validators.append(Required(SELECT_AT_LEAST_ONE))
        validators.append(OfferedOptions(spec.option_values))
        field = SelectMultipleField(
            choices=[SelectChoice(value) for value in spec.option_values],
            validators=validators,
            validate_choice=False,
        )

    class QuestionAnswerForm(AnswerForm):
        answer = field

    return QuestionAnswerForm


def answer_from_form(spec: QuestionSpec, form: AnswerForm) -> dict[str, Any]:
    """The draft representation of a form's answer: `{"text": ...}` or `{"options": [...]}`."""
    data = form.answer.data
    if spec.question.type == QuestionType.FREE_TEXT:
        return {"text": data or ""}
    if spec.question.type == QuestionType.SINGLE_CHOICE:
        return {"options": [data] if data else []}
    return {"options": list(data or [])}


def form_data_from_answer(spec: QuestionSpec, answer: dict[str, Any] | None) -> dict[str, Any]:
    """Initial form data from a stored draft answer."""
    if not answer:
        return {}
    if spec.question.type == QuestionType.FREE_TEXT:
        return {"answer": answer.get("text", "")}
    options = answer.get("options", [])
    if spec.question.type == QuestionType.SINGLE_CHOICE:
        return {"answer": options[0] if options else None}
    return {"answer": options}
