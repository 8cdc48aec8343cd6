"""The consultation data model: questionnaires, their wording per language, and responses."""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from surveys.fingerprints import BANDS, near_copy_keys

if TYPE_CHECKING:
    from consult.accounts.models import User
    from surveys.groups.models import Organisation
    from surveys.uploads.models import UploadBatch


class ConsultationStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class QuestionType(StrEnum):
    FREE_TEXT = "free_text"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"


class Channel(StrEnum):
    WEB = "web"
    PAPER = "paper"
    GROUP = "group"


class RespondentType(StrEnum):
    """Who a response speaks for: one person, or an organisation for its members."""

    INDIVIDUAL = "individual"
    ORGANISATION = "organisation"


class TextStatus(StrEnum):
    """Where one field's wording in one language stands in the translation workflow."""

    MISSING = "missing"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"


class TextOrigin(StrEnum):
    """Who produced a field's wording: the source author, a translator, a file or the project."""

    SOURCE = "source"
    TRANSLATOR = "translator"
    IMPORTED = "imported"
    PROJECT_DRAFT = "project_draft"


class Consultation(Model):
    id = fields.IntField(primary_key=True)
    slug = fields.CharField(max_length=80, unique=True)
    status = fields.CharEnumField(ConsultationStatus, default=ConsultationStatus.DRAFT)
    opens_at = fields.DatetimeField()
    closes_at = fields.DatetimeField()
    source_language = fields.CharField(max_length=16, default="en")
    created_at = fields.DatetimeField(auto_now_add=True)
    # After this day the job deletes the free-text answers (issue #7, data protection).
    retain_text_until = fields.DateField(null=True)

    questions: fields.ReverseRelation[Question]

    class Meta:
        table = "consultation"


class Question(Model):
    """One question. Once answered it is never edited: a revision retires it for a new one."""

    id = fields.IntField(primary_key=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="questions", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=60)
    version = fields.IntField(default=1)
    position = fields.IntField()
    type = fields.CharEnumField(QuestionType, max_length=20)
    required = fields.BooleanField(default=False)
    max_length = fields.IntField(default=2000)
    retired_at = fields.DatetimeField(null=True)

    options: fields.ReverseRelation[Option]

    class Meta:
        table = "question"
        unique_together = (("consultation", "key", "version"),)
        ordering = ("position",)


class Option(Model):
    id = fields.IntField(primary_key=True)
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "surveys.Question", related_name="options", on_delete=fields.CASCADE
    )
    value = fields.CharField(max_length=60)
    position = fields.IntField()

    class Meta:
        table = "option"
        unique_together = (("question", "value"),)
        ordering = ("position",)


class TextUnit(Model):
    """The wording of one translatable field in one language.

    `key` names the field (`consultation.title`, `question.community-help.hint`,
    `option.involvement.meeting.label`). The English row carries `revision`, bumped on every
    change. A translation records in `source_revision` and `source_text` which English it was
    made from, so a later change to the English shows the translation as stale, old and new
    side by side.
    """

    id = fields.IntField(primary_key=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="texts", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=80)
    language = fields.CharField(max_length=16)
    text = fields.TextField()
    status = fields.CharEnumField(TextStatus, max_length=16, default=TextStatus.MISSING)
    origin = fields.CharEnumField(TextOrigin, max_length=16)
    revision = fields.IntField(default=1)
    source_revision = fields.IntField(null=True)
    source_text = fields.TextField(null=True)
    translated_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    reviewed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "text_unit"
        unique_together = (("consultation", "key", "language"),)


class WordingSnapshot(Model):
    """Exactly the wording a respondent read: every field's text in their language.

    Shared by every response given to the same wording (`digest` is a hash of the texts).
    """

    id = fields.IntField(primary_key=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="wording_snapshots", on_delete=fields.CASCADE
    )
    language = fields.CharField(max_length=16)
    digest = fields.CharField(max_length=64, unique=True)
    texts: dict[str, str] = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "wording_snapshot"


