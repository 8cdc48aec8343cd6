"""Page data for the printable paper form, so its template holds no logic (issue #6)."""

from __future__ import annotations

from dataclasses import dataclass

from consult.i18n import N_, gettext
from surveys.models import QuestionType
from surveys.services import Questionnaire, QuestionSpec
from surveys.wording import Wording

# The only value of `?size=` that changes anything; every other value is standard print.
LARGE_PRINT = "large"
PRINTABLE_FORM = N_("Printable form")
LARGE_PRINT_FORM = N_("Large-print form")
STANDARD_PRINT_FORM = N_("Standard-size form")
TICK_ONE = N_("Tick one box")
TICK_ALL = N_("Tick all that apply")
# Ruled lines in each written answer's box; large print draws the same lines taller.
WRITING_LINES = 8


@dataclass(frozen=True)
class PrintableLinks:
    standard_href: str
    large_href: str


@dataclass(frozen=True)
class PrintableQuestion:
    number: int
    text: str
    hint: str
    required: bool
    writes: bool
    instruction: str
    options: list[str]


@dataclass(frozen=True)
class PrintableForm:
    title: str
    caption: str
    large: bool
    other_size_href: str
    other_size_label: str
    closes: str | None
    questions: list[PrintableQuestion]
    writing_lines: range

    @property
    def total(self) -> int:
        return len(self.questions)


def printable_links(language: str, slug: str) -> PrintableLinks:
    """Where the standard and large-print paper forms of a consultation are."""
    standard = f"/{language}/consultations/{slug}/printable"
    return PrintableLinks(standard, f"{standard}?size={LARGE_PRINT}")


def _instruction(spec: QuestionSpec) -> str:
    if spec.question.type == QuestionType.SINGLE_CHOICE:
        return gettext(TICK_ONE)
    if spec.question.type == QuestionType.MULTIPLE_CHOICE:
        return gettext(TICK_ALL)
    return ""


def present_printable_form(
    questionnaire: Questionnaire,
    wording: Wording,
    *,
    large: bool,
    closes: str | None,
) -> PrintableForm:
    """Every current question, numbered, with its options, in the wording's language."""
    links = printable_links(wording.language, questionnaire.consultation.slug)
    return PrintableForm(
        title=wording.consultation("title"),
        caption=gettext(LARGE_PRINT_FORM if large else PRINTABLE_FORM),
        large=large,
        other_size_href=links.standard_href if large else links.large_href,
        other_size_label=gettext(STANDARD_PRINT_FORM if large else LARGE_PRINT_FORM),
        closes=closes,
        questions=[
            PrintableQuestion(
                number=number,
                text=wording.question(spec.key, "text"),
                hint=wording.question(spec.key, "hint"),
                required=spec.question.required,
                writes=spec.question.type == QuestionType.FREE_TEXT,
                instruction=_instruction(spec),
                options=[wording.option(spec.key, option.value) for option in spec.options],
            )
            for number, spec in enumerate(questionnaire.questions, start=1)
        ],
        writing_lines=range(WRITING_LINES),
    )
