"""A registry of the content listings the home page can show.

Each app registers the listings it provides (upcoming events, latest stories, …) in its
AppConfig.ready(). The home page's "listing" block offers the registered kinds, and a kind
whose app is not installed yet is simply absent from the page rather than broken.
"""

from collections.abc import Callable
from dataclasses import dataclass

_LISTINGS = {}


@dataclass(frozen=True)
class HomeListing:
    """A kind of listing: how to load its items and which template renders them."""

    key: str
    label: str
    template: str
    loader: Callable  # loader(request, locale, count) -> sequence of items


def register_listing(key, label, template, loader):
    """Register (or replace) a listing kind that the home page can show."""
    _LISTINGS[key] = HomeListing(key=key, label=label, template=template, loader=loader)


def get_listing(key):
    """Return the registered listing for ``key``, or None when no app provides it."""
    return _LISTINGS.get(key)


# The kinds the product knows about, whether or not their app is there yet, so the block
# definition (and its migration) does not change as apps arrive.
LISTING_CHOICES = [
    ("featured_campaign", "Featured campaign"),
    ("upcoming_events", "Upcoming events"),
    ("latest_stories", "Latest stories"),
    ("featured_resources", "Featured resources"),
]
