"""The filters of the commitments index, declared as data (see home.listing.Facet)."""

from django.utils.translation import gettext_lazy as _

from home.listing import Facet

COMMITMENT_FACETS = [
    Facet("country", _("Country"), "in_countries", count_field="organisation__country"),
    Facet("progress", _("Progress"), "in_states", count_method="state_counts"),
]
