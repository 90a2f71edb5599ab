"""The filters of the working-group index, declared as data (see home.listing.Facet)."""

from django.utils.translation import gettext_lazy as _

from home.listing import Facet

WORKING_GROUP_FACETS = [
    Facet("topic", _("Topic"), "with_topics", count_field="topics__slug"),
    Facet("kind", _("Kind"), "with_kinds", count_field="kind"),
    Facet("status", _("Status"), "with_statuses", count_field="group_status"),
]
