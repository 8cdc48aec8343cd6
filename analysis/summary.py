"""The themed summary an officer publishes: figures with small counts suppressed, and quotes.

The figures are stored as published (JSON of codes and counts, no translated words), so the
public page shows exactly what the officer published, in whichever language it is read.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import UTC, datetime
from typing import Any

from analysis.dashboard import DashboardFigures, dashboard_figures
from analysis.filters import AnswerFilters
from analysis.models import AnswerTheme, PublishedSummary, SummaryQuote
from analysis.suppression import AdditiveGroup, suppress
from analysis.themes import THEMES
from consult.accounts.models import User
from consult.i18n import LANGUAGE_CODES
from surveys.models import Channel, Consultation, QuestionType, RespondentType
from surveys.services import current_questions

Cell = tuple[Hashable, ...]


def _ordered(counter: dict[str, int], order: list[str]) -> list[str]:
    return [key for key in order if counter.get(key)]


def public_figures(figures: DashboardFigures, threshold: int) -> dict[str, Any]:
    """The dashboard's figures as they may be published, small counts hidden (None)."""
    counts: dict[Cell, int] = {("responses",): figures.responses}
    groups: list[AdditiveGroup[Cell]] = []
    partitions = {
        "language": (figures.by_language, list(LANGUAGE_CODES)),
        "channel": (figures.by_channel, [c.value for c in Channel]),
        "respondent": (figures.by_respondent, [r.value for r in RespondentType]),
    }
    orders: dict[str, list[str]] = {}
    for name, (counter, order) in partitions.items():
        orders[name] = _ordered(counter, order)
        for key in orders[name]:
            counts[(name, key)] = counter[key]
        groups.append(AdditiveGroup(("responses",), [(name, key) for key in orders[name]]))
    for question in figures.questions:
        counts[("answered", question.key)] = question.answered
        languages = _ordered(question.answered_by_language, list(LANGUAGE_CODES))
        for language in languages:
            counts[("answered", question.key, language)] = question.answered_by_language[language]
        groups.append(
            AdditiveGroup(
                ("answered", question.key),
                [("answered", question.key, language) for language in languages],
            )
        )
        for theme_count in question.themes:
            theme_cell = ("theme", question.key, theme_count.theme)
            counts[theme_cell] = theme_count.total
            by_language: dict[str, int] = question.themes_by_language.get(theme_count.theme, {})
            parts = [(*theme_cell, code) for code in _ordered(dict(by_language), languages)]
            for part in parts:
                counts[part] = by_language[str(part[-1])]
            groups.append(AdditiveGroup(theme_cell, parts))
        for value, count in question.options:
            counts[("option", question.key, value)] = count
        if question.kind == QuestionType.SINGLE_CHOICE:
            groups.append(
                AdditiveGroup(
                    ("answered", question.key),
                    [("option", question.key, value) for value, _ in question.options],
                )
            )
    shown = suppress(counts, groups, threshold)
    return {
        "threshold": threshold,
        "responses": shown[("responses",)],
        **{
            f"by_{name}": [[key, shown[(name, key)]] for key in orders[name]] for name in partitions
        },
        "languages": orders["language"],
        "questions": [
            {
                "key": question.key,
                "kind": question.kind.value,
                "answered": shown[("answered", question.key)],
                "answered_by_language": [
                    [code, shown[("answered", question.key, code)]]
                    for code in _ordered(question.answered_by_language, list(LANGUAGE_CODES))
                ],
                "themes": [
                    {
                        "theme": theme_count.theme,
                        "count": shown[("theme", question.key, theme_count.theme)],
                        "by_language": [
                            [code, shown[("theme", question.key, theme_count.theme, code)]]
                            for code in LANGUAGE_CODES
                            if ("theme", question.key, theme_count.theme, code) in shown
                        ],
                    }
                    for theme_count in question.themes
                ],
                "options": [
                    [value, shown[("option", question.key, value)]] for value, _ in question.options
                ],
            }
            for question in figures.questions
        ],
    }


async def chosen_quotes(consultation: Consultation) -> list[dict[str, Any]]:
    """The officers' chosen quotes, theme by theme, each with its evidence in its own text."""
    quotes = await SummaryQuote.filter(consultation=consultation).prefetch_related(
        "answer__response", "answer__tagging"
    )
    evidence = {
        (row.answer_id, row.theme): row.evidence  # type: ignore[attr-defined]
        for row in await AnswerTheme.filter(
            answer_id__in=[quote.answer_id for quote in quotes],  # type: ignore[attr-defined]
            is_current=True,
            present=True,
        )
    }
    chosen = []
    for quote in sorted(quotes, key=lambda q: (THEMES.index(q.theme), q.id)):
        answer = quote.answer
        tagging = getattr(answer, "tagging", None)
        language = (tagging.language if tagging else None) or answer.response.language
        chosen.append(
            {
                "id": quote.id,
                "theme": quote.theme,
                "text": answer.text or "",
                "language": language,
                "evidence": evidence.get((answer.id, quote.theme), []),
            }
        )
    return chosen


async def summary_figures(consultation: Consultation, threshold: int) -> dict[str, Any]:
    """Everything the summary page shows, as it would be published now."""
    questions = await current_questions(consultation)
    figures = await dashboard_figures(consultation, AnswerFilters(), questions)
    return public_figures(figures, threshold) | {
        "quotes": await chosen_quotes(consultation),
        "generated_at": datetime.now(UTC).isoformat(),
    }


async def publish_summary(consultation: Consultation, officer: User, threshold: int) -> None:
    await PublishedSummary.create(
        consultation=consultation,
        figures=await summary_figures(consultation, threshold),
        published_by=officer,
    )


async def published_summary(consultation: Consultation) -> PublishedSummary | None:
    return (
        await PublishedSummary.filter(consultation=consultation).order_by("-published_at").first()
    )
