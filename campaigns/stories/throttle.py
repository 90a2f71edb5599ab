"""Limits on how many stories one client may send, and how many new private links it may
ask for: counted per keyed hash of the client's address, so the cache never holds the
address itself."""

from django.core.cache import cache

from campaigns.stories.conf import story_settings
from home.clients import client_key


def _rate_key(request, kind="rate"):
    return f"stories:{kind}:{client_key(request)}"


def _count(key, window):
    cache.add(key, 0, window)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)


def over_rate_limit(request):
    """True when this client has already sent the most stories allowed in the window."""
    limit, _window = story_settings.RATE_LIMIT
    return (cache.get(_rate_key(request)) or 0) >= limit


def count_submission(request):
    """Count a story (or a bot's attempt) against the client's limit. Mistakes a person
    corrects in the form do not count: people in distress should not be locked out."""
    _limit, window = story_settings.RATE_LIMIT
    _count(_rate_key(request), window)


def link_request_refused(request):
    """Count one request for a new private link. Returns None while the client is within
    ``LINK_RATE_LIMIT``, else the seconds to wait (the window, an upper bound). Every
    request counts, known address or not, so the limit says nothing about who is held."""
    limit, window = story_settings.LINK_RATE_LIMIT
    key = _rate_key(request, "link")
    if (cache.get(key) or 0) >= limit:
        return window
    _count(key, window)
    return None
