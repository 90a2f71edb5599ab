from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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
        from campaigns.models import CampaignIndexPage, ResourceIndexPage
        from campaigns.roles import configure_roles
        from home.registry import index_pages, role_grants
        from home.sections import register_listing, register_organisation_listing

        # Home's registries: roles, and the indexes the campaign workflow covers.
        role_grants.register("campaigns", configure_roles, order=10)
        index_pages.register("campaigns", CampaignIndexPage, order=10)
        index_pages.register("resources", ResourceIndexPage, order=20)

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
