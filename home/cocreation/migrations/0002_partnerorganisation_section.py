"""The organisation's section, its page in the partners app (moved from home with it; the
column is already there)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cocreation', '0001_initial'),
        ('partners', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name='partnerorganisation',
                    name='section',
                    field=models.OneToOneField(blank=True, editable=False, help_text="The organisation's own page on the site, created with it. Its editors write it; renaming the organisation does not change it.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='section_of', to='partners.partnerpage'),
                ),
            ],
        ),
    ]
