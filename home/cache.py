"""Site chrome served from Django's cache (locmem in development and tests, Redis in
production), so a public page does not read the menu, helplines, site settings and locales
from the database on every request.

Every cached value is plain data (ids, strings, lists and dicts) keyed by site and locale,
and nothing about a reader is stored. Invalidation is explicit (home.invalidation calls
``retire_cached_content()`` when anything readers see changes). Chrome entries, and the
pages of the embedded page cache (home.page_cache), carry one content generation number
kept in the cache itself, so one write retires every site's and locale's chrome and pages
in every worker process that shares the cache.
"""

import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, PageViewRestriction

PREFIX = "openly:chrome"
GENERATION_KEY = f"{PREFIX}:generation"
LOCALES_KEY = f"{PREFIX}:locales"
# An upper bound, so an entry the receivers somehow missed still goes away eventually.
TIMEOUT = 60 * 60
# The generation this thread started last (see started_here).
_here = threading.local()


def generation():
    """The current content generation; a new one is started if the cache lost it."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        # add(), not set(): if another process started one first, use theirs.
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY, value)
    return value


def retire_cached_content():
    """Retire every cached chrome entry and cached page, for every site and locale."""
    value = time.time_ns()
    cache.set(GENERATION_KEY, value, timeout=None)
    _here.generation = value


def started_here():
    """The last content generation this thread started (or None): a request that changed
    the content itself (a first visit creating the site's settings) reads its own writes."""
    return getattr(_here, "generation", None)


def forget_locales(**_signal_kwargs):
    """Forget the Locale lookups (a Locale was added, changed or deleted). Kept apart from
    the content generation, so a publish costs no Locale query afterwards."""
    cache.delete(LOCALES_KEY)


def cached_chrome(name, parts, build, timeout=TIMEOUT):
    """The value ``build()`` returns, cached under ``name`` and ``parts`` (site id, locale
    id, …) for the current chrome generation, at most ``timeout`` seconds. ``build`` must
    return plain data. Counts that listings derive from published pages (facets, totals)
    are kept the same way: every publish starts a new generation."""
    key = ":".join([PREFIX, name, str(generation()), *(str(part) for part in parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=timeout)
    return value


def cached_html(name, parts, render, timeout=TIMEOUT):
    """HTML every reader of a page is shown alike (a home listing, an empty form), rendered
    by ``render()`` once per content generation and kept as a string like chrome data
    (``cached_chrome``). ``parts`` must name everything the HTML depends on besides the
    published content: site, language, and a date or shorter ``timeout`` where the
    selection depends on the time."""
    html = cached_chrome(name, parts, lambda: str(render()), timeout)
    return mark_safe(html)  # noqa: S308 - rendered by our own templates, escaped there


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

    # Not "restricted": home.restrictions keeps (path, depth) pairs under that name.
    return cached_chrome("restricted-paths", (), from_db)
