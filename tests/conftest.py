"""Suite-wide fixtures: one migrated database with the demo, the app, an HTTP client, the tagger."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from tortoise import Tortoise
from tortoise.migrations.api import migrate

from analysis.tagger import ModelsMissing, ThemeTagger
from consult.app import create_app
from consult.database import tortoise_config
from consult.settings import Settings, load_settings
from surveys.demo import load_demo
from tests.databases import throwaway_database

TEST_SECRET = "test-secret-key-not-for-production"


@pytest.fixture(scope="session")
def database_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("database")


@pytest.fixture(scope="session")
async def database_url(database_folder: Path) -> AsyncIterator[str]:
    """A migrated database holding the demo consultation, on TEST_DATABASE_URL's engine."""
    async with throwaway_database(os.environ.get("TEST_DATABASE_URL"), database_folder) as url:
        config = tortoise_config(url)
        await migrate(config=config)
        await Tortoise.close_connections()
        await Tortoise.init(config=config, _enable_global_fallback=True)
        await load_demo()
        yield url
        await Tortoise.close_connections()


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return load_settings(
        env_file=None, environ={"SECRET_KEY": TEST_SECRET, "DATABASE_URL": database_url}
    )


@pytest.fixture(scope="session")
def app(settings: Settings) -> Starlette:
    # The session fixture above holds Tortoise open, so the app's lifespan is not run here;
    # the browser tests run the real server, lifespan included.
    return create_app(settings)


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture(autouse=True)
def _database_ready(database_url: str) -> None:
    """Every test may use the ORM: the session database is set up before the first one."""


@pytest.fixture(scope="session")
def tagger() -> ThemeTagger:
    """The trained theme models, built by `make test` (`consult train-tagger`) when missing."""
    try:
        return ThemeTagger()
    except ModelsMissing:
        pytest.fail("No trained theme models: run `make test` or `consult train-tagger`.")
