"""Content listings that pages in `home` show but other apps provide, read from
``home.registry``.

Each app registers the listings it provides in its AppConfig.ready():

- for the home page (upcoming events, latest stories, …): ``register_listing`` fills
  ``registry.home_listings``; the home page's "listing" block offers those kinds;
- for a partner organisation's page (its campaigns, events, resources):
  ``register_organisation_listing`` fills ``registry.organisation_listings``; every kind
  that has items for the organisation is listed there (home.partners.content).

A kind whose app is not installed has registered nothing, so it is simply absent.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from home import registry


@dataclass(frozen=True)
class HomeListing:
    """A kind of listing: how to load its items and which template renders them."""

    key: str
    label: str
    template: str
    loader: Callable  # loader(request, locale, count) -> sequence of items


def register_listing(key, label, template, loader):
    """Register (or replace) a listing kind that the home page can show."""
    registry.home_listings.register(
        key, HomeListing(key=key, label=label, template=template, loader=loader)
    )


def get_listing(key):
    """Return the registered listing for ``key``, or None when no app provides it."""
    return registry.home_listings.get(key)


# The kinds the product knows about, whether or not their app is there yet, so the block
# definition (and its migration) does not change as apps arrive.
LISTING_CHOICES = [
    ("featured_campaign", "Featured campaign"),
    ("upcoming_events", "Upcoming events"),
    ("latest_stories", "Latest stories"),
    ("featured_resources", "Featured resources"),
]


# -- a partner organisation's page -----------------------------------------------------


@dataclass(frozen=True)
class OrganisationListing:
    """A kind of content a partner's page lists: how to load the organisation's items,
    which template renders them and which page lists all of them."""

    key: str
    heading: str
    template: str
    loader: Callable  # loader(request, locale, organisation, count) -> sequence of items
    index_model: Any  # the page model listing them all, filtered by ?organisation=
    more_label: str  # link text to that page, with %(name)s for the organisation's name
    order: int = 0


def register_organisation_listing(key, heading, template, loader, index_model, more_label, order=0):
    """Register (or replace) a kind of content that partner pages list; ``index_model`` is
    the page model that lists all of it."""
    listing = OrganisationListing(
        key=key,
        heading=heading,
        template=template,
        loader=loader,
        index_model=index_model,
        more_label=more_label,
        order=order,
    )
    registry.organisation_listings.register(key, listing, order=order)
