"""Keeping social cards: one PNG per page and published revision in media storage
(``social-cards/<page id>/<language>-<revision>-v<drawing version>.png``), served at the
stable address ``/social-cards/<page id>.png`` (``?v=<revision>`` tells caches of social
networks that the picture changed).

A card is drawn the first time it is asked for, and, where a worker runs, on publication in
the background (``OPENLY_SOCIAL_CARDS_ON_PUBLISH``, site/settings/operations.py), which also
removes the page's cards of earlier revisions. Unpublishing or deleting a page
removes its cards once the change is committed, so a withdrawn story's title does not stay
behind in a picture.
"""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from home.models import SharedPage
from home.social_cards.drawing import CardText, render_png

logger = logging.getLogger(__name__)

FOLDER = "social-cards"
# Raised when the drawing changes, so that cards already kept are drawn again.
DRAWING_VERSION = 1


def has_card(page):
    """Is ``page`` a page type shared with a social card?"""
    return isinstance(page, SharedPage)


def card_url(page):
    """The card's address (a path) for the page's live revision; no query."""
    path = reverse("social_card", kwargs={"page_id": page.pk})
    return f"{path}?v={page.live_revision_id or 0}"


def card_name(page):
    """The storage name of ``page``'s card for its live revision (its locale read)."""
    language = page.locale.language_code
    revision = page.live_revision_id or 0
    return f"{FOLDER}/{page.pk}/{language}-{revision}-v{DRAWING_VERSION}.png"


def card_text(page):
    """What the card of ``page`` says, in the page's language."""
    language = page.locale.language_code
    with translation.override(language):
        return CardText(
            label=str(capfirst(page._meta.verbose_name)),
            title=page.title,
            note=str(page.social_card_note() or ""),
            language=language,
            rtl=language in settings.OPENLY_RTL_LANGUAGES,
        )


def card_png(page):
    """The PNG of ``page``'s card: the kept one, or drawn now and kept."""
    name = card_name(page)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as kept:
            return kept.read()
    png = render_png(card_text(page))
    try:
        default_storage.save(name, ContentFile(png))
    except OSError:
        # A full or read-only storage still lets the reader have the picture.
        logger.warning("Could not keep the social card %s", name, exc_info=True)
    return png


def _kept_names(page_id):
    folder = f"{FOLDER}/{page_id}"
    try:
        _folders, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [f"{folder}/{name}" for name in files]


def forget(page_id, keep=""):
    """Remove the kept cards of page ``page_id`` (all but ``keep``)."""
    for name in _kept_names(page_id):
        if name != keep:
            default_storage.delete(name)


def live_page(page_id):
    """The live, public page ``page_id`` when it has a card, else None."""
    page = Page.objects.live().public().filter(pk=page_id).select_related("locale").first()
    if page is None:
        return None
    page = page.specific
    return page if has_card(page) else None


@task()
def draw_card_task(page_id):
    """Draw and keep the card of the page's live revision; remove its older cards."""
    page = live_page(page_id)
    if page is None:
        return False
    card_png(page)
    forget(page_id, keep=card_name(page))
    return True


def _queue(page_id):
    try:
        draw_card_task.enqueue(page_id)
    except Exception:  # noqa: BLE001 - a broken queue must never fail a publication
        logger.warning("Could not queue the social card of page %s", page_id, exc_info=True)


def on_published(sender, instance, **kwargs):
    """page_published receiver: draw the new card in the background."""
    if has_card(instance) and getattr(settings, "OPENLY_SOCIAL_CARDS_ON_PUBLISH", False):
        page_id = instance.pk
        transaction.on_commit(lambda: _queue(page_id), robust=True)


def on_removed(sender, instance, **kwargs):
    """page_unpublished and post_delete receiver: remove the page's cards."""
    if isinstance(instance, Page) and instance.pk is not None:
        page_id = instance.pk
        transaction.on_commit(lambda: forget(page_id), robust=True)


def connect():
    """Connect the receivers (HomeConfig.ready)."""
    page_published.connect(on_published, dispatch_uid="social-card-published")
    page_unpublished.connect(on_removed, dispatch_uid="social-card-unpublished")
    post_delete.connect(on_removed, dispatch_uid="social-card-deleted")
