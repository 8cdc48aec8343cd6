"""One uploaded spreadsheet of responses, kept so the same file is never stored twice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from consult.accounts.models import User
    from surveys.groups.models import Organisation
    from surveys.models import Consultation, Response


class UploadBatch(Model):
    """A whole file of responses, stored in one transaction or not at all.

    `digest` is the SHA-256 of the file's bytes: the same file sent again is refused.
    """

    id = fields.IntField(primary_key=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="uploads", on_delete=fields.RESTRICT
    )
    language = fields.CharField(max_length=16)
    digest = fields.CharField(max_length=64)
    filename = fields.CharField(max_length=200)
    rows = fields.IntField()
    uploaded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    organisation: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "surveys.Organisation", related_name="uploads", null=True, on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    responses: fields.ReverseRelation[Response]

    class Meta:
        table = "upload_batch"
        unique_together = (("consultation", "digest"),)
