"""Evaluated data for the translation pages: labels, statuses, who did what."""

from __future__ import annotations

from dataclasses import dataclass

from consult.accounts.services import StaffUser
from consult.i18n import LANGUAGES_BY_CODE, N_, Language, gettext
from surveys.models import TextStatus
from translations.services import FieldState, field_limit

STATUS_LABELS: dict[TextStatus, str] = {
    TextStatus.MISSING: N_("Not translated"),
    TextStatus.DRAFT: N_("Draft"),
    TextStatus.IN_REVIEW: N_("In review"),
    TextStatus.APPROVED: N_("Approved"),
}
STALE_LABEL = N_("English changed")
APPROVED_UNREVIEWED_LABEL = N_("Approved for the demo, not yet reviewed")
FIELD_LABELS: dict[str, str] = {
    "title": N_("Title"),
    "introduction": N_("Introduction"),
    "confirmation": N_("What happens next (confirmation page)"),
}
QUESTION_TEXT = N_("Question %(number)s")
QUESTION_HINT = N_("Question %(number)s, hint")
OPTION_LABEL = N_("Question %(number)s, option “%(option)s”")


@dataclass(frozen=True)
class FieldView:
    key: str
    label: str
    source_text: str
    stale: bool
    old_source_text: str
    text: str
    status_label: str
    status_class: str
    translated_by: str
    reviewed_by: str
    error: str | None
    max_length: int
    can_approve: bool
    can_confirm: bool
    element_id: str


def field_label(key: str, question_numbers: dict[str, int]) -> str:
    parts = key.split(".")
    if parts[0] == "consultation":
        return gettext(FIELD_LABELS.get(parts[1], parts[1]))
    number = question_numbers.get(parts[1], 0)
    if parts[0] == "question":
        message = QUESTION_TEXT if parts[2] == "text" else QUESTION_HINT
        return gettext(message, number=number)
    return gettext(OPTION_LABEL, number=number, option=parts[2])


def status_of(state: FieldState) -> tuple[str, str]:
    if state.stale:
        return gettext(STALE_LABEL), "stale"
    if state.status == TextStatus.APPROVED and state.awaiting_review:
        return gettext(APPROVED_UNREVIEWED_LABEL), "unreviewed"
    return gettext(STATUS_LABELS[state.status]), state.status.value


def present_field(
    state: FieldState,
    user: StaffUser,
    question_numbers: dict[str, int],
    typed: str | None = None,
    error: str | None = None,
    names: dict[int, str] | None = None,
) -> FieldView:
    names = names or {}
    target = state.target
    label, css = status_of(state)
    own = target is not None and target.translated_by_id == user.user.id  # type: ignore[attr-defined]
    return FieldView(
        key=state.key,
        label=field_label(state.key, question_numbers),
        source_text=state.source.text,
        stale=state.stale,
        old_source_text=(target.source_text or "") if target and state.stale else "",
        text=typed if typed is not None else (target.text if target else ""),
        status_label=label,
        status_class=css,
        translated_by=names.get(target.translated_by_id, "") if target else "",  # type: ignore[attr-defined]
        reviewed_by=names.get(target.reviewed_by_id, "") if target else "",  # type: ignore[attr-defined]
        error=error,
        max_length=field_limit(state.key),
        can_approve=state.awaiting_review and user.can_review(target.language) and not own
        if target
        else False,
        can_confirm=state.stale and user.can_translate(target.language) if target else False,
        element_id="field-" + state.key.replace(".", "-"),
    )


def language_of(code: str) -> Language:
    return LANGUAGES_BY_CODE[code]
