"""The parts of an organisation's action plan edited inline on its commitment page: the
actions and the dated progress updates. Both are translatable (their text is translated
with the page) and keep one translation key across languages, which the action tracker
uses to follow one action through every translation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from events.choices import ActionStatus


def _signed_on(item):
    """The signing date of the page ``item`` belongs to, when the form set one."""
    page = getattr(item, "page", None)
    return getattr(page, "signed_on", None) if page is not None else None


class CommitmentAction(TranslatableMixin, Orderable):
    """One action of an organisation's plan: what, who leads it, by when and how far it has
    got, with a link to the evidence once there is some."""

    page = ParentalKey(
        "commitments.CommitmentPage", on_delete=models.CASCADE, related_name="actions"
    )
    action = models.TextField(
        max_length=500,
        help_text=_("What will be done, e.g. 'Train 40 school nurses in mental health first aid'."),
        verbose_name=_("Action"),
    )
    lead = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("The person or team leading it, e.g. 'Schools team'. Optional."),
        verbose_name=_("Lead person or team"),
    )
    due = models.DateField(
        null=True,
        blank=True,
        help_text=_("When it should be done. Leave empty if there is no date yet."),
        verbose_name=_("Due date"),
    )
    status = models.CharField(
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
        help_text=_("Update it as the action moves on."),
        verbose_name=_("Status"),
    )
    evidence_url = models.URLField(
        blank=True,
        help_text=_(
            "Optional: a web page or document showing what was done, e.g. a training report."
        ),
        verbose_name=_("Evidence link"),
    )

    panels = [
        FieldPanel("action"),
        FieldRowPanel([FieldPanel("lead"), FieldPanel("due"), FieldPanel("status")]),
        FieldPanel("evidence_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.action[:60]

    def clean(self):
        super().clean()
        signed_on = _signed_on(self)
        if self.due and signed_on and self.due < signed_on:
            raise ValidationError(
                {
                    "due": _(
                        "The due date cannot be before the organisation signed the "
                        "commitment (%(date)s)."
                    )
                    % {"date": formats.date_format(signed_on, "DATE_FORMAT")}
                }
            )

    def is_overdue(self, today=None):
        """Not done by its due date."""
        today = today or timezone.localdate()
        return bool(self.due and self.due < today and self.status != ActionStatus.DONE)


class CommitmentUpdate(TranslatableMixin, Orderable):
    """A dated note on how the plan is going, e.g. after a quarterly review."""

    page = ParentalKey(
        "commitments.CommitmentPage", on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(
        help_text=_("The day of the update. It cannot be in the future."),
        verbose_name=_("Date"),
    )
    text = models.TextField(
        max_length=1000,
        help_text=_("What happened since the last update, in a few sentences."),
        verbose_name=_("Update"),
    )

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        return self.text[:60]

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("A progress update cannot be dated in the future.")})
        signed_on = _signed_on(self)
        if self.date and signed_on and self.date < signed_on:
            raise ValidationError(
                {"date": _("A progress update cannot be dated before the commitment was signed.")}
            )
