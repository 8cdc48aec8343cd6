"""The record of what data protection has removed: counts and who, never the text."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from consult.accounts.models import User
    from surveys.models import Consultation


class DataProtectionAction(StrEnum):
    WITHDRAWN = "withdrawn"
    RETENTION_DATE_SET = "retention_date_set"
    RETENTION = "retention"


class DataProtectionLog(Model):
    """One withdrawal, retention date change or retention run, with what it affected.

    `performed_by` is the officer, or null for a respondent withdrawing and for the job.
    """

    id = fields.IntField(primary_key=True)
    action = fields.CharEnumField(DataProtectionAction, max_length=20)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="data_protection_log", on_delete=fields.CASCADE
    )
    responses = fields.IntField(default=0)
    answers = fields.IntField(default=0)
    performed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "data_protection_log"
        ordering = ("-created_at", "-id")
