"""Give every topic, audience and crisis helpline that existed before drafts an initial
revision, marked as the live one.

The rows stay live (``live`` defaults to True). Without a revision Wagtail still edits them,
but the translation editor and the status panel take "no live revision" for "never
published", and comparing or reverting has nothing to start from. The revision holds the
row as it is now, so publishing the next change has a baseline to show it against.
"""

from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

MODELS = ["topic", "audience", "crisishelpline"]


def _object_str(model_name, row):
    # Historical models have no __str__; mirror the real models' own.
    if model_name == "crisishelpline":
        return f"{row.name} ({row.country})"
    return row.name


def create_initial_revisions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    now = timezone.now()
    for model_name in MODELS:
        model = apps.get_model("home", model_name)
        content_type, _created = ContentType.objects.get_or_create(
            app_label="home", model=model_name
        )
        for row in model.objects.filter(latest_revision__isnull=True).iterator():
            revision = Revision.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(row.pk),
                created_at=now,
                object_str=_object_str(model_name, row),
                content=get_serializable_data_for_fields(row),
            )
            model.objects.filter(pk=row.pk).update(
                latest_revision=revision, live_revision=revision if row.live else None
            )


def remove_initial_revisions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    for model_name in MODELS:
        content_type = ContentType.objects.filter(app_label="home", model=model_name).first()
        if content_type is not None:
            Revision.objects.filter(base_content_type=content_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0007_snippet_drafts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_initial_revisions, remove_initial_revisions)]
