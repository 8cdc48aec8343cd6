"""A throwaway, migrated database for a benchmark: SQLite in a temporary folder, or PostgreSQL."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from tortoise import Tortoise
from tortoise.migrations.api import migrate

from consult.database import tortoise_config


async def open_bench_database(name: str, postgres: str | None) -> str:
    """Create and migrate a new database, leave Tortoise connected to it, return its URL."""
    if postgres:
        url = f"{postgres.rsplit('/', 1)[0]}/bench_{name}_{secrets.token_hex(4)}"
    else:
        url = f"sqlite://{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    config = tortoise_config(url)
    await Tortoise.init(config=config, _create_db=bool(postgres))
    await Tortoise.close_connections()
    await migrate(config=config)
    await Tortoise.close_connections()
    await Tortoise.init(config=config)
    return url


async def close_bench_database(postgres: str | None) -> None:
    """Drop a PostgreSQL benchmark database (SQLite's folder is temporary); disconnect."""
    if postgres:
        await Tortoise._drop_databases()
    await Tortoise.close_connections()


def postgres_argument(arguments: list[str]) -> str | None:
    """Take `--postgres URL` out of the arguments, if given."""
    if "--postgres" not in arguments:
        return None
    position = arguments.index("--postgres")
    url = arguments[position + 1]
    del arguments[position : position + 2]
    return url
