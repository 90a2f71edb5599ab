"""Who is asking: the client's address, also behind a trusted reverse proxy, and a keyed
hash of it for per-client counters (rate limits), so no cache ever holds the address."""

import hashlib
import hmac

from django.conf import settings


def client_address(request, header=None):
    """The client's address. Behind a trusted reverse proxy every request comes from the
    proxy's address, so the operator names the header the proxy sets (for example
    "HTTP_X_REAL_IP") in ``OPENLY_CLIENT_IP_HEADER`` (or passes ``header``); the header is
    never trusted unless named."""
    if header is None:
        header = getattr(settings, "OPENLY_CLIENT_IP_HEADER", "")
    address = request.META.get(header, "") if header else ""
    return address.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def client_key(request, header=None):
    """A keyed hash of the client's address: the same client gets the same key, and the
    address cannot be read back from it."""
    address = client_address(request, header)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
