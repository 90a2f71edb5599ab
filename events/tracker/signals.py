"""Thin adapters from Wagtail's page signals to events.tracker.sync. A deleted page's
actions go with it through the database (their rows cascade); their history stays."""

import logging

from django.db import DatabaseError
from wagtail.signals import page_published, page_unpublished, post_page_move

from events.tracker import sync

logger = logging.getLogger(__name__)

PREFIX = "openly:tracker"


def _published(sender, instance, revision=None, **kwargs):
    # The index is rebuilt by `manage.py rebuild_action_tracker`: a failure to update it
    # (rolled back to its own savepoint) must not undo the editor's publication.
    try:
        sync.sync_page(instance, revision=revision)
    except DatabaseError as error:
        logger.warning(
            "The action tracker could not index page %s (%s).", instance.pk, type(error).__name__
        )


def _unpublished(sender, instance, **kwargs):
    sync.withdraw_page(instance.pk)


def _moved(sender, instance, **kwargs):
    if instance.live:
        sync.sync_page(instance)


def connect():
    """Connect the receivers (once, from TrackerConfig.ready). Every page class is
    watched: whether it holds actions is asked of the page (duck typing)."""
    page_published.connect(_published, dispatch_uid=f"{PREFIX}:published")
    page_unpublished.connect(_unpublished, dispatch_uid=f"{PREFIX}:unpublished")
    post_page_move.connect(_moved, dispatch_uid=f"{PREFIX}:moved")
