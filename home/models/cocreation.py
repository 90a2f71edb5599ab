"""Who translates and reviews which language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class LocaleAssignment(models.Model):
    """Gives a person a language to work in: translators may only edit pages and snippets in
    the languages assigned to them; reviewers approve translations into their language."""

    TRANSLATOR = "translator"
    REVIEWER = "reviewer"
    ROLE_CHOICES = [
        (TRANSLATOR, _("Translator: translates into this language")),
        (REVIEWER, _("Reviewer: approves translations into this language")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="locale_assignments",
        help_text=_("The person who works in this language."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The language they translate into or review."),
    )
    role = models.CharField(
        max_length=20,
        choices=ROLE_CHOICES,
        default=TRANSLATOR,
        help_text=_("Translators write translations; reviewers approve them before they go live."),
    )

    panels = [FieldPanel("user"), FieldPanel("locale"), FieldPanel("role")]

    class Meta:
        unique_together = [("user", "locale", "role")]
        ordering = ["locale__language_code", "role"]
        verbose_name = _("language assignment")
        verbose_name_plural = _("language assignments")

    def __str__(self):
        return f"{self.user} – {self.locale.get_display_name()} ({self.get_role_display()})"
