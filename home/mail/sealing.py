"""Sealing queued emails: a status link carries a secret that Openly otherwise keeps only
hashed, and every email names a person, so what waits in the database is encrypted
(Fernet: AES and an HMAC, from the cryptography package).

The key is derived from SECRET_KEY (HKDF, with a purpose of its own so it is never the key
of anything else). Emails are sealed under the current SECRET_KEY and opened under it or any
of SECRET_KEY_FALLBACKS, so rotating the key loses no queued email.
"""

import base64
import functools
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.utils.encoding import force_bytes

PURPOSE = b"openly.mail.sealed-message"


class Unreadable(Exception):
    """A sealed message that neither the current key nor a fallback key opens."""


@functools.lru_cache(maxsize=8)
def _fernet(secret):
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PURPOSE).derive(secret)
    return Fernet(base64.urlsafe_b64encode(key))


def _keys():
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ())]
    return MultiFernet([_fernet(force_bytes(secret)) for secret in secrets])


def seal(data):
    """``data`` (anything JSON can hold) as an encrypted, authenticated ASCII string."""
    plain = json.dumps(data, separators=(",", ":")).encode()
    return _keys().encrypt(plain).decode("ascii")


def unseal(sealed):
    """The data ``seal`` sealed; raises Unreadable when no key opens it or it was altered."""
    try:
        return json.loads(_keys().decrypt(sealed.encode("ascii")))
    except (InvalidToken, UnicodeEncodeError) as error:
        raise Unreadable from error
