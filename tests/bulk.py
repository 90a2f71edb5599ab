"""Many live pages fast, for query-budget tests and benchmarks.

Page trees are normally grown one `add_child` at a time (a dozen queries per page). Here the
Page rows go in with one bulk insert (tree paths computed like treebeard does) and the
specific model's rows with a second one, so thousands of pages take seconds. The rows are
what `add_child` would write, minus revisions and search entries."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page


def add_live_children(parent, model, count, fields, now=None):
    """Add ``count`` live ``model`` pages under ``parent``; ``fields(number)`` gives each
    page's title and slug and its model's own fields (``number`` counts on from the
    parent's existing children). Returns the pages, saved."""
    now = now or timezone.now()
    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(model)
    depth = parent.depth + 1
    pages = []
    for number in range(parent.numchild + 1, parent.numchild + 1 + count):
        values = fields(number)
        pages.append(
            model(
                draft_title=values["title"],
                path=model._get_path(parent.path, depth, number),
                depth=depth,
                numchild=0,
                url_path=f"{parent.url_path}{values['slug']}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                **values,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    for page in pages:
        page.page_ptr_id = page.id
    fields = list(model._meta.local_concrete_fields)
    model._base_manager._insert(pages, fields=fields, using="default")
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    return pages
