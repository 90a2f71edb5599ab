"""Private cancel links: a random token the registrant keeps; only its keyed hash is stored
(keyed with ``SECRET_KEY``; links made under a key in ``SECRET_KEY_FALLBACKS`` still work)."""

import hashlib
import hmac
import re
import secrets

from django.conf import settings

# The token inside a URL path, and what log lines show instead (home.log_privacy).
IN_URL_PATH = re.compile(r"(/registration/cancel/)[^/\s?#\"'<>]+")
REDACTED_PATH = r"\1[token]"


def _keyed_hash(key, token):
    return hmac.new(key.encode(), token.encode(), hashlib.sha256).hexdigest()


def hash_token(token):
    return _keyed_hash(settings.SECRET_KEY, token)


def token_hashes(token):
    """Every hash ``token`` may be stored under (current key first, then fallbacks)."""
    return [
        _keyed_hash(key, token) for key in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    ]


def new_token():
    """A long, random, URL-safe token (256 bits)."""
    return secrets.token_urlsafe(32)
