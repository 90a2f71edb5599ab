"""Thin adapters from Wagtail's page signals to events.tracker.sync. A deleted page's
actions go with it through the database (their rows cascade); their history stays."""

from wagtail.signals import page_published, page_unpublished, post_page_move

from events.tracker import sync

PREFIX = "openly:tracker"


def _published(sender, instance, revision=None, **kwargs):
    sync.sync_page(instance, revision=revision)


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
