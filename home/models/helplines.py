"""Crisis helplines: the lines and services people can reach now, shown in the crisis
banner and on the get-help page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from home.cache import default_locale
from home.models.snippets import LiveSnippetQuerySet, ModeratedSnippet


class CrisisHelplineQuerySet(LiveSnippetQuerySet):
    """Queries for helplines, preferring the reader's language over the source language."""

    def for_locale(self, locale, country=None):
        """Published helplines in ``locale``, falling back to the source-language version of
        any helpline not translated (or whose translation is not published) yet, in one
        query. Optionally only one country's."""
        source = default_locale()
        # Only published rows: a translation waiting for review must never reach a reader
        # in crisis; they get the reviewed source-language helpline instead.
        qs = self.live().filter(locale__in={locale.pk, source.pk}).select_related("locale")
        if country:
            qs = qs.filter(country=country)
        chosen = {}
        for helpline in qs.order_by("country", "sort_order", "name"):
            key = helpline.translation_key
            if key not in chosen or helpline.locale_id == locale.pk:
                chosen[key] = helpline
        return sorted(chosen.values(), key=lambda h: (h.country.name, h.sort_order, h.name))


class CrisisHelpline(ModeratedSnippet):
    """A crisis line or service people can reach now, shown in the crisis banner."""

    name = models.CharField(
        max_length=150,
        help_text=_("The service's name, e.g. 'Samaritans'."),
        verbose_name=_("Name"),
    )
    description = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("One line on who it is for, e.g. 'Free, confidential support, any age'."),
        verbose_name=_("Description"),
    )
    country = CountryField(
        help_text=_("The country where this number works."), verbose_name=_("Country")
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("Phone number as people dial it, e.g. '116 123'."),
        verbose_name=_("Phone"),
    )
    text = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("Text-message number or instructions, e.g. 'Text SHOUT to 85258'."),
        verbose_name=_("Text"),
    )
    chat_url = models.URLField(
        blank=True,
        help_text=_("Web address of an online chat, if any."),
        verbose_name=_("Chat URL"),
    )
    website = models.URLField(
        blank=True, help_text=_("The service's web address."), verbose_name=_("Website")
    )
    hours = models.CharField(
        max_length=120,
        help_text=_("When it is open, e.g. '24 hours, every day'."),
        verbose_name=_("Hours"),
    )
    last_verified = models.DateField(
        help_text=_("When someone last checked these details were right. Check twice a year."),
        verbose_name=_("Last verified"),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0,
        help_text=_("Lower numbers are shown first within a country."),
        verbose_name=_("Sort order"),
    )

    objects = CrisisHelplineQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("country"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("text"), FieldPanel("chat_url")],
            heading=_("How to reach it (at least one)"),
        ),
        FieldPanel("hours"),
        FieldPanel("website"),
        FieldPanel("last_verified"),
        FieldPanel("sort_order"),
    ]

    class Meta(ModeratedSnippet.Meta):
        ordering = ["country", "sort_order", "name"]
        verbose_name = _("crisis helpline")
        verbose_name_plural = _("crisis helplines")

    def __str__(self):
        return f"{self.name} ({self.country.code})"

    def clean(self):
        super().clean()
        if not (self.phone or self.text or self.chat_url):
            raise ValidationError(
                _("Give at least one way to reach the service: a phone number, text or chat.")
            )

    @property
    def phone_href(self):
        """The phone number as a tel: link target (digits and a leading + only)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""
