"""The campaign page's list of the organisations that signed its shared commitment, each
linked to its action plan (loaded by templates/pages/campaign_page.html, as event_tags
gives it the events' outcomes)."""

from django import template

from campaigns.commitments.models import CommitmentPage

register = template.Library()


def signatories(campaign):
    """[(country, [plans])] of the live commitment pages following ``campaign`` in any
    language, shown in the campaign's language where translated (two queries)."""
    plans = (
        CommitmentPage.objects.in_locale(campaign.locale)
        .for_campaign(campaign)
        .by_country()
        .for_cards()
    )
    groups = {}
    for plan in plans:
        country = plan.organisation.country
        groups.setdefault(country.code, (country, []))[1].append(plan)
    return list(groups.values())


@register.inclusion_tag("components/campaign_signatories.html")
def campaign_signatories(campaign):
    """The signatories of ``campaign``'s commitment by country, with links to their plans."""
    return {"groups": signatories(campaign)}
