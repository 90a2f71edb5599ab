"""Pagination for every listing and for site search."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import QuerySet

from home.cache import TIMEOUT as KEYS_SECONDS
from home.cache import cached_chrome


def page_number(request, paginator):
    """The requested page number (``?page=``) as a page that exists: a bad number gives
    page 1, one past the end (or negative) the last page, never an error."""
    try:
        return paginator.validate_number(request.GET.get("page", "1"))
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return paginator.num_pages


def paginate(request, items, per_page, count=None, key=None, timeout=KEYS_SECONDS):
    """Return the requested page of ``items`` (``?page=``; see ``page_number``).

    A queryset is paginated in two steps, so the database sorts narrow rows: the page's
    primary keys in the queryset's order (with LIMIT), then the rows of those pages with
    everything the queryset joins and prefetches. ``count``, when known (cached), saves
    the COUNT query. With ``key`` (naming the listing: see ``first``), the primary keys
    of every result, in order, are kept in the cache within a content generation (at
    most ``timeout`` seconds), so neither the sort nor the count runs on every request."""
    if not isinstance(items, QuerySet):
        paginator = Paginator(items, per_page)
        return paginator.page(page_number(request, paginator))
    if key is not None:
        keys = cached_chrome("keys", key, lambda: list(keys_of(items)), timeout)
        paginator = Paginator(keys, per_page)
    else:
        paginator = Paginator(keys_of(items), per_page)
        if count is not None:
            paginator.count = count
    page = paginator.page(page_number(request, paginator))
    page.object_list = fetch(items, list(page.object_list))
    return page


def keys_of(items):
    """The primary keys of a queryset's rows, in its order (a narrow query to sort)."""
    return items.prefetch_related(None).values_list("pk", flat=True)


def fetch(items, keys):
    """The rows of queryset ``items`` with primary keys ``keys``, in that order, with
    everything the queryset joins and prefetches."""
    found = {item.pk: item for item in items.filter(pk__in=keys)} if keys else {}
    return [found[key] for key in keys if key in found]


def first(items, count, key=None, timeout=KEYS_SECONDS, rows=None):
    """The first ``count`` rows of queryset ``items`` (in two steps, as ``paginate``:
    sorting narrow rows, then reading the few rows shown, from ``rows`` when given: a
    queryset without ``items``' costly filters, when the rows need none of its
    annotations). With ``key`` (naming what ``items`` selects: the listing, language,
    …), which rows they are is kept in the cache within a content generation (see
    home.cache; at most ``timeout`` seconds for selections that change with time), so
    the sort runs once, not on every request."""

    def build():
        return list(keys_of(items)[:count])

    keys = build() if key is None else cached_chrome("first", (*key, count), build, timeout)
    return fetch(items if rows is None else rows, keys)
