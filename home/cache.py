"""Site chrome served from Django's cache (locmem in development and tests, Redis in
production), so a public page does not read the menu, helplines, site settings and locales
from the database on every request.

Every cached value is plain data (ids, strings, lists and dicts) keyed by site and locale,
and nothing about a reader is stored. Invalidation is explicit: the receivers below run when
a model the chrome shows changes. Chrome entries carry a generation number kept in the cache
itself, so one write retires every site's and locale's entries in every worker process.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

PREFIX = "openly:chrome"
GENERATION_KEY = f"{PREFIX}:generation"
LOCALES_KEY = f"{PREFIX}:locales"
# Pages this deep or shallower are the home pages, the header menu and the get-help page.
CHROME_DEPTH = 3
# An upper bound, so an entry the receivers somehow missed still goes away eventually.
TIMEOUT = 60 * 60


def generation():
    """The current chrome generation; a new one is started if the cache lost it."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        # add(), not set(): if another process started one first, use theirs.
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY, value)
    return value


def invalidate_chrome():
    """Retire every cached chrome entry, for every site and locale."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def cached_chrome(name, parts, build):
    """The value ``build()`` returns, cached under ``name`` and ``parts`` (site id, locale
    id, …) for the current chrome generation. ``build`` must return plain data."""
    key = ":".join([PREFIX, name, str(generation()), *(str(part) for part in parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=TIMEOUT)
    return value


def _locale_ids():
    """{language code: Locale id} for every Locale, one query when the cache has none."""
    ids = cache.get(LOCALES_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "id"))
        cache.set(LOCALES_KEY, ids, timeout=None)
    return ids


def locale_for_language(language_code):
    """The Locale of a content language (as Locale.objects.get_for_language), from the
    cache; raises Locale.DoesNotExist or LookupError as Wagtail does."""
    code = get_supported_content_language_variant(language_code)
    pk = _locale_ids().get(code)
    if pk is None:
        raise Locale.DoesNotExist(code)
    # from_db() makes it look fetched, so saving it would update the row, not add one.
    return Locale.from_db("default", ["id", "language_code"], [pk, code])


def default_locale():
    """The source-language Locale (as Locale.get_default()), from the cache."""
    return locale_for_language(settings.LANGUAGE_CODE)


def current_locale():
    """The active language's Locale (as Locale.get_active()), from the cache."""
    try:
        return locale_for_language(translation.get_language())
    except (Locale.DoesNotExist, LookupError):
        return default_locale()


def restricted_paths():
    """Tree paths of the pages with a view restriction (a password, a login or a group):
    they and every page below them are never shared with other readers."""

    def from_db():
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))

    return cached_chrome("restricted", (), from_db)


def _locales_changed(**kwargs):
    cache.delete(LOCALES_KEY)
    invalidate_chrome()


def _chrome_changed(**kwargs):
    invalidate_chrome()


def _page_changed(sender, instance, **kwargs):
    """Publishing, unpublishing, moving or deleting any page can change a menu entry, the
    get-help link or a footer link, wherever it is in the tree."""
    if isinstance(instance, Page):
        invalidate_chrome()


def _page_saved(sender, instance, **kwargs):
    """A page saved outside publishing (a new page added live, a script) changes the chrome
    only near the top of the tree; deeper pages reach it through publishing."""
    if isinstance(instance, Page) and (instance.depth or 0) <= CHROME_DEPTH:
        invalidate_chrome()


# dispatch_uid keeps each receiver single however often this module is imported.
post_save.connect(_locales_changed, sender="wagtailcore.Locale", dispatch_uid=f"{PREFIX}:l1")
post_delete.connect(_locales_changed, sender="wagtailcore.Locale", dispatch_uid=f"{PREFIX}:l2")
for _model in (
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "home.SiteSettings",
    "home.CrisisHelpline",
):
    post_save.connect(_chrome_changed, sender=_model, dispatch_uid=f"{PREFIX}:s:{_model}")
    post_delete.connect(_chrome_changed, sender=_model, dispatch_uid=f"{PREFIX}:d:{_model}")
post_save.connect(_page_saved, dispatch_uid=f"{PREFIX}:page-saved")
post_delete.connect(_page_changed, dispatch_uid=f"{PREFIX}:page-deleted")
page_published.connect(_page_changed, dispatch_uid=f"{PREFIX}:published")
page_unpublished.connect(_page_changed, dispatch_uid=f"{PREFIX}:unpublished")
post_page_move.connect(_page_changed, dispatch_uid=f"{PREFIX}:moved")
