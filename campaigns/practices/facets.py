"""The filters of the practice library, declared as data (see home.listing.Facet)."""

from django.utils.translation import gettext_lazy as _

from home.listing import Facet

PRACTICE_FACETS = [
    Facet("topic", _("Topic"), "with_topics", count_field="topics__slug"),
    Facet("country", _("Country"), "with_countries", count_field="case_studies__country"),
    Facet("stage", _("Stage of implementation"), "with_stages", count_field="case_studies__stage"),
]
