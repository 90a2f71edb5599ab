from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import registry


class PracticesConfig(AppConfig):
    """The practice library: best practices and country case studies of their
    implementation. Its own app (label `practices`) inside campaigns/."""

    name = "campaigns.practices"
    label = "practices"
    verbose_name = _("Practice library")

    def ready(self):
        """Plug the practice library into home's registries."""
        # Inside ready(): these modules import the practice models, which load after this.
        from campaigns.practices import demo_content, models

        # Practices go through the campaign content workflow like resources.
        registry.index_pages.register("practices", models.PracticeIndexPage, order=50)
        registry.search_types.register("practices", models.PracticePage, order=50)
        registry.demo_loaders.register("campaigns.practices", demo_content.load, order=50)
