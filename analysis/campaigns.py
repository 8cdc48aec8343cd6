"""Copy-paste campaigns: the same or nearly the same answer arriving many times (issue #6).

Copies are flagged to officers, never deleted or discounted. The database finds the
candidates: answers to one question that share a near-copy key (surveys.fingerprints) at
least `min_copies` times. Only those answers are loaded; buckets that share an answer are
joined, and each member is kept if its shingles resemble the group's most common text.
The number of queries does not grow with the number of answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count

from surveys.fingerprints import comparable_text, resemblance, shingles
from surveys.models import Answer, Consultation, Question

CAMPAIGN_MIN_COPIES = 5
MIN_RESEMBLANCE = 0.7
KEY_COLUMNS = ("near_copy_key_1", "near_copy_key_2", "near_copy_key_3", "near_copy_key_4")
# SQLite before 3.32 allows 999 bound variables in one statement; stay well below.
IN_CHUNK = 500
_MEMBER_FIELDS = (
    "id",
    "text",
    "question_id",
    "response__language",
    "response__submitted_at",
    "response__organisation_id",
    "response__channel",
    *KEY_COLUMNS,
)


@dataclass(frozen=True)
class Campaign:
    """One group of near-identical answers to one question."""

    question_id: int
    copies: int
    identical: int
    sample_answer_id: int
    sample_text: str
    sample_language: str
    languages: tuple[str, ...]
    channels: tuple[str, ...]
    groups: int
    first_submitted: date
    last_submitted: date
    answer_ids: tuple[int, ...]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        root = self.parent.setdefault(item, item)
        while self.parent[root] != root:
            root = self.parent[root]
        while item != root:  # path compression, without recursion on long chains
            item, self.parent[item] = self.parent[item], root
        return root

    def union(self, first: int, second: int) -> None:
        self.parent[self.find(first)] = self.find(second)


def _chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _in_consultation(consultation: Consultation) -> Q:
    # Through the questions, not the responses: the grouped scans then need no join.
    return Q(question_id__in=Subquery(Question.filter(consultation=consultation).values("id")))


def _any_of(conditions: dict[str, Any]) -> Q:
    """One of several filters, OR-ed: `{"a__in": [1], "b__in": [2]}` is a IN (1) OR b IN (2)."""
    return reduce(or_, (Q(**{name: value}) for name, value in conditions.items()))


Bucket = tuple[str, int, int]  # key column, question id, key


async def _buckets(consultation: Consultation, min_copies: int) -> set[Bucket]:
    """Each (column, question, key) that at least `min_copies` written answers share."""
    found: set[Bucket] = set()
    for column in KEY_COLUMNS:
        rows = (
            await Answer.filter(
                _in_consultation(consultation),
                text__isnull=False,
                **{f"{column}__isnull": False},
            )
            .annotate(n=Count("id"))
            .group_by("question_id", column)
            .filter(n__gte=min_copies)
            .values("question_id", column)
        )
        found.update((column, row["question_id"], row[column]) for row in rows)
    return found


def _row_buckets(row: dict[str, Any], buckets: set[Bucket]) -> list[Bucket]:
    held = ((column, row["question_id"], row[column]) for column in KEY_COLUMNS)
    return [bucket for bucket in held if bucket in buckets]


async def _bucket_members(consultation: Consultation, buckets: set[Bucket]) -> list[dict[str, Any]]:
    """Every written answer in one of the buckets, asked for in chunked IN lists.

    Each row also holds its `comparable` text, which decides whether it is a copy.
    """
    members: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(sorted(buckets)):
        by_column: dict[str, set[int]] = {}
        for column, _, key in chunk:
            by_column.setdefault(column, set()).add(key)
        rows = await Answer.filter(
            _any_of({f"{column}__in": sorted(keys) for column, keys in by_column.items()}),
            _in_consultation(consultation),
            text__isnull=False,
        ).values(*_MEMBER_FIELDS)
        # A key can also turn up on another question, where too few answers share it.
        members.update((row["id"], row) for row in rows if _row_buckets(row, buckets))
    # Copies are often word for word: each distinct text is reduced once.
    comparable = {text: comparable_text(text) for text in {row["text"] for row in members.values()}}
    for row in members.values():
        row["comparable"] = comparable[row["text"]]
    return sorted(members.values(), key=lambda row: row["id"])


def _components(members: list[dict[str, Any]], buckets: set[Bucket]) -> list[list[dict[str, Any]]]:
    """Answers joined whenever they share a bucket, directly or through other answers."""
    sets = _UnionFind()
    first_in_bucket: dict[Bucket, int] = {}
    for row in members:
        for bucket in _row_buckets(row, buckets):
            sets.union(row["id"], first_in_bucket.setdefault(bucket, row["id"]))
    components: dict[int, list[dict[str, Any]]] = {}
    for row in members:
        components.setdefault(sets.find(row["id"]), []).append(row)
    return list(components.values())


def _verified_groups(
    component: list[dict[str, Any]], min_copies: int, min_resemblance: float
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Groups of members resembling the most common text among them, largest text first.

    A component can chain two campaigns together through a chance key; what the first
    group leaves is tried again, so the second is not lost.
    """
    shingled = {text: shingles(text) for text in {row["comparable"] for row in component}}
    remaining = component
    while len(remaining) >= min_copies:
        reference = Counter(row["comparable"] for row in remaining).most_common(1)[0][0]
        close = {
            text: resemblance(shingled[text], shingled[reference]) >= min_resemblance
            for text in {row["comparable"] for row in remaining}
        }
        group = [row for row in remaining if close[row["comparable"]]]
        if len(group) >= min_copies:
            yield reference, group
        remaining = [row for row in remaining if not close[row["comparable"]]]


