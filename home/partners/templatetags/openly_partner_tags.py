"""Naming a partner organisation on the public site: the name links to the organisation's
own page when that page is live in the reader's language. The addresses of those pages are
site chrome (home.cache): no query once cached, however many organisations a page names."""

from django import template
from django.utils.html import format_html
from wagtail.models import Site

from home.cache import cached_chrome
from home.chrome import active_locale
from home.partners.models import PartnerPage

register = template.Library()


def section_urls(request):
    """{organisation id: address of its live page in the reader's language}, from the
    chrome cache (renewed whenever a page is published, moved or deleted) and kept on the
    request."""
    cached = getattr(request, "_openly_section_urls", None)
    if cached is not None:
        return cached
    locale = active_locale(request)

    def build():
        pages = (
            PartnerPage.objects.live()
            .public()
            .filter(locale=locale, organisation__isnull=False)
            .only("url_path", "organisation_id")
        )
        return {page.organisation_id: page.get_url(request) for page in pages}

    site = Site.find_for_request(request)
    urls = cached_chrome("partner-urls", (site.pk if site else "-", locale.pk), build)
    if request is not None:
        request._openly_section_urls = urls
    return urls


@register.simple_tag(takes_context=True)
def organisation_name(context, organisation, website_fallback=False):
    """The organisation's name, linked to its page in the reader's language when that is
    live (not on that page itself); else, with ``website_fallback``, to its website. The
    name is isolated (<bdi>): a Latin-script name keeps its punctuation in its place
    inside right-to-left text."""
    if organisation is None:
        return ""
    url = None
    current = context.get("page")
    on_own_page = getattr(current, "is_organisation_section", False) and (
        getattr(current, "organisation_id", None) == organisation.pk
    )
    if not on_own_page:
        url = section_urls(context.get("request")).get(organisation.pk)
    if url:
        return format_html('<bdi><a href="{}">{}</a></bdi>', url, organisation.name)
    if website_fallback and organisation.website:
        return format_html(
            '<bdi><a href="{}" rel="noopener">{}</a></bdi>',
            organisation.website,
            organisation.name,
        )
    return format_html("<bdi>{}</bdi>", organisation.name)
