"""The record of each email on its way: what kind it is and what became of it, never to whom
it goes or what it says."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeliveryQuerySet(models.QuerySet):
    def finished(self):
        """Sent, or failed for good."""
        return self.exclude(state=Delivery.State.QUEUED)


class Delivery(models.Model):
    """One email queued for delivery. Holds no address, subject or text: only its kind, its
    state, how often it was tried and the class of the last error. The message itself is kept
    sealed (encrypted under a key derived from SECRET_KEY) until it is sent, and is blanked
    then; an email that failed for good keeps it sealed until it is retried or pruned."""

    class Kind(models.TextChoices):
        STATUS_LINK = "status_link", _("Story status link")
        STORY_UPDATE = "story_update", _("Story status update")
        STORY_REVIEW = "story_review", _("Story waiting for review")
        WORKFLOW = "workflow", _("Workflow notification")
        PASSWORD_RESET = "password_reset", _("Password reset")
        ACTION_REMINDER = "action_reminder", _("Action reminder")
        EVENT_REGISTRATION = "event_registration", _("Event registration")
        OTHER = "other", _("Other email")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("What the email is about."),
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=State.choices,
        default=State.QUEUED,
        help_text=_(
            "Queued: waiting for its first or next attempt. Sent: handed to the mail server. "
            "Failed: every attempt failed; it can be retried."
        ),
    )
    attempts = models.PositiveSmallIntegerField(
        _("attempts"), default=0, help_text=_("How often sending was tried.")
    )
    created_at = models.DateTimeField(
        _("queued at"), default=timezone.now, help_text=_("When the email was queued.")
    )
    last_attempt_at = models.DateTimeField(
        _("last attempt"), null=True, blank=True, help_text=_("When sending was last tried.")
    )
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        null=True,
        blank=True,
        help_text=_("When sending will be tried again, if it is waiting for a retry."),
    )
    finished_at = models.DateTimeField(
        _("finished at"),
        null=True,
        blank=True,
        help_text=_("When the email was sent, or when sending was given up."),
    )
    last_error = models.CharField(
        _("last error"),
        max_length=100,
        blank=True,
        help_text=_("The kind of error the last attempt met (never its message)."),
    )
    task_id = models.CharField(
        _("task"),
        max_length=64,
        blank=True,
        help_text=_("The background task that sends it next (or sent it)."),
    )
    sealed_message = models.TextField(
        _("sealed message"),
        blank=True,
        editable=False,
        help_text=_("The email, encrypted; blanked once it is sent."),
    )

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "finished_at"], name="mail_delivery_state_idx")]
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_state_display()})"
