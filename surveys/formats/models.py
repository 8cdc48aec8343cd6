"""A request for a consultation in another format, and whether an officer has dealt with it."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from consult.accounts.models import User
    from surveys.models import Consultation


class FormatKind(StrEnum):
    LARGE_PRINT = "large_print"
    BRAILLE = "braille"
    AUDIO = "audio"
    EASY_READ = "easy_read"
    OTHER_LANGUAGE = "other_language"
    PHONE_HELP = "phone_help"


class FormatRequest(Model):
    """Someone asks for a consultation in a format we send on request.

    Holds the contact details the person chose to give, and nothing about their browser.
    """

    id = fields.IntField(primary_key=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="format_requests", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(FormatKind, max_length=20)
    # The language of the page the request was made from: reply in it.
    language = fields.CharField(max_length=16)
    # For "another language": the language wanted, as the person wrote it.
    wanted_language = fields.CharField(max_length=100, default="")
    name = fields.CharField(max_length=120)
    contact = fields.TextField()
    notes = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    done_at = fields.DatetimeField(null=True)
    done_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "format_request"
