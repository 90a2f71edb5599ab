"""Limits on how many stories one client may send: counted per keyed hash of the client's
address, so the cache never holds the address itself."""

from django.core.cache import cache

from campaigns.stories.conf import story_settings
from home.clients import client_key


def _rate_key(request):
    return f"stories:rate:{client_key(request)}"


def over_rate_limit(request):
    """True when this client has already sent the most stories allowed in the window."""
    limit, _window = story_settings.RATE_LIMIT
    return (cache.get(_rate_key(request)) or 0) >= limit


def count_submission(request):
    """Count a story (or a bot's attempt) against the client's limit. Mistakes a person
    corrects in the form do not count: people in distress should not be locked out."""
    _limit, window = story_settings.RATE_LIMIT
    key = _rate_key(request)
    cache.add(key, 0, window)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
