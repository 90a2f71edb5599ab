"""The tracker's listing for one request: its facets (status, organisation, topic,
country, due window, source page), the filtered actions, a page of them with their
histories, and the links that keep the filters. A fixed number of queries however many
actions there are: the counts and the order are kept in the cache within a content
generation (every publish starts a new one) and for the day (the due windows move at
midnight)."""

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from events.choices import ActionStatus
from events.tracker.conf import ACTIONS_PER_PAGE, FEED_MAX_ACTIONS, SOON_DAYS
from events.tracker.history import histories
from events.tracker.querysets import LATER, NO_DATE, OVERDUE, SOON
from home.cache import cached_chrome, default_locale
from home.chrome import active_locale
from home.cocreation.public import organisations
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
        key = (str(base.query),) if not self.query else None
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
        found = histories(page.object_list)
        for action in page.object_list:
            action.history = found.get((action.key, action.locale_id), [])
        return page

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
