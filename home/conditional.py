"""Conditional GETs for feeds and calendar files. The ETag and Last-Modified come from a
cheap summary of the data a response shows (one aggregate query), so a reader polling an
unchanged feed gets a 304 and the body is never rendered. Django's ``condition`` does the
header work; it ignores malformed ``If-None-Match`` / ``If-Modified-Since`` headers, so
those get an ordinary 200. A feed's body is kept in the cache under a key made of the same
summary (``cached_body``), so other readers of an unchanged feed get it without rendering
it again, and any change is served at once."""

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import get_language
from django.views.decorators.http import condition

from home.cache import cached_chrome

# How long a feed's body stays in the cache. Its key names the data it shows (newest
# publication, number of items, …), so a change is served at once under a new key.
BODY_SECONDS = 60 * 60


def digest(*parts):
    """A short stable hash of ``parts`` (for ETags and cache keys)."""
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def body_key(request, *parts):
    """A cache key for a body that depends on the address (not its query string, which
    the caller's ``parts`` name in a normal form when it matters), the host, the
    language and ``parts``."""
    return digest(request.scheme, request.get_host(), request.path, get_language(), *parts)


def cached_body(key, respond):
    """``respond()``, kept in the cache under ``key`` (None: not kept); only complete
    (200) responses are kept."""
    if key is None:
        return respond()
    name = f"openly:body:{key}"
    response = cache.get(name)
    if response is None:
        response = respond()
        if response.status_code == 200:
            cache.set(name, response, BODY_SECONDS)
    return response


def fingerprint(request, *parts):
    """An ETag value for this address (path, filters, language) and ``parts``."""
    return digest(request.get_full_path(), get_language(), *parts)


def summarise(queryset, **extra):
    """``newest`` last publication and ``count`` of the pages in ``queryset`` (plus
    ``extra`` aggregates) in one query. The pages are taken by primary key, so the
    queryset's own annotations, ordering and joins do not reach the aggregate."""
    pages = queryset.model.objects.filter(pk__in=queryset.order_by().values("pk"))
    return pages.aggregate(
        newest=Max("last_published_at"), count=Count("pk", distinct=True), **extra
    )


def newest_of(*moments):
    """The latest of ``moments``, ignoring None (None if all are)."""
    found = [moment for moment in moments if moment is not None]
    return max(found) if found else None


def conditional_response(request, respond, etag, last_modified, key=None):
    """``respond()``, or a 304 when the request's validators still match ``etag`` /
    ``last_modified`` (an aware datetime or None). Only GET and HEAD are answered with 304.
    With ``key`` (see ``body_key``), the body is kept in the cache (``cached_body``)."""

    @condition(etag_func=lambda _request: etag, last_modified_func=lambda _request: last_modified)
    def view(_request):
        return cached_body(key, respond)

    return view(request)


def summary_response(request, queryset, respond, *parts):
    """``conditional_response`` with validators from ``summarise(queryset)``, for a feed
    whose body depends on the address but not on its query string: the summary is kept
    in the chrome cache (a publish starts a new generation), the body under the summary."""
    summary = cached_chrome("feed", (body_key(request, *parts),), lambda: summarise(queryset))
    etag = fingerprint(request, summary["newest"], summary["count"], *parts)
    key = body_key(request, summary["newest"], summary["count"], *parts)
    return conditional_response(request, respond, etag, summary["newest"], key=key)
