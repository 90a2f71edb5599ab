"""The action tracker's page, /<lang>/actions/: one filterable view of every published
action, with its history, and a calendar feed of due dates for the current filters.

The listing for one request (``ActionListing``) has facets for status, organisation,
topic, country, due window and source page, and runs a fixed number of queries however
many actions there are: the counts and the order are kept in the cache within a content
generation (every publish starts a new one) and for the day (the due windows move at
midnight)."""

import hashlib

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from events.choices import ActionStatus
from events.tracker.conf import ACTIONS_PER_PAGE, FEED_MAX_ACTIONS, SOON_DAYS
from events.tracker.ics import calendar_response
from events.tracker.models.index import ActionStatusChange, TrackedAction
from events.tracker.querysets import LATER, NO_DATE, OVERDUE, SOON
from home.cache import cached_chrome, default_locale
from home.chrome import active_locale
from home.cocreation.public import organisations
from home.conditional import conditional_response, fingerprint
from home.listing import (
    Facet,
    FacetedListing,
    Vocabulary,
    clean_query,
    paginate,
    querystring,
    querystring_prefix,
    removal_links,
    term_choices,
)
from home.models.bases import IndexPage, rich_intro_field

TRACKER_FACETS = [
    Facet("status", _("Status"), "with_statuses", count_field="status"),
    Facet("organisation", _("Organisation"), "with_organisations", "organisation__slug"),
    Facet("topic", _("Topic"), "with_topics", "topic_links__slug"),
    Facet("country", _("Country"), "with_countries", "country"),
    Facet("due", _("Due"), "with_windows", count_method="window_counts"),
    Facet("source", _("Source event or page"), "with_sources", count_method="source_counts"),
]


def window_choices():
    return [
        (OVERDUE, _("Overdue")),
        (SOON, _("Due in the next %(days)s days") % {"days": SOON_DAYS}),
        (LATER, _("Due later")),
        (NO_DATE, _("No due date")),
    ]


class TrackerFacets(FacetedListing):
    """FacetedListing whose cached counts and order are also keyed by the day, as the
    due windows move at midnight."""

    def __init__(self, *args, today, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    @cached_property
    def cache_key(self):
        key = FacetedListing.cache_key.func(self)
        return None if key is None else f"{key}:{self.today.isoformat()}"


class ActionListing:
    """The tracker for one request (see the module's docstring)."""

    def __init__(self, request, tracker_page, now=None):
        self.request = request
        self.page = tracker_page
        self.today = timezone.localdate(now)
        locale = active_locale(request)
        self.query = clean_query(request.GET.get("q"))
        base = self.page.actions(locale, default_locale())
        if self.query:
            base = base.matching(self.query)
        vocabulary = Vocabulary(locale, default_locale())
        names = dict(countries)
        self.facet_listing = TrackerFacets(
            request,
            base,
            TRACKER_FACETS,
            {
                "status": list(ActionStatus.choices),
                "organisation": term_choices(organisations()),
                "topic": vocabulary.topic_choices(),
                "country": sorted(
                    ((code, str(name)) for code, name in names.items()), key=lambda c: c[1]
                ),
                "due": window_choices(),
                "source": self.sources(base),
            },
            # Counts of a typed search are not kept: each query is its own listing.
            cache=not self.query,
            today=self.today,
        )

    def sources(self, base):
        """The source pages of the actions readers may pick (kept like the counts)."""
        # The statement names the selection; its digest keeps the cache key short.
        digest = hashlib.sha256(str(base.query).encode()).hexdigest()[:40]
        key = (digest,) if not self.query else None
        if key is None:
            return base.sources()
        return cached_chrome("tracker-sources", key, base.sources)

    @property
    def params(self):
        return {"q": self.query, **self.facet_listing.chosen}

    def results(self):
        return self.facet_listing.results().by_due_date()

    def page_of_actions(self):
        """The requested page of actions, each with ``history`` (two queries once the
        order is cached: the rows, then the histories of the rows shown)."""
        keys = self.facet_listing.page_keys("due")
        page = paginate(self.request, self.results().for_rows(), ACTIONS_PER_PAGE, **keys)
        found = ActionStatusChange.histories(page.object_list)
        for action in page.object_list:
            action.history = found.get((action.key, action.locale_id), [])
        return page

    def feed_validators(self):
        """(ETag, Last-Modified) of the calendar feed: the latest publication among the
        actions it lists and their number (one aggregate query), and the day, as the due
        windows move at midnight."""
        summary = (
            self.results().exclude(due=None).aggregate(newest=Max("updated_at"), count=Count("pk"))
        )
        etag = fingerprint(self.request, summary["newest"], summary["count"], self.today)
        return etag, summary["newest"]

    def feed_items(self):
        """Actions with a due date for the calendar feed (no history)."""
        results = self.results().exclude(due=None).for_rows()
        return list(results[:FEED_MAX_ACTIONS])

    def context(self):
        facets = self.facet_listing.facets()
        params = self.params
        links = removal_links(params, facets)
        if self.query:
            links.append({"label": self.query, "url": "?" + querystring(params, q=None)})
        return {
            "actions": self.page_of_actions(),
            "facets": facets,
            "query": self.query,
            "filters_active": bool(self.query) or self.facet_listing.active,
            "removal_links": links,
            "querystring_prefix": querystring_prefix(params),
            "feed_query": querystring(params),
            "today": self.today,
        }


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
        etag, last_modified = listing.feed_validators()
        return conditional_response(
            request,
            lambda: calendar_response(request, listing.feed_items(), name=self.title),
            etag,
            last_modified,
        )
