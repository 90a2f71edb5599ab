from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    """Campaign pages, success stories and the literacy resource library."""

    name = "campaigns"
    verbose_name = _("Campaigns, stories and resources")

    def ready(self):
        from campaigns.home_listings import featured_campaigns, featured_resources
        from home.sections import register_listing

        register_listing(
            "featured_campaign",
            _("Featured campaign"),
            "components/campaign_home_listing.html",
            featured_campaigns,
        )
        register_listing(
            "featured_resources",
            _("Featured resources"),
            "components/resource_home_listing.html",
            featured_resources,
        )
