"""Keys of translatable fields, and the wording of a consultation in one language."""

from __future__ import annotations

from dataclasses import dataclass

from surveys.models import Consultation, TextOrigin, TextUnit

CONSULTATION_FIELDS = ("title", "introduction", "confirmation")
QUESTION_FIELDS = ("text", "hint")


def consultation_key(field: str) -> str:
    return f"consultation.{field}"


def question_key(question_key_: str, field: str) -> str:
    return f"question.{question_key_}.{field}"


def option_key(question_key_: str, value: str) -> str:
    return f"option.{question_key_}.{value}.label"


@dataclass(frozen=True)
class Wording:
    """Every field of one consultation in one language, and whether any of it is a draft."""

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


async def load_wording(consultation: Consultation, language: str) -> Wording:
    """All of a consultation's wording in one language, in one query."""
    units = await TextUnit.filter(consultation=consultation, language=language).only(
        "key", "text", "origin"
    )
    return Wording(
        language=language,
        texts={unit.key: unit.text for unit in units},
        awaiting_native_review=any(unit.origin == TextOrigin.PROJECT_DRAFT for unit in units),
    )


async def wording_by_consultation(
    consultations: list[Consultation], language: str, field: str
) -> dict[int, str]:
    """One field (such as the title) for many consultations, in one query."""
    units = await TextUnit.filter(
        consultation_id__in=[consultation.id for consultation in consultations],
        language=language,
        key=consultation_key(field),
    ).only("consultation_id", "text")
    return {unit.consultation_id: unit.text for unit in units}  # type: ignore[attr-defined]
