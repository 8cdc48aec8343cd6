"""Config for the `tortoise` command: `tortoise -c consult.tortoise_cli_config.TORTOISE_ORM`."""

from consult.database import tortoise_config
from consult.settings import load_settings

TORTOISE_ORM = tortoise_config(load_settings().database_url)
