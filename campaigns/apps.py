from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import registry


class CampaignsConfig(AppConfig):
    """Campaign pages, success stories and the literacy resource library."""

    name = "campaigns"
    verbose_name = _("Campaigns, stories and resources")

    def ready(self):
        from campaigns.home_listings import (
            featured_campaigns,
            featured_resources,
            organisation_campaigns,
            organisation_resources,
        )
        from home.sections import register_listing, register_organisation_listing

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
        register_organisation_listing(
            "campaigns",
            _("Campaigns"),
            "components/campaign_home_listing.html",
            organisation_campaigns,
            "campaigns.CampaignIndexPage",
            _("All campaigns run by %(name)s"),
            order=10,
        )
        register_organisation_listing(
            "resources",
            _("Resources"),
            "components/resource_home_listing.html",
            organisation_resources,
            "campaigns.ResourceIndexPage",
            _("All resources published by %(name)s"),
            order=30,
        )

        # Demo content for `manage.py load_demo` (imported here: the loader needs models).
        from campaigns import demo_content

        registry.demo_loaders.register("campaigns", demo_content.load, order=20)
