"""The partner pages, moved from the home app: their tables already exist (home's
migrations made them), so this only records the models here and moves their content types
along (pages keep their page type)."""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from home.contenttypes import rename_content_types



class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('cocreation', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PartnerIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, help_text="One or two sentences shown on cards, in search results and when shared. Leave empty to use the page's search description.", max_length=400)),
                        ('intro', models.TextField(blank=True, help_text='A sentence or two above the list, e.g. how the organisations work together.', max_length=600)),
                    ],
                    options={
                        'verbose_name': 'partner index',
                        'db_table': 'home_partnerindexpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='PartnerPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, help_text="One or two sentences shown on cards, in search results and when shared. Leave empty to use the page's search description.", max_length=400)),
                        ('intro', wagtail.fields.RichTextField(blank=True, help_text='A short welcome from your organisation: who you are, who you work with and what you do in the coalition. Shown under your name and logo.')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('accordion', 16), ('call_to_action', 21)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'The heading text, short and clear.', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Sub-heading')], 'help_text': "Use 'Section heading' for main parts and 'Sub-heading' inside them."}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('home.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'help_text': "Choose an image and describe it for people who cannot see it. Only tick 'decorative' if the image adds no information."}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional text shown under the image.', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': "Who made the image, e.g. 'Photo: Maria K. / Mind Europe'.", 'max_length': 120, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('credit', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'help_text': 'The words being quoted.', 'max_length': 600}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said it. A first name or pseudonym is fine; leave empty if anonymous.', 'max_length': 120, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional heading above the questions.', 'max_length': 120, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'help_text': 'The question, as a reader asks it.', 'max_length': 200}), 13: ('home.blocks.ParagraphBlock', (), {'help_text': 'The answer, in plain language.'}), 14: ('wagtail.blocks.StructBlock', [[('question', 12), ('answer', 13)]], {}), 15: ('wagtail.blocks.ListBlock', (14,), {'help_text': 'At least one.', 'min_num': 1}), 16: ('wagtail.blocks.StructBlock', [[('heading', 11), ('items', 15)]], {}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': "The button label, e.g. 'Sign the pledge'.", 'max_length': 80}), 18: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'A page on this site, or…', 'required': False}), 19: ('wagtail.blocks.URLBlock', (), {'help_text': '…a web address, or…', 'required': False}), 20: ('wagtail.blocks.EmailBlock', (), {'help_text': '…an email address.', 'required': False}), 21: ('wagtail.blocks.StructBlock', [[('text', 17), ('page', 18), ('url', 19), ('email', 20)]], {})}, help_text='Optional: more about your work, e.g. your projects, how people can get involved or how to contact you. Your campaigns, events and resources are listed below it automatically.')),
                        ('organisation', models.ForeignKey(editable=False, help_text='The partner organisation this page presents. Set when it is created.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cocreation.partnerorganisation')),
                    ],
                    options={
                        'verbose_name': 'partner page',
                        'verbose_name_plural': 'partner pages',
                        'db_table': 'home_partnerpage',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
            ],
        ),
        rename_content_types("home", "partners", ["partnerindexpage", "partnerpage"]),
    ]
