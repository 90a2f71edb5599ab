"""The tracker's own tables: one row per published action and language, kept by
events.tracker.sync from the pages' ``tracked_actions()``; the history of status changes,
which outlives an unpublished page; and the reminders already sent."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.choices import ActionStatus
from events.tracker.querysets import TrackedActionQuerySet


class TrackedAction(models.Model):
    """A published action in one language, as its page says it now. Not edited by hand:
    the page it comes from is, and publishing the page updates this row."""

    key = models.CharField(
        max_length=120,
        help_text=_("The action's key (see tracked actions)."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The language of the page that was published."),
        verbose_name=_("Language"),
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page whose publication changed the status."),
        verbose_name=_("Source page"),
    )
    source_type = models.CharField(
        max_length=100,
        help_text=_("What kind of page the action comes from, e.g. 'events.eventpage'."),
    )
    position = models.PositiveIntegerField(
        default=0,
        help_text=_("The action's place on its page."),
    )
    action = models.TextField(help_text=_("What will be done."), verbose_name=_("Action"))
    organisation = models.ForeignKey(
        "cocreation.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner organisation that owns the action."),
        verbose_name=_("Organisation"),
    )
    lead = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The person or team who leads it."),
        verbose_name=_("Lead"),
    )
    status = models.CharField(
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
        help_text=_("How far the action has got."),
        verbose_name=_("Status"),
    )
    due = models.DateField(
        null=True, blank=True, help_text=_("The target date."), verbose_name=_("Due")
    )
    evidence_url = models.URLField(
        max_length=500,
        blank=True,
        help_text=_("A public page showing the result."),
        verbose_name=_("Evidence link"),
    )
    country = models.CharField(
        max_length=2,
        blank=True,
        help_text=_("The owner's country, else the page's (ISO code)."),
        verbose_name=_("Country"),
    )
    updated_at = models.DateTimeField(
        help_text=_("When the change was published."),
    )

    objects = TrackedActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("tracked action")
        verbose_name_plural = _("tracked actions")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="tracker_one_action_per_locale")
        ]
        indexes = [
            models.Index(fields=["locale", "due"], name="tracker_action_due"),
            models.Index(fields=["source_page", "position"], name="tracker_action_page"),
        ]

    def __str__(self):
        return self.action[:60]

    @property
    def is_done(self):
        return self.status == ActionStatus.DONE


class TrackedActionTopic(models.Model):
    """A topic of the page an action comes from (by slug: slugs match across languages)."""

    action = models.ForeignKey(
        TrackedAction,
        on_delete=models.CASCADE,
        related_name="topic_links",
        help_text=_("The action."),
        verbose_name=_("Action"),
    )
    slug = models.SlugField(
        max_length=100, help_text=_("The topic's slug."), verbose_name=_("Topic")
    )

    class Meta:
        verbose_name = _("tracked action topic")
        verbose_name_plural = _("tracked action topics")
        constraints = [
            models.UniqueConstraint(fields=["action", "slug"], name="tracker_one_topic_link")
        ]

    def __str__(self):
        return self.slug


class ActionStatusChange(models.Model):
    """One step in an action's history: its status went from one value to another when a
    page was published. Kept while the page is unpublished, so a page published again
    continues its history."""

    key = models.CharField(
        max_length=120,
        help_text=_("The action's key (see tracked actions)."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The language of the page that was published."),
        verbose_name=_("Language"),
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page whose publication changed the status."),
        verbose_name=_("Source page"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The published revision that made the change."),
    )
    from_status = models.CharField(
        max_length=20,
        blank=True,
        choices=ActionStatus.choices,
        help_text=_("The status before (empty when the action first appeared)."),
        verbose_name=_("From"),
    )
    to_status = models.CharField(
        max_length=20,
        choices=ActionStatus.choices,
        help_text=_("The status after."),
    )
    changed_at = models.DateTimeField(help_text=_("When the change was published."))

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("action status change")
        verbose_name_plural = _("action status changes")
        indexes = [models.Index(fields=["key", "locale"], name="tracker_history_key")]

    def __str__(self):
        return f"{self.key}: {self.from_status or '-'} → {self.to_status}"

    @classmethod
    def histories(cls, actions):
        """{(key, locale id): [changes, oldest first]} of ``actions`` (TrackedAction
        rows): one query, none without actions."""
        pairs = {(action.key, action.locale_id) for action in actions}
        if not pairs:
            return {}
        wanted = Q()
        for key, locale_id in pairs:
            wanted |= Q(key=key, locale_id=locale_id)
        found = {}
        for change in cls.objects.filter(wanted).order_by("changed_at", "pk"):
            found.setdefault((change.key, change.locale_id), []).append(change)
        return found


class ActionReminder(models.Model):
    """A reminder sent to an action's owners: at most one of each kind per action and due
    date, so a job that runs every day never repeats one (a new due date starts again)."""

    BEFORE = "before"
    OVERDUE = "overdue"
    KIND_CHOICES = [
        (BEFORE, _("Before the due date")),
        (OVERDUE, _("Overdue")),
    ]

    key = models.CharField(
        max_length=120,
        help_text=_("The action's key (see tracked actions)."),
    )
    due = models.DateField(
        help_text=_("The due date the reminder was about."), verbose_name=_("Due")
    )
    kind = models.CharField(
        max_length=10,
        choices=KIND_CHOICES,
        help_text=_("Which reminder it was."),
        verbose_name=_("Kind"),
    )
    sent_at = models.DateTimeField(auto_now_add=True, help_text=_("When it was queued."))
    recipients = models.PositiveIntegerField(
        default=0,
        help_text=_("How many people it was sent to (never who)."),
    )

    class Meta:
        verbose_name = _("action reminder")
        verbose_name_plural = _("action reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "due", "kind"], name="tracker_one_reminder_per_due_date"
            )
        ]

    def __str__(self):
        return f"{self.key} {self.kind} {self.due}"
