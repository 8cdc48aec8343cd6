"""`consult backup` and `consult restore` round-trip a consultation with its translations, tags
and history (#7), on the suite's engine: SQLite, or PostgreSQL with TEST_DATABASE_URL."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
import sys
from collections.abc import AsyncIterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from analysis.review import record_review
from consult.accounts.models import Role
from consult.accounts.services import StaffUser
from consult.backup import PostgresDatabase, SqliteDatabase, database_from_url
from consult.settings import PROJECT_ROOT
from surveys.models import Consultation
from tests.builders import build_answer, build_demo_copy
from tests.databases import throwaway_database
from tests.staff import build_user
from translations.services import FieldState, approve, field_states, save_translation

GUJARATI_TITLE = "ક્રેક કોકેન અને લંડનના સમુદાયો: તમારો અભિપ્રાય"
FUNDING = "The money for the youth project stopped after six months."
ON_POSTGRES = os.environ.get("TEST_DATABASE_URL", "").startswith("postgres")


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: str
    stderr: str


async def consult(database_url: str, *arguments: str, **environment: str) -> Outcome:
    """The real command in its own process, reading DATABASE_URL as a deployment does."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "consult.cli",
        *arguments,
        env={**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "backup-test"} | environment,
        cwd=PROJECT_ROOT,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await process.communicate()
    assert process.returncode is not None
    return Outcome(process.returncode, stdout.decode(), stderr.decode())


async def fetch(database_url: str, query: str) -> list[tuple[Any, ...]]:
    """Rows read straight from a database, the same way from the original and from the copy."""
    database = database_from_url(database_url)
    if isinstance(database, SqliteDatabase):
        with closing(sqlite3.connect(database.path)) as connection:
            return [tuple(row) for row in connection.execute(query)]
    connection = await asyncpg.connect(database.url, password=database.password)
    try:
        return [tuple(row) for row in await connection.fetch(query)]
    finally:
        await connection.close()


async def execute(database_url: str, statement: str) -> None:
    database = database_from_url(database_url)
    if isinstance(database, SqliteDatabase):
        with closing(sqlite3.connect(database.path)) as connection, connection:
            connection.execute(statement)
        return
    connection = await asyncpg.connect(database.url, password=database.password)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture
async def fresh_database(tmp_path: Path) -> AsyncIterator[str]:
    """A second, empty database on the suite's engine, to restore into."""
    async with throwaway_database(os.environ.get("TEST_DATABASE_URL"), tmp_path) as url:
        yield url


async def title_state(consultation: Consultation) -> FieldState:
    states = await field_states(consultation, "gu")
    return next(state for state in states if state.key == "consultation.title")


@dataclass(frozen=True)
class Story:
    consultation: Consultation
    answer_id: int
    translator_id: int
    reviewer_id: int
    officer_id: int


async def consultation_with_its_history() -> Story:
    """A Gujarati title sent for review and approved; an answer tagged and then reviewed."""
    consultation = await build_demo_copy(("gu",))
    translator = await build_user(translates=("gu",))
    reviewer = await build_user(reviews=("gu",))
    await save_translation(
        await title_state(consultation),
        consultation,
        "gu",
        GUJARATI_TITLE,
        StaffUser(translator, frozenset({"gu"}), frozenset()),
        for_review=True,
    )
    await approve(
        await title_state(consultation), StaffUser(reviewer, frozenset({"gu"}), frozenset({"gu"}))
    )
    answer = await build_answer(consultation, FUNDING, machine_themes={"secure-funding": [[4, 9]]})
    officer = await build_user(Role.OFFICER)
    await record_review(
        consultation, answer, officer, {"secure-funding", "partnership-working"}, {"secure-funding"}
    )
    return Story(consultation, answer.id, translator.id, reviewer.id, officer.id)


