"""What an event page holds after the event: its key insights, outcomes, action points
(edited inline, events.models.inline) and documents to download."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField

from events.blocks import ReportDocumentsBlock


class EventReport(models.Model):
    """The event's report, filled in after it (the "After the event" tab)."""

    report_key_insights = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("After the event: the key insights, in a few bullet points."),
        verbose_name=_("Key insights"),
    )
    report_outcomes = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("After the event: what came out of it. Shown on the campaign's page too."),
        verbose_name=_("Outcomes"),
    )
    report_documents = StreamField(
        ReportDocumentsBlock(),
        blank=True,
        help_text=_("After the event: the summary report, slides or action plan to download."),
        verbose_name=_("Report documents"),
    )

    report_panels = [
        FieldPanel("report_key_insights"),
        FieldPanel("report_outcomes"),
        InlinePanel("action_points", label=_("Action point")),
        FieldPanel("report_documents"),
    ]

    class Meta:
        abstract = True
