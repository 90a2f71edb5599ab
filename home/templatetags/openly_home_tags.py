"""The home page's content listings, filled by whichever apps registered them."""

import hashlib

from django import template
from django.template.loader import render_to_string

from home.chrome import active_locale, shared_html
from home.sections import get_listing
from home.templatetags.openly_tags import lang_of

register = template.Library()


@register.simple_tag(takes_context=True)
def home_listing(context, value):
    """One listing section, or nothing when no app provides that kind yet. Its HTML is the
    same for every reader of the language, so it is rendered once per content generation
    and kept at most a few minutes, as its selection depends on the time (running
    campaigns, upcoming events): see home.chrome.shared_html."""
    request = context.get("request")
    listing = get_listing(value["kind"])
    heading_lang = lang_of(context, context.get("block_id"), "heading")

    def render():
        locale = active_locale(request)
        items = listing.loader(request, locale, value["count"]) if listing is not None else []
        listing_context = {
            "items": items,
            "heading": value["heading"],
            "heading_lang": heading_lang,
            "kind": value["kind"],
            "template": listing.template if listing is not None else "",
        }
        return render_to_string("components/home_listing.html", listing_context, request)

    heading = hashlib.blake2b(str(value["heading"]).encode(), digest_size=8).hexdigest()
    parts = (value["kind"], value["count"], heading, bool(heading_lang))
    return shared_html(request, "home-listing", parts, render)
