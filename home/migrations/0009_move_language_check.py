"""The language checker's models moved to their own app (home.language_check, label
"language_check"). Their tables stay where they are: only Django's record of the models
changes here; language_check's 0001 takes them over and renames their content types."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0008_snippet_initial_revisions")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="AcceptedFinding"),
                migrations.DeleteModel(name="LanguageRule"),
                migrations.DeleteModel(name="PageLanguageCheck"),
                migrations.DeleteModel(name="LanguageCheckTask"),
                migrations.DeleteModel(name="LanguageCheckTaskState"),
            ],
        )
    ]
