"""The respondent's withdrawal form and the officer's retention date form."""

from __future__ import annotations

from datetime import date
from typing import Any

from wtforms import BooleanField, Form, StringField
from wtforms.fields import Field
from wtforms.validators import StopValidation, ValidationError

from consult.accounts.forms import Filled
from consult.i18n import N_, gettext, long_date
from surveys.dataprotection.services import normalise_reference
from surveys.forms import MaxCharacters
from surveys.groups.forms import Parses, ValidForm

ENTER_REFERENCE = N_("Enter your reference number")
REFERENCE_INVALID = N_(
    "Enter the reference number as it was shown to you: 8 letters and numbers, like 7K3M-Q9TX"
)
CONFIRM_WITHDRAWAL = N_("Tick the box to confirm that you want your response to be withdrawn")
ENTER_RETENTION_DATE = N_("Enter the date as year, month and day, like 2027-06-30")
RETENTION_BEFORE_CLOSING = N_("Enter a date on or after the day the consultation closes, %(date)s")


class Required:
    """Filled with more than spaces; stops the field's other checks when it is not."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form: Form, field: Field) -> None:
        if not (field.data or "").strip():
            raise StopValidation(gettext(self.message))


class WithdrawForm(ValidForm):
    reference = StringField(
        validators=[
            Required(ENTER_REFERENCE),
            MaxCharacters(40),
            Parses(normalise_reference, REFERENCE_INVALID),
        ]
    )
    confirmed = BooleanField(validators=[Filled(CONFIRM_WITHDRAWAL)])


def parse_iso_date(text: str | None) -> date | None:
    """A date as a date input sends it (YYYY-MM-DD), or None."""
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


class OnOrAfter:
    def __init__(self, earliest: date, message: str) -> None:
        self.earliest, self.message = earliest, message

    def __call__(self, form: Form, field: Field) -> None:
        day = parse_iso_date(field.data)
        if day is not None and day < self.earliest:
            raise ValidationError(gettext(self.message, date=long_date(self.earliest)))


class RetentionForm(ValidForm):
    retain_text_until = StringField()

    def __init__(self, formdata: Any, closes_on: date, current: date | None) -> None:
        super().__init__(
            formdata, data={"retain_text_until": current.isoformat() if current else ""}
        )
        self.retain_text_until.validators = (
            Required(ENTER_RETENTION_DATE),
            Parses(parse_iso_date, ENTER_RETENTION_DATE),
            OnOrAfter(closes_on, RETENTION_BEFORE_CLOSING),
        )

    @property
    def day(self) -> date | None:
        return parse_iso_date(self.retain_text_until.data)
