"""Labels for the formats, and the officers' queue as evaluated rows."""

from __future__ import annotations

from dataclasses import dataclass

from consult.i18n import LANGUAGES_BY_CODE, N_, gettext
from surveys.formats.models import FormatKind, FormatRequest

KIND_LABELS: dict[str, str] = {
    FormatKind.LARGE_PRINT.value: N_("Large print"),
    FormatKind.BRAILLE.value: N_("Braille"),
    FormatKind.AUDIO.value: N_("Audio"),
    FormatKind.EASY_READ.value: N_("Easy read"),
    FormatKind.OTHER_LANGUAGE.value: N_("Another language"),
    FormatKind.PHONE_HELP.value: N_("Help to answer by phone"),
}


def kind_choices() -> list[tuple[str, str]]:
    """Each format's value and its label in the page's language, in the order offered."""
    return [(value, gettext(label)) for value, label in KIND_LABELS.items()]


@dataclass(frozen=True)
class QueueRow:
    """One request as an officer reads it: the person's words as they wrote them."""

    id: int
    consultation: str
    kind: str
    wanted_language: str
    name: str
    contact: str
    notes: str
    language_code: str
    language_direction: str
    language: str
    received: str
    done: str
    done_by: str


def present_request(request: FormatRequest) -> QueueRow:
    language = LANGUAGES_BY_CODE.get(request.language)
    return QueueRow(
        id=request.id,
        consultation=request.consultation.slug,
        kind=gettext(KIND_LABELS[request.kind.value]),
        wanted_language=request.wanted_language,
        name=request.name,
        contact=request.contact,
        notes=request.notes,
        language_code=request.language,
        language_direction=language.direction if language else "ltr",
        language=language.endonym if language else request.language,
        received=request.created_at.strftime("%Y-%m-%d"),
        done=request.done_at.strftime("%Y-%m-%d") if request.done_at else "",
        done_by=request.done_by.name if request.done_at and request.done_by else "",
    )
