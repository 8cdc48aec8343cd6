"""The history of every change to a field's wording: who, when, from what to what."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from consult.accounts.models import User
from surveys.models import TextStatus, TextUnit


class TextAction(StrEnum):
    EDITED = "edited"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    CONFIRMED = "confirmed"
    IMPORTED = "imported"
    SOURCE_CHANGED = "source_changed"


class TextHistory(Model):
    id = fields.IntField(primary_key=True)
    unit: fields.ForeignKeyRelation[TextUnit] = fields.ForeignKeyField(
        "surveys.TextUnit", related_name="history", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    action = fields.CharEnumField(TextAction, max_length=20)
    old_text = fields.TextField(null=True)
    new_text = fields.TextField(null=True)
    old_status = fields.CharEnumField(TextStatus, max_length=16, null=True)
    new_status = fields.CharEnumField(TextStatus, max_length=16, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "text_history"
        ordering = ("-created_at", "-id")
