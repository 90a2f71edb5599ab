"""Conditional GETs for feeds and calendar files. The ETag and Last-Modified come from a
cheap summary of the data a response shows (one aggregate query), so a reader polling an
unchanged feed gets a 304 and the body is never rendered. Django's ``condition`` does the
header work; it ignores malformed ``If-None-Match`` / ``If-Modified-Since`` headers, so
those get an ordinary 200."""

import hashlib

from django.db.models import Count, Max
from django.utils.translation import get_language
from django.views.decorators.http import condition


def fingerprint(request, *parts):
    """An ETag value for this address (path, filters, language) and ``parts``."""
    text = "\x1f".join(str(part) for part in (request.get_full_path(), get_language(), *parts))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


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


def conditional_response(request, respond, etag, last_modified):
    """``respond()``, or a 304 when the request's validators still match ``etag`` /
    ``last_modified`` (an aware datetime or None). Only GET and HEAD are answered with 304."""

    @condition(etag_func=lambda _request: etag, last_modified_func=lambda _request: last_modified)
    def view(_request):
        return respond()

    return view(request)


def summary_response(request, queryset, respond, *parts):
    """``conditional_response`` with validators from ``summarise(queryset)``."""
    summary = summarise(queryset)
    etag = fingerprint(request, summary["newest"], summary["count"], *parts)
    return conditional_response(request, respond, etag, summary["newest"])
