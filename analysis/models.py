"""Themes on answers, with who assigned them, and the jobs that tag and re-tag answers."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from consult.accounts.models import User
from surveys.models import Answer, Consultation


class TagSource(StrEnum):
    MACHINE = "machine"
    OFFICER = "officer"


class AnswerTheme(Model):
    """One theme's decision on one answer. Never updated in place: a new row replaces it.

    `is_current` marks the decision in force; older rows are its history. A decision by an
    officer is final: re-tagging never replaces it.
    """

    id = fields.IntField(primary_key=True)
    answer: fields.ForeignKeyRelation[Answer] = fields.ForeignKeyField(
        "surveys.Answer", related_name="themes", on_delete=fields.CASCADE
    )
    theme = fields.CharField(max_length=40)
    present = fields.BooleanField(default=True)
    score = fields.FloatField(null=True)
    evidence: list[list[int]] = fields.JSONField(default=list)
    model_version = fields.CharField(max_length=20, null=True)
    source = fields.CharEnumField(TagSource, max_length=10)
    officer: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    is_current = fields.BooleanField(default=True)
    # On an officer's decision: whether the machine had tagged the theme when they decided.
    # The officers' decisions measure the machine's precision and recall from this.
    machine_present = fields.BooleanField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "answer_theme"
        indexes = (("answer_id", "theme", "is_current"),)


class AnswerTagging(Model):
    """Where an answer stands with the tagger: the language found and the model that tagged it.

    An answer with text and no row here, or a row from an older model, is waiting to be
    tagged. Failures are counted and retried, never lose the answer.
    """

    id = fields.IntField(primary_key=True)
    answer: fields.OneToOneRelation[Answer] = fields.OneToOneField(
        "surveys.Answer", related_name="tagging", on_delete=fields.CASCADE
    )
    language = fields.CharField(max_length=16, null=True)
    model_version = fields.CharField(max_length=20, null=True)
    attempts = fields.IntField(default=0)
    last_error = fields.TextField(null=True)
    tagged_at = fields.DatetimeField(null=True)

    class Meta:
        table = "answer_tagging"


class AnswerReview(Model):
    """An officer has decided every theme on this answer (the latest review is kept).

    `model_version` is the model whose tags the officer saw, or null when the answer had not
    been tagged yet. Only reviews of tagged answers measure the machine.
    """

    id = fields.IntField(primary_key=True)
    answer: fields.OneToOneRelation[Answer] = fields.OneToOneField(
        "surveys.Answer", related_name="review", on_delete=fields.CASCADE
    )
    officer: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    model_version = fields.CharField(max_length=20, null=True)
    reviewed_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "answer_review"


class SummaryQuote(Model):
    """An answer an officer chose to quote, in its own language, for one theme in the summary."""

    id = fields.IntField(primary_key=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="quotes", on_delete=fields.CASCADE
    )
    answer: fields.ForeignKeyRelation[Answer] = fields.ForeignKeyField(
        "surveys.Answer", related_name="quotes", on_delete=fields.CASCADE
    )
    theme = fields.CharField(max_length=40)
    chosen_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "summary_quote"
        unique_together = (("answer", "theme"),)


class PublishedSummary(Model):
    """A themed summary as published: figures already suppressed, fixed until published again."""

    id = fields.IntField(primary_key=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="summaries", on_delete=fields.CASCADE
    )
    figures: dict[str, Any] = fields.JSONField()
    published_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    published_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "published_summary"


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class RetagJob(Model):
    """Re-tag every answer of a consultation with the current model, resumable after a restart."""

    id = fields.IntField(primary_key=True)
    consultation: fields.ForeignKeyRelation[Consultation] = fields.ForeignKeyField(
        "surveys.Consultation", related_name="retag_jobs", on_delete=fields.CASCADE
    )
    model_version = fields.CharField(max_length=20)
    status = fields.CharEnumField(JobStatus, max_length=10, default=JobStatus.QUEUED)
    total = fields.IntField(default=0)
    done = fields.IntField(default=0)
    started_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "accounts.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "retag_job"
