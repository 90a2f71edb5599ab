"""Co-creation's models, moved from the home app (partner organisations, language assignments
and the review task types): their tables already exist (home's migrations made them), so
this only records the models here and moves their content types along. The organisation's
section, which names the partners app's page, follows in 0002."""

import django.db.models.deletion
import django_countries.fields
import home.cocreation.models.tasks
import modelsearch.index
from django.conf import settings
from django.db import migrations, models

from home.contenttypes import rename_content_types



class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0009_move_language_check'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='LocaleReviewTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                    ],
                    options={
                        'verbose_name': 'Translation review',
                        'verbose_name_plural': 'Translation reviews',
                        'db_table': 'home_localereviewtask',
                    },
                    bases=(home.cocreation.models.tasks.ReviewTaskMixin, 'wagtailcore.task'),
                ),
                migrations.CreateModel(
                    name='PartnerLeadReviewTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                    ],
                    options={
                        'verbose_name': 'Partner lead review',
                        'verbose_name_plural': 'Partner lead reviews',
                        'db_table': 'home_partnerleadreviewtask',
                    },
                    bases=(home.cocreation.models.tasks.ReviewTaskMixin, 'wagtailcore.task'),
                ),
                migrations.CreateModel(
                    name='LocaleAssignment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('translator', 'Translator: translates into this language'), ('reviewer', 'Reviewer: approves translations into this language')], default='translator', help_text='Translators write translations; reviewers approve them before they go live.', max_length=20)),
                        ('locale', models.ForeignKey(help_text='The language they translate into or review.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale')),
                        ('user', models.ForeignKey(help_text='The person who works in this language.', on_delete=django.db.models.deletion.CASCADE, related_name='locale_assignments', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'language assignment',
                        'verbose_name_plural': 'language assignments',
                        'db_table': 'home_localeassignment',
                        'ordering': ['locale__language_code', 'role'],
                        'unique_together': {('user', 'locale', 'role')},
                    },
                ),
                migrations.CreateModel(
                    name='PartnerOrganisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(help_text="The organisation's name. Its page on the site starts with this title; renaming the organisation later does not change what its editors wrote there.", max_length=200, unique=True)),
                        ('slug', models.SlugField(help_text="A short web-address name, e.g. 'mind-europe'.", max_length=80, unique=True)),
                        ('country', django_countries.fields.CountryField(help_text='Where the organisation is based.', max_length=2)),
                        ('website', models.URLField(blank=True, help_text="The organisation's web address.")),
                        ('description', models.TextField(blank=True, help_text="Two or three sentences about what the organisation does. They start its page's summary on the site; after that its editors keep the page up to date.")),
                        ('collection', models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='organisation', to='wagtailcore.collection')),
                        ('editors_group', models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='edited_organisation', to='auth.group')),
                        ('leads_group', models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='led_organisation', to='auth.group')),
                        ('logo', models.ForeignKey(blank=True, help_text='Optional logo, shown on the content the organisation runs.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                    ],
                    options={
                        'verbose_name': 'partner organisation',
                        'verbose_name_plural': 'partner organisations',
                        'db_table': 'home_partnerorganisation',
                        'ordering': ['name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
        rename_content_types(
            "home",
            "cocreation",
            ["partnerorganisation", "localeassignment", "partnerleadreviewtask", "localereviewtask"],
        ),
    ]
