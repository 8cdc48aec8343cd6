from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('surveys', '0001_initial'), ('accounts', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='WordingSnapshot',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='wording_snapshots', on_delete=OnDelete.CASCADE)),
                ('language', fields.CharField(max_length=16)),
                ('digest', fields.CharField(unique=True, max_length=64)),
                ('texts', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'wording_snapshot', 'app': 'surveys', 'pk_attr': 'id', 'table_description': "Exactly the wording a respondent read: every field's text in their language."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Response',
            name='wording',
            field=fields.ForeignKeyField('surveys.WordingSnapshot', source_field='wording_id', null=True, db_constraint=True, to_field='id', related_name='responses', on_delete=OnDelete.RESTRICT),
        ),
        ops.AddField(
            model_name='TextUnit',
            name='reviewed_by',
            field=fields.ForeignKeyField('accounts.User', source_field='reviewed_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='TextUnit',
            name='source_text',
            field=fields.TextField(null=True, unique=False),
        ),
        ops.AddField(
            model_name='TextUnit',
            name='translated_by',
            field=fields.ForeignKeyField('accounts.User', source_field='translated_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL),
        ),
    ]