class ResponseDraft(Model):
    """Answers a respondent has given so far, keyed by a random token in their session.

    Kept in the database rather than the cookie because free-text answers in several
    scripts soon outgrow a cookie's 4 KB.
    """

    id = fields.IntField(primary_key=True)
    token = fields.CharField(max_length=64, unique=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="drafts", on_delete=fields.CASCADE
    )
    answers: dict[str, Any] = fields.JSONField(default=dict)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "response_draft"


class Response(Model):
    """One submitted response. Deliberately holds no IP address and no user agent."""

    id = fields.IntField(primary_key=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="responses", on_delete=fields.RESTRICT
    )
    reference = fields.CharField(max_length=20, unique=True)
    # The draft token it was submitted from: a second submit of the same draft finds this.
    submission_token = fields.CharField(max_length=64, unique=True)
    language = fields.CharField(max_length=16)
    channel = fields.CharEnumField(Channel, max_length=10, default=Channel.WEB)
    respondent_type = fields.CharEnumField(
        RespondentType, max_length=12, default=RespondentType.INDIVIDUAL
    )
    submitted_at = fields.DatetimeField(auto_now_add=True)
    wording: fields.ForeignKeyNullableRelation[WordingSnapshot] = fields.ForeignKeyField(
        "surveys.WordingSnapshot", related_name="responses", null=True, on_delete=fields.RESTRICT
    )
    # The community group that submitted it, or typed it in from paper, if any.
    organisation: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "surveys.Organisation", related_name="responses", null=True, on_delete=fields.RESTRICT
    )
    # The spreadsheet it came in, if it was uploaded with others.
    upload: fields.ForeignKeyNullableRelation[UploadBatch] = fields.ForeignKeyField(
        "surveys.UploadBatch", related_name="responses", null=True, on_delete=fields.RESTRICT
    )
    # Set when the respondent withdrew it: its answers are gone, the row keeps the reference
    # from being reused and lets the counts say how many were withdrawn.
    withdrawn_at = fields.DatetimeField(null=True)

    answers: fields.ReverseRelation[Answer]

    class Meta:
        table = "response"
        # Every dashboard count starts from one consultation's responses.
        indexes = (("consultation_id", "submitted_at"),)


def searchable_text(text: str) -> str:
    """The form a search compares: case folded and compatibility-normalised, in any script."""
    return unicodedata.normalize("NFKC", text).casefold()


class Answer(Model):
    """One answer to one question.

    Derived from `text` when it is saved: `search_text` (as searches compare it) and the
    four near-copy keys that copies of the same text share (copy-paste campaigns).
    """

    id = fields.IntField(primary_key=True)
    response: fields.ForeignKeyRelation[Response] = fields.ForeignKeyField(
        "surveys.Response", related_name="answers", on_delete=fields.CASCADE
    )
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "surveys.Question", related_name="answers", on_delete=fields.RESTRICT
    )
    text = fields.TextField(null=True)
    search_text = fields.TextField(null=True)
    near_copy_key_1 = fields.BigIntField(null=True)
    near_copy_key_2 = fields.BigIntField(null=True)
    near_copy_key_3 = fields.BigIntField(null=True)
    near_copy_key_4 = fields.BigIntField(null=True)
    options: fields.ManyToManyRelation[Option] = fields.ManyToManyField(
        "surveys.Option", related_name="answers", through="answer_option"
    )

    class Meta:
        table = "answer"
        unique_together = (("response", "question"),)

    def derive_from_text(self) -> None:
        """Fill the fields derived from `text`; `save` does it, bulk inserts call it first."""
        self.search_text = searchable_text(self.text) if self.text else None  # type: ignore[assignment]
        keys = near_copy_keys(self.text) or (None,) * BANDS
        (
            self.near_copy_key_1,
            self.near_copy_key_2,
            self.near_copy_key_3,
            self.near_copy_key_4,
        ) = keys

    async def save(self, *args: Any, **kwargs: Any) -> None:
        self.derive_from_text()
        await super().save(*args, **kwargs)
