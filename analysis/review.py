"""Officers' review of machine tags: the queue, their decisions, chosen quotes and tag history."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from analysis.models import AnswerReview, AnswerTagging, AnswerTheme, SummaryQuote, TagSource
from analysis.themes import THEMES
from consult.accounts.models import User
from surveys.models import Answer, Consultation, Question


@dataclass(frozen=True)
class Segment:
    """A stretch of an answer's text, and the themes whose evidence covers it (numbered from 1)."""

    text: str
    theme_numbers: tuple[int, ...]


def evidence_segments(text: str, evidence: Mapping[str, list[list[int]]]) -> list[Segment]:
    """Split the text at every evidence boundary so each stretch knows which themes cite it."""
    bounds = {0, len(text)}
    for spans in evidence.values():
        for start, end in spans:
            if 0 <= start < end <= len(text):
                bounds.update((start, end))
    edges = sorted(bounds)
    segments = []
    for start, end in pairwise(edges):
        numbers = tuple(
            THEMES.index(theme) + 1
            for theme, spans in evidence.items()
            if any(s <= start and end <= e for s, e in spans)
        )
        segments.append(Segment(text[start:end], tuple(sorted(numbers))))
    return segments


@dataclass(frozen=True)
class TagEvent:
    """One row of a tag's history: who decided what, when."""

    theme: str
    present: bool
    source: TagSource
    officer_name: str
    model_version: str
    score: float | None
    at: datetime
    current: bool


@dataclass(frozen=True)
class AnswerUnderReview:
    answer: Answer
    language: str
    machine_tags: dict[str, AnswerTheme]
    officer_decisions: dict[str, AnswerTheme]
    quoted_themes: frozenset[str]
    history: list[TagEvent]
    reviewed: AnswerReview | None


def written_answers(consultation: Consultation, question: Question) -> QuerySet[Answer]:
    """The answers to this question that have text to review."""
    return Answer.filter(
        response__consultation=consultation, question=question, text__not_isnull=True
    ).exclude(text="")


async def next_answer_for_review(
    consultation: Consultation, question: Question, language: str = "", after: int = 0
) -> Answer | None:
    """The first unreviewed answer to this question after `after`, by arrival order."""
    answers = written_answers(consultation, question).filter(id__gt=after)
    if language:
        answers = answers.filter(response__language=language)
    return (
        await answers.filter(id__not_in=Subquery(AnswerReview.all().values("answer_id")))
        .order_by("id")
        .first()
    )


async def review_counts(consultation: Consultation, question: Question) -> tuple[int, int]:
    """(reviewed, answered) for one question."""
    answers = written_answers(consultation, question)
    reviewed = await AnswerReview.filter(answer_id__in=Subquery(answers.values("id"))).count()
    return reviewed, await answers.count()


async def find_answer(consultation: Consultation, question: Question, answer_id: int) -> Answer:
    """The answer, only if it belongs to this question of this consultation."""
    return await Answer.get(
        id=answer_id, question=question, response__consultation=consultation
    ).prefetch_related("response")


async def answer_under_review(answer: Answer) -> AnswerUnderReview:
    rows = (
        await AnswerTheme.filter(answer=answer)
        .order_by("created_at", "id")
        .prefetch_related("officer")
    )
    current = [row for row in rows if row.is_current]
    tagging = await AnswerTagging.filter(answer=answer).first()
    return AnswerUnderReview(
        answer=answer,
        language=(tagging.language if tagging and tagging.language else answer.response.language),
        machine_tags={
            row.theme: row for row in current if row.source == TagSource.MACHINE and row.present
        },
        officer_decisions={row.theme: row for row in current if row.source == TagSource.OFFICER},
        quoted_themes=frozenset(
            await SummaryQuote.filter(answer=answer).values_list("theme", flat=True)  # type: ignore[arg-type]
        ),
        history=[
            TagEvent(
                theme=row.theme,
                present=row.present,
                source=row.source,
                officer_name=row.officer.name if row.officer else "",
                model_version=row.model_version or "",
                score=row.score,
                at=row.created_at,
                current=row.is_current,
            )
            for row in reversed(rows)
        ],
        reviewed=await AnswerReview.filter(answer=answer).first(),
    )


async def record_review(
    consultation: Consultation,
    answer: Answer,
    officer: User,
    present_themes: Collection[str],
    quoted_themes: Collection[str],
) -> None:
    """Store the officer's decision on every theme, final over any later re-tagging.

    Each decision records whether the machine had the theme, so the decisions measure the
    machine. Quotes are kept only for themes the officer says are present.
    """
    async with in_transaction():
        current = await AnswerTheme.filter(answer=answer, is_current=True).select_for_update()
        # On a second review the current rows are the first officer's: they remember the machine.
        machine = {
            row.theme
            for row in current
            if (row.present if row.source == TagSource.MACHINE else row.machine_present)
        }
        tagging = await AnswerTagging.filter(answer=answer).first()
        await AnswerTheme.filter(answer=answer, is_current=True).update(is_current=False)
        await AnswerTheme.bulk_create(
            [
                AnswerTheme(
                    answer=answer,
                    theme=theme,
                    present=theme in present_themes,
                    source=TagSource.OFFICER,
                    officer=officer,
                    machine_present=theme in machine,
                    evidence=next(
                        (row.evidence for row in current if row.theme == theme and row.present),
                        [],
                    ),
                )
                for theme in THEMES
            ]
        )
        await AnswerReview.update_or_create(
            defaults={
                "officer": officer,
                "model_version": tagging.model_version if tagging else None,
            },
            answer=answer,
        )
        keep = set(quoted_themes) & set(present_themes)
        await SummaryQuote.filter(answer=answer).exclude(theme__in=list(keep)).delete()
        existing = set(await SummaryQuote.filter(answer=answer).values_list("theme", flat=True))
        await SummaryQuote.bulk_create(
            [
                SummaryQuote(
                    consultation=consultation,
                    answer=answer,
                    theme=theme,
                    chosen_by=officer,
                )
                for theme in sorted(keep - existing)
            ]
        )
