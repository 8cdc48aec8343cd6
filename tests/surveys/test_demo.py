"""The demo consultation: built from the strategy, in all eleven languages, loaded once."""

from __future__ import annotations

import pytest

from consult.i18n import LANGUAGE_CODES
from surveys.demo import DEMO_QUESTIONS, DEMO_SLUG, load_demo, read_wording
from surveys.models import Consultation, QuestionType, TextOrigin, TextUnit


async def test_loading_the_demo_again_changes_nothing() -> None:
    before = await TextUnit.all().count()
    assert await load_demo() is None
    assert await Consultation.filter(slug=DEMO_SLUG).count() == 1
    assert await TextUnit.all().count() == before


def test_the_demo_asks_enough_of_each_kind() -> None:
    kinds = [question.type for question in DEMO_QUESTIONS]
    assert kinds.count(QuestionType.FREE_TEXT) >= 3
    assert kinds.count(QuestionType.SINGLE_CHOICE) + kinds.count(QuestionType.MULTIPLE_CHOICE) >= 2


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "en"])
def test_every_language_has_every_field_translated(language: str) -> None:
    english = read_wording("en")
    translated = read_wording(language)
    assert list(translated) == list(english)
    for key, text in translated.items():
        assert text.strip(), f"{language}: {key} is empty"
        assert text != english[key], f"{language}: {key} is the English"
        assert text.count("\n\n") == english[key].count("\n\n"), f"{language}: {key} paragraphs"


async def test_drafted_translations_are_stored_as_project_drafts() -> None:
    demo = await Consultation.get(slug=DEMO_SLUG)
    units = await TextUnit.filter(consultation=demo)
    assert {unit.origin for unit in units if unit.language != "en"} == {TextOrigin.PROJECT_DRAFT}
    assert {unit.language for unit in units} == set(LANGUAGE_CODES)
