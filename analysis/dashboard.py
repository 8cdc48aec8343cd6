"""The figures behind the officer's dashboard, counted by the database in a fixed number of queries.

However many answers a consultation has, the dashboard asks the same handful of grouped
questions; nothing here loads answers one by one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from pypika_tortoise.terms import Function as SQLFunction
from pypika_tortoise.terms import Term
from tortoise.expressions import Function, Q, Subquery
from tortoise.functions import Count, Sum
from tortoise.queryset import QuerySet

from analysis.filters import (
    AnswerFilters,
    answer_conditions,
    filtered_answers,
    filtered_responses,
)
from analysis.models import AnswerReview, AnswerTheme, TagSource
from analysis.themes import THEMES
from surveys.groups.models import GroupStatement
from surveys.models import Answer, Consultation, Question, QuestionType, Response


class _SQLDate(SQLFunction):
    def __init__(self, term: Term, alias: str | None = None) -> None:
        super().__init__("DATE", term, alias=alias)


class Day(Function):
    """The calendar day of a timestamp (UTC), in SQLite and PostgreSQL alike."""

    database_func = _SQLDate


class FigurePart(StrEnum):
    """The groups of figures a page can ask for; each costs its own queries."""

    RESPONSES = "responses"
    QUESTIONS = "questions"
    QUALITY = "quality"


EVERY_PART = frozenset(FigurePart)


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    machine: int
    officer: int

    @property
    def total(self) -> int:
        return self.machine + self.officer


@dataclass
class QuestionFigures:
    """One question's answers: themes for free text, choices for the others."""

    key: str
    kind: QuestionType
    answered: int = 0
    reviewed: int = 0
    themes: list[ThemeCount] = field(default_factory=list)
    # theme -> language -> answers with the theme (machine or officer)
    themes_by_language: dict[str, Counter[str]] = field(default_factory=dict)
    answered_by_language: Counter[str] = field(default_factory=Counter)
    options: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class ThemeQuality:
    """How the machine's tags compare with officers' decisions on reviewed answers."""

    theme: str
    language: str
    agreed: int
    machine_only: int
    officer_only: int
    reviewed: int

    @property
    def precision(self) -> float | None:
        tagged = self.agreed + self.machine_only
        return self.agreed / tagged if tagged else None

    @property
    def recall(self) -> float | None:
        present = self.agreed + self.officer_only
        return self.agreed / present if present else None


@dataclass
class DashboardFigures:
    responses: int = 0
    by_language: Counter[str] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)
    by_respondent: Counter[str] = field(default_factory=Counter)
    # Responses sent or typed in by each community group, and the members groups stated.
    by_group: Counter[int] = field(default_factory=Counter)
    members_by_group: Counter[int] = field(default_factory=Counter)
    by_day: list[tuple[date, int]] = field(default_factory=list)
    questions: list[QuestionFigures] = field(default_factory=list)
    quality: list[ThemeQuality] = field(default_factory=list)

    @property
    def free_text_answers(self) -> int:
        return sum(q.answered for q in self.questions if q.kind == QuestionType.FREE_TEXT)

    @property
    def reviewed_answers(self) -> int:
        return sum(q.reviewed for q in self.questions if q.kind == QuestionType.FREE_TEXT)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


async def dashboard_figures(
    consultation: Consultation,
    filters: AnswerFilters,
    questions: list[Question],
    parts: frozenset[FigurePart] = EVERY_PART,
) -> DashboardFigures:
    """The dashboard's figures for the answers that pass the filters (only the parts asked for)."""
    figures = DashboardFigures()
    through_answer = answer_conditions(consultation, filters, "answer__")
    if FigurePart.RESPONSES in parts:
        await _count_responses(figures, filtered_responses(consultation, filters))
    if FigurePart.QUESTIONS in parts:
        answers = filtered_answers(consultation, filters)
        figures.questions = await _count_questions(answers, through_answer, questions)
    if FigurePart.QUALITY in parts:
        figures.quality = await machine_quality(through_answer)
    return figures


