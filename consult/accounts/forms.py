"""The sign-in form."""

from __future__ import annotations

from typing import Any

from wtforms import EmailField, Form, PasswordField
from wtforms.validators import ValidationError

from consult.i18n import N_, gettext

ENTER_EMAIL = N_("Enter your email address")
ENTER_PASSWORD = N_("Enter your password")


class Filled:
    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form: Form, field: object) -> None:
        if not getattr(field, "data", None):
            raise ValidationError(gettext(self.message))


class SignInForm(Form):
    email = EmailField(validators=[Filled(ENTER_EMAIL)])
    password = PasswordField(validators=[Filled(ENTER_PASSWORD)])

    def __init__(self, formdata: Any = None) -> None:
        super().__init__(formdata=formdata)  # type: ignore[no-untyped-call]  # wtforms is untyped

    def is_valid(self) -> bool:
        return bool(self.validate())  # type: ignore[no-untyped-call]  # wtforms is untyped
