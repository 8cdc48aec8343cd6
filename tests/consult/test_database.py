"""The suite runs on the engine `make test` asked for, so both runs mean something."""

from __future__ import annotations

import os

from tortoise import connections


async def test_the_suite_runs_on_the_requested_engine(database_url: str) -> None:
    requested = os.environ.get("TEST_DATABASE_URL", "sqlite")
    dialect = connections.get("default").capabilities.dialect
    assert dialect == ("postgres" if requested.startswith("postgres") else "sqlite")
