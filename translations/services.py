"""The translation workflow: draft, review by a second person, stale when English changes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from consult.accounts.models import User
from consult.accounts.services import StaffUser
from consult.i18n import LANGUAGE_CODES, N_, gettext
from surveys.models import Consultation, TextOrigin, TextStatus, TextUnit
from translations.models import TextAction, TextHistory

PLACEHOLDER = re.compile(r"%\([A-Za-z_]+\)[sd]|\{[A-Za-z_]+\}|%[sd]")
TYPED_CONTROL_CHARACTERS = frozenset("\n\r\t")

# Longest wording a field may have, by the kind of field (the key's first and last parts).
FIELD_LIMITS: dict[tuple[str, str], int] = {
    ("consultation", "title"): 200,
    ("consultation", "introduction"): 10_000,
    ("consultation", "confirmation"): 5_000,
    ("question", "text"): 500,
    ("question", "hint"): 1_000,
    ("option", "label"): 300,
}
DEFAULT_LIMIT = 2_000

EMPTY = N_("Enter the translation")
TOO_LONG = N_("The translation must be %(max)s characters or fewer. It is %(length)s now.")
PLACEHOLDERS_DIFFER = N_(
    "Keep the placeholders exactly as in the English: %(expected)s. Found: %(found)s."
)
CONTROL_CHARACTERS = N_("Remove the hidden control characters from the translation.")
NOT_YOUR_LANGUAGE = N_("You are not assigned to translate this language.")
NOT_A_REVIEWER = N_("Only a reviewer for this language, or an officer, can approve it.")
OWN_WORK = N_("Someone else must approve this translation: you cannot approve your own.")
STALE_FIRST = N_("The English has changed. Confirm or edit the translation before approving it.")
NOTHING_TO_APPROVE = N_("There is no translation to approve yet.")


class WorkflowRefused(Exception):
    """A workflow step this person may not take, or wording that cannot be saved."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldState:
    """One field in one language, beside its English source."""

    key: str
    source: TextUnit
    target: TextUnit | None

    @property
    def stale(self) -> bool:
        return self.target is not None and self.target.source_revision != self.source.revision

    @property
    def status(self) -> TextStatus:
        return self.target.status if self.target else TextStatus.MISSING

    @property
    def approved(self) -> bool:
        return self.status == TextStatus.APPROVED and not self.stale

    @property
    def awaiting_review(self) -> bool:
        """Waiting for a second person: a draft, or a project draft nobody has reviewed."""
        if self.target is None or self.stale:
            return False
        if self.target.status in (TextStatus.DRAFT, TextStatus.IN_REVIEW):
            return True
        return self.target.reviewed_by_id is None and self.target.origin != TextOrigin.SOURCE  # type: ignore[attr-defined]


def field_limit(key: str) -> int:
    parts = key.split(".")
    return FIELD_LIMITS.get((parts[0], parts[-1]), DEFAULT_LIMIT)


def wording_problems(key: str, source_text: str, text: str) -> list[str]:
    """What is wrong with `text` as a translation of `source_text`, in the user's language."""
    problems = []
    if not text.strip():
        problems.append(gettext(EMPTY))
    if len(text) > field_limit(key):
        problems.append(gettext(TOO_LONG, max=field_limit(key), length=len(text)))
    expected, found = sorted(PLACEHOLDER.findall(source_text)), sorted(PLACEHOLDER.findall(text))
    if expected != found:
        problems.append(
            gettext(
                PLACEHOLDERS_DIFFER,
                expected=" ".join(expected) or "-",
                found=" ".join(found) or "-",
            )
        )
    if any(unicodedata.category(c) == "Cc" and c not in TYPED_CONTROL_CHARACTERS for c in text):
        problems.append(gettext(CONTROL_CHARACTERS))
    return problems


async def field_states(consultation: Consultation, language: str) -> list[FieldState]:
    """Every source field with its translation (if any), in source order."""
    units = await TextUnit.filter(
        consultation=consultation, language__in=[consultation.source_language, language]
    ).order_by("id")
    sources = [u for u in units if u.language == consultation.source_language]
    targets = {u.key: u for u in units if u.language == language}
    return [FieldState(s.key, s, targets.get(s.key)) for s in sources]


@dataclass(frozen=True)
class Progress:
    approved: int
    total: int
    stale: int
    awaiting_review: int

    @property
    def publishable(self) -> bool:
        return self.total > 0 and self.approved == self.total


def progress(states: list[FieldState]) -> Progress:
    return Progress(
        approved=sum(state.approved for state in states),
        total=len(states),
        stale=sum(state.stale for state in states),
        awaiting_review=sum(state.awaiting_review for state in states),
    )


def translatable_languages(consultation: Consultation, user: StaffUser) -> list[str]:
    return [
        code
        for code in LANGUAGE_CODES
        if code != consultation.source_language and user.can_translate(code)
    ]


async def _record(
    unit: TextUnit,
    user: StaffUser | None,
    action: TextAction,
    old_text: str | None,
    old_status: TextStatus | None,
) -> None:
    await TextHistory.create(
        unit=unit,
        user=user.user if user else None,
        action=action,
        old_text=old_text,
        new_text=unit.text,
        old_status=old_status,
        new_status=unit.status,
    )


