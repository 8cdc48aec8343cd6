from tortoise import migrations
from tortoise.migrations import operations as ops
from surveys.dataprotection.models import DataProtectionAction
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('accounts', '0001_initial'), ('accounts', '0002_group_representative_role'), ('surveys', '0006_uploads_formats_near_copies')]

    initial = False

    operations = [
        ops.CreateModel(
            name='DataProtectionLog',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('action', fields.CharEnumField(description='WITHDRAWN: withdrawn\nRETENTION_DATE_SET: retention_date_set\nRETENTION: retention', enum_type=DataProtectionAction, max_length=20)),
                ('consultation', fields.ForeignKeyField('surveys.Consultation', source_field='consultation_id', db_constraint=True, to_field='id', related_name='data_protection_log', on_delete=OnDelete.CASCADE)),
                ('responses', fields.IntField(default=0)),
                ('answers', fields.IntField(default=0)),
                ('performed_by', fields.ForeignKeyField('accounts.User', source_field='performed_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'data_protection_log', 'app': 'surveys', 'pk_attr': 'id', 'table_description': 'One withdrawal, retention date change or retention run, with what it affected.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Consultation',
            name='retain_text_until',
            field=fields.DateField(null=True),
        ),
        ops.AddField(
            model_name='Response',
            name='withdrawn_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
