from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page and everything every section of the site shares."""

    name = "home"
    verbose_name = _("Openly site")

    def ready(self):
        # Imported here: the snippet admin, the invalidation receivers and Wagtail's export
        # views import models, not loaded yet at import time; importing checks registers them.
        from django.db.models.signals import post_migrate

        from home import (  # noqa: F401 - registers
            checks,
            deploy_checks,
            invalidation,
            log_privacy,
            site_address,
            snippets,
            spreadsheets,
        )
        from home.social_cards import store as social_cards  # its receivers import models

        log_privacy.install()
        snippets.register()
        spreadsheets.protect_csv_exports()
        invalidation.connect()
        social_cards.connect()
        # The site's address (OPENLY_SITE_URL) is written into the Site record on migrate.
        post_migrate.connect(site_address.apply_after_migrate, sender=self)
