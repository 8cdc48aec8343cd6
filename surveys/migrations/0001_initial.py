from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from surveys.models import Channel, ConsultationStatus, QuestionType, TextOrigin, TextStatus
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Consultation',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('slug', fields.CharField(unique=True, max_length=80)),
                ('status', fields.CharEnumField(default=ConsultationStatus.DRAFT, description='DRAFT: draft\nOPEN: open\nCLOSED: closed', enum_type=ConsultationStatus, max_length=6)),
                ('opens_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('closes_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('source_language', fields.CharField(default='en', max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'consultation', 'app': 'surveys', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Question',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='questions', on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(max_length=60)),
                ('version', fields.IntField(default=1)),
                ('position', fields.IntField()),
                ('type', fields.CharEnumField(description='FREE_TEXT: free_text\nSINGLE_CHOICE: single_choice\nMULTIPLE_CHOICE: multiple_choice', enum_type=QuestionType, max_length=20)),
                ('required', fields.BooleanField(default=False)),
                ('max_length', fields.IntField(default=2000)),
                ('retired_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'question', 'app': 'surveys', 'unique_together': (('consultation', 'key', 'version'),), 'pk_attr': 'id', 'table_description': 'One question. Once answered it is never edited: a revision retires it for a new one.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Option',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('question', fields.ForeignKeyField('surveys.Question', source_field='question_id', db_constraint=True, to_field='id', related_name='options', on_delete=OnDelete.CASCADE)),
                ('value', fields.CharField(max_length=60)),
                ('position', fields.IntField()),
            ],
            options={'table': 'option', 'app': 'surveys', 'unique_together': (('question', 'value'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Response',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='responses', on_delete=OnDelete.RESTRICT)),
                ('reference', fields.CharField(unique=True, max_length=20)),
                ('submission_token', fields.CharField(unique=True, max_length=64)),
                ('language', fields.CharField(max_length=16)),
                ('channel', fields.CharEnumField(default=Channel.WEB, description='WEB: web\nPAPER: paper\nGROUP: group', enum_type=Channel, max_length=10)),
                ('submitted_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'response', 'app': 'surveys', 'pk_attr': 'id', 'table_description': 'One submitted response. Deliberately holds no IP address and no user agent.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Answer',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('response', fields.ForeignKeyField('surveys.Response', source_field='response_id', db_constraint=True, to_field='id', related_name='answers', on_delete=OnDelete.CASCADE)),
                ('question', fields.ForeignKeyField('surveys.Question', source_field='question_id', db_constraint=True, to_field='id', related_name='answers', on_delete=OnDelete.RESTRICT)),
                ('text', fields.TextField(null=True, unique=False)),
                ('options', fields.ManyToManyField('surveys.Option', unique=True, db_constraint=True, through='answer_option', forward_key='option_id', backward_key='answer_id', related_name='answers', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'answer', 'app': 'surveys', 'unique_together': (('response', 'question'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ResponseDraft',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token', fields.CharField(unique=True, max_length=64)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='drafts', on_delete=OnDelete.CASCADE)),
                ('answers', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'response_draft', 'app': 'surveys', 'pk_attr': 'id', 'table_description': 'Answers a respondent has given so far, keyed by a random token in their session.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TextUnit',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='texts', on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(max_length=80)),
                ('language', fields.CharField(max_length=16)),
                ('text', fields.TextField(unique=False)),
                ('status', fields.CharEnumField(default=TextStatus.MISSING, description='MISSING: missing\nDRAFT: draft\nIN_REVIEW: in_review\nAPPROVED: approved', enum_type=TextStatus, max_length=16)),
                ('origin', fields.CharEnumField(description='SOURCE: source\nTRANSLATOR: translator\nIMPORTED: imported\nPROJECT_DRAFT: project_draft', enum_type=TextOrigin, max_length=16)),
                ('revision', fields.IntField(default=1)),
                ('source_revision', fields.IntField(null=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'text_unit', 'app': 'surveys', 'unique_together': (('consultation', 'key', 'language'),), 'pk_attr': 'id', 'table_description': 'The wording of one translatable field in one language.'},
            bases=['Model'],
        ),
    ]
