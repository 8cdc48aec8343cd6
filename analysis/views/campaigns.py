"""The officers' list of copy-paste campaigns in a consultation (issue #6)."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from analysis.campaigns import Campaign, find_campaigns
from analysis.presenters import CHANNEL_LABELS, language_name, number
from analysis.views.dashboard import base_path
from analysis.views.wording import ConsultationWording, consultation_wording
from consult.i18n import LANGUAGES_BY_CODE, gettext
from consult.rendering import render
from surveys.lookup import consultation_or_404
from surveys.models import Question


@dataclass(frozen=True)
class TextIn:
    """A text with the language it is written in, for its `lang` and `dir` attributes."""

    text: str
    language: str

    @property
    def direction(self) -> str:
        language = LANGUAGES_BY_CODE.get(self.language)
        return language.direction if language else "auto"


@dataclass(frozen=True)
class CampaignView:
    anchor: str
    number: str
    question_number: str
    question: TextIn
    copies: str
    identical: str
    sample: TextIn
    languages: list[TextIn]
    channels: str
    groups: str
    first_submitted: str
    last_submitted: str
    review_href: str


def campaign_view(
    position: int,
    campaign: Campaign,
    question: Question,
    wording: ConsultationWording,
    base: str,
) -> CampaignView:
    return CampaignView(
        anchor=f"campaign-{position}",
        number=number(position),
        question_number=number(question.position),
        question=TextIn(wording.question(question.key), wording.question_language(question.key)),
        copies=number(campaign.copies),
        identical=number(campaign.identical),
        sample=TextIn(campaign.sample_text, campaign.sample_language),
        languages=[TextIn(language_name(code), code) for code in campaign.languages],
        channels=", ".join(
            gettext(CHANNEL_LABELS[channel]) if channel in CHANNEL_LABELS else channel
            for channel in campaign.channels
        ),
        groups=number(campaign.groups),
        first_submitted=campaign.first_submitted.isoformat(),
        last_submitted=campaign.last_submitted.isoformat(),
        review_href=f"{base}/review/{question.key}?answer={campaign.sample_answer_id}",
    )


async def campaigns(request: Request) -> Response:
    consultation = await consultation_or_404(request)
    found = await find_campaigns(consultation)
    asked = sorted({campaign.question_id for campaign in found})
    questions = {
        question.id: question
        for question in await Question.filter(consultation=consultation, id__in=asked)
    }
    wording = await consultation_wording(consultation)
    base = base_path(consultation)
    return render(
        request,
        "analysis/campaigns.html",
        title=wording.title(),
        campaigns=[
            campaign_view(position, campaign, questions[campaign.question_id], wording, base)
            for position, campaign in enumerate(found, start=1)
        ],
        dashboard_href=f"{base}/dashboard",
    )
