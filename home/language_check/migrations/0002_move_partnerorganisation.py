"""References to the partner organisation follow it from the home app to co-creation (no
change in the database). Runs before home forgets the model."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    run_before = [('home', '0010_move_cocreation_and_partners')]

    dependencies = [
        ('cocreation', '0001_initial'),
        ('language_check', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='pagelanguagecheck',
                    name='organisation',
                    field=models.ForeignKey(blank=True, help_text="The page's partner organisation when it was checked.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cocreation.partnerorganisation'),
                ),
            ],
        ),
    ]
