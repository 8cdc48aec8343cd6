"""Officers publish a themed summary; small counts are hidden and cannot be worked out."""

from __future__ import annotations

import random

import httpx

from analysis.models import SummaryQuote
from analysis.suppression import AdditiveGroup, suppress
from consult.accounts.models import Role
from tests.builders import build_answer, build_demo_copy
from tests.journey import csrf_token_in
from tests.staff import build_user, sign_in


def test_a_single_small_count_takes_another_with_it() -> None:
    counts = {"all": 20, "en": 12, "ur": 6, "gu": 2}
    shown = suppress(counts, [AdditiveGroup("all", ["en", "ur", "gu"])], threshold=5)
    assert shown == {"all": 20, "en": 12, "ur": None, "gu": None}


def test_no_hidden_count_can_be_recovered_from_a_total() -> None:
    generator = random.Random(7)
    for _ in range(500):
        parts = {f"p{i}": generator.randint(0, 12) for i in range(generator.randint(1, 6))}
        subparts = {f"{key}.{j}": generator.randint(0, 3) for key in parts for j in range(2)}
        counts = {"all": sum(parts.values()), **parts, **subparts}
        groups = [AdditiveGroup("all", list(parts))]
        for key in parts:
            counts[key] = counts[f"{key}.0"] + counts[f"{key}.1"] + parts[key]
            counts[f"{key}.rest"] = parts[key]
            groups.append(AdditiveGroup(key, [f"{key}.0", f"{key}.1", f"{key}.rest"]))
        counts["all"] = sum(counts[key] for key in parts)
        shown = suppress(counts, groups, threshold=5)
        assert all(value is None or value >= 5 for value in shown.values())
        for group in groups:
            if shown[group.total] is not None:
                hidden = [part for part in group.parts if shown[part] is None]
                assert len(hidden) != 1, (counts, shown, group)


async def test_an_officer_publishes_a_summary_with_small_counts_hidden(
    client: httpx.AsyncClient,
) -> None:
    consultation = await build_demo_copy(("ur",))
    for _ in range(6):
        await build_answer(consultation, "Fund it", machine_themes={"secure-funding": [[0, 4]]})
    quoted = await build_answer(
        consultation,
        "پیسہ بند ہو گیا",
        language="ur",
        machine_themes={"secure-funding": [[0, 4]]},
    )
    public = f"/en/consultations/{consultation.slug}/summary"
    assert (await client.get(public)).status_code == 404

    officer = await build_user(Role.OFFICER)
    await SummaryQuote.create(
        consultation=consultation, answer=quoted, theme="secure-funding", chosen_by=officer
    )
    await sign_in(client, officer)
    preview_url = f"/en/staff/consultations/{consultation.slug}/summary"
    preview = await client.get(preview_url)
    assert "has not been published yet" in preview.text
    published = await client.post(preview_url, data={"csrf_token": csrf_token_in(preview.text)})
    assert published.status_code == 303

    page = await client.get(public)
    assert page.status_code == 200
    assert "Responses received: 7." in page.text
    # One Urdu response: hidden, and English (6) with it, or 7 - 6 would give it away.
    assert '<td class="table__cell table__cell--numeric">6</td>' not in page.text
    assert "fewer than 5" in page.text
    assert (
        '<blockquote class="answer-text" lang="ur" dir="rtl"><mark class="evidence">پیسہ</mark>'
        in page.text
    )

    # The public page shows what was published, not today's live figures.
    await build_answer(consultation, "More money", machine_themes={"secure-funding": [[5, 10]]})
    assert "Responses received: 7." in (await client.get(public)).text
    chart = await client.get(f"{public}/charts/themes-community-help.svg")
    assert chart.headers["content-type"].startswith("image/svg+xml")
