"""Compare the models with the committed migrations, and a database with both."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise import Tortoise, connections
from tortoise.migrations.autodetector import MigrationAutodetector
from tortoise.migrations.loader import MigrationLoader
from tortoise.migrations.recorder import MigrationRecorder

from consult.database import tortoise_config


async def pending_model_changes(database_url: str) -> list[str]:
    """Names of the migrations `makemigrations` would write now; empty when they agree."""
    config = tortoise_config(database_url)
    context = await Tortoise.init(config=config, init_connections=False)
    try:
        assert context.apps is not None
        autodetector = MigrationAutodetector(context.apps, config["apps"])
        writers = await autodetector.changes()
        return [f"{writer.app_label}.{writer.name}" for writer in writers]
    finally:
        await Tortoise.close_connections()


@dataclass(frozen=True)
class RecordedMigrations:
    """How a database's migrations table compares with the migrations in the code."""

    not_applied: list[str]
    unknown_to_code: list[str]

    @property
    def agree(self) -> bool:
        return not self.not_applied and not self.unknown_to_code


async def recorded_migrations(database_url: str) -> RecordedMigrations:
    """Compare the migrations the database records as applied with those the code has."""
    config = tortoise_config(database_url)
    await Tortoise.init(config=config)
    try:
        loader = MigrationLoader(config["apps"], MigrationRecorder(connections.get("default")))
        loader.load_disk()
        in_code = set(loader.disk_migrations)
        applied = set(await loader.recorder.applied_migrations())
    finally:
        await Tortoise.close_connections()
    return RecordedMigrations(
        not_applied=sorted(str(key) for key in in_code - applied),
        unknown_to_code=sorted(str(key) for key in applied - in_code),
    )
