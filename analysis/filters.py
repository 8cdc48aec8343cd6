"""The officer's filters: read from the query string against allowlists, applied to answers.

Every filter combination is a plain query string, so every filtered view has a stable URL.
Nothing from the query string reaches the database except as a value compared with an
allowlisted field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import QueryParams
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from analysis.models import AnswerReview, AnswerTheme
from analysis.themes import THEMES
from consult.i18n import LANGUAGE_CODES
from surveys.models import (
    Answer,
    Channel,
    Consultation,
    RespondentType,
    Response,
    searchable_text,
)

MAX_SEARCH_LENGTH = 200


class ReviewStatus(StrEnum):
    REVIEWED = "reviewed"
    UNREVIEWED = "unreviewed"


def _choice(value: str | None, allowed: tuple[str, ...] | list[str]) -> str:
    return value if value is not None and value in allowed else ""


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


@dataclass(frozen=True)
class AnswerFilters:
    """What the officer narrowed the answers to. Empty strings and None mean "all"."""

    language: str = ""
    question: str = ""
    channel: str = ""
    respondent: str = ""
    group: str = ""
    theme: str = ""
    review: str = ""
    since: date | None = None
    until: date | None = None
    search: str = ""

    @classmethod
    def from_query(
        cls, params: QueryParams, question_keys: list[str], group_ids: list[str]
    ) -> AnswerFilters:
        """Only values on each filter's allowlist are kept; anything else means "all"."""
        return cls(
            language=_choice(params.get("language"), LANGUAGE_CODES),
            question=_choice(params.get("question"), question_keys),
            channel=_choice(params.get("channel"), [c.value for c in Channel]),
            respondent=_choice(params.get("respondent"), [r.value for r in RespondentType]),
            group=_choice(params.get("group"), group_ids),
            theme=_choice(params.get("theme"), THEMES),
            review=_choice(params.get("review"), [r.value for r in ReviewStatus]),
            since=_date(params.get("since")),
            until=_date(params.get("until")),
            search=(params.get("search") or "").strip()[:MAX_SEARCH_LENGTH],
        )

    def query_string(self, **changes: str) -> str:
        """The stable query string of these filters, with some values changed."""
        values = replace(self, **changes)  # type: ignore[arg-type]
        pairs = [
            (item.name, str(getattr(values, item.name)))
            for item in fields(values)
            if getattr(values, item.name)
        ]
        return urlencode(pairs)

    @property
    def narrows_answers(self) -> bool:
        """Whether the answer-level filters leave out some of a response's answers."""
        return bool(self.question or self.theme or self.review or self.search)

    @property
    def active(self) -> bool:
        return bool(self.query_string())


def _response_conditions(filters: AnswerFilters, prefix: str = "") -> dict[str, Any]:
    """The filters that are about whole responses, as field lookups."""
    conditions: dict[str, Any] = {
        "language": filters.language,
        "channel": filters.channel,
        "respondent_type": filters.respondent,
        "organisation_id": int(filters.group) if filters.group else None,
    }
    return {f"{prefix}{name}": value for name, value in conditions.items() if value}


def filtered_responses(consultation: Consultation, filters: AnswerFilters) -> QuerySet[Response]:
    """The responses with at least one answer passing the filters (all, with no filters).

    Withdrawn responses are never counted: only their reference is kept.
    """
    responses = Response.filter(consultation=consultation, withdrawn_at__isnull=True)
    if filters.narrows_answers or filters.since or filters.until:
        answers = filtered_answers(consultation, filters)
        return responses.filter(id__in=Subquery(answers.values("response_id")))
    return responses.filter(**_response_conditions(filters))


def _lookup(name: str, value: Any) -> Q:
    lookups: dict[str, Any] = {name: value}
    return Q(**lookups)


def answer_conditions(consultation: Consultation, filters: AnswerFilters, path: str = "") -> Q:
    """The filters as conditions on an answer reached by `path` ("" or "answer__").

    Counting tags or reviews puts the conditions on the rows' own join to the answer, rather
    than on a list of every matching answer id: the database then walks the rows once.
    """
    lookups: dict[str, Any] = {
        f"{path}response__consultation": consultation,
        f"{path}response__withdrawn_at__isnull": True,
    }
    conditions = Q(**lookups, **_response_conditions(filters, f"{path}response__"))
    if filters.question:
        conditions &= _lookup(f"{path}question__key", filters.question)
    if filters.since:
        start = datetime.combine(filters.since, time.min, tzinfo=UTC)
        conditions &= _lookup(f"{path}response__submitted_at__gte", start)
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time.min, tzinfo=UTC)
        conditions &= _lookup(f"{path}response__submitted_at__lt", end)
    if filters.theme:
        tagged = AnswerTheme.filter(theme=filters.theme, is_current=True, present=True)
        conditions &= _lookup(f"{path}id__in", Subquery(tagged.values("answer_id")))
    if filters.review:
        reviewed = Subquery(AnswerReview.all().values("answer_id"))
        lookup = "in" if filters.review == ReviewStatus.REVIEWED else "not_in"
        conditions &= _lookup(f"{path}id__{lookup}", reviewed)
    if filters.search:
        conditions &= _lookup(f"{path}search_text__contains", searchable_text(filters.search))
    return conditions


def filtered_answers(consultation: Consultation, filters: AnswerFilters) -> QuerySet[Answer]:
    """The consultation's answers that pass every filter."""
    return Answer.filter(answer_conditions(consultation, filters))
