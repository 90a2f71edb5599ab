"""Give every language rule the fingerprint of the shipped values it was seeded with
(``shipped_fingerprint``), so later releases can update the rules nobody edited: a rule
seeded before counts as unedited when its values are a version that was ever shipped
(``shipped_rule_versions.json``, frozen from the rule files' history) or the current one.
Then sync the rules with the current files (``rule_sync``): rules whose shipped version
changed are updated, rules no longer shipped are switched off, edited rules are kept."""

import json
from pathlib import Path

from django.db import migrations, models

from home.language_check import rules
from home.language_check.rule_sync import backfill_into

VERSIONS_FILE = Path(__file__).resolve().parents[1] / "shipped_rule_versions.json"


def known_versions():
    return set(json.loads(VERSIONS_FILE.read_text(encoding="utf-8"))["fingerprints"])


def backfill_and_sync(apps, schema_editor):
    model = apps.get_model("language_check", "LanguageRule")
    backfill_into(model, rules.load_rules(), known_versions())
    rules.sync_rules(model, apps.get_model("language_check", "PageLanguageCheck"))


class Migration(migrations.Migration):
    dependencies = [("language_check", "0006_seed_rules_per_locale")]

    operations = [
        migrations.AddField(
            model_name="languagerule",
            name="shipped_fingerprint",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="A fingerprint of the shipped values this rule was seeded or last "
                "updated with; while the rule still has them, a new release may update it. "
                "Empty for rules administrators added.",
                max_length=64,
                verbose_name="Shipped version",
            ),
        ),
        migrations.RunPython(backfill_and_sync, migrations.RunPython.noop),
    ]