def rows_of(story: Story) -> dict[str, str]:
    """Every row the story wrote, table by table."""
    consultation, answer = story.consultation.id, story.answer_id
    units = f"SELECT id FROM text_unit WHERE consultation_id = {consultation}"
    staff = f"{story.translator_id}, {story.reviewer_id}, {story.officer_id}"
    return {
        "consultation": f"SELECT * FROM consultation WHERE id = {consultation}",
        "text_unit": f"SELECT * FROM text_unit WHERE consultation_id = {consultation} ORDER BY id",
        "text_history": f"SELECT * FROM text_history WHERE unit_id IN ({units}) ORDER BY id",
        "response": f"SELECT * FROM response WHERE consultation_id = {consultation} ORDER BY id",
        "answer": f"SELECT * FROM answer WHERE id = {answer}",
        "answer_theme": f"SELECT * FROM answer_theme WHERE answer_id = {answer} ORDER BY id",
        "answer_tagging": f"SELECT * FROM answer_tagging WHERE answer_id = {answer}",
        "answer_review": f"SELECT * FROM answer_review WHERE answer_id = {answer}",
        "summary_quote": f"SELECT * FROM summary_quote WHERE answer_id = {answer} ORDER BY id",
        "staff_user": f"SELECT * FROM staff_user WHERE id IN ({staff}) ORDER BY id",
    }


