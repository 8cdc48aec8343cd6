"""The officer's live dashboard of a consultation, its charts, and its exports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response, StreamingResponse

from analysis.charts import bar_chart, svg_response
from analysis.dashboard import DashboardFigures, FigurePart, QuestionFigures
from analysis.dashboard import dashboard_figures as count_figures
from analysis.exports import csv_chunks, write_xlsx
from analysis.filters import AnswerFilters, ReviewStatus
from analysis.presenters import (
    CHANNEL_LABELS,
    RESPONDENT_LABELS,
    ChartView,
    FigureRow,
    FigureTable,
    chart_view,
    language_name,
    number,
    ratio,
    share,
    theme_name,
)
from analysis.themes import THEMES
from analysis.views.wording import ConsultationWording, consultation_wording
from consult import i18n
from consult.i18n import LANGUAGES, N_, gettext
from consult.rendering import render
from surveys.groups.models import Organisation
from surveys.lookup import consultation_or_404
from surveys.models import Consultation, Question, QuestionType
from surveys.services import current_questions

ANY = N_("Any")
REVIEW_LABELS = {
    ReviewStatus.REVIEWED.value: N_("Reviewed by an officer"),
    ReviewStatus.UNREVIEWED.value: N_("Not reviewed yet"),
}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class SelectFilter:
    name: str
    label: str
    choices: list[Choice]


@dataclass(frozen=True)
class QuestionSection:
    key: str
    title: str
    answered: str
    reviewed_share: str
    review_href: str
    chart: ChartView | None
    tables: list[FigureTable]


def _select(name: str, label: str, current: str, options: list[tuple[str, str]]) -> SelectFilter:
    choices = [Choice("", gettext(ANY), not current)]
    choices += [Choice(value, text, value == current) for value, text in options]
    return SelectFilter(name, gettext(label), choices)


def filter_controls(
    filters: AnswerFilters,
    wording: ConsultationWording,
    keys: list[str],
    groups: list[Organisation],
) -> list[SelectFilter]:
    return [
        _select(
            "language",
            N_("Language"),
            filters.language,
            [(language.code, language.endonym) for language in LANGUAGES],
        ),
        _select(
            "question",
            N_("Question"),
            filters.question,
            [(key, wording.question(key)) for key in keys],
        ),
        _select(
            "channel",
            N_("How the response came"),
            filters.channel,
            [(value, gettext(label)) for value, label in CHANNEL_LABELS.items()],
        ),
        _select(
            "respondent",
            N_("Respondent type"),
            filters.respondent,
            [(value, gettext(label)) for value, label in RESPONDENT_LABELS.items()],
        ),
        _select(
            "group",
            N_("Community group"),
            filters.group,
            [(str(group.id), group.name) for group in groups],
        ),
        _select(
            "theme", N_("Theme"), filters.theme, [(theme, theme_name(theme)) for theme in THEMES]
        ),
        _select(
            "review",
            N_("Review status"),
            filters.review,
            [(value, gettext(label)) for value, label in REVIEW_LABELS.items()],
        ),
    ]


def base_path(consultation: Consultation) -> str:
    return f"/{i18n.current_language().code}/staff/consultations/{consultation.slug}"


def chart_bars(
    figures: DashboardFigures, wording: ConsultationWording
) -> dict[str, tuple[str, list[tuple[str, int]], bool]]:
    """Every chart on the dashboard by name: its title, its bars, whether horizontal."""
    charts = {
        "languages": (
            gettext(N_("Responses by language")),
            [(language_name(code), count) for code, count in figures.by_language.most_common()],
            True,
        ),
        "days": (
            gettext(N_("Responses by day")),
            [(day.isoformat(), count) for day, count in figures.by_day],
            False,
        ),
    }
    for question in figures.questions:
        if question.kind == QuestionType.FREE_TEXT:
            charts[f"themes-{question.key}"] = (
                gettext(
                    N_("Answers by theme: %(question)s"), question=wording.question(question.key)
                ),
                [(theme_name(t.theme), t.total) for t in question.themes],
                True,
            )
    return charts


def _question_tables(question: QuestionFigures, wording: ConsultationWording) -> list[FigureTable]:
    title = wording.question(question.key)
    if question.kind != QuestionType.FREE_TEXT:
        return [
            FigureTable(
                gettext(N_("Choices: %(question)s"), question=title),
                [gettext(N_("Choice")), gettext(N_("Answers")), gettext(N_("Share"))],
                [
                    FigureRow(
                        wording.option(question.key, value),
                        [
                            number(n),
                            share(n, question.answered or sum(c for _, c in question.options)),
                        ],
                    )
                    for value, n in question.options
                ],
            )
        ]
    themes = FigureTable(
        gettext(N_("Themes: %(question)s"), question=title),
        [
            gettext(N_("Theme")),
            gettext(N_("Tagged by the machine, not reviewed")),
            gettext(N_("Confirmed by an officer")),
            gettext(N_("All")),
            gettext(N_("Share of answers")),
        ],
        [
            FigureRow(
                theme_name(t.theme),
                [
                    number(t.machine),
                    number(t.officer),
                    number(t.total),
                    share(t.total, question.answered),
                ],
            )
            for t in question.themes
        ],
    )
    languages = [code for code, _ in question.answered_by_language.most_common()]
    by_language = FigureTable(
        gettext(N_("Themes by language: %(question)s"), question=title),
        [gettext(N_("Theme")), *(language_name(code) for code in languages)],
        [
            FigureRow(
                theme_name(theme),
                [
                    number(question.themes_by_language.get(theme, Counter())[code])
                    for code in languages
                ],
            )
            for theme in THEMES
        ]
        + [
            FigureRow(
                gettext(N_("Answers")),
                [number(question.answered_by_language[code]) for code in languages],
            )
        ],
    )
    return [themes, by_language]


@dataclass(frozen=True)
class FilteredConsultation:
    """The consultation the URL names, its questions and groups, and the query's filters."""

    consultation: Consultation
    questions: list[Question]
    groups: list[Organisation]
    filters: AnswerFilters


