"""Compare the models with the committed migrations."""

from __future__ import annotations

from tortoise import Tortoise
from tortoise.migrations.autodetector import MigrationAutodetector

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
