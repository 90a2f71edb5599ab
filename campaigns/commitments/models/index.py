"""The commitments index: every organisation's plan, grouped by country, with its progress."""

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from campaigns.commitments.facets import COMMITMENT_FACETS
from campaigns.commitments.models.plan import CommitmentPage
from campaigns.commitments.progress import STATE_LABELS
from home.listing import FacetedListing, paginate
from home.models.bases import IndexPage, intro_field

PLANS_PER_PAGE = 24


class CommitmentIndexPage(IndexPage):
    """The organisations' commitments and action plans, grouped by country, filterable by
    country and by progress."""

    intro = intro_field(
        _("A sentence or two above the list, e.g. what organisations commit to and why."),
    )

    subpage_types = ["commitments.CommitmentPage"]
    template = "pages/commitment_index_page.html"

    class Meta:
        verbose_name = _("commitment index")
        verbose_name_plural = _("commitment indexes")

    def listing_context(self, request, **kwargs):
        """Plans in the reader's language (source-language plans not translated yet too),
        filtered by country and progress, grouped by country; paginated."""
        today = timezone.localdate()
        listing = FacetedListing(
            request,
            CommitmentPage.objects.in_locale(self.locale).with_progress(today),
            COMMITMENT_FACETS,
            {"country": list(countries), "progress": list(STATE_LABELS.items())},
        )
        plans = listing.results().by_country().for_cards()
        # The states change with the date; the countries' order with the language.
        order = f"{today.isoformat()}-{get_language()}"
        page = paginate(request, plans, PLANS_PER_PAGE, **listing.page_keys(order))
        for plan in page.object_list:
            plan.state_label = STATE_LABELS[plan.plan_state]
        return {"plans": page, **listing.filter_context()}
