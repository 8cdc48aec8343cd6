from tortoise import migrations
from tortoise.migrations import operations as ops
from surveys.models import RespondentType
from tortoise import fields

from surveys.models import searchable_text


async def fill_search_text(apps, schema_editor):
    """Answers stored before `search_text` existed get it, so searches find them too."""
    client = schema_editor.client
    mark = "?" if client.capabilities.dialect == "sqlite" else "$1"
    other = "?" if client.capabilities.dialect == "sqlite" else "$2"
    rows = await client.execute_query_dict("SELECT id, text FROM answer WHERE text IS NOT NULL")
    for row in rows:
        await client.execute_query(
            f"UPDATE answer SET search_text = {mark} WHERE id = {other}",
            [searchable_text(row["text"]), row["id"]],
        )


class Migration(migrations.Migration):
    dependencies = [('accounts', '0001_initial'), ('surveys', '0001_initial'), ('surveys', '0002_translation_workflow')]

    initial = False

    operations = [
        ops.AlterModelOptions(
            name='Answer',
            options={'table': 'answer', 'app': 'surveys', 'unique_together': (('response', 'question'),), 'pk_attr': 'id', 'table_description': 'One answer to one question. `search_text` is `text` as searches compare it.'},
        ),
        ops.AddField(
            model_name='Answer',
            name='search_text',
            field=fields.TextField(null=True, unique=False),
        ),
        ops.AddField(
            model_name='Response',
            name='respondent_type',
            field=fields.CharEnumField(default=RespondentType.INDIVIDUAL, description='INDIVIDUAL: individual\nORGANISATION: organisation', enum_type=RespondentType, max_length=12),
        ),
        ops.RunPython(fill_search_text, ops.RunPython.noop),
    ]
