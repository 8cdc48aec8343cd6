from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops

from surveys.models import TextStatus
from translations.models import TextAction


class Migration(migrations.Migration):
    dependencies = [("surveys", "0002_translation_workflow"), ("accounts", "0001_initial")]

    initial = True

    operations = [
        ops.CreateModel(
            name="TextHistory",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "unit",
                    fields.ForeignKeyField(
                        "surveys.TextUnit",
                        source_field="unit_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="history",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "user",
                    fields.ForeignKeyField(
                        "accounts.User",
                        source_field="user_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name=False,
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                (
                    "action",
                    fields.CharEnumField(
                        description="EDITED: edited\nSUBMITTED: submitted\nAPPROVED: approved\nRETURNED: returned\nCONFIRMED: confirmed\nIMPORTED: imported\nSOURCE_CHANGED: source_changed",
                        enum_type=TextAction,
                        max_length=20,
                    ),
                ),
                ("old_text", fields.TextField(null=True, unique=False)),
                ("new_text", fields.TextField(null=True, unique=False)),
                (
                    "old_status",
                    fields.CharEnumField(
                        null=True,
                        description="MISSING: missing\nDRAFT: draft\nIN_REVIEW: in_review\nAPPROVED: approved",
                        enum_type=TextStatus,
                        max_length=16,
                    ),
                ),
                (
                    "new_status",
                    fields.CharEnumField(
                        null=True,
                        description="MISSING: missing\nDRAFT: draft\nIN_REVIEW: in_review\nAPPROVED: approved",
                        enum_type=TextStatus,
                        max_length=16,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={"table": "text_history", "app": "translations", "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
