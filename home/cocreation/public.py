"""The partner organisations as readers' filters name them, from the chrome cache.

Listings offer "filter by organisation" on every render; the names and slugs are site
chrome (home.cache), renewed when an organisation is saved or deleted (home.invalidation
watches PartnerOrganisation, see home.cocreation.wiring) as well as on every publish."""

from typing import NamedTuple

from home.cache import cached_chrome
from home.cocreation.models import PartnerOrganisation


class Organisation(NamedTuple):
    """An organisation as a filter option: its slug and name."""

    slug: str
    name: str


def organisations():
    """Every partner organisation by name, as ``Organisation`` (slug, name); no query
    once cached."""
    rows = cached_chrome(
        "organisations",
        (),
        lambda: list(PartnerOrganisation.objects.order_by("name").values_list("slug", "name")),
    )
    return [Organisation(slug, name) for slug, name in rows]
