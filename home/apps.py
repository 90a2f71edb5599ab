from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page and everything every section of the site shares."""

    name = "home"
    verbose_name = _("Openly site")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home import snippets

        snippets.register()

        from home.language_check.engine import invalidate_rules
        from home.models import LanguageRule
        from home.workflows import connect_signals

        # A changed rule takes effect at once in every process (see the engine's docstring).
        post_save.connect(invalidate_rules, sender=LanguageRule, dispatch_uid="openly_rules_save")
        post_delete.connect(
            invalidate_rules, sender=LanguageRule, dispatch_uid="openly_rules_delete"
        )
        connect_signals()
