"""Create many live pages fast, for query budgets and the benchmarks.

Page trees are normally grown one ``add_child`` at a time (a dozen queries per page).
Here the Page rows go in with one bulk insert, their tree paths computed as treebeard
does (``MP_Node._get_path``: the parent's path plus a fixed-width step per level), then
the specific rows with a second insert, and the parent's child count is raised once.
The rows are what ``add_child`` and a publish would write, minus revisions, search
entries and signals (the cached listings are renewed as a publish would); so thousands of
pages take seconds.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from home.cache import retire_cached_content


def bulk_pages(parent, model, count, fields, now=None, batch_size=500):
    """Add ``count`` live ``model`` pages under ``parent`` and return them.

    ``fields(number)`` gives each page's ``title``, ``slug`` and specific fields, where
    ``number`` counts the parent's children from 1 (so numbers and slugs never repeat
    when pages are added again). Newer numbers are published later."""
    now = now or timezone.now()
    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(model)
    depth = parent.depth + 1
    first = parent.numchild + 1
    pages = []
    for number in range(first, first + count):
        values = dict(fields(number))
        title, slug = values.pop("title"), values.pop("slug")
        published = now - datetime.timedelta(minutes=first + count - number)
        pages.append(
            model(
                title=title,
                draft_title=title,
                slug=slug,
                path=model._get_path(parent.path, depth, number),
                depth=depth,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                **values,
            )
        )
    Page.objects.bulk_create(pages, batch_size=batch_size)
    for page in pages:
        page.page_ptr_id = page.id
    fields_to_insert = list(model._meta.local_concrete_fields)
    for start in range(0, len(pages), batch_size):
        model._base_manager._insert(
            pages[start : start + batch_size], fields=fields_to_insert, using="default"
        )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    # Bulk inserts send no signal: start a new content generation, as a publish does.
    retire_cached_content()
    return pages


def bulk_link(pages, relation, targets, per_page=1):
    """Link each of ``pages`` to ``per_page`` of ``targets`` (taken in turn) through the
    many-to-many ``relation`` (e.g. "topics"), in bulk."""
    if not pages or not targets:
        return
    field = type(pages[0])._meta.get_field(relation)
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    rows = []
    for offset, page in enumerate(pages):
        chosen = {targets[(offset + step) % len(targets)].pk for step in range(per_page)}
        rows.extend(through(**{source: page.pk, target: pk}) for pk in sorted(chosen))
    through.objects.bulk_create(rows, batch_size=1000)
