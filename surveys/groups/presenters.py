"""Labels and evaluated page data for the community group pages."""

from __future__ import annotations

from dataclasses import dataclass

from consult.i18n import N_
from surveys.forms import AnswerForm
from surveys.groups.models import GatheringMethod, OrganisationKind
from surveys.models import QuestionType
from surveys.presenters import OptionView, chosen_values, option_views
from surveys.services import QuestionSpec
from surveys.wording import Wording

KIND_LABELS: dict[str, str] = {
    OrganisationKind.FAITH_GROUP.value: N_("Faith group"),
    OrganisationKind.RESIDENTS_ASSOCIATION.value: N_("Tenants’ or residents’ association"),
    OrganisationKind.CHARITY.value: N_("Charity"),
    OrganisationKind.USER_GROUP.value: N_("User group"),
    OrganisationKind.SCHOOL.value: N_("School"),
    OrganisationKind.OTHER.value: N_("Other kind of group"),
}
METHOD_LABELS: dict[str, str] = {
    GatheringMethod.MEETING.value: N_("At a meeting"),
    GatheringMethod.SURVEY.value: N_("With our own survey"),
    GatheringMethod.INTERVIEWS.value: N_("In interviews"),
    GatheringMethod.OTHER.value: N_("Another way"),
}


@dataclass(frozen=True)
class CollectedQuestionView:
    """One question on the one-page entry form; names are prefixed with the question's key."""

    key: str
    number: int
    text: str
    hint: str
    kind: str
    required: bool
    field_name: str
    element_id: str
    text_value: str
    options: list[OptionView]
    error: str | None


def present_collected_question(
    number: int, spec: QuestionSpec, wording: Wording, form: AnswerForm
) -> CollectedQuestionView:
    data = form.answer.data
    element_id = f"{spec.key}-answer"
    options = option_views(spec, wording, chosen_values(form), element_id)
    return CollectedQuestionView(
        key=spec.key,
        number=number,
        text=wording.question(spec.key, "text"),
        hint=wording.question(spec.key, "hint"),
        kind=spec.question.type.value,
        required=spec.question.required,
        field_name=element_id,
        element_id=options[0].element_id if options else element_id,
        text_value=data
        if isinstance(data, str) and spec.question.type == QuestionType.FREE_TEXT
        else "",
        options=options,
        error=str(form.answer.errors[0]) if form.answer.errors else None,
    )
