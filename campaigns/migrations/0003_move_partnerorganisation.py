"""References to the partner organisation follow it from the home app to co-creation (no
change in the database). Runs before home forgets the model."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    run_before = [('home', '0010_move_cocreation_and_partners')]

    dependencies = [
        ('campaigns', '0002_resources_and_pledges'),
        ('cocreation', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='campaignpage',
                    name='organisation',
                    field=models.ForeignKey(help_text='The partner organisation responsible for this page. Its editors can edit the page and its lead reviews it before publication.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cocreation.partnerorganisation'),
                ),
                migrations.AlterField(
                    model_name='campaignpage',
                    name='partners',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='The partner organisations running the campaign together.', related_name='campaigns', to='cocreation.partnerorganisation'),
                ),
                migrations.AlterField(
                    model_name='resourcepage',
                    name='organisation',
                    field=models.ForeignKey(help_text='The partner organisation responsible for this page. Its editors can edit the page and its lead reviews it before publication.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cocreation.partnerorganisation'),
                ),
            ],
        ),
    ]