async def test_a_consultation_comes_back_from_a_backup_with_its_translations_tags_and_history(
    database_url: str, fresh_database: str, tmp_path: Path
) -> None:
    story = await consultation_with_its_history()
    backup = tmp_path / "consult.backup"

    written = await consult(database_url, "backup", str(backup))
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith(f"Wrote {backup} (")
    assert ("tables." if ON_POSTGRES else "consultations: ") in written.stdout
    # It holds personal data: readable by its owner only.
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    # The target is empty: no --yes needed.
    restored = await consult(fresh_database, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert f"Restored {backup} into " in restored.stdout
    assert "Its migrations match this code." in restored.stdout

    for table, query in rows_of(story).items():
        original = await fetch(database_url, query)
        assert original, table
        assert await fetch(fresh_database, query) == original, table

    consultation, answer = story.consultation.id, story.answer_id
    title = await fetch(
        fresh_database,
        "SELECT id, text, status FROM text_unit WHERE key = 'consultation.title'"
        f" AND language = 'gu' AND consultation_id = {consultation}",
    )
    assert [(text, status) for _, text, status in title] == [(GUJARATI_TITLE, "approved")]
    history = await fetch(
        fresh_database,
        f"SELECT action, new_status, user_id FROM text_history WHERE unit_id = {title[0][0]}"
        " ORDER BY id",
    )
    assert history[-2:] == [
        ("submitted", "in_review", story.translator_id),
        ("approved", "approved", story.reviewer_id),
    ]
    funding = await fetch(
        fresh_database,
        "SELECT source, present, model_version, officer_id, is_current FROM answer_theme"
        f" WHERE answer_id = {answer} AND theme = 'secure-funding' ORDER BY id",
    )
    # SQLite gives booleans back as 1 and 0, which compare equal to True and False.
    assert funding == [
        ("machine", True, "test-model", None, False),
        ("officer", True, None, story.officer_id, True),
    ]
    assert await fetch(
        fresh_database,
        f"SELECT officer_id, model_version FROM answer_review WHERE answer_id = {answer}",
    ) == [(story.officer_id, "test-model")]


async def test_restore_will_not_replace_a_database_holding_data_unless_told_to(
    database_url: str, fresh_database: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.backup", tmp_path / "second.backup"
    assert (await consult(database_url, "backup", str(first))).returncode == 0
    assert (await consult(fresh_database, "restore", str(first))).returncode == 0
    later = await build_demo_copy(())
    assert (await consult(database_url, "backup", str(second))).returncode == 0
    count = "SELECT count(*) FROM consultation"
    before = await fetch(fresh_database, count)

    refused = await consult(fresh_database, "restore", str(second))
    assert refused.returncode == 1
    assert "already holds" in refused.stderr
    assert "consultations: " in refused.stderr
    assert "run again with --yes" in refused.stderr
    assert await fetch(fresh_database, count) == before
    assert await fetch(fresh_database, f"SELECT slug FROM consultation WHERE id = {later.id}") == []

    replaced = await consult(fresh_database, "restore", str(second), "--yes")
    assert replaced.returncode == 0, replaced.stderr
    assert await fetch(fresh_database, f"SELECT slug FROM consultation WHERE id = {later.id}") == [
        (later.slug,)
    ]


async def test_a_backup_to_a_path_that_cannot_be_written_fails_and_says_why(
    database_url: str, tmp_path: Path
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    result = await consult(database_url, "backup", str(a_file / "consult.backup"))
    assert result.returncode == 1
    assert f"Cannot write the backup to {a_file / 'consult.backup'}: Not a directory." in (
        result.stderr
    )
    assert result.stdout == ""


async def test_a_failed_backup_leaves_the_previous_one_as_it_was(tmp_path: Path) -> None:
    previous = tmp_path / "nightly.backup"
    previous.write_bytes(b"last night's backup")
    unreachable = (
        "postgres://postgres@127.0.0.1:1/consult"
        if ON_POSTGRES
        else f"sqlite://{tmp_path / 'missing.sqlite3'}"
    )
    result = await consult(unreachable, "backup", str(previous))
    assert result.returncode == 1
    assert ("pg_dump failed" if ON_POSTGRES else "There is no database at") in result.stderr
    assert previous.read_bytes() == b"last night's backup"
    assert await asyncio.to_thread(os.listdir, tmp_path) == [previous.name]  # nothing partial


async def test_a_backup_file_of_another_kind_is_refused_before_anything_changes(
    database_url: str, tmp_path: Path
) -> None:
    not_a_backup = tmp_path / "consult.backup"
    not_a_backup.write_text("id,text\n1,hello\n")
    result = await consult(database_url, "restore", str(not_a_backup), "--yes")
    assert result.returncode == 1
    assert "is not a backup written by `consult backup`" in result.stderr


@pytest.mark.skipif(not ON_POSTGRES, reason="pg_dump is used on PostgreSQL only")
async def test_without_pg_dump_the_backup_says_what_to_install(
    database_url: str, tmp_path: Path
) -> None:
    result = await consult(database_url, "backup", str(tmp_path / "b"), PATH=str(tmp_path))
    assert result.returncode == 1
    assert "pg_dump is not installed" in result.stderr
    assert "postgresql-client" in result.stderr


def test_the_postgres_password_is_kept_off_command_lines_and_output() -> None:
    database = database_from_url(
        "postgres://consult:s%40cret@db.internal:5432/consult?minsize=1&sslmode=require"
    )
    assert database == PostgresDatabase(
        "postgresql://consult@db.internal:5432/consult?sslmode=require", "s@cret"
    )
    assert "cret" not in str(database)
    assert "cret" not in repr(database)
    assert database.tool_environment()["PGPASSWORD"] == "s@cret"


async def test_restoring_a_backup_from_a_newer_version_says_its_migrations_differ(
    database_url: str, fresh_database: str, tmp_path: Path
) -> None:
    ours, newer = tmp_path / "ours.backup", tmp_path / "newer.backup"
    assert (await consult(database_url, "backup", str(ours))).returncode == 0
    assert (await consult(fresh_database, "restore", str(ours))).returncode == 0
    await execute(
        fresh_database,
        "INSERT INTO tortoise_migrations (app, name, applied_at)"
        " VALUES ('surveys', '9999_from_the_future', '2031-01-01 00:00:00')",
    )
    assert (await consult(fresh_database, "backup", str(newer))).returncode == 0

    result = await consult(fresh_database, "restore", str(newer), "--yes")
    assert result.returncode == 1
    assert f"Restored {newer} into " in result.stdout
    assert "this code does not have: surveys.9999_from_the_future" in result.stderr
    assert "Its migrations match this code." not in result.stdout
