"""What an event page holds after the event: its key insights, outcomes, action points
(edited inline, events.models.inline) and documents to download."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

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

    # The report's text is found by site search (an event page adds these to its own).
    report_search_fields = [
        index.SearchField("report_key_insights"),
        index.SearchField("report_outcomes"),
        index.RelatedFields(
            "action_points", [index.SearchField("action"), index.SearchField("lead")]
        ),
    ]

    class Meta:
        abstract = True

    def tracked_actions(self):
        """One dict per action point, for the action tracker (events.tracker; the shape is
        the tracker's protocol: key, action, organisation, lead, status, due,
        evidence_url). Read fresh from the database: the tracker calls it on publish."""
        return [
            {
                "key": f"{point._meta.label_lower}:{point.translation_key}",
                "action": point.action,
                "organisation": point.owner,
                "lead": point.lead,
                "status": point.status,
                "due": point.due,
                "evidence_url": point.evidence_url,
            }
            for point in self.action_points.select_related("owner").order_by("sort_order", "pk")
        ]
