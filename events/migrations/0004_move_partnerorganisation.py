"""References to the partner organisation follow it from the home app to co-creation (no
change in the database). Runs before home forgets the model."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    run_before = [('home', '0010_move_cocreation_and_partners')]

    dependencies = [
        ('cocreation', '0001_initial'),
        ('events', '0003_session_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='eventactionpoint',
                    name='owner',
                    field=models.ForeignKey(blank=True, help_text='The partner organisation responsible for it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cocreation.partnerorganisation'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='organisation',
                    field=models.ForeignKey(help_text='The partner organisation responsible for this page. Its editors can edit the page and its lead reviews it before publication.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cocreation.partnerorganisation'),
                ),
            ],
        ),
    ]