async def _filtered(request: Request) -> FilteredConsultation:
    consultation = await consultation_or_404(request)
    questions = await current_questions(consultation)
    groups = (
        await Organisation.filter(responses__consultation=consultation).distinct().order_by("name")
    )
    filters = AnswerFilters.from_query(
        request.query_params,
        [question.key for question in questions],
        [str(group.id) for group in groups],
    )
    return FilteredConsultation(consultation, questions, groups, filters)


async def dashboard(request: Request) -> Response:
    selected = await _filtered(request)
    consultation, questions, filters = selected.consultation, selected.questions, selected.filters
    keys = [question.key for question in questions]
    figures = await count_figures(consultation, filters, questions)
    wording = await consultation_wording(consultation)
    base = base_path(consultation)
    query = filters.query_string()
    suffix = f"?{query}" if query else ""
    charts = chart_bars(figures, wording)

    def chart(name: str, table: FigureTable) -> ChartView:
        return chart_view(f"{base}/dashboard/charts/{name}.svg{suffix}", charts[name][0], table)

    responses = figures.responses
    language_table = FigureTable(
        gettext(N_("Responses by language")),
        [gettext(N_("Language")), gettext(N_("Responses")), gettext(N_("Share"))],
        [
            FigureRow(language_name(code), [number(n), share(n, responses)], code)
            for code, n in figures.by_language.most_common()
        ],
    )
    day_table = FigureTable(
        gettext(N_("Responses by day")),
        [gettext(N_("Day")), gettext(N_("Responses"))],
        [FigureRow(day.isoformat(), [number(n)]) for day, n in figures.by_day],
    )
    channel_table = FigureTable(
        gettext(N_("Responses by how they came")),
        [gettext(N_("How the response came")), gettext(N_("Responses")), gettext(N_("Share"))],
        [
            FigureRow(
                gettext(label),
                [number(figures.by_channel[value]), share(figures.by_channel[value], responses)],
            )
            for value, label in CHANNEL_LABELS.items()
        ],
    )
    respondent_table = FigureTable(
        gettext(N_("Responses by respondent type")),
        [gettext(N_("Respondent type")), gettext(N_("Responses")), gettext(N_("Share"))],
        [
            FigureRow(
                gettext(label),
                [
                    number(figures.by_respondent[value]),
                    share(figures.by_respondent[value], responses),
                ],
            )
            for value, label in RESPONDENT_LABELS.items()
        ],
    )
    group_table = FigureTable(
        gettext(N_("Responses from community groups")),
        [
            gettext(N_("Group")),
            gettext(N_("Verified by an officer")),
            gettext(N_("Responses")),
            gettext(N_("Members the group responses speak for")),
        ],
        [
            FigureRow(
                group.name,
                [
                    gettext(N_("Yes")) if group.is_verified else gettext(N_("Not yet")),
                    number(figures.by_group[group.id]),
                    number(figures.members_by_group[group.id]),
                ],
            )
            for group in selected.groups
            if figures.by_group[group.id]
        ],
    )
    question_sections = []
    for question in figures.questions:
        tables = _question_tables(question, wording)
        question_sections.append(
            QuestionSection(
                key=question.key,
                title=wording.question(question.key),
                answered=number(question.answered),
                reviewed_share=share(question.reviewed, question.answered),
                review_href=f"{base}/review/{question.key}"
                if question.kind == QuestionType.FREE_TEXT
                else "",
                chart=chart(f"themes-{question.key}", tables[0])
                if question.kind == QuestionType.FREE_TEXT
                else None,
                tables=tables if question.kind != QuestionType.FREE_TEXT else tables[1:],
            )
        )
    quality = FigureTable(
        gettext(N_("How often officers agreed with the machine")),
        [
            gettext(N_("Theme")),
            gettext(N_("Language")),
            gettext(N_("Precision")),
            gettext(N_("Recall")),
            gettext(N_("Reviewed answers")),
        ],
        [
            FigureRow(
                theme_name(row.theme),
                [
                    language_name(row.language),
                    ratio(row.precision),
                    ratio(row.recall),
                    number(row.reviewed),
                ],
            )
            for row in figures.quality
        ],
    )
    return render(
        request,
        "analysis/dashboard.html",
        title=wording.title(),
        filters=filters,
        selects=filter_controls(filters, wording, keys, selected.groups),
        clear_href=f"{base}/dashboard" if filters.active else "",
        responses=number(responses),
        free_text=number(figures.free_text_answers),
        reviewed_share=share(figures.reviewed_answers, figures.free_text_answers),
        language_chart=chart("languages", language_table),
        day_chart=chart("days", day_table),
        channel_table=channel_table,
        respondent_table=respondent_table,
        group_table=group_table,
        questions=question_sections,
        quality=quality,
        csv_href=f"{base}/export.csv{suffix}",
        xlsx_href=f"{base}/export.xlsx{suffix}",
        summary_href=f"{base}/summary",
        campaigns_href=f"{base}/campaigns",
        tagging_href=f"{base}/tagging",
        overview_href=f"/{i18n.current_language().code}/staff/",
    )


