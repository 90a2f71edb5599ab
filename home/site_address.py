"""The site's public address: one setting, ``OPENLY_SITE_URL`` (e.g. https://mhw.example.org),
written into the default Wagtail Site record on ``migrate``, ``setup_roles`` and
``load_demo``.

Wagtail builds every absolute link that has no request to go by (sitemap entries, feed and
calendar links, event data, the links in emails sent by the worker) from that record, so a
site left at Wagtail's ``localhost:80`` sends readers to ``http://localhost/``. The record's
fields say "http" for every port but 443 (``Site.root_url``), so an https address must use
the standard port; the system check below says so rather than writing a wrong record.

Links made while answering a request (canonical and Open Graph addresses, feeds, the
robots file, calendar and story-status links) come from ``absolute()``: the configured
address when there is one, so they never carry the Host a proxy or a test client sent;
else the address the request came to (the served port in development).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


@dataclass(frozen=True)
class SiteAddress:
    hostname: str
    port: int


class InvalidSiteURL(ValueError):
    """``OPENLY_SITE_URL`` is not an address the Site record can hold."""


def parse(url):
    """The hostname and port of ``url``, or raise InvalidSiteURL saying what is wrong."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidSiteURL(
            "OPENLY_SITE_URL must be a full address such as https://mhw.example.org"
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise InvalidSiteURL("OPENLY_SITE_URL must not have a path: Openly serves from '/'.")
    try:
        port = parts.port
    except ValueError as error:
        raise InvalidSiteURL(f"OPENLY_SITE_URL has an invalid port: {error}") from None
    if parts.scheme == "https":
        if port not in (None, 443):
            raise InvalidSiteURL(
                "An https OPENLY_SITE_URL must use the standard port 443 (Wagtail's Site "
                "record writes links on any other port as http)."
            )
        return SiteAddress(parts.hostname, 443)
    if port == 443:
        raise InvalidSiteURL("Port 443 means https: write OPENLY_SITE_URL as https://….")
    return SiteAddress(parts.hostname, port or 80)


def configured():
    """The address from ``OPENLY_SITE_URL``, or None when it is not set (or not valid:
    the system check reports that)."""
    url = getattr(settings, "OPENLY_SITE_URL", "")
    if not url:
        return None
    try:
        return parse(url)
    except InvalidSiteURL:
        return None


def base_url(request=None):
    """``scheme://host[:port]`` (no slash) that absolute links begin with: the configured
    ``OPENLY_SITE_URL``; else the address ``request`` came to; else the default Site
    record's (one query)."""
    if configured() is not None:
        return settings.OPENLY_SITE_URL.rstrip("/")
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    from wagtail.models import Site  # models cannot be imported while apps load

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else ""


def absolute(url, request=None):
    """``url`` (a path, or already absolute) as an absolute address (see ``base_url``)."""
    if urlsplit(url).scheme:
        return url
    return base_url(request) + (url if url.startswith("/") else f"/{url}")


def apply(using="default"):
    """Write the configured address into the default Site record. Returns the Site when it
    changed it, None when there is nothing to do (no setting, no default site yet, or the
    record already holds it)."""
    from wagtail.models import Site

    address = configured()
    if address is None:
        return None
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (address.hostname, address.port):
        return None
    site.hostname, site.port = address.hostname, address.port
    site.save(using=using, update_fields=["hostname", "port"])
    return site


def apply_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver (connected for the home app, which migrates after Wagtail's)."""
    apply(using=using)


@checks.register(checks.Tags.compatibility)
def site_url_check(app_configs, **kwargs):
    """An OPENLY_SITE_URL the Site record cannot hold is an error; none at all in
    production is a warning (absolute links would carry whatever the record holds)."""
    url = getattr(settings, "OPENLY_SITE_URL", "")
    if url:
        try:
            parse(url)
        except InvalidSiteURL as error:
            return [checks.Error(str(error), id="openly.site.E001")]
    return []


@checks.register(checks.Tags.compatibility, deploy=True)
def site_url_deploy_check(app_configs, **kwargs):
    if getattr(settings, "OPENLY_SITE_URL", ""):
        return []
    return [
        checks.Warning(
            "OPENLY_SITE_URL is not set: sitemaps, feeds, calendar files and emails use the "
            "address in the default Site record (Wagtail's default is http://localhost/).",
            hint="Set OPENLY_SITE_URL=https://your.host and run manage.py migrate.",
            id="openly.site.W001",
        )
    ]
