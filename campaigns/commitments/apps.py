from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from home import registry


class CommitmentsConfig(AppConfig):
    """Organisations' commitments to a campaign's shared commitment (e.g. the prevention
    concordat), each with its action plan. Its own app (label `commitments`) inside
    campaigns/, as stories are."""

    name = "campaigns.commitments"
    label = "commitments"
    verbose_name = _("Commitments and action plans")

    def ready(self):
        """Plug commitments into home's registries."""
        # Inside ready(): these modules import the models, which load after this config.
        from campaigns.commitments import demo_content, impact, models, signing
        from campaigns.models import PledgeSignature  # a model too: loaded after this config

        # The index gets the co-creation workflow: partners' plans go through lead review
        # and coordinator approval like their other pages.
        registry.index_pages.register("commitments", models.CommitmentIndexPage, order=15)
        registry.impact_series.register("commitments", impact.COMMITMENTS, order=20)
        registry.search_types.register("commitments", models.CommitmentPage, order=15)
        registry.demo_loaders.register("campaigns.commitments", demo_content.load, order=25)
        # An approved signature linked to a partner organisation opens its action plan.
        post_save.connect(
            signing.signature_saved, sender=PledgeSignature, dispatch_uid="commitment_opened"
        )
