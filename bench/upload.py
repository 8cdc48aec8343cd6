"""Time a 10,000-row upload of paper responses, checked and stored, and its memory.

    .venv/bin/python -m bench.upload [ROWS] [--postgres URL]

Builds a throwaway database with the demo consultation in Turkish, writes the Turkish
template filled with ROWS varied answers as XLSX and as CSV, then runs the whole upload
(read, check every cell, store all rows in one transaction) once for each and prints the
time and the peak resident memory. Target (issue #6): <= 20 s with bounded memory.
"""

from __future__ import annotations

import asyncio
import csv
import io
import resource
import sys
import time

import openpyxl

from bench.answers import varied_answers
from bench.database import close_bench_database, open_bench_database, postgres_argument
from consult.accounts.models import Role
from consult.accounts.services import create_user
from surveys.demo import create_demo_consultation
from surveys.models import Answer, Response
from surveys.services import load_questionnaire
from surveys.uploads.services import upload_responses
from surveys.uploads.template import SpreadsheetFormat, template_file
from surveys.wording import load_wording

CHOICES = ("awareness", "availability", "treatment", "justice", "communities")


def answer_rows(count: int) -> list[list[str]]:
    texts = [text for _, text in varied_answers(count, seed=11)]
    return [
        [text, CHOICES[n % 5], texts[(n + 7) % count], "", "meeting; updates"]
        for n, text in enumerate(texts)
    ]


def filled(template: bytes, kind: SpreadsheetFormat, rows: list[list[str]]) -> bytes:
    if kind is SpreadsheetFormat.CSV:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerows(list(csv.reader(io.StringIO(template.decode("utf-8-sig")))) + rows)
        return text.getvalue().encode("utf-8-sig")
    workbook = openpyxl.load_workbook(io.BytesIO(template))
    for row in rows:
        workbook.worksheets[0].append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def peak_megabytes() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def main(count: int, postgres: str | None) -> None:
    await open_bench_database("upload", postgres)
    user = await create_user(
        "bench@example.org", "Bench Officer", "passphrase" * 2, Role.OFFICER, {}
    )
    rows = answer_rows(count)
    for kind in SpreadsheetFormat:
        consultation = await create_demo_consultation(f"bench-{kind.value}", ("tr",))
        questionnaire = await load_questionnaire(consultation)
        template = template_file(questionnaire, await load_wording(consultation, "tr"), kind)
        data = filled(template, kind, rows)
        before = peak_megabytes()
        started = time.perf_counter()
        outcome = await upload_responses(questionnaire, data, f"bench.{kind.value}", user, None)
        elapsed = time.perf_counter() - started
        assert outcome.batch is not None, outcome.report.problems[:3]
        stored = await Response.filter(consultation=consultation).count()
        answers = await Answer.filter(response__consultation=consultation).count()
        print(
            f"{'PostgreSQL' if postgres else 'SQLite'} {kind.value.upper()}: "
            f"{len(data) / 1e6:.1f} MB, {stored} rows ({answers} answers) checked and stored "
            f"in {elapsed:.1f} s; peak resident memory {peak_megabytes():.0f} MB "
            f"(was {before:.0f} MB before the upload)"
        )
    print("target: <= 20 s for 10,000 rows, memory bounded by the 8 MB and 10,000-row limits")
    await close_bench_database(postgres)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    postgres_url = postgres_argument(arguments)
    asyncio.run(main(int(arguments[0]) if arguments else 10_000, postgres_url))
