"""Forms for registering a group and for entering a collected (group or paper) response."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from wtforms import (
    BooleanField,
    EmailField,
    Form,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
)
from wtforms.fields import Field
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from consult.accounts.forms import Filled
from consult.i18n import N_, gettext
from surveys.forms import MaxCharacters, NoControlCharacters
from surveys.groups.models import GatheringMethod, OrganisationKind
from surveys.groups.services import LONDON_BOROUGHS

ENTER_GROUP_NAME = N_("Enter your group’s name")
CHOOSE_KIND = N_("Select what kind of group you are")
CHOOSE_BOROUGH = N_("Select your borough")
ENTER_CONTACT_NAME = N_("Enter your name")
ENTER_EMAIL = N_("Enter your email address")
EMAIL_INVALID = N_("Enter an email address in the correct format, like name@example.org")
PASSWORD_TOO_SHORT = N_("Your password must be at least 12 characters")
CHOOSE_LANGUAGE = N_("Select the language the answers were written in")
ENTER_MEMBERS = N_("Enter how many members this response speaks for, as a number from 1 to 100000")
CHOOSE_METHOD = N_("Select how you gathered your members’ views")
ENTER_DATE = N_("Enter the date you gathered the views, and not a date in the future")
CONFIRM_VIEWS = N_("Confirm that this response reflects your members’ views")

MIN_PASSWORD_LENGTH = 12
MAX_MEMBERS = 100_000


class ValidEmail:
    def __call__(self, form: Form, field: Field) -> None:
        local, _, domain = (field.data or "").partition("@")
        if not local or "." not in domain or any(c.isspace() for c in field.data or ""):
            raise ValidationError(gettext(EMAIL_INVALID))


class MinLength:
    def __init__(self, minimum: int, message: str) -> None:
        self.minimum, self.message = minimum, message

    def __call__(self, form: Form, field: Field) -> None:
        if len(field.data or "") < self.minimum:
            raise ValidationError(gettext(self.message))


class OneOf:
    """The value is one of `values`; anything else gets the field's message."""

    def __init__(self, values: tuple[str, ...] | list[str], message: str) -> None:
        self.values, self.message = set(values), message

    def __call__(self, form: Form, field: Field) -> None:
        if field.data not in self.values:
            raise ValidationError(gettext(self.message))


class ValidForm(Form):
    def __init__(self, formdata: Any = None, **kwargs: Any) -> None:
        super().__init__(formdata=formdata, **kwargs)  # type: ignore[no-untyped-call]

    def is_valid(self) -> bool:
        return bool(self.validate())  # type: ignore[no-untyped-call]  # wtforms is untyped


# Factories, so each form gets its own fields in its own page order.
def contact_name_field() -> StringField:
    return StringField(
        validators=[Filled(ENTER_CONTACT_NAME), MaxCharacters(120), NoControlCharacters()]
    )


def email_field() -> EmailField:
    return EmailField(validators=[Filled(ENTER_EMAIL), ValidEmail(), MaxCharacters(254)])


def password_field() -> PasswordField:
    return PasswordField(validators=[MinLength(MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT)])


class RegisterGroupForm(ValidForm):
    name = StringField(
        validators=[Filled(ENTER_GROUP_NAME), MaxCharacters(200), NoControlCharacters()]
    )
    kind = RadioField(
        choices=[SelectChoice(kind.value) for kind in OrganisationKind],
        validators=[OneOf([kind.value for kind in OrganisationKind], CHOOSE_KIND)],
        validate_choice=False,
    )
    borough = SelectField(
        choices=[SelectChoice(borough) for borough in LONDON_BOROUGHS],
        validators=[OneOf(LONDON_BOROUGHS, CHOOSE_BOROUGH)],
        validate_choice=False,
    )
    contact_name = contact_name_field()
    email = email_field()
    password = password_field()


class RepresentativeForm(ValidForm):
    """Another representative's account, added by one of the group's representatives."""

    contact_name = contact_name_field()
    email = email_field()
    password = password_field()


def parse_members(text: str | None) -> int | None:
    """A count of members as typed (digits, possibly with separators), or None."""
    digits = (text or "").strip().replace(",", "").replace(" ", "")
    return int(digits) if digits.isdigit() and 1 <= int(digits) <= MAX_MEMBERS else None


def parse_day(text: str | None) -> date | None:
    """A date typed as YYYY-MM-DD (what a date input sends) not after today, or None."""
    try:
        day = date.fromisoformat((text or "").strip())
    except ValueError:
        return None
    return day if day <= datetime.now(UTC).date() else None


class Parses:
    """The text must parse with `parse`; otherwise the field's message."""

    def __init__(self, parse: Callable[[str | None], object | None], message: str) -> None:
        self.parse, self.message = parse, message

    def __call__(self, form: Form, field: Field) -> None:
        if self.parse(field.data) is None:
            raise ValidationError(gettext(self.message))


class PaperDetailsForm(ValidForm):
    """A paper response: only the language it was written in."""

    language = SelectField(validate_choice=False)

    def __init__(self, formdata: Any, languages: tuple[str, ...]) -> None:
        super().__init__(formdata)
        self.language.validators = (OneOf(languages, CHOOSE_LANGUAGE),)


class GroupDetailsForm(PaperDetailsForm):
    """A group response: the language, and what the representative states about it."""

    members = StringField(validators=[Parses(parse_members, ENTER_MEMBERS)])
    method = RadioField(
        choices=[SelectChoice(method.value) for method in GatheringMethod],
        validators=[OneOf([method.value for method in GatheringMethod], CHOOSE_METHOD)],
        validate_choice=False,
    )
    gathered_on = StringField(validators=[Parses(parse_day, ENTER_DATE)])
    confirmed = BooleanField(validators=[Filled(CONFIRM_VIEWS)])
