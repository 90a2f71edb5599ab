"""When something readers see changes: retire every cached page and chrome entry and ask
the frontend cache (Varnish) to drop its copies.

A change shows on many pages at once (listings, the home page, partner pages, feeds, the
sitemap, every language), so invalidation is all or nothing: ``content_changed()`` starts
a new content generation (home.cache), which retires every page of the embedded page cache
and every chrome entry in every process sharing the cache, and bans the site in Varnish.

It does so twice. At once, so the process that made the change reads its own writes (the
editor's next page, or the rest of a request that changed a helpline, shows the change).
And again after the transaction commits: until then other processes still read the old
rows, and a page they render between the first bump and the commit would otherwise be kept
under the new generation. A request keys its page by the generation it read when it began
(home.page_cache), so anything rendered from old rows is stored under a retired generation.
Varnish is banned only after the commit: banned earlier, it would fetch the old page again.

The core watches what it owns (pages, the moderated snippets, sites, locales, site
settings, view restrictions, redirects, images, documents). Apps connect their own models in
their ``AppConfig.ready()``: with ``watch()`` when every change shows, or with a receiver of
their own that calls ``content_changed()`` when only some do (pledge signatures).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from home.cache import forget_locales, retire_cached_content
from home.frontend_cache import purge_everything
from home.models import ModeratedSnippet, SiteSettings

PREFIX = "openly:content-changed"
# Saves that only touch these fields change nothing a reader sees: a draft saved as a new
# revision, a lock, a comment, an image's size worked out while a page renders.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "file_size",
        "file_hash",
    }
)
_watched = [Page, ModeratedSnippet]


def content_changed(**_signal_kwargs):
    """Retire the cached pages and chrome now and after the transaction commits, then ban
    the site in the frontend cache. Usable as a signal receiver."""
    retire_cached_content()
    if not _after_commit_pending():
        transaction.on_commit(_after_commit, robust=True)


def _after_commit():
    retire_cached_content()
    purge_everything()


def _after_commit_pending():
    """Is the commit work already waiting in this transaction? A publication sends a dozen
    signals, a page deleted with its subtree one per page: one ban per commit is enough.
    (Django keeps the waiting callbacks in ``run_on_commit``; a rolled-back savepoint takes
    its own out, so this never skips one that will not run.)"""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return False
    return any(callback is _after_commit for _ids, callback, _robust in connection.run_on_commit)


def shows(instance, update_fields=None):
    """Does saving ``instance`` (with ``update_fields``) change what readers see?"""
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return False
    # A draft is not shown; unpublishing one is announced by its own signal.
    return getattr(instance, "live", True) is not False


def _saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and isinstance(instance, tuple(_watched)) and shows(instance, update_fields):
        content_changed()


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, tuple(_watched)):
        content_changed()


def watch(*models):
    """Retire the cached content whenever an instance of one of ``models`` (or of a
    subclass) is saved in a way readers see, or deleted."""
    for model in models:
        if model not in _watched:
            _watched.append(model)


def connect():
    """Connect the receivers (once, from HomeConfig.ready)."""
    watch(
        Site,
        Locale,
        PageViewRestriction,
        CollectionViewRestriction,
        SiteSettings,
        Redirect,
        get_image_model(),
        get_document_model(),
    )
    # Receivers without a sender: pages and snippets are saved under their own class.
    post_save.connect(_saved, dispatch_uid=f"{PREFIX}:saved")
    post_delete.connect(_deleted, dispatch_uid=f"{PREFIX}:deleted")
    for signal in (post_save, post_delete):
        signal.connect(forget_locales, sender=Locale, dispatch_uid=f"{PREFIX}:locales:{signal}")
    for name, signal in [
        ("page-published", page_published),
        ("page-unpublished", page_unpublished),
        ("page-moved", post_page_move),
        ("published", published),
        ("unpublished", unpublished),
    ]:
        signal.connect(content_changed, dispatch_uid=f"{PREFIX}:{name}")