async def _count_responses(figures: DashboardFigures, responses: QuerySet[Response]) -> None:
    for row in (
        await responses.annotate(n=Count("id"))
        .group_by("language", "channel", "respondent_type", "organisation_id")
        .values("language", "channel", "respondent_type", "organisation_id", "n")
    ):
        figures.responses += row["n"]
        if row["organisation_id"]:
            figures.by_group[row["organisation_id"]] += row["n"]
        figures.by_language[row["language"]] += row["n"]
        figures.by_channel[str(row["channel"])] += row["n"]
        figures.by_respondent[str(row["respondent_type"])] += row["n"]
    days = (
        await responses.annotate(day=Day("submitted_at"), n=Count("id"))
        .group_by("day")
        .values("day", "n")
    )
    figures.by_day = sorted((_day(row["day"]), row["n"]) for row in days)
    for row in (
        await GroupStatement.filter(response_id__in=Subquery(responses.values("id")))
        .annotate(members=Sum("members"))
        .group_by("response__organisation_id")
        .values("response__organisation_id", "members")
    ):
        figures.members_by_group[row["response__organisation_id"]] += row["members"] or 0


async def _count_questions(
    answers: QuerySet[Answer], through_answer: Q, questions: list[Question]
) -> list[QuestionFigures]:
    by_id = {question.id: QuestionFigures(question.key, question.type) for question in questions}
    for row in (
        await answers.filter(text__not_isnull=True)
        .annotate(n=Count("id"))
        .group_by("question_id", "response__language")
        .values("question_id", "response__language", "n")
    ):
        if question_figures := by_id.get(row["question_id"]):
            question_figures.answered += row["n"]
            question_figures.answered_by_language[row["response__language"]] += row["n"]
    for row in (
        await AnswerReview.filter(through_answer)
        .annotate(n=Count("id"))
        .group_by("answer__question_id")
        .values("answer__question_id", "n")
    ):
        if question_figures := by_id.get(row["answer__question_id"]):
            question_figures.reviewed += row["n"]
    tallies: dict[int, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for row in (
        await AnswerTheme.filter(through_answer, is_current=True, present=True)
        .annotate(n=Count("id"))
        .group_by("answer__question_id", "answer__response__language", "theme", "source")
        .values("answer__question_id", "answer__response__language", "theme", "source", "n")
    ):
        question_id, theme = row["answer__question_id"], row["theme"]
        tallies[question_id][theme][str(row["source"])] += row["n"]
        if question_figures := by_id.get(question_id):
            language_counts = question_figures.themes_by_language.setdefault(theme, Counter())
            language_counts[row["answer__response__language"]] += row["n"]
    for question_id, question_figures in by_id.items():
        if question_figures.kind == QuestionType.FREE_TEXT:
            question_figures.themes = [
                ThemeCount(
                    theme,
                    tallies[question_id][theme][TagSource.MACHINE.value],
                    tallies[question_id][theme][TagSource.OFFICER.value],
                )
                for theme in THEMES
            ]
    option_counts = (
        await answers.filter(options__id__not_isnull=True)
        .annotate(n=Count("id"))
        .group_by("question_id", "options__value")
        .values("question_id", "options__value", "n")
    )
    for row in option_counts:
        if question_figures := by_id.get(row["question_id"]):
            question_figures.options.append((row["options__value"], row["n"]))
    return list(by_id.values())


async def machine_quality(through_answer: Q) -> list[ThemeQuality]:
    """Precision and recall per theme and language, from officers' decisions on tagged answers."""
    decisions: dict[tuple[str, str], Counter[tuple[bool, bool]]] = defaultdict(Counter)
    for row in (
        await AnswerTheme.filter(
            through_answer,
            is_current=True,
            source=TagSource.OFFICER,
            machine_present__not_isnull=True,
            answer__review__model_version__not_isnull=True,
        )
        .annotate(n=Count("id"))
        .group_by("theme", "answer__tagging__language", "present", "machine_present")
        .values("theme", "answer__tagging__language", "present", "machine_present", "n")
    ):
        key = (row["theme"], row["answer__tagging__language"] or "")
        decisions[key][(bool(row["present"]), bool(row["machine_present"]))] += row["n"]
    return [
        ThemeQuality(
            theme=theme,
            language=language,
            agreed=counts[(True, True)],
            machine_only=counts[(False, True)],
            officer_only=counts[(True, False)],
            reviewed=sum(counts.values()),
        )
        for (theme, language), counts in sorted(
            decisions.items(), key=lambda item: (THEMES.index(item[0][0]), item[0][1])
        )
    ]
