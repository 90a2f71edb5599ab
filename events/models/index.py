"""The events section's index page: the listing, the archive and the feeds."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from events.choices import ACCESSIBILITY_CHOICES, LANGUAGE_CHOICES, EventFormat
from events.feeds import feed_response
from events.forms import EventFilterForm
from events.ics import calendar_response
from events.models.event import EventPage
from events.models.schedule import JOIN_LINK_LEAD
from home.cache import cached_chrome, default_locale
from home.chrome import active_locale
from home.cocreation.public import organisations
from home.conditional import (
    body_key,
    conditional_response,
    digest,
    fingerprint,
    newest_of,
    summarise,
)
from home.listing import (
    Vocabulary,
    count_by,
    count_containing,
    option,
    options,
    paginate,
    querystring,
    querystring_prefix,
    request_params,
    term_choices,
)
from home.models.bases import IndexPage, rich_intro_field

EVENTS_PER_PAGE = 12
# How long a listing's counts are kept: events leave the listing as they end.
COUNTS_SECONDS = 5 * 60
# Listings with more filters than this are counted on each request (not cached).
CACHED_FILTERS = 3
FEED_MAX_EVENTS = 200
# Feeds keep events that ended this many days ago, so subscribers' calendars keep them.
FEED_KEEP_DAYS = 30


def local_midnight(now):
    """The start of ``now``'s day in the site's time zone."""
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


class EventListing:
    """The events listing for one request: the filter form, the filtered events, their
    facets with counts, and the links that keep the filters (pagination, date shortcuts,
    feeds). A fixed number of queries however many events there are."""

    def __init__(
        self, request, index_page, events, vocabulary, archive=False, feed=False, now=None
    ):
        """``events``: the events readers of this language see (a queryset);
        ``vocabulary``: the topics and audiences in their language; ``feed``: keep events
        that ended in the last ``FEED_KEEP_DAYS`` days (counted in whole days, so the
        feed changes only at midnight or when a session ends or an event is published)."""
        self.request = request
        self.index_page = index_page
        self._counts = None
        self.archive = archive
        self.feed = feed
        self.now = now or timezone.now()
        self.topics = list(vocabulary.topics.values())
        self.audiences = list(vocabulary.audiences.values())
        self.organisations = organisations()
        self.form = EventFilterForm(
            request.GET or None,
            topics=self.topics,
            audiences=self.audiences,
            organisations=self.organisations,
            week=index_page.mental_health_week,
        )
        if archive:
            self.windowed = events.past(now=self.now)
        else:
            start, end = self.form.date_window(today=timezone.localdate(self.now))
            after = self.feed_cutoff if feed else self.now
            self.windowed = events.upcoming(now=after, start=start, end=end)
        self.results = self.form.apply(self.windowed)

    def page(self, per_page=EVENTS_PER_PAGE):
        """The requested page of event cards (bad page numbers give page 1 or the last)."""
        events = self.results.for_cards().with_session_count()
        key = self.cache_key()
        if key is None:
            return paginate(self.request, events, per_page, count=self.counts()["total"])
        return paginate(self.request, events, per_page, key=(key,), timeout=COUNTS_SECONDS)

    def feed_items(self, limit=FEED_MAX_EVENTS):
        """Events for the calendar and RSS feeds, sessions prefetched."""
        events = self.results.select_related("organisation", "locale")
        return list(events.prefetch_related("sessions")[:limit])

    @property
    def feed_cutoff(self):
        """Events whose last session ended before this moment leave the feeds."""
        return local_midnight(self.now) - datetime.timedelta(days=FEED_KEEP_DAYS)

    def feed_validators(self):
        """(ETag parts, Last-Modified) of the feeds, from one aggregate query: the newest
        publication among the matching events, their number, and the latest of their
        sessions to have ended (a feed names each event's next session). Midnight is the
        floor, as the date filters and the kept past days move then. The summary is kept
        in the cache like the listing's counts (``COUNTS_SECONDS``)."""

        def build():
            ended = Max("sessions__end", filter=Q(sessions__end__lte=self.now))
            # The latest session whose joining link may have appeared on its page by now.
            opened = Max(
                "sessions__start", filter=Q(sessions__start__lte=self.now + JOIN_LINK_LEAD)
            )
            return summarise(self.results, ended=ended, opened=opened)

        key = self.cache_key()
        if key is None:
            summary = build()
        else:
            summary = cached_chrome("event-feed", (key,), build, timeout=COUNTS_SECONDS)
        midnight = local_midnight(self.now)
        opened = summary.get("opened") and summary["opened"] - JOIN_LINK_LEAD
        parts = (summary["newest"], summary["count"], summary["ended"], opened, midnight)
        return parts, newest_of(summary["newest"], summary["ended"], opened, midnight)

    def querystring(self, **changes):
        """The current filters as a query string, with ``changes`` applied."""
        return querystring(request_params(self.request), **changes)

    @property
    def querystring_prefix(self):
        """Filters to keep in pagination links ('country=FR&' or '')."""
        return querystring_prefix(request_params(self.request))

    def shortcut_links(self):
        """Links for the date shortcuts (today, this weekend, …), keeping other filters."""
        current = self.form.filters.get("when", "")
        return [
            {
                "query": self.querystring(when=value, date_from="", date_to=""),
                "label": label,
                "current": value == current,
            }
            for value, label in self.form.fields["when"].choices
        ]

    def _base(self, *names):
        """The events with every filter applied except ``names`` (a facet's own)."""
        return self.form.apply(self.windowed, exclude=names)

    def counts(self):
        """The number of results and every facet's counts, each with the other filters
        applied, as plain data: one grouped query a facet when counted. Kept in the cache
        within a content generation (every publish starts a new one) for
        ``COUNTS_SECONDS``, as events leave the listing when they end; listings with a
        typed city or many filters are counted on each request."""
        filters = self.form.filters

        def build():
            languages = [value for value, _label in LANGUAGE_CHOICES]
            access = [value for value, _label in ACCESSIBILITY_CHOICES]
            return {
                "total": self.results.count(),
                "country": self._base("country", "city").country_counts(
                    also=filters.get("country")
                ),
                "city": self._base("city").city_counts(),
                "format": count_by(self._base("format"), "format"),
                "organisation": count_by(self._base("organisation"), "organisation__slug"),
                "topic": count_by(self._base("topic"), "topics__slug"),
                "audience": count_by(self._base("audience"), "audiences__slug"),
                "language": count_containing(self._base("language"), "languages", languages),
                "access": count_containing(self._base("access"), "accessibility", access),
                "free": self._base("free").free().count(),
            }

        # The page and the facets both ask: count once per request.
        if self._counts is None:
            key = self.cache_key()
            if key is None:
                self._counts = build()
            else:
                self._counts = cached_chrome("event-counts", (key,), build, timeout=COUNTS_SECONDS)
        return self._counts

    def cache_key(self):
        """What identifies this listing's data (section, language, archive or feed, the
        valid filters); None when it is not worth keeping (a typed city, many filters)."""
        filters = self.form.filters
        if "city" in filters or len(filters) > CACHED_FILTERS:
            return None
        filters = sorted((name, str(value)) for name, value in filters.items())
        return digest(self.index_page.pk, get_language(), self.archive, self.feed, filters)

    def facets(self):
        """{filter: options}, each option counted with the other filters applied."""
        chosen = self.form.filters
        counts = self.counts()
        access = chosen.get("access", [])
        language = [chosen["language"]] if chosen.get("language") else []

        def terms(name, choices):
            return options(choices, counts[name], [chosen.get(name)])

        return {
            "country": self._country_facet(chosen.get("country"), counts["country"]),
            "city": self._city_facet(chosen.get("city"), counts["city"]),
            "format": options(
                EventFormat.choices, counts["format"], [chosen.get("format")], keep_empty=True
            ),
            "organisation": terms("organisation", term_choices(self.organisations)),
            "topic": terms("topic", term_choices(self.topics)),
            "audience": terms("audience", term_choices(self.audiences)),
            "language": options(LANGUAGE_CHOICES, counts["language"], language),
            "access": options(ACCESSIBILITY_CHOICES, counts["access"], access),
            "free": counts["free"],
        }

    def _country_facet(self, selected, counts):
        names = dict(countries)
        choices = [(code, str(names.get(code, code))) for code in counts]
        found = options(choices, counts, [selected], keep_empty=True)
        return sorted(found, key=lambda item: item["label"])

    def _city_facet(self, selected, counts):
        wanted = (selected or "").lower()
        found = [
            option(city, city, count, bool(wanted) and city.lower() == wanted)
            for city, count in counts
        ]
        if selected and not any(item["selected"] for item in found):
            found.append(option(selected, selected, 0, True))
        return found


class EventIndexPage(RoutablePageMixin, IndexPage):
    """Mental Health Week events: upcoming events with filters, the past-events archive,
    and calendar (.ics) and RSS/Atom feeds of the listing."""

    intro = rich_intro_field(_("A short introduction above the list of events."))
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

    content_panels = IndexPage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("week_start"), FieldPanel("week_end")])],
            heading=_("Mental Health Week"),
        ),
    ]

    subpage_types = ["events.EventPage"]
    template = "pages/event_index_page.html"

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

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

    def listing(self, request, archive=False, feed=False):
        """The listing of this section's events in the reader's language (source-language
        events where not translated yet)."""
        locale, source = active_locale(request), default_locale()
        events = EventPage.objects.in_locale(locale, source)
        vocabulary = Vocabulary(locale, source)
        return EventListing(request, self, events, vocabulary, archive=archive, feed=feed)

    def listing_context(self, request, listing=None, **kwargs):
        listing = listing or self.listing(request)
        return {
            "listing": listing,
            "filter_form": listing.form,
            "events": listing.page(),
            "facets": listing.facets(),
            "archive": listing.archive,
            "querystring_prefix": listing.querystring_prefix,
            "feed_query": listing.querystring(),
        }

    @path("")
    def upcoming_events(self, request):
        return self.render(request, listing=self.listing(request))

    @path("past/")
    def past_events(self, request):
        return self.render(request, listing=self.listing(request, archive=True))

    def feed_file(self, request, render):
        """A feed of the listing (same filters, recent past events kept): ``render(events)``
        makes the body, or a 304 answers a reader whose copy is still current."""
        listing = self.listing(request, feed=True)
        parts, last_modified = listing.feed_validators()
        listing_key = listing.cache_key()
        return conditional_response(
            request,
            lambda: render(listing.feed_items()),
            fingerprint(request, *parts),
            last_modified,
            key=body_key(request, listing_key, *parts) if listing_key else None,
        )

    @re_path(r"^feed\.ics/?$", name="calendar_feed")
    def calendar_feed(self, request):
        """A subscribable calendar of the listing, with the same filters."""
        return self.feed_file(
            request,
            lambda events: calendar_response(
                request, events, filename="events.ics", name=self.title
            ),
        )

    @re_path(r"^feed\.rss/?$", name="rss_feed")
    def rss_feed(self, request):
        return self.feed_file(request, lambda events: feed_response(request, self, events))

    @re_path(r"^feed\.atom/?$", name="atom_feed")
    def atom_feed(self, request):
        return self.feed_file(
            request, lambda events: feed_response(request, self, events, atom=True)
        )
