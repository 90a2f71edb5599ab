"""The action tracker's page, /<lang>/actions/: one filterable view of every published
action, with its history, and a calendar feed of due dates for the current filters."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from events.tracker.ics import calendar_response
from events.tracker.listing import ActionListing
from events.tracker.models.index import TrackedAction
from home.models.bases import IndexPage, rich_intro_field


class ActionTrackerPage(RoutablePageMixin, IndexPage):
    """The action tracker: every action point agreed at workshops and policy dialogues or
    written into commitments and working groups' plans, whether it happened, and when
    its status changed. Its list is made by the tracker from the published pages; the
    page itself holds only its introduction."""

    intro = rich_intro_field(
        _(
            "A short introduction above the tracker, e.g. what the actions are and how "
            "organisations report progress (by updating their report or plan)."
        )
    )

    subpage_types = []
    template = "pages/action_tracker_page.html"

    class Meta:
        verbose_name = _("action tracker")
        verbose_name_plural = _("action trackers")

    @staticmethod
    def actions(locale, source):
        """The published actions readers of ``locale`` see: in their language, or in the
        source language where not translated, never from a private section."""
        return TrackedAction.objects.in_locale(locale, source).public()

    def listing(self, request):
        return ActionListing(request, self)

    def listing_context(self, request, listing=None, **kwargs):
        return (listing or self.listing(request)).context()

    @path("")
    def tracker(self, request):
        return self.render(request)

    @re_path(r"^feed\.ics/?$", name="calendar_feed")
    def calendar_feed(self, request):
        """A subscribable calendar of the due dates of the actions the filters select."""
        listing = self.listing(request)
        return calendar_response(request, listing.feed_items(), name=self.title)
