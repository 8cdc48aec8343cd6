from tortoise import migrations
from tortoise.migrations import operations as ops
from consult.accounts.models import Role
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('accounts', '0001_initial')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='User',
            name='role',
            field=fields.CharEnumField(description='ADMIN: admin\nOFFICER: officer\nTRANSLATOR: translator\nGROUP_REPRESENTATIVE: group_rep', enum_type=Role, max_length=12),
        ),
    ]
