"""Who is asking: the client's address, also behind a trusted reverse proxy, and a keyed
hash of it for per-client counters, so no cache ever holds the address.

Every per-client limit uses this one module: site search (home.search.throttle), the story
form (campaigns.stories.throttle), pledge signatures (campaigns.pledge) and admin sign-in
lockouts (django-axes, through ``AXES_CLIENT_IP_CALLABLE``).

Behind a reverse proxy every request comes from the proxy's address, so the operator names
the header the proxy sets in ``OPENLY_CLIENT_IP_HEADER`` (for example ``"HTTP_X_REAL_IP"``
for nginx's ``proxy_set_header X-Real-IP $remote_addr``). Without that setting no header is
trusted: a client can send any header it likes, and only ``REMOTE_ADDR`` cannot be forged.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings


def trusted_header():
    """The request.META name of the header the trusted proxy sets, or "" when there is no
    proxy. ``OPENLY_STORY_CLIENT_IP_HEADER`` is its deprecated former name (once only the
    story form's); it is honoured while ``OPENLY_CLIENT_IP_HEADER`` is unset."""
    return getattr(settings, "OPENLY_CLIENT_IP_HEADER", "") or getattr(
        settings, "OPENLY_STORY_CLIENT_IP_HEADER", ""
    )


def _valid_address(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_address(request):
    """The client's address: from the trusted proxy's header when one is configured and it
    holds a valid address, else ``REMOTE_ADDR``.

    A header that lists addresses (X-Forwarded-For) gets one appended by each proxy, after
    whatever the client itself sent: only the last entry was written by the proxy in front
    of the application, so that is the one used. (With several proxies in a row, name a
    header the outermost one sets, such as X-Real-IP.)"""
    header = trusted_header()
    if header:
        entries = request.META.get(header, "").split(",")
        address = _valid_address(entries[-1])
        if address:
            return address
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    """A keyed hash of the client's address: the same client gets the same key, and the
    address cannot be read back from it."""
    address = client_address(request)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
