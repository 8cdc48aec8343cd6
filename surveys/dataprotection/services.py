"""Withdrawing a response, setting a retention date and applying it (issue #7).

Each leaves one `DataProtectionLog` row with counts and who, never any of the text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from analysis.models import AnswerTheme, PublishedSummary, SummaryQuote
from consult.accounts.models import User
from surveys.dataprotection.models import DataProtectionAction, DataProtectionLog
from surveys.groups.models import GroupStatement
from surveys.models import Answer, Consultation, Response, ResponseDraft
from surveys.services import REFERENCE_ALPHABET

REFERENCE_LENGTH = 8
# Crockford's base32 reads the letters people mistake for digits as those digits.
LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
LOG_SHOWN = 50


def normalise_reference(typed: str | None) -> str | None:
    """The reference as stored (`7K3M-Q9TX`) from what a person typed, or None if it can't be one.

    Forgives case, spaces, a missing dash, digits from any script and the look-alikes
    O for 0 and I or L for 1.
    """
    characters = []
    for character in unicodedata.normalize("NFKC", typed or "").upper():
        if character.isspace() or character in DASHES:
            continue
        if character.isdecimal():
            character = str(unicodedata.decimal(character))
        characters.append(character)
    compact = "".join(characters).translate(LOOK_ALIKES)
    if len(compact) != REFERENCE_LENGTH or any(c not in REFERENCE_ALPHABET for c in compact):
        return None
    return f"{compact[:4]}-{compact[4:]}"


async def _remove_published_quotes(consultation_id: int, quote_ids: set[int] | None) -> None:
    """Take quotes out of the consultation's published summaries: those chosen, or all (None)."""
    for summary in await PublishedSummary.filter(consultation_id=consultation_id):
        quotes = summary.figures.get("quotes", [])
        kept = [] if quote_ids is None else [q for q in quotes if q.get("id") not in quote_ids]
        if kept != quotes:
            summary.figures = {**summary.figures, "quotes": kept}
            await summary.save(update_fields=["figures"])


async def withdraw_response(reference: str, now: datetime) -> bool:
    """Delete the answers of the response with this reference and mark it withdrawn.

    False when no response has the reference or it was already withdrawn. The response row
    stays, without answers, so the reference is never reused and the withdrawal is counted.
    """
    async with in_transaction():
        response = await Response.filter(reference=reference, withdrawn_at__isnull=True).first()
        if response is None:
            return False
        # The conditional update claims it: of two requests at once only one goes on.
        claimed = await Response.filter(id=response.id, withdrawn_at__isnull=True).update(
            withdrawn_at=now
        )
        if not claimed:
            return False
        answers = Answer.filter(response_id=response.id)
        quotes = SummaryQuote.filter(answer_id__in=Subquery(answers.values("id")))
        quote_ids = {quote.id for quote in await quotes.only("id")}
        consultation_id: int = response.consultation_id  # type: ignore[attr-defined]
        await _remove_published_quotes(consultation_id, quote_ids)
        # Counted first: SQLite's count of deleted rows includes the cascaded ones.
        deleted = await answers.count()
        # Themes, taggings, reviews, quotes and chosen options go with them (ON DELETE CASCADE).
        await answers.delete()
        await GroupStatement.filter(response_id=response.id).delete()
        await DataProtectionLog.create(
            action=DataProtectionAction.WITHDRAWN,
            consultation_id=consultation_id,
            responses=1,
            answers=deleted,
        )
    return True


async def set_retention_date(consultation: Consultation, day: date, officer: User) -> None:
    async with in_transaction():
        consultation.retain_text_until = day
        await consultation.save(update_fields=["retain_text_until"])
        await DataProtectionLog.create(
            action=DataProtectionAction.RETENTION_DATE_SET,
            consultation=consultation,
            performed_by=officer,
        )


@dataclass(frozen=True)
class RetentionRun:
    """What one consultation's retention run deleted."""

    slug: str
    responses: int
    answers: int


async def apply_retention(now: datetime) -> list[RetentionRun]:
    """Delete the free text of every consultation whose retention date is before `now`'s day.

    One transaction per consultation, each logged. Choice answers and theme decisions (so the
    theme counts) stay; the answers' text, anything derived from it, quotes and drafts go.
    """
    due = Consultation.filter(retain_text_until__lt=now.date()).order_by("id")
    runs = [await _delete_free_text(consultation) for consultation in await due]
    return [run for run in runs if run is not None]


async def _delete_free_text(consultation: Consultation) -> RetentionRun | None:
    async with in_transaction():

        def responses() -> Subquery:
            return Subquery(Response.filter(consultation=consultation).values("id"))

        written = Answer.filter(response_id__in=responses(), text__isnull=False)
        drafts = ResponseDraft.filter(consultation=consultation)
        answer_count = await written.count()
        if not answer_count and not await drafts.exists():
            return None
        response_count = await Response.filter(
            id__in=Subquery(written.values("response_id"))
        ).count()
        every_answer = Subquery(Answer.filter(response_id__in=responses()).values("id"))
        await SummaryQuote.filter(consultation=consultation).delete()
        await _remove_published_quotes(consultation.id, None)
        # Evidence is character offsets into the text: meaningless, and a trace, without it.
        await AnswerTheme.filter(answer_id__in=every_answer).update(evidence=[])
        await written.update(
            text=None,
            search_text=None,
            near_copy_key_1=None,
            near_copy_key_2=None,
            near_copy_key_3=None,
            near_copy_key_4=None,
        )
        # Unsent drafts hold free text too.
        await drafts.delete()
        await DataProtectionLog.create(
            action=DataProtectionAction.RETENTION,
            consultation=consultation,
            responses=response_count,
            answers=answer_count,
        )
    return RetentionRun(consultation.slug, response_count, answer_count)


async def data_protection_log(consultation: Consultation) -> list[DataProtectionLog]:
    """The consultation's latest log entries, newest first."""
    return await DataProtectionLog.filter(consultation=consultation).limit(LOG_SHOWN)


async def withdrawn_count(consultation: Consultation) -> int:
    return await Response.filter(consultation=consultation, withdrawn_at__isnull=False).count()
