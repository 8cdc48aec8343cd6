"""A consultation's wording for officers' pages, in their language where it is approved."""

from __future__ import annotations

from dataclasses import dataclass

from consult import i18n
from surveys.models import Consultation
from surveys.wording import Wording, load_wording


@dataclass(frozen=True)
class ConsultationWording:
    """Labels in the reader's language where approved, in the source language otherwise."""

    wording: Wording
    fallback: Wording

    def question(self, key: str) -> str:
        return self.wording.question(key, "text") or self.fallback.question(key, "text") or key

    def question_language(self, key: str) -> str:
        """The language `question(key)` is written in, for its `lang` attribute."""
        return (
            self.wording.language if self.wording.question(key, "text") else self.fallback.language
        )

    def option(self, question: str, value: str) -> str:
        return (
            self.wording.option(question, value) or self.fallback.option(question, value) or value
        )

    def title(self) -> str:
        return self.wording.consultation("title") or self.fallback.consultation("title")


async def consultation_wording(consultation: Consultation) -> ConsultationWording:
    return ConsultationWording(
        await load_wording(consultation, i18n.current_language().code),
        await load_wording(consultation, consultation.source_language),
    )
