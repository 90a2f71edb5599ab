from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from campaigns.related import register_related_kind
from home import registry
from home.public_forms import register_public_form
from home.sections import register_listing, register_organisation_listing


class CampaignsConfig(AppConfig):
    """Campaign pages, success stories and the literacy resource library."""

    name = "campaigns"
    verbose_name = _("Campaigns, stories and resources")

    def ready(self):
        """Plug campaigns and resources into home's registries."""
        # Inside ready(): these modules import the models, which load after this config.
        from campaigns import api, demo_content, embed, home_listings, impact, models, pledge, roles

        registry.role_grants.register("campaigns", roles.configure_roles, order=10)
        # The section indexes the campaign workflow covers.
        registry.index_pages.register("campaigns", models.CampaignIndexPage, order=10)
        registry.index_pages.register("resources", models.ResourceIndexPage, order=20)
        registry.impact_series.register("pledges", impact.PLEDGES, order=10)
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
        register_public_form(
            "pledge",
            models.CampaignPage,
            "pledge",
            fresh_fields=pledge.fresh_fields,
            show_again=pledge.show_pledge_again,
        )
        registry.demo_loaders.register("campaigns", demo_content.load, order=20)
        registry.api_endpoints.register("campaigns", api.CampaignEndpoint, order=10)
        registry.api_endpoints.register("resources", api.ResourceEndpoint, order=20)
        registry.embeds.register("pledge", embed.ROUTE, order=20)
        # Campaign pages count and list approved signatures (pages and resources are
        # pages: home.invalidation watches them already).
        post_save.connect(
            pledge.signature_saved, sender=models.PledgeSignature, dispatch_uid="pledge_saved"
        )
        post_delete.connect(
            pledge.signature_deleted, sender=models.PledgeSignature, dispatch_uid="pledge_deleted"
        )
