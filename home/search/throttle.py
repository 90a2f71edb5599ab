"""How many searches one client may make: ``OPENLY_SEARCH_RATE_LIMIT`` (searches, window in
seconds; 30 a minute by default), counted per keyed hash of the client's address in
Django's cache (Redis in production, so every worker shares the count). A search answered
by a shared cache in front never reaches the count, which is as it should be: it cost the
site nothing."""

import math
import time

from django.conf import settings
from django.core.cache import cache

from home.clients import client_key

DEFAULT_RATE_LIMIT = (30, 60)


def retry_after(request, now=None):
    """Count one search by this request's client; return how many seconds it must wait
    before searching again when it is over the limit, else 0."""
    limit, window = getattr(settings, "OPENLY_SEARCH_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    now = time.time() if now is None else now
    # Fixed windows: the key names the window, so it expires on its own at the window's end.
    key = f"openly:search:rate:{client_key(request)}:{int(now // window)}"
    cache.add(key, 0, window + 1)
    try:
        searches = cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, window + 1)
        searches = 1
    if searches <= limit:
        return 0
    return max(1, math.ceil(window - now % window))
