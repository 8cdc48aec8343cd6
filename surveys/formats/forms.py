"""The form for asking for a consultation in another format."""

from __future__ import annotations

from wtforms import Form, RadioField, StringField, TextAreaField
from wtforms.fields import Field
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from consult.i18n import N_, gettext
from surveys.formats.models import FormatKind
from surveys.forms import MaxCharacters, NoControlCharacters
from surveys.groups.forms import OneOf, ValidForm

CHOOSE_FORMAT = N_("Select the format you need")
ENTER_WANTED_LANGUAGE = N_("Enter the language you need the consultation in")
ENTER_NAME = N_("Enter your name")
ENTER_CONTACT = N_("Enter an email address, phone number or postal address we can contact you at")


class FilledFor:
    """Required only when the form's `kind` is `kind`: the language for "another language"."""

    def __init__(self, kind: FormatKind, message: str) -> None:
        self.kind, self.message = kind, message

    def __call__(self, form: Form, field: Field) -> None:
        if form["kind"].data == self.kind.value and not (field.data or "").strip():
            raise ValidationError(gettext(self.message))


class NotBlank:
    """Filled with more than spaces."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form: Form, field: Field) -> None:
        if not (field.data or "").strip():
            raise ValidationError(gettext(self.message))


class FormatRequestForm(ValidForm):
    kind = RadioField(
        choices=[SelectChoice(kind.value) for kind in FormatKind],
        validators=[OneOf([kind.value for kind in FormatKind], CHOOSE_FORMAT)],
        validate_choice=False,
    )
    wanted_language = StringField(
        validators=[
            FilledFor(FormatKind.OTHER_LANGUAGE, ENTER_WANTED_LANGUAGE),
            MaxCharacters(100),
            NoControlCharacters(),
        ]
    )
    name = StringField(validators=[NotBlank(ENTER_NAME), MaxCharacters(120), NoControlCharacters()])
    contact = TextAreaField(
        validators=[NotBlank(ENTER_CONTACT), MaxCharacters(500), NoControlCharacters()]
    )
    notes = TextAreaField(validators=[MaxCharacters(2000), NoControlCharacters()])
