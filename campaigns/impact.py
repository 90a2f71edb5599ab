"""What campaigns count on the impact dashboard (home.impact): pledge signatures.

Only signatures a moderator approved, of campaigns that are live and outside every
private section, dated by the day they were signed, in the signer's country, split into
people and organisations. Figures only: no name, email or commitment text is read."""

from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage, PledgeSignature
from campaigns.models.pledge import INDIVIDUAL, ORGANISATION
from home.impact.series import ImpactSeries


def approved_signatures():
    public_campaigns = CampaignPage.objects.live().public().values("pk")
    return PledgeSignature.objects.approved().filter(campaign__in=public_campaigns)


PLEDGES = ImpactSeries(
    key="pledges",
    label=_("Pledge signatures"),
    description=_(
        "Signatures of our campaigns' pledges, once approved by a moderator, by the month "
        "they were signed and the signer's country."
    ),
    rows=approved_signatures,
    date_field="created_at",
    country_field="country",
    part_field="kind",
    parts=((INDIVIDUAL, _("Signed by people")), (ORGANISATION, _("Signed by organisations"))),
)
