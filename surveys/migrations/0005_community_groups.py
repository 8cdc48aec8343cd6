from tortoise import migrations
from tortoise.migrations import operations as ops
from surveys.groups.models import GatheringMethod, OrganisationKind
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('accounts', '0001_initial'), ('surveys', '0004_response_consultation_index')]

    initial = False

    operations = [
        ops.CreateModel(
            name='GroupStatement',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('response', fields.OneToOneField('surveys.Response', source_field='response_id', db_constraint=True, to_field='id', related_name='group_statement', on_delete=OnDelete.CASCADE)),
                ('members', fields.IntField()),
                ('method', fields.CharEnumField(description='MEETING: meeting\nSURVEY: survey\nINTERVIEWS: interviews\nOTHER: other', enum_type=GatheringMethod, max_length=20)),
                ('gathered_on', fields.DateField()),
                ('submitted_by', fields.ForeignKeyField('accounts.User', source_field='submitted_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'group_statement', 'app': 'surveys', 'pk_attr': 'id', 'table_description': 'What a representative states with a group response: how many, how and when gathered.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Organisation',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(max_length=200)),
                ('kind', fields.CharEnumField(description='FAITH_GROUP: faith_group\nRESIDENTS_ASSOCIATION: residents_association\nCHARITY: charity\nUSER_GROUP: user_group\nSCHOOL: school\nOTHER: other', enum_type=OrganisationKind, max_length=30)),
                ('borough', fields.CharField(max_length=60)),
                ('contact_name', fields.CharField(max_length=120)),
                ('contact_email', fields.CharField(max_length=254)),
                ('verified_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('verified_by', fields.ForeignKeyField('accounts.User', source_field='verified_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'organisation', 'app': 'surveys', 'pk_attr': 'id', 'table_description': 'A community group, unverified until an officer verifies it. It may respond either way.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Representative',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.OneToOneField('accounts.User', source_field='user_id', db_constraint=True, to_field='id', related_name='representative', on_delete=OnDelete.CASCADE)),
                ('organisation', fields.ForeignKeyField('surveys.Organisation', source_field='organisation_id', db_constraint=True, to_field='id', related_name='representatives', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'representative', 'app': 'surveys', 'pk_attr': 'id', 'table_description': 'A staff account that speaks for one organisation.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Response',
            name='organisation',
            field=fields.ForeignKeyField('surveys.Organisation', source_field='organisation_id', null=True, db_constraint=True, to_field='id', related_name='responses', on_delete=OnDelete.RESTRICT),
        ),
    ]
