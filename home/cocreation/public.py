"""The partner organisations as readers' filters name them, from the chrome cache.

Listings offer "filter by organisation" on every render; the names and slugs are site
chrome (home.cache), renewed when an organisation is saved or deleted (``connect``, from
CocreationConfig.ready) as well as on every publish."""

from typing import NamedTuple

from django.db.models.signals import post_delete, post_save

from home.cache import cached_chrome, invalidate_chrome
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


def _organisations_changed(**kwargs):
    invalidate_chrome()


def connect():
    """Renew the cached chrome when an organisation changes."""
    for signal in (post_save, post_delete):
        signal.connect(
            _organisations_changed,
            sender=PartnerOrganisation,
            dispatch_uid=f"openly_organisations_chrome_{signal is post_save}",
        )
