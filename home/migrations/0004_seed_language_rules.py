"""Seed the starting language & safe-messaging rules (only the missing ones)."""

from django.db import migrations


def seed(apps, schema_editor):
    from home.language_check.rules import RULES

    LanguageRule = apps.get_model("home", "LanguageRule")
    for data in RULES:
        LanguageRule.objects.get_or_create(
            language=data["language"],
            phrase=data["phrase"],
            defaults={k: v for k, v in data.items() if k not in ("language", "phrase")},
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0003_cocreation")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
