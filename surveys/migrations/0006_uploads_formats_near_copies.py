from tortoise import migrations
from tortoise.migrations import operations as ops
from surveys.formats.models import FormatKind
from tortoise.fields.base import OnDelete
from tortoise import fields

from surveys.fingerprints import near_copy_keys


async def fill_near_copy_keys(apps, schema_editor):
    """Answers stored before the keys existed get them, so campaigns include them too."""
    client = schema_editor.client
    sqlite = client.capabilities.dialect == "sqlite"
    marks = ["?"] * 5 if sqlite else [f"${n}" for n in range(1, 6)]
    rows = await client.execute_query_dict("SELECT id, text FROM answer WHERE text IS NOT NULL")
    for row in rows:
        keys = near_copy_keys(row["text"])
        if keys is None:
            continue
        await client.execute_query(
            f"UPDATE answer SET near_copy_key_1 = {marks[0]}, near_copy_key_2 = {marks[1]}, "
            f"near_copy_key_3 = {marks[2]}, near_copy_key_4 = {marks[3]} WHERE id = {marks[4]}",
            [*keys, row["id"]],
        )

class Migration(migrations.Migration):
    dependencies = [('accounts', '0002_group_representative_role'), ('surveys', '0005_community_groups')]

    initial = False

    operations = [
        ops.CreateModel(
            name='FormatRequest',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='format_requests', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='LARGE_PRINT: large_print\nBRAILLE: braille\nAUDIO: audio\nEASY_READ: easy_read\nOTHER_LANGUAGE: other_language\nPHONE_HELP: phone_help', enum_type=FormatKind, max_length=20)),
                ('language', fields.CharField(max_length=16)),
                ('wanted_language', fields.CharField(default='', max_length=100)),
                ('name', fields.CharField(max_length=120)),
                ('contact', fields.TextField(unique=False)),
                ('notes', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('done_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('done_by', fields.ForeignKeyField('accounts.User', source_field='done_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'format_request', 'app': 'surveys', 'pk_attr': 'id', 'table_description': 'Someone asks for a consultation in a format we send on request.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='UploadBatch',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='uploads', on_delete=OnDelete.RESTRICT)),
                ('language', fields.CharField(max_length=16)),
                ('digest', fields.CharField(max_length=64)),
                ('filename', fields.CharField(max_length=200)),
                ('rows', fields.IntField()),
                ('uploaded_by', fields.ForeignKeyField('accounts.User', source_field='uploaded_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('organisation', fields.ForeignKeyField('surveys.Organisation', source_field='organisation_id', null=True, db_constraint=True, to_field='id', related_name='uploads', on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'upload_batch', 'app': 'surveys', 'unique_together': (('consultation', 'digest'),), 'pk_attr': 'id', 'table_description': 'A whole file of responses, stored in one transaction or not at all.'},
            bases=['Model'],
        ),
        ops.AlterModelOptions(
            name='Answer',
            options={'table': 'answer', 'app': 'surveys', 'unique_together': (('response', 'question'),), 'pk_attr': 'id', 'table_description': 'One answer to one question.'},
        ),
        ops.AddField(
            model_name='Answer',
            name='near_copy_key_1',
            field=fields.BigIntField(null=True),
        ),
        ops.AddField(
            model_name='Answer',
            name='near_copy_key_2',
            field=fields.BigIntField(null=True),
        ),
        ops.AddField(
            model_name='Answer',
            name='near_copy_key_3',
            field=fields.BigIntField(null=True),
        ),
        ops.AddField(
            model_name='Answer',
            name='near_copy_key_4',
            field=fields.BigIntField(null=True),
        ),
        ops.AddField(
            model_name='Response',
            name='upload',
            field=fields.ForeignKeyField('surveys.UploadBatch', source_field='upload_id', null=True, db_constraint=True, to_field='id', related_name='responses', on_delete=OnDelete.RESTRICT),
        ),
        ops.RunPython(fill_near_copy_keys, ops.RunPython.noop),
    ]
