"""The tracker's index, kept from the pages that hold actions: the one owner of its
lifecycle (the signal receivers in events.tracker.signals and the rebuild command call
it).

A page model takes part by defining ``tracked_actions()``, returning one dict per action:
``key`` (stable across edits and shared by the translations of one action), ``action``,
``organisation`` (a PartnerOrganisation or None), ``lead``, ``status`` (an
events.choices.ActionStatus value), ``due`` (a date or None) and ``evidence_url``.
Topics come from the page's ``topics`` where it has them; the country is the action's
organisation's, else the page's ``country``.

Publishing a page writes its actions (in its language) to the index and adds a history
entry for every status that changed; unpublishing or deleting it removes them from the
index and keeps their history, so a page published again continues where it was.
"""

import logging

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, get_page_models

from events.tracker.models import ActionStatusChange, TrackedAction, TrackedActionTopic

logger = logging.getLogger(__name__)

FIELDS = ("action", "organisation", "lead", "status", "due", "evidence_url")
PAGE_FIELDS = ("source_page", "source_type", "position", "country", "updated_at")


def tracks(page):
    """Does ``page`` (a specific page) hold actions for the tracker?"""
    return callable(getattr(page, "tracked_actions", None))


def tracking_models():
    """The page models that hold actions."""
    return [model for model in get_page_models() if tracks(model)]


def _topic_slugs(page):
    topics = getattr(page, "topics", None)
    if topics is None:
        return []
    if hasattr(topics, "values_list"):
        return list(topics.values_list("slug", flat=True))
    return [topic.slug for topic in topics]


def _country(organisation, page):
    """The ISO code of the organisation's country, else of the page's, else ""."""
    country = organisation.country if organisation is not None else None
    country = country or getattr(page, "country", "")
    return str(getattr(country, "code", country) or "")


def _last_statuses(keys, locale_id):
    """{key: the status its history ended with} for ``keys`` in one language."""
    changes = ActionStatusChange.objects.filter(key__in=keys, locale_id=locale_id)
    last = {}
    for key, status in changes.order_by("changed_at", "pk").values_list("key", "to_status"):
        last[key] = status
    return last


@transaction.atomic
def sync_page(page, revision=None, now=None):
    """Bring the index up to date with ``page`` (live: its actions now; not live: none).
    Returns the number of actions the page has in the index."""
    page = page.specific
    if not tracks(page):
        return 0
    if not page.live:
        withdraw_page(page.pk)
        return 0
    now = now or timezone.now()
    wanted = [item for item in page.tracked_actions() if item.get("key")]
    keys = [item["key"] for item in wanted]
    rows = TrackedAction.objects.filter(locale_id=page.locale_id)
    existing = {row.key: row for row in rows.filter(key__in=keys)}
    rows.filter(source_page_id=page.pk).exclude(key__in=keys).delete()
    last = _last_statuses(keys, page.locale_id)
    slugs = _topic_slugs(page)
    changes, created, updated = [], [], []
    for position, item in enumerate(wanted):
        values = {name: item.get(name) for name in FIELDS}
        values["lead"] = values["lead"] or ""
        values["evidence_url"] = values["evidence_url"] or ""
        values.update(
            source_page_id=page.pk,
            source_type=page._meta.label_lower,
            position=position,
            country=_country(values["organisation"], page),
            updated_at=now,
        )
        row = existing.get(item["key"])
        if row is None:
            row = TrackedAction(key=item["key"], locale_id=page.locale_id, **values)
            created.append(row)
        else:
            for name, value in values.items():
                setattr(row, name, value)
            updated.append(row)
        previous = last.get(item["key"], "")
        if previous != values["status"]:
            changes.append(
                ActionStatusChange(
                    key=item["key"],
                    locale_id=page.locale_id,
                    source_page_id=page.pk,
                    revision=revision,
                    from_status=previous,
                    to_status=values["status"],
                    changed_at=now,
                )
            )
    TrackedAction.objects.bulk_create(created)
    if updated:
        TrackedAction.objects.bulk_update(updated, [*FIELDS, *PAGE_FIELDS])
    ActionStatusChange.objects.bulk_create(changes)
    rows_now = created + updated
    TrackedActionTopic.objects.filter(action__in=rows_now).delete()
    TrackedActionTopic.objects.bulk_create(
        [TrackedActionTopic(action=row, slug=slug) for row in rows_now for slug in slugs]
    )
    return len(rows_now)


def withdraw_page(page_id):
    """Take the actions of page ``page_id`` out of the index (their history stays)."""
    TrackedAction.objects.filter(source_page_id=page_id).delete()


def rebuild():
    """Rebuild the index from every live page that holds actions, and drop what is no
    longer live. Returns the number of actions indexed."""
    total = 0
    with transaction.atomic():
        TrackedAction.objects.exclude(source_page__live=True).delete()
        models = tracking_models()
        pages = Page.objects.live().type(*models).specific() if models else []
        for page in pages:
            total += sync_page(page)
    logger.info("Action tracker rebuilt: %s actions", total)
    return total
