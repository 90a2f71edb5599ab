from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page and everything every section of the site shares."""

    name = "home"
    verbose_name = _("Openly site")

    def ready(self):
        # Imported here: the snippet admin, the invalidation receivers and Wagtail's export
        # views import models, not loaded yet at import time; importing checks registers them.
        from home import (  # noqa: F401 - registers
            checks,
            deploy_checks,
            invalidation,
            log_privacy,
            snippets,
            spreadsheets,
        )

        log_privacy.install()
        snippets.register()
        spreadsheets.protect_csv_exports()
        invalidation.connect()
