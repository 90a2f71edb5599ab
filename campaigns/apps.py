from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from campaigns.related import register_related_kind
from home import registry
from home.sections import register_listing, register_organisation_listing


class CampaignsConfig(AppConfig):
    """Campaign pages, success stories and the literacy resource library."""

    name = "campaigns"
    verbose_name = _("Campaigns, stories and resources")

    def ready(self):
        # Models and what imports them load only once the app registry is ready.
        from campaigns import home_listings, models

        registry.search_types.register("campaigns", models.CampaignPage, order=10)
        registry.search_types.register("resources", models.ResourcePage, order=20)
        register_related_kind("resources", models.ResourcePage, order=20)
        register_listing(
            "featured_campaign",
            _("Featured campaign"),
            "components/campaign_home_listing.html",
            home_listings.featured_campaigns,
        )
        register_listing(
            "featured_resources",
            _("Featured resources"),
            "components/resource_home_listing.html",
            home_listings.featured_resources,
        )
        register_organisation_listing(
            "campaigns",
            _("Campaigns"),
            "components/campaign_home_listing.html",
            home_listings.organisation_campaigns,
            models.CampaignIndexPage,
            _("All campaigns run by %(name)s"),
            order=10,
        )
        register_organisation_listing(
            "resources",
            _("Resources"),
            "components/resource_home_listing.html",
            home_listings.organisation_resources,
            models.ResourceIndexPage,
            _("All resources published by %(name)s"),
            order=30,
        )

        # Demo content for `manage.py load_demo` (imported here: the loader needs models).
        from campaigns import demo_content

        registry.demo_loaders.register("campaigns", demo_content.load, order=20)
