from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The "Our partners" index and each partner organisation's own page."""

    name = "home.partners"
    label = "partners"
    verbose_name = _("Partners")

    def ready(self):
        # Imported here: the wiring imports models, not loaded yet when Django imports this.
        from home.partners import wiring

        wiring.connect()
