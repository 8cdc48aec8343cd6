"""Back up and restore the whole database: consultations, translations, tags and history (#7).

SQLite uses its online backup API, which copies a consistent snapshot while the app writes;
PostgreSQL uses pg_dump's custom format and pg_restore.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import asyncpg

MIGRATIONS_TABLE = "tortoise_migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"
POSTGRES_SCHEMES = frozenset({"postgres", "postgresql", "asyncpg", "psycopg"})
# Query options of a DATABASE_URL that libpq (pg_dump, pg_restore) and asyncpg both take;
# Tortoise's own (minsize, maxsize...) would make libpq refuse the URL.
LIBPQ_OPTIONS = frozenset({"sslmode", "sslrootcert", "sslcert", "sslkey"})
CONNECT_TIMEOUT_SECONDS = 10
# Tables whose counts say what a database holds, in words an operator recognises.
HEADLINE_TABLES = {
    "consultation": "consultations",
    "response": "responses",
    "answer": "answers",
    "staff_user": "staff accounts",
}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message tells the operator why."""


@dataclass(frozen=True)
class SqliteDatabase:
    path: Path

    def __str__(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class PostgresDatabase:
    url: str
    """A libpq URL without the password, safe to print and to put on a command line."""
    password: str | None = field(default=None, repr=False)

    def __str__(self) -> str:
        return self.url

    def tool_environment(self) -> dict[str, str]:
        """pg_dump's environment: this process's, plus the password, never on a command line."""
        environment = {**os.environ, "PGCONNECT_TIMEOUT": str(CONNECT_TIMEOUT_SECONDS)}
        if self.password is not None:
            environment["PGPASSWORD"] = self.password
        return environment


Database = SqliteDatabase | PostgresDatabase


def database_from_url(url: str) -> Database:
    """The database a Tortoise DATABASE_URL names (a SQLite file is read as Tortoise reads it)."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = parts.netloc + parts.path
        if not path or path == ":memory:":
            raise BackupError("DATABASE_URL names no SQLite file to back up or restore.")
        return SqliteDatabase(Path(path).absolute())
    if parts.scheme in POSTGRES_SCHEMES:
        credentials, _, host = parts.netloc.rpartition("@")
        user, has_password, password = credentials.partition(":")
        options = [(key, value) for key, value in parse_qsl(parts.query) if key in LIBPQ_OPTIONS]
        return PostgresDatabase(
            url=urlunsplit(
                (
                    "postgresql",
                    f"{user}@{host}" if user else host,
                    parts.path,
                    urlencode(options),
                    "",
                )
            ),
            password=unquote(password) if has_password else None,
        )
    raise BackupError(f"Backups work with SQLite and PostgreSQL, not {parts.scheme!r} databases.")


@dataclass(frozen=True)
class TableCounts:
    """Rows per table in a database."""

    rows: dict[str, int]

    @property
    def holds_data(self) -> bool:
        """Whether anything but the record of applied migrations has rows."""
        return any(count for table, count in self.rows.items() if table != MIGRATIONS_TABLE)

    def describe(self) -> str:
        headline = ", ".join(
            f"{label}: {self.rows[table]:,}"
            for table, label in HEADLINE_TABLES.items()
            if table in self.rows
        )
        summary = f"{len(self.rows)} tables, {sum(self.rows.values()):,} rows"
        return f"{summary} ({headline})" if headline else summary


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size_bytes: int
    contents: str

    def describe(self) -> str:
        return f"Wrote {self.path} ({readable_size(self.size_bytes)}): {self.contents}."


def readable_size(size_bytes: int) -> str:
    size = float(size_bytes)
    for unit in ("bytes", "kB", "MB"):
        if size < 1000:
            return f"{size_bytes} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


def back_up(database: Database, path: Path) -> BackupReport:
    """Write a consistent copy of the whole database to `path`, replacing it only when complete."""
    path = path.absolute()
    with _staging_file(path) as staging:
        if isinstance(database, SqliteDatabase):
            contents = _sqlite_backup(database.path, staging)
        else:
            contents = _pg_dump(database, staging)
    return BackupReport(path=path, size_bytes=path.stat().st_size, contents=contents)


def restore(database: Database, path: Path) -> None:
    """Replace everything in the database with the backup at `path`."""
    check_backup_file(database, path)
    if isinstance(database, SqliteDatabase):
        _sqlite_restore(path, database.path)
    else:
        # One transaction: a restore that fails part way leaves the database as it was.
        _run_tool(
            database,
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--dbname",
                database.url,
                str(path),
            ],
        )


def check_backup_file(database: Database, path: Path) -> None:
    """Refuse a file that is not a backup for this kind of database, before touching anything."""
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise BackupError(f"Cannot read the backup {path}: {error.strerror}.") from None
    if isinstance(database, SqliteDatabase) and header.startswith(PG_DUMP_HEADER):
        raise BackupError(f"{path} is a PostgreSQL backup, but DATABASE_URL is a SQLite database.")
    if isinstance(database, PostgresDatabase) and header.startswith(SQLITE_HEADER):
        raise BackupError(f"{path} is a SQLite backup, but DATABASE_URL is a PostgreSQL database.")
    if not header.startswith(SQLITE_HEADER) and not header.startswith(PG_DUMP_HEADER):
        raise BackupError(f"{path} is not a backup written by `consult backup`.")


async def table_counts(database: Database) -> TableCounts:
    """Rows per table; a SQLite file that does not exist yet holds nothing."""
    if isinstance(database, SqliteDatabase):
        if not database.path.exists():
            return TableCounts({})
        try:
            with _open_sqlite(database.path) as connection:
                return _sqlite_counts(connection)
        except sqlite3.Error as error:
            raise BackupError(f"Cannot read the database {database}: {error}.") from None
    try:
        connection = await asyncpg.connect(
            database.url, password=database.password, timeout=CONNECT_TIMEOUT_SECONDS
        )
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        raise BackupError(f"Cannot connect to the database {database}: {error}") from None
    try:
        tables = await connection.fetch(
            "SELECT table_schema, table_name FROM information_schema.tables"
            " WHERE table_type = 'BASE TABLE'"
            " AND table_schema NOT IN ('pg_catalog', 'information_schema')"
            " ORDER BY table_schema, table_name"
        )
        rows: dict[str, int] = {}
        for schema, table in tables:
            label = table if schema == "public" else f"{schema}.{table}"
            rows[label] = await connection.fetchval(
                f"SELECT count(*) FROM {_quoted(schema)}.{_quoted(table)}"  # noqa: S608
            )
        return TableCounts(rows)
    except asyncpg.PostgresError as error:
        raise BackupError(f"Cannot read the database {database}: {error}") from None
    finally:
        await connection.close()


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


@contextmanager
def _open_sqlite(path: Path, mode: str = "rw") -> Iterator[sqlite3.Connection]:
    """A connection to an existing file (`rw`, `ro`), or one created if missing (`rwc`)."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode={mode}", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def _sqlite_counts(connection: sqlite3.Connection) -> TableCounts:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    return TableCounts(
        {
            table: connection.execute(f"SELECT count(*) FROM {_quoted(table)}").fetchone()[0]  # noqa: S608
            for table in tables
        }
    )


@contextmanager
def _staging_file(path: Path) -> Iterator[Path]:
    """A new file beside `path` (readable by this user only), renamed onto it once complete."""
    if path.is_dir():
        raise BackupError(f"{path} is a folder: give the name of the backup file to write.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as error:
        raise BackupError(f"Cannot write the backup to {path}: {error.strerror}.") from None
    os.close(handle)
    staging = Path(name)
    try:
        yield staging
        try:
            os.replace(staging, path)
        except OSError as error:
            raise BackupError(f"Cannot write the backup to {path}: {error.strerror}.") from None
    finally:
        staging.unlink(missing_ok=True)


def _sqlite_backup(source: Path, staging: Path) -> str:
    if not source.exists():
        raise BackupError(f"There is no database at {source}: check DATABASE_URL.")
    try:
        with _open_sqlite(source) as live, _open_sqlite(staging) as copy:
            live.backup(copy)
            # A rollback journal, not WAL: the backup is then one self-contained file.
            copy.execute("PRAGMA journal_mode = DELETE")
            return _sqlite_counts(copy).describe()
    except sqlite3.Error as error:
        raise BackupError(f"Could not back up {source}: {error}.") from None


def _sqlite_restore(backup: Path, target: Path) -> None:
    try:
        with _open_sqlite(backup, "ro") as source:
            if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"{backup} is damaged: SQLite's integrity check fails on it.")
            has_migrations = source.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                (MIGRATIONS_TABLE,),
            ).fetchone()
            if not has_migrations:
                raise BackupError(
                    f"{backup} is a SQLite database, but not one of this application."
                )
            with _open_sqlite(target, "rwc") as live:
                source.backup(live)
    except sqlite3.Error as error:
        raise BackupError(f"Could not restore {backup} into {target}: {error}.") from None


def _pg_dump(database: PostgresDatabase, staging: Path) -> str:
    _run_tool(
        database,
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(staging), database.url],
    )
    listing = _run_tool(database, ["pg_restore", "--list", str(staging)])
    tables = sum(1 for line in listing.splitlines() if " TABLE DATA " in line)
    return f"{tables} tables"


def _run_tool(database: PostgresDatabase, command: list[str]) -> str:
    program = shutil.which(command[0])
    if program is None:
        raise BackupError(
            f"{command[0]} is not installed: install PostgreSQL's client tools "
            "(Debian: postgresql-client) of the server's major version."
        )
    result = subprocess.run(  # noqa: S603 - a fixed program; the URL is one argument
        [program, *command[1:]],
        env=database.tool_environment(),
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
    return result.stdout
