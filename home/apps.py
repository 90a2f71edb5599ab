from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page and everything every section of the site shares."""

    name = "home"
    verbose_name = _("Openly site")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from home import snippets

        snippets.register()

        from wagtail.signals import page_published

        from home.language_check import stored
        from home.language_check.engine import invalidate_rules
        from home.models import AcceptedFinding, LanguageRule
        from home.workflows import connect_signals

        # A changed rule takes effect at once in every process (see the engine's docstring).
        post_save.connect(invalidate_rules, sender=LanguageRule, dispatch_uid="openly_rules_save")
        post_delete.connect(
            invalidate_rules, sender=LanguageRule, dispatch_uid="openly_rules_delete"
        )
        # Stored results for the findings report follow publishing, rules and acceptances.
        page_published.connect(stored.on_page_published, dispatch_uid="openly_check_published")
        pre_save.connect(
            stored.remember_rule_language, sender=LanguageRule, dispatch_uid="openly_rule_lang"
        )
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                stored.on_rule_changed, sender=LanguageRule, dispatch_uid=f"openly_rule_{name}"
            )
            signal.connect(
                stored.on_acceptance_changed,
                sender=AcceptedFinding,
                dispatch_uid=f"openly_accepted_{name}",
            )
        from home.models import PartnerOrganisation
        from home.organisations import remove_organisation_access

        post_delete.connect(
            remove_organisation_access,
            sender=PartnerOrganisation,
            dispatch_uid="openly_organisation_access",
        )
        connect_signals()
