"""The filters readers combine on the campaign index and in the resource library,
declared as data (see home.listing.Facet): the QuerySet methods named here filter and
count on the pages' own querysets."""

from django.utils.translation import gettext_lazy as _

from home.listing import Facet

TOPIC = Facet("topic", _("Topic"), "with_topics", count_field="topics__slug")
AUDIENCE = Facet("audience", _("Audience"), "with_audiences", count_field="audiences__slug")

CAMPAIGN_FACETS = [
    TOPIC,
    AUDIENCE,
    # An organisation runs a campaign as its owner or as a partner: counted once.
    Facet("organisation", _("Run by"), "with_organisations", count_method="organisation_counts"),
]
RESOURCE_FACETS = [
    TOPIC,
    AUDIENCE,
    Facet("format", _("Format"), "with_formats", count_field="format"),
    Facet(
        "organisation", _("Published by"), "with_organisations", count_field="organisation__slug"
    ),
]
