"""What a partner organisation's page lists: every kind of content an app registered
(``home.sections.register_organisation_listing``) that has items for the organisation,
each with a link to its whole listing filtered to the organisation."""

from django.utils.http import urlencode
from wagtail.models import Site

from home import registry
from home.cache import cached_chrome
from home.restrictions import private_q

# How many items of each kind a partner's page shows; the rest are one link away.
ORGANISATION_LISTING_COUNT = 3


def _filtered_listing_url(request, model, locale, organisation):
    """The ``model`` listing page in ``locale``, filtered to the organisation, or None when
    that listing is not published in the language (the listing's address is site chrome:
    no query once cached)."""

    def index_url():
        index = model.objects.live().filter(locale_id=locale.pk).exclude(private_q()).first()
        return (index.get_url(request) if index is not None else None) or ""

    site = Site.find_for_request(request)
    url = cached_chrome(
        "index-url", (site.pk if site else "-", locale.pk, model._meta.label_lower), index_url
    )
    return f"{url}?{urlencode({'organisation': organisation.slug})}" if url else None


def organisation_listings(request, locale, organisation, count=ORGANISATION_LISTING_COUNT):
    """The registered kinds that have items for ``organisation`` in ``locale``, in order,
    each with at most ``count`` items and the link to all of them; one query a kind
    (plus what its cards prefetch), however much content there is."""
    found = []
    if organisation is None:
        return found
    for listing in registry.organisation_listings.values():
        items = list(listing.loader(request, locale, organisation, count))
        if not items:
            continue
        found.append(
            {
                "kind": listing.key,
                "heading": listing.heading,
                "template": listing.template,
                "items": items,
                "more_url": _filtered_listing_url(
                    request, listing.index_model, locale, organisation
                ),
                "more_label": listing.more_label % {"name": organisation.name},
            }
        )
    return found
