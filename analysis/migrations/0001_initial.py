from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from analysis.models import JobStatus, TagSource
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('accounts', '0001_initial'), ('surveys', '0001_initial'), ('surveys', '0002_translation_workflow')]

    initial = True

    operations = [
        ops.CreateModel(
            name='AnswerTagging',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('answer', fields.OneToOneField('surveys.Answer', source_field='answer_id', db_constraint=True, to_field='id', related_name='tagging', on_delete=OnDelete.CASCADE)),
                ('language', fields.CharField(null=True, max_length=16)),
                ('model_version', fields.CharField(null=True, max_length=20)),
                ('attempts', fields.IntField(default=0)),
                ('last_error', fields.TextField(null=True, unique=False)),
                ('tagged_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'answer_tagging', 'app': 'analysis', 'pk_attr': 'id', 'table_description': 'Where an answer stands with the tagger: the language found and the model that tagged it.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AnswerTheme',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('answer', fields.ForeignKeyField('surveys.Answer', source_field='answer_id', db_constraint=True, to_field='id', related_name='themes', on_delete=OnDelete.CASCADE)),
                ('theme', fields.CharField(max_length=40)),
                ('present', fields.BooleanField(default=True)),
                ('score', fields.FloatField(null=True)),
                ('evidence', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('model_version', fields.CharField(null=True, max_length=20)),
                ('source', fields.CharEnumField(description='MACHINE: machine\nOFFICER: officer', enum_type=TagSource, max_length=10)),
                ('officer', fields.ForeignKeyField('accounts.User', source_field='officer_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('is_current', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'answer_theme', 'app': 'analysis', 'indexes': [Index(fields=['answer_id', 'theme', 'is_current'])], 'pk_attr': 'id', 'table_description': "One theme's decision on one answer. Never updated in place: a new row replaces it."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RetagJob',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='retag_jobs', on_delete=OnDelete.CASCADE)),
                ('model_version', fields.CharField(max_length=20)),
                ('status', fields.CharEnumField(default=JobStatus.QUEUED, description='QUEUED: queued\nRUNNING: running\nDONE: done\nFAILED: failed', enum_type=JobStatus, max_length=10)),
                ('total', fields.IntField(default=0)),
                ('done', fields.IntField(default=0)),
                ('started_by', fields.ForeignKeyField('accounts.User', source_field='started_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('error', fields.TextField(null=True, unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'retag_job', 'app': 'analysis', 'pk_attr': 'id', 'table_description': 'Re-tag every answer of a consultation with the current model, resumable after a restart.'},
            bases=['Model'],
        ),
    ]
