"""The home page's content listings, filled by whichever apps registered them."""

import hashlib

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Site

from home.cache import cached_html
from home.chrome import active_locale
from home.sections import get_listing

register = template.Library()

# A listing's selection depends on the time (running campaigns, upcoming events): its HTML
# is kept at most this long, as well as only until the next publish.
LISTING_SECONDS = 5 * 60


@register.simple_tag(takes_context=True)
def home_listing(context, value):
    """One listing section, or nothing when no app provides that kind yet. Its HTML is the
    same for every reader of the language, so it is rendered once per content generation
    (home.cache.cached_html)."""
    request = context.get("request")
    locale = active_locale(request)
    listing = get_listing(value["kind"])

    def render():
        items = listing.loader(request, locale, value["count"]) if listing is not None else []
        listing_context = {
            "items": items,
            "heading": value["heading"],
            "kind": value["kind"],
            "template": listing.template if listing is not None else "",
        }
        return render_to_string("components/home_listing.html", listing_context, request)

    site = Site.find_for_request(request) if request is not None else None
    heading = hashlib.blake2b(str(value["heading"]).encode(), digest_size=8).hexdigest()
    parts = (
        site.pk if site else "",
        locale.pk,
        value["kind"],
        value["count"],
        heading,
        timezone.localdate(),
    )
    return cached_html("home-listing", parts, render, timeout=LISTING_SECONDS)
