"""The home page's content listings, filled by whichever apps registered them."""

from django import template

from home.chrome import active_locale
from home.sections import get_listing

register = template.Library()


@register.inclusion_tag("components/home_listing.html", takes_context=True)
def home_listing(context, value):
    """Render one listing section, or nothing when no app provides that kind yet."""
    listing = get_listing(value["kind"])
    request = context.get("request")
    items = []
    if listing is not None:
        items = listing.loader(request, active_locale(request), value["count"])
    return {
        "items": items,
        "heading": value["heading"],
        "kind": value["kind"],
        "template": listing.template if listing else "",
        "request": request,
    }
