"""Storing requests for another format, and the officers' queue of them."""

from __future__ import annotations

from datetime import UTC, datetime

from consult.accounts.models import User
from surveys.formats.models import FormatKind, FormatRequest
from surveys.models import Consultation

DONE_SHOWN = 50


async def record_request(
    consultation: Consultation,
    *,
    kind: FormatKind,
    language: str,
    wanted_language: str,
    name: str,
    contact: str,
    notes: str,
) -> FormatRequest:
    """Store what the person asked for; the wanted language only matters for another language."""
    return await FormatRequest.create(
        consultation=consultation,
        kind=kind,
        language=language,
        wanted_language=wanted_language if kind == FormatKind.OTHER_LANGUAGE else "",
        name=name,
        contact=contact,
        notes=notes,
    )


async def open_requests() -> list[FormatRequest]:
    """Requests nobody has dealt with yet, oldest first: the order to answer them in."""
    return (
        await FormatRequest.filter(done_at=None)
        .order_by("created_at", "id")
        .prefetch_related("consultation")
    )


async def done_requests(limit: int = DONE_SHOWN) -> list[FormatRequest]:
    """The most recently finished requests, with who finished them."""
    return (
        await FormatRequest.filter(done_at__not_isnull=True)
        .order_by("-done_at", "-id")
        .limit(limit)
        .prefetch_related("consultation", "done_by")
    )


async def mark_done(request_id: int, officer: User) -> bool:
    """Record that `officer` dealt with the request; False when there is no such request.

    A request already marked done keeps who did it first (two officers, one click each).
    """
    if not await FormatRequest.exists(id=request_id):
        return False
    await FormatRequest.filter(id=request_id, done_at=None).update(
        done_at=datetime.now(UTC), done_by=officer
    )
    return True
