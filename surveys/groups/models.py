"""Organisations that respond for their members, their representatives, and what they state."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from consult.accounts.models import User
    from surveys.models import Response


class OrganisationKind(StrEnum):
    FAITH_GROUP = "faith_group"
    RESIDENTS_ASSOCIATION = "residents_association"
    CHARITY = "charity"
    USER_GROUP = "user_group"
    SCHOOL = "school"
    OTHER = "other"


class GatheringMethod(StrEnum):
    MEETING = "meeting"
    SURVEY = "survey"
    INTERVIEWS = "interviews"
    OTHER = "other"


class Organisation(Model):
    """A community group, unverified until an officer verifies it. It may respond either way."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    kind = fields.CharEnumField(OrganisationKind, max_length=30)
    borough = fields.CharField(max_length=60)
    contact_name = fields.CharField(max_length=120)
    contact_email = fields.CharField(max_length=254)
    verified_at = fields.DatetimeField(null=True)
    verified_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "organisation"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class Representative(Model):
    """A staff account that speaks for one organisation."""

    id = fields.IntField(primary_key=True)
    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "accounts.User", related_name="representative", on_delete=fields.CASCADE
    )
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "surveys.Organisation", related_name="representatives", on_delete=fields.CASCADE
    )

    class Meta:
        table = "representative"


class GroupStatement(Model):
    """What a representative states with a group response: how many, how and when gathered."""

    id = fields.IntField(primary_key=True)
    response: fields.OneToOneRelation[Response] = fields.OneToOneField(
        "surveys.Response", related_name="group_statement", on_delete=fields.CASCADE
    )
    members = fields.IntField()
    method = fields.CharEnumField(GatheringMethod, max_length=20)
    gathered_on = fields.DateField()
    submitted_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "group_statement"
