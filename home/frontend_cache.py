"""Purging the shared cache in front of Openly (Varnish, deploy/varnish/openly.vcl) through
Wagtail's frontend cache (``WAGTAILFRONTENDCACHE``, set from ``FRONTEND_CACHE_URL``).

Every change readers can see shows on many pages at once (listings, the home page, partner
pages, feeds, the sitemap, every language), so after every change home.invalidation asks
for one ban of everything the cache holds of the site (``purge_everything()``) rather than
lists of URLs that would always miss one. ``VarnishBackend`` is Wagtail's HTTP backend with
that ban added, purges sent only once the change is committed (before, Varnish would fetch
the old page again and keep it), a short time-out, and failures logged as warnings: a
purge that cannot reach Varnish never breaks publishing.

Purges and bans run as a background task (``frontend_cache_task`` on the ``default`` task
backend): in production the worker sends them, so no editor's request waits for a cache or
CDN that does not answer; one that fails is tried again later (``RETRY_DELAYS``), then left
to expire with its ``s-maxage``. The embedded default runs the task at once, after the
commit, as before.
"""

import logging
from datetime import timedelta
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_pages_from_cache
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)

USER_AGENT = f"Wagtail-frontendcache/{wagtail_version} (Openly)"
DEFAULT_TIMEOUT = 2.0
# After a failed attempt, the next one waits this long; after the last, the cached copies
# are left to expire.
RETRY_DELAYS = (timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=10))


class VarnishBackend(HTTPBackend):
    """Wagtail's ``HTTPBackend`` for Openly's VCL: ``PURGE`` of single URLs (Wagtail sends
    these when a page is published or unpublished) and ``ban_everything()``, one ``BAN``
    that drops every object of the site. Options: ``LOCATION`` (the Varnish address, e.g.
    ``http://127.0.0.1:6081``), ``TIMEOUT`` in seconds (default 2) and Wagtail's
    ``HOSTNAMES``."""

    def __init__(self, params):
        params = dict(params)
        # What the background task needs to make this backend again (JSON-serialisable).
        self.task_params = {
            key: params[key] for key in ("LOCATION", "TIMEOUT", "HOSTNAMES") if key in params
        }
        self.timeout = float(params.pop("TIMEOUT", DEFAULT_TIMEOUT))
        super().__init__(params)
        if self.cache_scheme not in ("http", "https"):
            raise ImproperlyConfigured(
                f"The frontend cache must be an http(s) address, not {self.cache_scheme!r}."
            )

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        """PURGE each URL once the current transaction commits (at once outside one), from
        the background task."""
        urls = list(urls)
        transaction.on_commit(lambda: _queue("purge", urls, self.task_params), robust=True)

    def send_purges(self, urls):
        """PURGE each URL now. Returns whether Varnish answered every one."""
        requests = []
        for url in urls:
            parts = urlsplit(url)
            requests.append(("PURGE", parts.path or "/", parts.query, parts.netloc))
        return self._send_all(requests)

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
    """Ask every configured frontend cache to drop what it holds of the site, from the
    background task (see the module's docstring). Never raises."""
    if get_backends():
        _queue("ban")


def _queue(action, urls=(), params=None, attempt=1, run_after=None):
    try:
        runnable = frontend_cache_task.using(run_after=run_after) if run_after else None
        (runnable or frontend_cache_task).enqueue(action, list(urls), params, attempt)
    except Exception:  # noqa: BLE001 - a broken queue must never fail a publication
        logger.warning("Could not queue the frontend cache %s", action, exc_info=True)


@task()
def frontend_cache_task(action, urls, params, attempt):
    """The background task: ``"ban"`` everything in every configured frontend cache, or
    ``"purge"`` ``urls`` from the Varnish backend made with ``params``; tried again later
    when a cache did not answer."""
    done = ban_now() if action == "ban" else VarnishBackend(params).send_purges(urls)
    can_wait = frontend_cache_task.get_backend().supports_defer
    if not done and can_wait and attempt <= len(RETRY_DELAYS):
        delay = RETRY_DELAYS[attempt - 1]
        _queue(action, urls, params, attempt + 1, run_after=timezone.now() + delay)
    return done


def ban_now():
    """Drop what every frontend cache holds of the site, now. A backend that cannot ban (a
    CDN's, say) is asked to purge every site's home page in every language instead.
    Returns whether every cache answered; a failure is logged, never raised."""
    done = True
    cannot_ban = []
    for name, backend in get_backends().items():
        ban = getattr(backend, "ban_everything", None)
        if ban is None:
            cannot_ban.append(name)
            continue
        try:
            done = ban() and done
        except Exception:  # noqa: BLE001 - a broken purge must never fail a publication
            logger.warning("Could not ban the site on frontend cache %r", name, exc_info=True)
            done = False
    if cannot_ban:
        try:
            homes = Page.objects.filter(pk__in=Site.objects.values("root_page"))
            purge_pages_from_cache(homes, backends=cannot_ban)
        except Exception:  # noqa: BLE001 - as above
            logger.warning("Could not purge frontend caches %s", cannot_ban, exc_info=True)
            done = False
    return done
