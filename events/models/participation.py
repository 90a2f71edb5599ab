"""How people take part in an event: its languages, access, cost and registration."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.choices import ACCESSIBILITY_CHOICES, LANGUAGE_CHOICES, Registration
from events.fields import MultipleChoiceField


class EventParticipation(models.Model):
    """Who can take part and how: languages spoken, access offered, cost, sign-up."""

    languages = MultipleChoiceField(
        choices=LANGUAGE_CHOICES,
        help_text=_("The languages spoken at the event. Readers filter by them."),
        verbose_name=_("Languages"),
    )
    accessibility = MultipleChoiceField(
        choices=ACCESSIBILITY_CHOICES,
        help_text=_("Tick everything the event offers. Readers filter by their needs."),
        verbose_name=_("Accessibility"),
    )
    accessibility_notes = models.TextField(
        max_length=600,
        blank=True,
        help_text=_("Anything else people should know, e.g. 'Lift to the first floor'."),
        verbose_name=_("Accessibility notes"),
    )
    # Cost and registration
    is_free = models.BooleanField(
        default=True, help_text=_("Untick if people have to pay."), verbose_name=_("Free of charge")
    )
    price = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("The price when not free, e.g. '€10, €5 for students'."),
        verbose_name=_("Price"),
    )
    registration = models.CharField(
        max_length=10,
        choices=Registration.choices,
        default=Registration.NONE,
        help_text=_("How people sign up, if they need to."),
        verbose_name=_("Registration"),
    )
    registration_url = models.URLField(
        blank=True,
        help_text=_("The sign-up page, when people register on a web page."),
        verbose_name=_("Registration URL"),
    )
    registration_email = models.EmailField(
        blank=True,
        help_text=_("The address to write to, when people register by email."),
        verbose_name=_("Registration email"),
    )
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_("Optional: how many people can take part."),
        verbose_name=_("Capacity"),
    )

    class Meta:
        abstract = True
