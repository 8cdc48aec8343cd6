"""Keys of translatable fields, the wording respondents read, and which languages are ready."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from consult.i18n import LANGUAGE_CODES
from surveys.models import Consultation, TextOrigin, TextStatus, TextUnit, WordingSnapshot

CONSULTATION_FIELDS = ("title", "introduction", "confirmation")
QUESTION_FIELDS = ("text", "hint")


def consultation_key(field: str) -> str:
    return f"consultation.{field}"


def question_key(question: str, field: str) -> str:
    return f"question.{question}.{field}"


def option_key(question: str, value: str) -> str:
    return f"option.{question}.{value}.label"


@dataclass(frozen=True)
class Wording:
    """Every approved field of one consultation in one language."""

    language: str
    texts: dict[str, str]
    awaiting_native_review: bool

    def get(self, key: str) -> str:
        return self.texts.get(key, "")

    def consultation(self, field: str) -> str:
        return self.get(consultation_key(field))

    def question(self, key: str, field: str) -> str:
        return self.get(question_key(key, field))

    def option(self, question: str, value: str) -> str:
        return self.get(option_key(question, value))

    def paragraphs(self, key: str) -> list[str]:
        """A long field split on blank lines, for templates to loop over."""
        return [part.strip() for part in self.get(key).split("\n\n") if part.strip()]

    @property
    def digest(self) -> str:
        """A hash of exactly these texts: the same wording always has the same digest."""
        canonical = json.dumps([self.language, sorted(self.texts.items())], ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


def is_awaiting_native_review(unit: TextUnit) -> bool:
    """Drafted by the project and not yet approved by a named reviewer."""
    return unit.origin == TextOrigin.PROJECT_DRAFT and unit.reviewed_by_id is None  # type: ignore[attr-defined]


async def load_wording(consultation: Consultation, language: str) -> Wording:
    """The approved wording of a consultation in one language, in one query."""
    units = await TextUnit.filter(
        consultation=consultation, language=language, status=TextStatus.APPROVED
    )
    return Wording(
        language=language,
        texts={unit.key: unit.text for unit in units},
        awaiting_native_review=any(is_awaiting_native_review(unit) for unit in units),
    )


async def published_languages(consultation: Consultation) -> tuple[str, ...]:
    """Languages in which every field is approved and none is stale, in the offered order.

    The source language always counts: it is what every translation is made from.
    """
    units = await TextUnit.filter(consultation=consultation).only(
        "key", "language", "status", "revision", "source_revision"
    )
    source = {u.key: u.revision for u in units if u.language == consultation.source_language}
    ready: dict[str, int] = {}
    for unit in units:
        if unit.language == consultation.source_language:
            continue
        if unit.status == TextStatus.APPROVED and unit.source_revision == source.get(unit.key):
            ready[unit.language] = ready.get(unit.language, 0) + 1
    return tuple(
        code
        for code in LANGUAGE_CODES
        if code == consultation.source_language or ready.get(code, 0) == len(source)
    )


async def wording_by_consultation(
    consultations: list[Consultation], language: str, field: str
) -> dict[int, str]:
    """One approved field (such as the title) for many consultations, in one query."""
    units = await TextUnit.filter(
        consultation_id__in=[consultation.id for consultation in consultations],
        language=language,
        key=consultation_key(field),
        status=TextStatus.APPROVED,
    ).only("consultation_id", "text")
    return {unit.consultation_id: unit.text for unit in units}  # type: ignore[attr-defined]


async def snapshot_wording(consultation: Consultation, wording: Wording) -> WordingSnapshot:
    """The stored snapshot of this exact wording, created the first time it is answered."""
    digest = hashlib.sha256(f"{consultation.id}:{wording.digest}".encode()).hexdigest()
    snapshot, _created = await WordingSnapshot.get_or_create(
        digest=digest,
        defaults={
            "consultation": consultation,
            "language": wording.language,
            "texts": wording.texts,
        },
    )
    return snapshot
