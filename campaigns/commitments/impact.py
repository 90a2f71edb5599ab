"""What commitments count on the impact dashboard (home.impact): organisations'
published commitments, once each whatever the number of translations, by the month they
were signed and the organisation's country."""

from django.utils.translation import gettext_lazy as _

from campaigns.commitments.models import CommitmentPage
from home.impact.series import ImpactSeries, first_of_translations


def published_commitments():
    return first_of_translations(CommitmentPage.objects.live().public())


COMMITMENTS = ImpactSeries(
    key="commitments",
    label=_("Organisations' commitments"),
    description=_(
        "Commitments published by partner organisations, by the month they were signed "
        "and the organisation's country."
    ),
    rows=published_commitments,
    date_field="signed_on",
    country_field="organisation__country",
)
