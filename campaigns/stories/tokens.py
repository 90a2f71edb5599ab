"""Status tokens: the private link a contributor keeps. Only a keyed hash is stored.

The hash is keyed with ``SECRET_KEY``. Rotating the key follows Django's own procedure: the
new key goes in ``SECRET_KEY``, the old one in ``SECRET_KEY_FALLBACKS``. A link is then
recognised through the current key or any fallback, and a record found through a fallback
is hashed again with the current key on that visit (``ContributorRecordQuerySet.for_token``),
so a fallback stops being needed for every link used while it was kept.
"""

import hashlib
import hmac
import re
import secrets

from django.conf import settings

# A status token inside a URL path, and what log lines show instead (home.log_privacy): the
# route is <stories index>/status/<token>/; the token-free status page (…/status/) stays.
IN_URL_PATH = re.compile(r"(/status/)[^/\s?#\"'<>]+")
REDACTED_PATH = r"\1[token]"


def _keyed_hash(key, token):
    return hmac.new(key.encode(), token.encode(), hashlib.sha256).hexdigest()


def hash_token(token):
    """The stored form of a status token: a keyed hash (current ``SECRET_KEY``), so a
    database leak gives no link."""
    return _keyed_hash(settings.SECRET_KEY, token)


def token_hashes(token):
    """Every hash ``token`` may be stored under: with the current key first, then with each
    of ``SECRET_KEY_FALLBACKS`` (keys being rotated out)."""
    hashes = [hash_token(token)]
    for key in settings.SECRET_KEY_FALLBACKS:
        digest = _keyed_hash(key, token)
        if digest not in hashes:
            hashes.append(digest)
    return hashes


def new_status_token():
    """A long, random, URL-safe status token (256 bits)."""
    return secrets.token_urlsafe(32)
