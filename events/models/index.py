"""The events section's index page: the listing, the archive and the feeds."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField

from home.models import BasePage


class EventIndexPage(RoutablePageMixin, BasePage):
    """Mental Health Week events: upcoming events with filters, the past-events archive,
    and calendar (.ics) and RSS/Atom feeds of the listing."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short introduction above the list of events."),
    )
    week_start = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("Mental Health Week starts"),
        help_text=_(
            "First day of this year's Mental Health Week. Readers get a 'Mental Health Week' "
            "shortcut in the date filter. Leave empty to hide it."
        ),
    )
    week_end = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("Mental Health Week ends"),
        help_text=_("Last day of this year's Mental Health Week."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("week_start"), FieldPanel("week_end")])],
            heading=_("Mental Health Week"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "pages/event_index_page.html"

    class Meta:
        verbose_name = _("event index page")

    @property
    def mental_health_week(self):
        """(first day, last day) of Mental Health Week, or None when not set."""
        if self.week_start and self.week_end:
            return self.week_start, self.week_end
        return None

    def clean(self):
        super().clean()
        if (self.week_start is None) != (self.week_end is None):
            raise ValidationError(
                {"week_end": _("Give both the first and the last day of the week, or neither.")}
            )
        if self.week_start and self.week_end and self.week_end < self.week_start:
            raise ValidationError({"week_end": _("The week must end after it starts.")})

    def listing(self, request, archive=False):
        from events.listing import EventListing

        return EventListing(request, self, archive=archive)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = kwargs.get("listing") or self.listing(request)
        context.update(
            {
                "listing": listing,
                "filter_form": listing.form,
                "events": listing.page(),
                "facets": listing.facets(),
                "archive": listing.archive,
                "querystring_prefix": listing.querystring_prefix,
                "feed_query": listing.querystring(),
            }
        )
        return context

    @path("")
    def upcoming_events(self, request):
        return self.render(request, listing=self.listing(request))

    @path("past/")
    def past_events(self, request):
        return self.render(request, listing=self.listing(request, archive=True))

    @re_path(r"^feed\.ics/?$", name="calendar_feed")
    def calendar_feed(self, request):
        """A subscribable calendar of the listing, with the same filters."""
        from events.ics import calendar_response

        events = self.listing(request).feed_items()
        return calendar_response(request, events, filename="events.ics", name=self.title)

    @re_path(r"^feed\.rss/?$", name="rss_feed")
    def rss_feed(self, request):
        from events.feeds import feed_response

        return feed_response(request, self, self.listing(request).feed_items(), atom=False)

    @re_path(r"^feed\.atom/?$", name="atom_feed")
    def atom_feed(self, request):
        from events.feeds import feed_response

        return feed_response(request, self, self.listing(request).feed_items(), atom=True)
