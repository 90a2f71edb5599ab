"""Registration on this site for an event: its set-up (places, waiting list, closing time)
and the registrants. A registrant's name, email and access needs are personal data, as a
story contributor's record is: not a page, no revisions, not indexed for search, not in the
API or feeds, seen only by the event's organisers and moderators, and erased a set number of
days after the event (``lifecycle.erase_due``). The erased row stays, without personal data,
so counts (the impact dashboard's) survive."""

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.registration.conf import FEW_PLACES


class Availability(models.TextChoices):
    """What the event page says about places (only a change of it empties the caches)."""

    OPEN = "open", _("Places available")
    FEW = "few", _("Only a few places left")
    WAITING_LIST = "waiting_list", _("Full: you can join the waiting list")
    FULL = "full", _("Full: no places left")
    CLOSED = "closed", _("Registration is closed")


class RegistrationSetupQuerySet(models.QuerySet):
    def for_event(self, page):
        """The set-up of ``page`` (in any language: one set-up serves every translation)
        with its counts, in one query; None when registration was never set up."""
        return (
            self.filter(translation_key=page.translation_key)
            .annotate(
                confirmed_count=Count("registrants", filter=Q(registrants__status="confirmed")),
                waiting_count=Count("registrants", filter=Q(registrants__status="waiting")),
            )
            .first()
        )


class RegistrationSetup(models.Model):
    """How people register for one event on this site. One per event, shared by all its
    translations (matched by the page's translation key)."""

    event = models.OneToOneField(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Event"),
    )
    translation_key = models.UUIDField(unique=True, editable=False)
    enabled = models.BooleanField(
        default=False,
        verbose_name=_("Registration on this site"),
        help_text=_(
            "Tick to let people register on the event page. Untick to stop registration; "
            "people already registered keep their place. An external registration link set "
            "on the event page is shown only while this is unticked."
        ),
    )
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("Number of places"),
        help_text=_("How many people can come. Leave empty for no limit."),
    )
    waiting_list = models.BooleanField(
        default=True,
        verbose_name=_("Waiting list"),
        help_text=_(
            "When the event is full, people can join a waiting list. When someone cancels, "
            "the first person waiting gets the place and an email saying so."
        ),
    )
    closes_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("Registration closes"),
        help_text=_("Optional. Registration also closes when the event starts."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegistrationSetupQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration set-up")
        verbose_name_plural = _("registration set-ups")

    def __str__(self):
        return str(self.event)

    def is_closed(self, event, now=None):
        """Closed by its closing time, by the event's start, or because it was cancelled."""
        now = now or timezone.now()
        first = event.first_session
        return bool(
            (self.closes_at and now >= self.closes_at)
            or (first is not None and now >= first.start)
            or event.is_cancelled
        )

    def places_left(self, confirmed):
        return None if self.capacity is None else max(self.capacity - confirmed, 0)

    def availability(self, event, confirmed, now=None):
        """What the page says about places, given ``confirmed`` registrants."""
        if not self.enabled or self.is_closed(event, now):
            return Availability.CLOSED
        left = self.places_left(confirmed)
        if left is None or left > max(FEW_PLACES, self.capacity // 10):
            return Availability.OPEN
        if left > 0:
            return Availability.FEW
        return Availability.WAITING_LIST if self.waiting_list else Availability.FULL


class RegistrantQuerySet(models.QuerySet):
    def live(self):
        """Registrants holding a place or waiting for one."""
        return self.filter(status__in=[Registrant.Status.CONFIRMED, Registrant.Status.WAITING])

    def visible_to(self, user, organisation_ids, moderator):
        """What ``user`` may see: everything for moderators, their organisations' events'
        registrants for organisers, nothing for anyone else."""
        if moderator:
            return self
        return self.filter(setup__event__organisation_id__in=organisation_ids)


class Registrant(models.Model):
    """One person registered (or waiting) for an event. Name, email and access needs are
    personal data: erased on cancellation and a set number of days after the event."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Has a place")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    setup = models.ForeignKey(
        RegistrationSetup, on_delete=models.CASCADE, related_name="registrants"
    )
    status = models.CharField(max_length=12, choices=Status.choices, verbose_name=_("Status"))
    name = models.CharField(max_length=120, blank=True, verbose_name=_("Name"))
    email = models.EmailField(blank=True, verbose_name=_("Email"))
    accessibility_needs = models.TextField(
        max_length=500, blank=True, verbose_name=_("Accessibility needs")
    )
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_version = models.CharField(max_length=20, blank=True)
    language = models.CharField(max_length=10, blank=True)
    # A keyed hash of the private cancel link's token (tokens.py): a leak gives no link.
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # The form's one-time value: a second sending of the same form finds this row.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("Registered at"))
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrantQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["setup", "email"],
                condition=~Q(email=""),
                name="registration_one_per_email",
            )
        ]
        indexes = [models.Index(fields=["setup", "status", "created_at"])]
        verbose_name = _("registrant")
        verbose_name_plural = _("registrants")

    def __str__(self):
        # Never the name or email: str() ends up in logs and admin messages.
        return f"Registrant {self.pk}"

    def erase(self, now=None):
        """Remove the personal data in place (the caller saves)."""
        self.name = self.email = self.accessibility_needs = self.token_hash = ""
        self.idempotency_key = None
        self.erased_at = now or timezone.now()
