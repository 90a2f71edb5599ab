"""Site-wide settings editors change in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide settings: the quick-exit destination and the footer's legal pages."""

    quick_exit_url = models.URLField(
        default="https://www.bbc.com/weather",
        help_text=_(
            "Where the 'Quick exit' button sends readers: a neutral site such as a weather "
            "forecast, so nobody looking over their shoulder sees what they were reading."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The privacy notice, linked from every page's footer."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The accessibility statement, linked from every page's footer."),
    )

    panels = [
        FieldPanel("quick_exit_url"),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
