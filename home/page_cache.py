"""The embedded page cache: anonymous readers' public pages served from Django's cache
(local memory with ``make run``, Redis when ``REDIS_URL`` is set), with no other service.

Django's own cache middleware, used as one middleware at the top of ``MIDDLEWARE``, so it
looks pages up before sessions, authentication and the rest run, and stores them after
``home.http_cache.CachePolicyMiddleware`` has settled their ``Cache-Control``. (wagtail-cache
would do the same, but its releases require Wagtail < 8.) What Openly changes:

- Only what the final ``Cache-Control`` calls ``public`` is stored, never a response that
  sets a cookie, and it is kept for its ``s-maxage``: every change retires it anyway.
- The key is Django's (scheme, host, full path and query string, and the request headers the
  response varies on) under a prefix with the content generation the request read when it
  began (home.cache): one bump retires every page in every process, and a page rendered
  from rows older than a change is stored under a generation already retired.
- Django would also key pages by the active language, which is only known after
  ``LocaleMiddleware`` has run: the lookup and the store would disagree. Openly's addresses
  carry the language, so both use a language-neutral key.
- Requests with a session cookie (possibly a signed-in editor) bypass the cache; other
  cookies a reader has neither bypass nor split it. GET and HEAD only.
- Every looked-up response says ``X-Cache: HIT`` or ``MISS`` (Varnish, in front, sets its
  own); a hit answers ``If-None-Match`` / ``If-Modified-Since`` with 304 when they match.
- ``PURGE`` and ``BAN`` are Varnish's: reaching the application, they are refused (405).
"""

import copy
import time
from contextlib import contextmanager

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.middleware.cache import CacheMiddleware
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from home.cache import generation
from home.http_cache import private

PREFIX = "openly:page"
PURGE_METHODS = {"PURGE", "BAN"}
# Stands for "any language" in Django's keys (see _language_neutral).
ANY_LANGUAGE = "-"


def cache_directives(response):
    """{directive: value} of ``response``'s Cache-Control (names lower-cased)."""
    directives = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _sep, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value.strip('"')
    return directives


def shared_max_age(response):
    """How long a shared cache may keep ``response`` (``s-maxage``), or None."""
    try:
        return int(cache_directives(response)["s-maxage"])
    except (KeyError, ValueError):
        return None


def storable(response):
    """May the embedded cache keep ``response`` for every anonymous reader?"""
    directives = cache_directives(response)
    return (
        "public" in directives
        and not directives.keys() & {"private", "no-store", "no-cache"}
        and not response.cookies
        and response.status_code == 200
        and not response.streaming
        and bool(shared_max_age(response))
    )


@contextmanager
def _language_neutral(request):
    """Key the page for any language and the default time zone (the address says both)."""
    had_language = "LANGUAGE_CODE" in vars(request)
    language = getattr(request, "LANGUAGE_CODE", None)
    request.LANGUAGE_CODE = ANY_LANGUAGE
    try:
        with timezone.override(None):
            yield
    finally:
        if had_language:
            request.LANGUAGE_CODE = language
        else:
            del request.LANGUAGE_CODE


class PageCacheMiddleware(CacheMiddleware):
    """Django's ``CacheMiddleware`` keyed by content generation, storing public pages only.
    Settings: ``OPENLY_PAGE_CACHE`` (on or off), ``CACHE_MIDDLEWARE_ALIAS`` (which cache)."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.skipped_prefixes = tuple(
            prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix
        )

    def _for_request(self, request, page_timeout=None):
        """This middleware keyed for ``request`` (a copy: one instance serves every thread)."""
        keyed = copy.copy(self)
        keyed.key_prefix = request._openly_page_cache_prefix
        keyed.page_timeout = page_timeout
        return keyed

    def _looks_up(self, request):
        return (
            getattr(settings, "OPENLY_PAGE_CACHE", False)
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.skipped_prefixes)
        )

    def process_request(self, request):
        if request.method in PURGE_METHODS:
            return private(HttpResponseNotAllowed(["GET", "HEAD", "POST"]))
        request._cache_update_cache = False
        if not self._looks_up(request):
            return None
        # Read once, before anything is rendered: the page is stored under this generation.
        request.openly_content_generation = generation()
        request._openly_page_cache_prefix = f"{PREFIX}:{request.openly_content_generation}"
        with _language_neutral(request):
            response = super(PageCacheMiddleware, self._for_request(request)).process_request(
                request
            )
        if response is None:
            return None
        self._set_age(response)
        response = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
        response.headers["X-Cache"] = "HIT"
        return response

    def _should_update_cache(self, request, response):
        return super()._should_update_cache(request, response) and storable(response)

    def process_response(self, request, response):
        if not hasattr(request, "_openly_page_cache_prefix"):
            return response
        if self._should_update_cache(request, response):
            keyed = self._for_request(request, page_timeout=shared_max_age(response))
            with _language_neutral(request):
                response = super(PageCacheMiddleware, keyed).process_response(request, response)
        if not response.has_header("X-Cache"):
            response.headers["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _set_age(response):
        """Django works a hit's Age out from max-age; a page is kept for its s-maxage."""
        expires = parse_http_date_safe(response.get("Expires", ""))
        kept_for = shared_max_age(response)
        if expires is not None and kept_for is not None:
            response.headers["Age"] = str(max(0, kept_for - (expires - int(time.time()))))
