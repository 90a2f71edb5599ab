"""Seed the per-locale starting rules (all ten locales, only the missing ones), switch off
the first rule set's unedited rules they replace, and fill in ``unless`` on rules seeded
before that field existed."""

from django.db import migrations

from home.language_check.rules import retire_and_complete, seed_into


def seed(apps, schema_editor):
    model = apps.get_model("language_check", "LanguageRule")
    seed_into(model)
    retire_and_complete(model)


class Migration(migrations.Migration):
    dependencies = [("language_check", "0005_rule_context_unless")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
