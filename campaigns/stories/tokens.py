"""Status tokens: the private link a contributor keeps. Only a keyed hash is stored."""

import hashlib
import hmac
import secrets

from django.conf import settings


def hash_token(token):
    """The stored form of a status token: a keyed hash, so a database leak gives no link."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, token.encode(), hashlib.sha256).hexdigest()


def new_status_token():
    """A long, random, URL-safe status token (256 bits)."""
    return secrets.token_urlsafe(32)