def _campaign(reference: str, group: list[dict[str, Any]]) -> Campaign:
    sample = next(row for row in group if row["comparable"] == reference)
    submitted = [row["response__submitted_at"] for row in group]
    return Campaign(
        question_id=group[0]["question_id"],
        copies=len(group),
        identical=sum(row["comparable"] == reference for row in group),
        sample_answer_id=sample["id"],
        sample_text=sample["text"],
        sample_language=sample["response__language"],
        languages=tuple(
            code for code, _ in Counter(row["response__language"] for row in group).most_common()
        ),
        channels=tuple(
            str(channel)
            for channel, _ in Counter(row["response__channel"] for row in group).most_common()
        ),
        groups=len({row["response__organisation_id"] for row in group} - {None}),
        first_submitted=min(submitted).date(),
        last_submitted=max(submitted).date(),
        answer_ids=tuple(sorted(row["id"] for row in group)),
    )


async def find_campaigns(
    consultation: Consultation,
    min_copies: int = CAMPAIGN_MIN_COPIES,
    min_resemblance: float = MIN_RESEMBLANCE,
) -> list[Campaign]:
    """The consultation's copy-paste campaigns, the largest first."""
    buckets = await _buckets(consultation, min_copies)
    if not buckets:
        return []
    members = await _bucket_members(consultation, buckets)
    campaigns = [
        _campaign(reference, group)
        for component in _components(members, buckets)
        for reference, group in _verified_groups(component, min_copies, min_resemblance)
    ]
    return sorted(campaigns, key=lambda c: (-c.copies, c.question_id, c.answer_ids[0]))


async def copies_of(answer: Answer, min_resemblance: float = MIN_RESEMBLANCE) -> int:
    """How many other answers to the same question are near copies of this one."""
    keys = {column: getattr(answer, column) for column in KEY_COLUMNS}
    if not answer.text or None in keys.values():
        return 0
    found = (
        await Answer.filter(
            _any_of(keys),
            question_id=answer.question_id,  # type: ignore[attr-defined]
            text__isnull=False,
        )
        .exclude(id=answer.id)
        .values_list("text", flat=True)
    )
    texts = [str(text) for text in found]
    own = shingles(answer.text)
    # Campaign copies are mostly word for word: each distinct text is compared once.
    close = {text: resemblance(shingles(text), own) >= min_resemblance for text in set(texts)}
    return sum(close[text] for text in texts)