async def save_translation(
    state: FieldState,
    consultation: Consultation,
    language: str,
    text: str,
    user: StaffUser,
    *,
    for_review: bool = False,
    origin: TextOrigin = TextOrigin.TRANSLATOR,
    source_text: str | None = None,
) -> TextUnit:
    """Store a translator's wording as a draft (or sent for review), recording its source.

    `source_text` is the English the translation was made from when it is not the current
    English (an imported file exported before the English changed): it then goes in stale.
    """
    if not user.can_translate(language):
        raise WorkflowRefused(gettext(NOT_YOUR_LANGUAGE))
    problems = wording_problems(state.key, state.source.text, text)
    if problems:
        raise WorkflowRefused(" ".join(problems))
    made_from_current = source_text is None or source_text == state.source.text
    status = TextStatus.IN_REVIEW if for_review else TextStatus.DRAFT
    values: dict[str, Any] = {
        "text": text,
        "status": status,
        "origin": origin,
        "translated_by": user.user,
        "reviewed_by": None,
        "source_revision": state.source.revision
        if made_from_current
        else state.source.revision - 1,
        "source_text": state.source.text if made_from_current else source_text,
    }
    async with in_transaction():
        unit = state.target
        old_text, old_status = (unit.text, unit.status) if unit else (None, None)
        if unit is None:
            unit = await TextUnit.create(
                consultation=consultation, key=state.key, language=language, **values
            )
        else:
            await unit.update_from_dict(values).save()
        action = (
            TextAction.IMPORTED
            if origin == TextOrigin.IMPORTED
            else (TextAction.SUBMITTED if for_review else TextAction.EDITED)
        )
        await _record(unit, user, action, old_text, old_status)
    return unit


async def save_changes(
    consultation: Consultation,
    language: str,
    states: list[FieldState],
    changed: dict[str, str],
    user: StaffUser,
    *,
    for_review: bool,
) -> None:
    """Save the editor's changed fields together; sending for review also sends your drafts."""
    async with in_transaction():
        for state in states:
            if state.key in changed:
                await save_translation(
                    state, consultation, language, changed[state.key], user, for_review=for_review
                )
            elif for_review and state.target and state.target.status == TextStatus.DRAFT:
                await send_for_review(state, user)


def _target_of(state: FieldState) -> TextUnit:
    if state.target is None:
        raise WorkflowRefused(gettext(NOTHING_TO_APPROVE))
    return state.target


async def _move(
    unit: TextUnit, user: StaffUser, status: TextStatus, action: TextAction, reviewer: User | None
) -> TextUnit:
    """Change a translation's status (and reviewer), recording it in the history."""
    old_status = unit.status
    unit.status = status
    unit.reviewed_by = reviewer
    async with in_transaction():
        await unit.save(update_fields=["status", "reviewed_by_id", "updated_at"])
        await _record(unit, user, action, unit.text, old_status)
    return unit


async def send_for_review(state: FieldState, user: StaffUser) -> TextUnit:
    unit = _target_of(state)
    if not user.can_translate(unit.language):
        raise WorkflowRefused(gettext(NOT_YOUR_LANGUAGE))
    return await _move(unit, user, TextStatus.IN_REVIEW, TextAction.SUBMITTED, None)


async def approve(state: FieldState, user: StaffUser) -> TextUnit:
    """A second person approves: a reviewer for the language, or an officer."""
    unit = _target_of(state)
    if not user.can_review(unit.language):
        raise WorkflowRefused(gettext(NOT_A_REVIEWER))
    if unit.translated_by_id == user.user.id:  # type: ignore[attr-defined]
        raise WorkflowRefused(gettext(OWN_WORK))
    if state.stale:
        raise WorkflowRefused(gettext(STALE_FIRST))
    return await _move(unit, user, TextStatus.APPROVED, TextAction.APPROVED, user.user)


async def return_for_changes(state: FieldState, user: StaffUser) -> TextUnit:
    """A reviewer sends a translation back to draft instead of approving it."""
    unit = _target_of(state)
    if not user.can_review(unit.language):
        raise WorkflowRefused(gettext(NOT_A_REVIEWER))
    return await _move(unit, user, TextStatus.DRAFT, TextAction.RETURNED, None)


async def confirm_unchanged(state: FieldState, user: StaffUser) -> TextUnit:
    """The English changed but the translation still says the same: it is current again."""
    unit = _target_of(state)
    if not user.can_translate(unit.language):
        raise WorkflowRefused(gettext(NOT_YOUR_LANGUAGE))
    unit.source_revision = state.source.revision
    unit.source_text = state.source.text
    async with in_transaction():
        await unit.save(update_fields=["source_revision", "source_text", "updated_at"])
        await _record(unit, user, TextAction.CONFIRMED, unit.text, unit.status)
    return unit


async def edit_source(state: FieldState, text: str, user: StaffUser) -> TextUnit:
    """Change the English: a new revision, which makes every translation of it stale."""
    if not user.manages_content:
        raise WorkflowRefused(gettext(NOT_A_REVIEWER))
    source = state.source
    problems = wording_problems(state.key, text, text)
    if problems:
        raise WorkflowRefused(" ".join(problems))
    if text == source.text:
        return source
    old_text = source.text
    source.text = text
    source.revision += 1
    async with in_transaction():
        await source.save(update_fields=["text", "revision", "updated_at"])
        await _record(source, user, TextAction.SOURCE_CHANGED, old_text, source.status)
    return source


async def history(consultation: Consultation, language: str) -> list[TextHistory]:
    return (
        await TextHistory.filter(unit__consultation=consultation, unit__language=language)
        .select_related("unit", "user")
        .limit(500)
    )
