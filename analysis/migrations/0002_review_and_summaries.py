from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('accounts', '0001_initial'), ('analysis', '0001_initial'), ('surveys', '0003_respondent_type_search')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AnswerReview',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('answer', fields.OneToOneField('surveys.Answer', source_field='answer_id', db_constraint=True, to_field='id', related_name='review', on_delete=OnDelete.CASCADE)),
                ('officer', fields.ForeignKeyField('accounts.User', source_field='officer_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('model_version', fields.CharField(null=True, max_length=20)),
                ('reviewed_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'answer_review', 'app': 'analysis', 'pk_attr': 'id', 'table_description': 'An officer has decided every theme on this answer (the latest review is kept).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PublishedSummary',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='summaries', on_delete=OnDelete.CASCADE)),
                ('figures', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('published_by', fields.ForeignKeyField('accounts.User', source_field='published_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'published_summary', 'app': 'analysis', 'pk_attr': 'id', 'table_description': 'A themed summary as published: figures already suppressed, fixed until published again.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SummaryQuote',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='quotes', on_delete=OnDelete.CASCADE)),
                ('answer', fields.ForeignKeyField('surveys.Answer', source_field='answer_id', db_constraint=True, to_field='id', related_name='quotes', on_delete=OnDelete.CASCADE)),
                ('theme', fields.CharField(max_length=40)),
                ('chosen_by', fields.ForeignKeyField('accounts.User', source_field='chosen_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'summary_quote', 'app': 'analysis', 'unique_together': (('answer', 'theme'),), 'pk_attr': 'id', 'table_description': 'An answer an officer chose to quote, in its own language, for one theme in the summary.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='AnswerTheme',
            name='machine_present',
            field=fields.BooleanField(null=True),
        ),
    ]
