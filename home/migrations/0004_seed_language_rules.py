"""Seed the starting language & safe-messaging rules (only the missing ones)."""

from django.db import migrations

from home.language_check.rules import seed_into


def seed(apps, schema_editor):
    seed_into(apps.get_model("home", "LanguageRule"))


class Migration(migrations.Migration):
    dependencies = [("home", "0003_cocreation")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
