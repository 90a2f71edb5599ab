"""Once seeded the first language & safe-messaging rules.

The starting rules are now seeded by ``language_check 0006_seed_rules_per_locale`` from the
current rule files (home/language_check/rules/). Seeding them here, into the table's first
shape, cannot work any more: some wordings are longer than its 255 characters (PostgreSQL
refuses them) and it has no place for context rules' ``unless``. Databases that ran this
migration before keep the rules it added; 0006 switches off those that were replaced.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0003_cocreation")]

    operations = []
