"""Purging the shared cache in front of Openly (Varnish, deploy/varnish/openly.vcl) through
Wagtail's frontend cache (``WAGTAILFRONTENDCACHE``, set from ``FRONTEND_CACHE_URL``).

Every change readers can see shows on many pages at once (listings, the home page, partner
pages, feeds, the sitemap, every language), so after every change home.invalidation asks
for one ban of everything the cache holds of the site (``purge_everything()``) rather than
lists of URLs that would always miss one. ``VarnishBackend`` is Wagtail's HTTP backend with
that ban added, purges sent only once the change is committed (before, Varnish would fetch
the old page again and keep it), a short time-out, and failures logged as warnings: a
purge that cannot reach Varnish never breaks publishing.
"""

import logging
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_pages_from_cache
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)

USER_AGENT = f"Wagtail-frontendcache/{wagtail_version} (Openly)"
DEFAULT_TIMEOUT = 2.0


class VarnishBackend(HTTPBackend):
    """Wagtail's ``HTTPBackend`` for Openly's VCL: ``PURGE`` of single URLs (Wagtail sends
    these when a page is published or unpublished) and ``ban_everything()``, one ``BAN``
    that drops every object of the site. Options: ``LOCATION`` (the Varnish address, e.g.
    ``http://127.0.0.1:6081``), ``TIMEOUT`` in seconds (default 2) and Wagtail's
    ``HOSTNAMES``."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", DEFAULT_TIMEOUT))
        super().__init__(params)
        if self.cache_scheme not in ("http", "https"):
            raise ImproperlyConfigured(
                f"The frontend cache must be an http(s) address, not {self.cache_scheme!r}."
            )

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        """PURGE each URL once the current transaction commits (at once outside one)."""
        requests = []
        for url in urls:
            parts = urlsplit(url)
            requests.append(("PURGE", parts.path or "/", parts.query, parts.netloc))
        transaction.on_commit(lambda: self._send_all(requests), robust=True)

    def ban_everything(self):
        """Drop every object Varnish holds of the site (the VCL's ``BAN``). Returns whether
        Varnish answered."""
        return self._send_all([("BAN", "/", "", self.cache_netloc)])

    def _send_all(self, requests):
        """Send ``requests`` in order; stop at the first that cannot reach Varnish (it is
        down: each further one would only wait for its own time-out)."""
        return all(self._send(*request) for request in requests)

    def _send(self, method, path, query, host):
        url = urlunsplit((self.cache_scheme, self.cache_netloc, path, query, ""))
        # The scheme (http or https, checked above) and address come from the configured
        # LOCATION, never from a reader.
        request = Request(url, method=method, headers={"Host": host, "User-Agent": USER_AGENT})  # noqa: S310
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310
                pass
        except HTTPError as error:
            logger.warning("Varnish refused %s %s: %s %s", method, url, error.code, error.reason)
        except OSError as error:
            # URLError, refused connections and time-outs: Varnish is down or unreachable.
            logger.warning("Could not %s %s on Varnish: %s", method, url, error)
            return False
        return True


def purge_everything():
    """Ask every configured frontend cache to drop what it holds of the site. A backend
    that cannot ban (a CDN's, say) is asked to purge every site's home page in every
    language instead. Never raises: a failed purge is logged, and the content it would have
    dropped expires after its ``s-maxage``."""
    cannot_ban = []
    for name, backend in get_backends().items():
        ban = getattr(backend, "ban_everything", None)
        if ban is None:
            cannot_ban.append(name)
            continue
        try:
            ban()
        except Exception:  # noqa: BLE001 - a broken purge must never fail a publication
            logger.warning("Could not ban the site on frontend cache %r", name, exc_info=True)
    if cannot_ban:
        try:
            homes = Page.objects.filter(pk__in=Site.objects.values("root_page"))
            purge_pages_from_cache(homes, backends=cannot_ban)
        except Exception:  # noqa: BLE001 - as above
            logger.warning("Could not purge frontend caches %s", cannot_ban, exc_info=True)
