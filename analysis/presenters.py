"""Evaluated figures for the dashboard and summary templates: labels, numbers, tables, charts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel.numbers import format_decimal, format_percent

from analysis.review import Segment, evidence_segments
from analysis.themes import THEME_NAMES, THEMES
from consult import i18n
from consult.i18n import LANGUAGES_BY_CODE, N_, gettext
from surveys.models import Channel, RespondentType

CHANNEL_LABELS: dict[str, str] = {
    Channel.WEB.value: N_("Online"),
    Channel.PAPER.value: N_("Paper"),
    Channel.GROUP.value: N_("Group submission"),
}
RESPONDENT_LABELS: dict[str, str] = {
    RespondentType.INDIVIDUAL.value: N_("Individuals"),
    RespondentType.ORGANISATION.value: N_("Organisations"),
}
FEWER_THAN = N_("fewer than %(threshold)s")
NOT_MEASURED = N_("not measured yet")


def number(value: int) -> str:
    return format_decimal(value, locale=i18n.current_language().locale)


def share(part: int, whole: int) -> str:
    if not whole:
        return "–"
    return format_percent(part / whole, locale=i18n.current_language().locale)


def ratio(value: float | None) -> str:
    if value is None:
        return gettext(NOT_MEASURED)
    return format_percent(value, locale=i18n.current_language().locale)


def public_number(value: int | None, threshold: int) -> str:
    """A published count: the number, or "fewer than N" when it is suppressed."""
    return number(value) if value is not None else gettext(FEWER_THAN, threshold=threshold)


def language_name(code: str) -> str:
    language = LANGUAGES_BY_CODE.get(code)
    return language.endonym if language else code


def theme_name(theme: str) -> str:
    return gettext(THEME_NAMES[theme])


def numbered_theme_names() -> dict[int, str]:
    """Theme names by the number evidence markers show (1 to 6)."""
    return {number: theme_name(theme) for number, theme in enumerate(THEMES, start=1)}


@dataclass(frozen=True)
class FigureRow:
    label: str
    values: list[str]
    # Set when the label is a language's own name, so it is read in that language.
    label_language: str = ""


@dataclass(frozen=True)
class FigureTable:
    caption: str
    columns: list[str]
    rows: list[FigureRow]


@dataclass(frozen=True)
class ChartView:
    image_href: str
    alt: str
    table: FigureTable


CHART_ALT = N_("Bar chart: %(title)s. The table below gives the figures.")


def chart_view(href: str, title: str, table: FigureTable) -> ChartView:
    """A chart image with its text alternative, over the table of its figures."""
    return ChartView(href, gettext(CHART_ALT, title=title), table)


@dataclass(frozen=True)
class QuoteView:
    theme: str
    language: str
    direction: str
    segments: list[Segment]


def quote_views(quotes: list[dict[str, Any]]) -> dict[str, list[QuoteView]]:
    """Chosen quotes by theme, each split into stretches that mark its evidence."""
    by_theme: dict[str, list[QuoteView]] = {theme: [] for theme in THEMES}
    for quote in quotes:
        language = LANGUAGES_BY_CODE.get(quote["language"])
        by_theme[quote["theme"]].append(
            QuoteView(
                theme=quote["theme"],
                language=quote["language"],
                direction=language.direction if language else "auto",
                segments=evidence_segments(quote["text"], {quote["theme"]: quote["evidence"]}),
            )
        )
    return by_theme
