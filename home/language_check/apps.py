from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguageCheckConfig(AppConfig):
    """The language & safe-messaging checker: rules as data, the matching engine, the editor
    panel, the automatic workflow step, stored results and the findings report."""

    name = "home.language_check"
    label = "language_check"
    verbose_name = _("Language check")

    def ready(self):
        # Imported here: the wiring imports models, not loaded yet when Django imports this.
        from home.language_check import wiring

        wiring.connect()
