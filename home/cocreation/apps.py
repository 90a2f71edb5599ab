from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CocreationConfig(AppConfig):
    """Partner organisations and the content they own, roles and their permissions, the
    review workflows, translation review and the wagtail-localize overrides."""

    name = "home.cocreation"
    label = "cocreation"
    verbose_name = _("Co-creation")

    def ready(self):
        # Imported here: the wiring imports models, not loaded yet when Django imports this.
        from home.cocreation import wiring

        wiring.connect()
