"""`consult tag`: the JSON Lines contract other tools depend on."""

from __future__ import annotations

import json
import subprocess
import sys

from analysis.tagger import ThemeTagger
from analysis.themes import THEMES

FUNDING = (
    "Our estate got a youth worker for six months and then the money stopped. "
    "Fund it properly and for years, not months."
)
LINES: list[object] = [
    {"id": "a", "language": "en", "text": FUNDING},
    {"id": "b", "text": "Close the crack houses."},
    "this line is not JSON",
    {
        "id": "c",
        "text": "The police, the mosque and the tenants' association should sit at one table.",
    },
    {"id": "d", "language": "xx", "text": "unknown language"},
    {"id": "e", "text": "हमें local लोगों की ज़रूरत है, council के plans की नहीं"},
]


def run_tag(lines: list[object]) -> subprocess.CompletedProcess[str]:
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    return subprocess.run(
        [sys.executable, "-m", "consult.cli", "tag"],
        input=stdin + "\n",
        capture_output=True,
        text=True,
        check=False,
    )


def test_one_line_out_per_line_in_in_order_with_errors_reported(tagger: ThemeTagger) -> None:
    result = run_tag(LINES)
    out = [json.loads(line) for line in result.stdout.splitlines()]

    assert result.returncode == 1
    assert [row.get("id") for row in out] == ["a", "b", None, "c", "d", "e"]
    assert "error" in out[2] and "error" in out[4]
    assert "line 3" in result.stderr and "line 5" in result.stderr
    assert out[1]["themes"] == []
    assert out[5]["language"] == "hi"  # detected, not assumed
    for row in out:
        for tag in row.get("themes", []):
            assert tag["theme"] in THEMES
            assert 0 <= tag["score"] <= 1


def test_evidence_offsets_are_code_points_into_the_text(tagger: ThemeTagger) -> None:
    text = "社區 funding 用完咗: the council cut the grant for our youth club 💔 after six months."
    result = run_tag([{"id": 1, "text": text}, {"id": 2, "language": "en", "text": FUNDING}])
    assert result.returncode == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    for row, source in zip(rows, [text, FUNDING], strict=True):
        for tag in row["themes"]:
            for start, end in tag["evidence"]:
                assert 0 <= start < end <= len(source)
    assert {t["theme"] for t in rows[1]["themes"]} >= {"secure-funding"}


def test_a_clean_run_exits_zero(tagger: ThemeTagger) -> None:
    result = run_tag([{"id": "only", "text": "Nobody tells us whether the drop-in centre helps."}])
    assert result.returncode == 0
    assert result.stderr == ""
