"""The themed summary: the officer's preview and publish button, and the public page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from analysis.charts import bar_chart, svg_response
from analysis.presenters import (
    CHANNEL_LABELS,
    RESPONDENT_LABELS,
    ChartView,
    FigureRow,
    FigureTable,
    QuoteView,
    chart_view,
    language_name,
    numbered_theme_names,
    public_number,
    quote_views,
    theme_name,
)
from analysis.summary import publish_summary, published_summary, summary_figures
from analysis.themes import THEMES
from analysis.views.wording import ConsultationWording, consultation_wording
from consult import i18n
from consult.accounts.access import staff_user
from consult.i18n import N_, gettext
from consult.rendering import render
from surveys.lookup import consultation_or_404
from surveys.models import QuestionType
from surveys.services import find_consultation


@dataclass(frozen=True)
class SummaryQuestion:
    title: str
    answered: str
    chart: ChartView | None
    tables: list[FigureTable]


@dataclass(frozen=True)
class ThemeQuotes:
    name: str
    quotes: list[QuoteView]


def summary_charts(
    figures: dict[str, Any], wording: ConsultationWording
) -> dict[str, tuple[str, list[tuple[str, int]]]]:
    """Charts of the published figures; a suppressed count is left out of the picture."""
    charts = {
        "languages": (
            gettext(N_("Responses by language")),
            [(language_name(code), n) for code, n in figures["by_language"] if n is not None],
        )
    }
    for question in figures["questions"]:
        if question["kind"] == QuestionType.FREE_TEXT.value:
            charts[f"themes-{question['key']}"] = (
                gettext(
                    N_("Answers by theme: %(question)s"), question=wording.question(question["key"])
                ),
                [
                    (theme_name(t["theme"]), t["count"])
                    for t in question["themes"]
                    if t["count"] is not None
                ],
            )
    return charts


def summary_context(
    figures: dict[str, Any], wording: ConsultationWording, chart_base: str
) -> dict[str, Any]:
    threshold = figures["threshold"]

    def shown(value: int | None) -> str:
        return public_number(value, threshold)

    titles = {name: title for name, (title, _bars) in summary_charts(figures, wording).items()}

    def chart(name: str, table: FigureTable) -> ChartView:
        return chart_view(f"{chart_base}/{name}.svg", titles[name], table)

    languages = FigureTable(
        gettext(N_("Responses by language")),
        [gettext(N_("Language")), gettext(N_("Responses"))],
        [FigureRow(language_name(code), [shown(n)], code) for code, n in figures["by_language"]],
    )
    channels = FigureTable(
        gettext(N_("Responses by how they came")),
        [gettext(N_("How the response came")), gettext(N_("Responses"))],
        [FigureRow(gettext(CHANNEL_LABELS[key]), [shown(n)]) for key, n in figures["by_channel"]],
    )
    respondents = FigureTable(
        gettext(N_("Responses by respondent type")),
        [gettext(N_("Respondent type")), gettext(N_("Responses"))],
        [
            FigureRow(gettext(RESPONDENT_LABELS[key]), [shown(n)])
            for key, n in figures["by_respondent"]
        ],
    )
    questions = []
    for question in figures["questions"]:
        title = wording.question(question["key"])
        if question["kind"] != QuestionType.FREE_TEXT.value:
            table = FigureTable(
                gettext(N_("Choices: %(question)s"), question=title),
                [gettext(N_("Choice")), gettext(N_("Answers"))],
                [
                    FigureRow(wording.option(question["key"], value), [shown(n)])
                    for value, n in question["options"]
                ],
            )
            questions.append(SummaryQuestion(title, shown(question["answered"]), None, [table]))
            continue
        codes = [code for code, _ in question["answered_by_language"]]
        themes = FigureTable(
            gettext(N_("Themes: %(question)s"), question=title),
            [gettext(N_("Theme")), gettext(N_("Answers"))],
            [FigureRow(theme_name(t["theme"]), [shown(t["count"])]) for t in question["themes"]],
        )
        by_language = FigureTable(
            gettext(N_("Themes by language: %(question)s"), question=title),
            [gettext(N_("Theme")), *(language_name(code) for code in codes)],
            [
                FigureRow(
                    theme_name(t["theme"]),
                    [shown(dict(t["by_language"]).get(code, 0)) for code in codes],
                )
                for t in question["themes"]
            ]
            + [
                FigureRow(
                    gettext(N_("Answers")), [shown(n) for _, n in question["answered_by_language"]]
                )
            ],
        )
        questions.append(
            SummaryQuestion(
                title,
                shown(question["answered"]),
                chart(f"themes-{question['key']}", themes),
                [by_language],
            )
        )
    quotes = quote_views(figures["quotes"])
    return {
        "title": wording.title(),
        "threshold": threshold,
        "responses": shown(figures["responses"]),
        "answer_languages": [
            {"code": code, "name": language_name(code)} for code in figures["languages"]
        ],
        "language_chart": chart("languages", languages),
        "channel_table": channels,
        "respondent_table": respondents,
        "questions": questions,
        "quotes": [
            ThemeQuotes(theme_name(theme), quotes[theme]) for theme in THEMES if quotes[theme]
        ],
        "theme_names": numbered_theme_names(),
    }


async def summary_preview(request: Request) -> Response:
    consultation = await consultation_or_404(request)
    settings = request.app.state.settings
    if request.method == "POST":
        await publish_summary(consultation, staff_user(request).user, settings.publish_min_count)
        return RedirectResponse(str(request.url.path) + "?published=1", status_code=303)
    language = i18n.current_language().code
    figures = await summary_figures(consultation, settings.publish_min_count)
    published = await published_summary(consultation)
    wording = await consultation_wording(consultation)
    base = f"/{language}/staff/consultations/{consultation.slug}"
    return render(
        request,
        "analysis/summary.html",
        **summary_context(figures, wording, f"{base}/summary/charts"),
        preview=True,
        just_published=request.query_params.get("published") == "1",
        published_at=published.published_at.strftime("%Y-%m-%d %H:%M") if published else "",
        public_href=f"/{language}/consultations/{consultation.slug}/summary",
        dashboard_href=f"{base}/dashboard",
    )


async def summary_preview_chart(request: Request) -> Response:
    consultation = await consultation_or_404(request)
    figures = await summary_figures(consultation, request.app.state.settings.publish_min_count)
    return _chart(request, figures, await consultation_wording(consultation))


async def _published_figures(request: Request) -> tuple[dict[str, Any], ConsultationWording]:
    consultation = await find_consultation(request.path_params["slug"])
    summary = await published_summary(consultation) if consultation else None
    if consultation is None or summary is None:
        raise HTTPException(404)
    return summary.figures, await consultation_wording(consultation)


async def public_summary(request: Request) -> Response:
    figures, wording = await _published_figures(request)
    return render(
        request,
        "analysis/summary.html",
        **summary_context(figures, wording, f"{request.url.path}/charts"),
        preview=False,
    )


async def public_summary_chart(request: Request) -> Response:
    figures, wording = await _published_figures(request)
    return _chart(request, figures, wording)


def _chart(request: Request, figures: dict[str, Any], wording: ConsultationWording) -> Response:
    charts = summary_charts(figures, wording)
    name = request.path_params["chart"]
    if name not in charts:
        raise HTTPException(404)
    title, bars = charts[name]
    return svg_response(bar_chart(title, bars))
