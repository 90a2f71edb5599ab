from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page and everything every section of the site shares."""

    name = "home"
    verbose_name = _("Openly site")

    def ready(self):
        # Imported here: the snippet admin, the invalidation receivers and Wagtail's export
        # views import models, not loaded yet at import time; importing checks registers them.
        from home import checks, invalidation, snippets, spreadsheets  # noqa: F401

        snippets.register()
        spreadsheets.protect_csv_exports()
        invalidation.connect()
