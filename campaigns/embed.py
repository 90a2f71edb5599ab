"""The pledge embed, /<lang>/embed/pledge/<campaign>/: a campaign's pledge with the live
count of approved signatures (in every language, as on the campaign page) and a link to
the form on the campaign page, for partner sites to frame (home.embeds). Who signed is
never shown. An unknown campaign is an embeddable 404; a campaign without a pledge says so.
"""

from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage, PledgeSignature
from home.cache import default_locale
from home.chrome import active_locale, localized
from home.embeds import EmbedRoute
from home.embeds.views import not_found, render_embed

TEMPLATE = "embeds/pledge.html"


def find_campaign(request, slug):
    """The live, public campaign ``slug`` in the reader's language: its translation's own
    slug, or the source campaign's slug (then shown translated where it is)."""
    locale, source = active_locale(request), default_locale()
    campaigns = CampaignPage.objects.live().public().filter(slug=slug).select_related("locale")
    found = {page.locale_id: page for page in campaigns.filter(locale__in={locale, source})}
    if locale.pk in found:
        return found[locale.pk]
    return localized(found[source.pk]) if source.pk in found else None


def pledge_embed(request, campaign):
    """The pledge of the campaign ``campaign`` (a slug) and its live count."""
    page = find_campaign(request, campaign)
    if page is None:
        return not_found(request, _("There is no campaign at this address."))
    count = None
    if page.has_pledge:
        count = PledgeSignature.objects.for_campaign(page).approved().count()
    return render_embed(
        request,
        TEMPLATE,
        {"campaign": page, "count": count, "sign_url": f"{page.url}#pledge"},
    )


ROUTE = EmbedRoute("<slug:campaign>/", pledge_embed)