async def dashboard_chart(request: Request) -> Response:
    selected = await _filtered(request)
    consultation, questions, filters = selected.consultation, selected.questions, selected.filters
    name = request.path_params["chart"]
    # A chart counts only what it draws, not the whole dashboard again.
    part = FigurePart.QUESTIONS if name.startswith("themes-") else FigurePart.RESPONSES
    figures = await count_figures(consultation, filters, questions, frozenset({part}))
    charts = chart_bars(figures, await consultation_wording(consultation))
    if name not in charts:
        raise HTTPException(404)
    title, bars, horizontal = charts[name]
    return svg_response(bar_chart(title, bars, horizontal=horizontal))


def _attachment(consultation: Consultation, extension: str) -> dict[str, str]:
    return {
        "Content-Disposition": f'attachment; filename="{consultation.slug}-responses.{extension}"',
        "Cache-Control": "private, no-store",
    }


async def export_csv(request: Request) -> Response:
    selected = await _filtered(request)
    consultation, filters = selected.consultation, selected.filters
    return StreamingResponse(
        csv_chunks(consultation, filters),
        media_type="text/csv; charset=utf-8",
        headers=_attachment(consultation, "csv"),
    )


async def export_xlsx(request: Request) -> Response:
    selected = await _filtered(request)
    consultation, filters = selected.consultation, selected.filters
    path = await write_xlsx(consultation, filters)
    return FileResponse(
        path,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers=_attachment(consultation, "xlsx"),
        background=BackgroundTask(Path(path).unlink, missing_ok=True),
    )
