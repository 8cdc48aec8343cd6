"""The demo consultation, built from the GLADA Crack Cocaine Strategy 2005-08.

Its wording lives beside this module, one JSON file per language (`en.json` is the
source). The other ten were drafted by the project and are stored with that origin.
They are marked approved for the demo only, so it can be answered in all eleven
languages, but no reviewer is recorded: respondents are told the wording awaits review
by a native speaker until a real reviewer approves each field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tortoise.transactions import in_transaction

from consult.i18n import LANGUAGE_CODES, SOURCE_LANGUAGE
from surveys.models import (
    Consultation,
    ConsultationStatus,
    Option,
    Question,
    QuestionType,
    TextOrigin,
    TextStatus,
    TextUnit,
)

DEMO_SLUG = "crack-cocaine-and-londons-communities"
WORDING_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class DemoQuestion:
    key: str
    type: QuestionType
    required: bool
    options: tuple[str, ...] = ()


DEMO_QUESTIONS: tuple[DemoQuestion, ...] = (
    DemoQuestion("community-help", QuestionType.FREE_TEXT, required=True),
    DemoQuestion(
        "priority-objective",
        QuestionType.SINGLE_CHOICE,
        required=True,
        options=("awareness", "availability", "treatment", "justice", "communities"),
    ),
    DemoQuestion("treatment-services", QuestionType.FREE_TEXT, required=False),
    DemoQuestion("community-projects", QuestionType.FREE_TEXT, required=False),
    DemoQuestion(
        "involvement",
        QuestionType.MULTIPLE_CHOICE,
        required=False,
        options=("meeting", "group", "volunteer", "updates"),
    ),
    DemoQuestion(
        "connection",
        QuestionType.SINGLE_CHOICE,
        required=False,
        options=("resident", "family", "worker", "group", "none"),
    ),
)


def read_wording(language: str) -> dict[str, str]:
    path = WORDING_DIR / f"{language}.json"
    wording: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return wording


async def load_demo(now: datetime | None = None) -> Consultation | None:
    """Create the demo consultation unless it exists; return it if created."""
    if await Consultation.exists(slug=DEMO_SLUG):
        return None
    return await create_demo_consultation(DEMO_SLUG, LANGUAGE_CODES, now)


async def create_demo_consultation(
    slug: str, languages: tuple[str, ...], now: datetime | None = None
) -> Consultation:
    """An open consultation with the demo's questions and wording in `languages`.

    Translations are the project's drafts, approved for the demo only (no reviewer).
    """
    now = now or datetime.now(UTC)
    source = read_wording(SOURCE_LANGUAGE)
    async with in_transaction():
        consultation = await Consultation.create(
            slug=slug,
            status=ConsultationStatus.OPEN,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=365),
        )
        for position, spec in enumerate(DEMO_QUESTIONS, start=1):
            question = await Question.create(
                consultation=consultation,
                key=spec.key,
                position=position,
                type=spec.type,
                required=spec.required,
            )
            await Option.bulk_create(
                [
                    Option(question=question, value=value, position=index)
                    for index, value in enumerate(spec.options, start=1)
                ]
            )
        units = [
            TextUnit(
                consultation=consultation,
                key=key,
                language=SOURCE_LANGUAGE,
                text=text,
                status=TextStatus.APPROVED,
                origin=TextOrigin.SOURCE,
                revision=1,
            )
            for key, text in source.items()
        ]
        for language in languages:
            if language == SOURCE_LANGUAGE:
                continue
            translated = read_wording(language)
            units += [
                TextUnit(
                    consultation=consultation,
                    key=key,
                    language=language,
                    text=translated[key],
                    status=TextStatus.APPROVED,
                    origin=TextOrigin.PROJECT_DRAFT,
                    source_revision=1,
                    source_text=source[key],
                )
                for key in source
            ]
        await TextUnit.bulk_create(units)
    return consultation
