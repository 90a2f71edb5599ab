from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import registry


class ImpactConfig(AppConfig):
    """The impact dashboard: figures the apps register as impact series, shown as charts
    at /<lang>/impact/ and on the admin dashboard (a capability app inside home, label
    `impact`)."""

    name = "home.impact"
    label = "impact"
    verbose_name = _("Impact dashboard")

    def ready(self):
        """Plug the dashboard page and its demo into home."""
        # Inside ready(): these modules import the models, which load after this config.
        from home.impact import demo_content, models

        registry.index_pages.register("impact", models.ImpactPage, order=60)
        # After every loader whose content is counted.
        registry.demo_loaders.register("impact", demo_content.load, order=95)
