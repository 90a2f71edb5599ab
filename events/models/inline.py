"""What is edited inline on an event page: its sessions, speakers and action points."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin

from events.blocks import ProgrammeBlock
from events.choices import ActionStatus, SpeakerRole
from events.session_form import RepeatedTimePanel
from home.models.bases import image_field


class EventSession(TranslatableMixin, models.Model):
    """One date and time range of an event. One-off, multi-day and repeating events are
    all made of sessions. Stored as aware datetimes; shown in the event's time zone."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Optional name for this session, e.g. 'Day 1' or 'Evening walk'."),
        verbose_name=_("Title"),
    )
    start = models.DateTimeField(
        help_text=_("When the session starts, in the event's own time zone (chosen above)."),
        verbose_name=_("Start"),
    )
    end = models.DateTimeField(
        help_text=_("When the session ends, in the event's own time zone. After the start."),
        verbose_name=_("End"),
    )
    programme = StreamField(
        ProgrammeBlock(),
        blank=True,
        help_text=_("Optional programme: the items of this session, in order."),
        verbose_name=_("Programme"),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        # Shown only for a time that happens twice (the night the clocks go back).
        RepeatedTimePanel("start_fold"),
        RepeatedTimePanel("end_fold"),
        FieldPanel("programme"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["start", "pk"]
        # The listing's next-session subquery looks sessions up by event and end time.
        indexes = [models.Index(fields=["page", "end", "start"], name="events_session_next")]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title or f"{self.start:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The session must end after it starts.")})

    def local(self, value, zone=None):
        """``value`` in the event's time zone."""
        return timezone.localtime(value, zone or self.page.zone)


class EventSpeaker(TranslatableMixin, Orderable):
    """A speaker, moderator or panellist of a workshop or policy dialogue."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(
        max_length=120, help_text=_("The person's name as they want it."), verbose_name=_("Name")
    )
    role = models.CharField(
        max_length=20,
        choices=SpeakerRole.choices,
        default=SpeakerRole.SPEAKER,
        help_text=_("What they do at the event."),
        verbose_name=_("Role"),
    )
    title = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("Optional: their job or experience, e.g. 'Peer support worker'."),
        verbose_name=_("Title"),
    )
    organisation = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("Optional: the organisation they come from."),
        verbose_name=_("Organisation"),
    )
    photo = image_field(
        _("Optional portrait. Only with the person's permission."), verbose_name=_("Photo")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("organisation")]),
        FieldPanel("photo"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker or moderator")
        verbose_name_plural = _("speakers and moderators")

    def __str__(self):
        return self.name


class EventActionPoint(TranslatableMixin, Orderable):
    """An action agreed at the event, with who owns it and how far it has got."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="action_points")
    action = models.TextField(
        max_length=500,
        help_text=_("What will be done, e.g. 'Train 40 school nurses in mental health first aid'."),
        verbose_name=_("Action"),
    )
    owner = models.ForeignKey(
        "cocreation.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner organisation responsible for it."),
        verbose_name=_("Owner"),
    )
    status = models.CharField(
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
        help_text=_("Update it as the action moves on."),
        verbose_name=_("Status"),
    )
    due = models.DateField(
        null=True, blank=True, help_text=_("Optional target date."), verbose_name=_("Due")
    )
    lead = models.CharField(
        max_length=150,
        blank=True,
        help_text=_(
            "Optional: the person or team who leads it, e.g. 'Schools team'. Shown publicly "
            "in the action tracker, so name a team rather than a person unless they agree."
        ),
        verbose_name=_("Lead"),
    )
    evidence_url = models.URLField(
        max_length=500,
        blank=True,
        help_text=_(
            "Optional: a public web page showing the result, e.g. the published guide or a "
            "training report."
        ),
        verbose_name=_("Evidence link"),
    )

    panels = [
        FieldPanel("action"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("status"), FieldPanel("due")]),
        FieldRowPanel([FieldPanel("lead"), FieldPanel("evidence_url")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("action point")
        verbose_name_plural = _("action points")

    def __str__(self):
        return self.action[:60]
