"""Staff users, the languages a translator works in, their sessions and login throttling."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    TRANSLATOR = "translator"
    # Speaks for one community group (see surveys.groups).
    GROUP_REPRESENTATIVE = "group_rep"


class User(Model):
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    name = fields.CharField(max_length=120)
    password_hash = fields.CharField(max_length=200)
    role = fields.CharEnumField(Role, max_length=12)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    languages: fields.ReverseRelation[LanguageAssignment]

    class Meta:
        table = "staff_user"

    def __str__(self) -> str:
        return self.name


class LanguageAssignment(Model):
    """A translator works in `language`, and if `can_review`, approves others' work there."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name="languages", on_delete=fields.CASCADE
    )
    language = fields.CharField(max_length=16)
    can_review = fields.BooleanField(default=False)

    class Meta:
        table = "language_assignment"
        unique_together = (("user", "language"),)


class StaffSession(Model):
    """A signed-in session. The cookie holds the key, the database only its hash.

    Deleting the row signs the session out everywhere, which a cookie alone cannot do.
    """

    id = fields.IntField(primary_key=True)
    key_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "staff_session"


class LoginThrottle(Model):
    """Failed sign-ins per account name (hashed), never per IP address."""

    id = fields.IntField(primary_key=True)
    key_hash = fields.CharField(max_length=64, unique=True)
    failures = fields.IntField(default=0)
    window_started_at = fields.DatetimeField()
    locked_until = fields.DatetimeField(null=True)

    class Meta:
        table = "login_throttle"
