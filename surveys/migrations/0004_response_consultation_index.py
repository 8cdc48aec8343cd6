from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('accounts', '0001_initial'), ('surveys', '0001_initial'), ('surveys', '0002_translation_workflow'), ('surveys', '0003_respondent_type_search')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Response',
            index=Index(fields=['consultation_id', 'submitted_at']),
        ),
    ]
