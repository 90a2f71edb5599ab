"""Moving a model to another app without losing what points at it.

A model moved between apps keeps its table (``Meta.db_table``), and its ContentType row must
follow it: permissions, pages, workflow tasks and states, revisions, logs, search entries
and wagtail-localize's sources all name their model through that row's id. Renaming the
row's app label keeps every one of them pointing at the right model; letting Django create
a new row instead would orphan them all.
"""

from django.db import migrations


def rename_content_types(old_app_label, new_app_label, model_names):
    """A migration operation moving the content types of ``model_names`` (lower case) from
    ``old_app_label`` to ``new_app_label``, and back when unapplied. Run it in the migration
    that creates the moved models' state in their new app: content types are only created
    after migrating (post_migrate), so the rows are renamed before anything could create
    new ones. On a fresh database there is nothing to rename."""

    def move(apps, schema_editor, source, target):
        content_type = apps.get_model("contenttypes", "ContentType")
        rows = content_type.objects.using(schema_editor.connection.alias)
        for model_name in model_names:
            if rows.filter(app_label=target, model=model_name).exists():
                continue  # already moved (or created under the new label): keep it
            rows.filter(app_label=source, model=model_name).update(app_label=target)

    def forwards(apps, schema_editor):
        move(apps, schema_editor, old_app_label, new_app_label)

    def backwards(apps, schema_editor):
        move(apps, schema_editor, new_app_label, old_app_label)

    return migrations.RunPython(forwards, backwards)
