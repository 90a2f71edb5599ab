"""The editor panel that shows language findings while editors write."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from home.cocreation.roles import is_moderator
from home.language_check.engine import check_page, has_rules, language_of


class LanguageCheckPanel(Panel):
    """Shows the findings on the last saved version of the page, with why and what to write
    instead; moderators can accept a finding as justified from here. Added to every Openly
    page through ``home.registry.page_plugins`` (see LanguageCheckConfig.ready)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Language & safe-messaging check"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/language_check_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            findings = check_page(page) if page.pk and page.locale_id else []
            user = self.request.user if self.request else None
            context.update(
                {
                    "has_rules": not page.locale_id or has_rules(language_of(page)),
                    "live_url": reverse("openly_live_language_check", args=[page.pk])
                    if page.pk
                    else "",
                    "page": page,
                    "findings": findings,
                    "saved": bool(page.pk),
                    "can_accept": bool(user and is_moderator(user)),
                }
            )
            return context
