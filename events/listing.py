"""The public event listing: filters, facet counts and the page of results, assembled
with a fixed number of queries however many events there are."""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.utils import timezone
from django_countries import countries
from wagtail.models import Locale

from events.choices import ACCESSIBILITY_CHOICES, LANGUAGE_CHOICES, EventFormat
from events.forms import EventFilterForm
from events.querysets import FORMAT_ONLINE
from home.chrome import active_locale
from home.cocreation.models import PartnerOrganisation
from home.models import Audience, Topic
from home.views import paginate

EVENTS_PER_PAGE = 12
FEED_MAX_EVENTS = 200


def terms_for_locale(model, locale, source=None):
    """Published taxonomy terms in ``locale``, falling back to the source-language term for
    slugs not translated (or not reviewed) yet, sorted by name; one query."""
    return list(model.objects.for_locale(locale, source).values())


class EventListing:
    """Everything the listing, its feeds and its filters need for one request."""

    def __init__(self, request, index_page, archive=False, now=None):
        from events.models import EventPage

        self.request = request
        self.index_page = index_page
        self.archive = archive
        self.now = now or timezone.now()
        self.locale = active_locale(request)
        source = Locale.get_default()
        self.topics = terms_for_locale(Topic, self.locale, source)
        self.audiences = terms_for_locale(Audience, self.locale, source)
        self.organisations = list(PartnerOrganisation.objects.order_by("name"))
        self.form = EventFilterForm(
            request.GET or None,
            topics=self.topics,
            audiences=self.audiences,
            organisations=self.organisations,
            week=index_page.mental_health_week,
        )
        base = EventPage.objects.in_locale(self.locale, source)
        if archive:
            self.windowed = base.past(now=self.now)
        else:
            start, end = self.form.date_window(today=timezone.localdate(self.now))
            self.windowed = base.upcoming(now=self.now, start=start, end=end)
        self.results = self.form.apply(self.windowed)

    # -- results ---------------------------------------------------------------------

    def page(self, per_page=EVENTS_PER_PAGE):
        """The requested page of event cards (bad page numbers give page 1 or the last)."""
        return paginate(self.request, self.results.for_cards().with_session_count(), per_page)

    def feed_items(self, limit=FEED_MAX_EVENTS):
        """Events for the calendar and RSS feeds, sessions prefetched."""
        return list(
            self.results.select_related("organisation", "locale").prefetch_related("sessions")[
                :limit
            ]
        )

    def querystring(self, **changes):
        """The current filters as a query string, with ``changes`` applied."""
        params = []
        for key, values in self.request.GET.lists():
            if key in changes or key == "page":
                continue
            params.extend((key, value) for value in values if value)
        for key, value in changes.items():
            if value not in (None, ""):
                params.append((key, value))
        return urlencode(params)

    def shortcut_links(self):
        """Links for the date shortcuts (today, this weekend, …), keeping other filters."""
        current = self.form.filters.get("when", "")
        links = []
        for value, label in self.form.fields["when"].choices:
            query = self.querystring(when=value, date_from="", date_to="")
            links.append({"query": query, "label": label, "current": value == current})
        return links

    @property
    def querystring_prefix(self):
        """Filters to keep in pagination links ('country=FR&' or '')."""
        query = self.querystring()
        return f"{query}&" if query else ""

    # -- facets ----------------------------------------------------------------------

    def _facet_base(self, *names):
        return self.form.apply(self.windowed, exclude=names).order_by()

    def facets(self):
        """Counts per filter value, each counted with the other filters applied."""
        filters = self.form.filters
        return {
            "country": self._country_facet(filters.get("country")),
            "city": self._city_facet(filters.get("city")),
            "format": self._choice_facet("format", EventFormat.choices, filters.get("format")),
            # Organisations have a slug and a name, like taxonomy terms.
            "organisation": self._term_facet(
                "organisation",
                "organisation__slug",
                self.organisations,
                filters.get("organisation"),
            ),
            "topic": self._term_facet("topic", "topics__slug", self.topics, filters.get("topic")),
            "audience": self._term_facet(
                "audience", "audiences__slug", self.audiences, filters.get("audience")
            ),
            "language": self._contains_facet(
                "language", "languages", LANGUAGE_CHOICES, [filters.get("language")]
            ),
            "access": self._contains_facet(
                "access", "accessibility", ACCESSIBILITY_CHOICES, filters.get("access", [])
            ),
            "free": self._facet_base("free").filter(is_free=True).count(),
        }

    def _country_facet(self, selected):
        rows = (
            self._facet_base("country", "city")
            .values("country")
            .annotate(
                here=Count("pk", filter=~Q(format=FORMAT_ONLINE)),
                online=Count("pk", filter=Q(format=FORMAT_ONLINE)),
            )
        )
        rows = list(rows)
        online = sum(row["online"] for row in rows)
        counts = {row["country"]: row["here"] for row in rows if row["country"] and row["here"]}
        if selected:
            counts.setdefault(selected, 0)
        names = dict(countries)
        options = [
            {
                "value": code,
                "label": str(names.get(code, code)),
                "count": count + online,
                "selected": code == selected,
            }
            for code, count in counts.items()
        ]
        return sorted(options, key=lambda option: option["label"])

    def _city_facet(self, selected):
        rows = (
            self._facet_base("city")
            .exclude(city="")
            .values("city")
            .annotate(count=Count("pk"))
            .order_by("city")
        )
        options = [
            {
                "value": row["city"],
                "label": row["city"],
                "count": row["count"],
                "selected": bool(selected) and row["city"].lower() == selected.lower(),
            }
            for row in rows
        ]
        if selected and not any(option["selected"] for option in options):
            options.append({"value": selected, "label": selected, "count": 0, "selected": True})
        return options

    def _choice_facet(self, name, choices, selected):
        counts = dict(
            self._facet_base(name).values_list(name).annotate(count=Count("pk")).order_by()
        )
        return [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "selected": value == selected,
            }
            for value, label in choices
        ]

    def _term_facet(self, name, lookup, terms, selected):
        counts = dict(
            self._facet_base(name)
            .filter(**{f"{lookup}__isnull": False})
            .values_list(lookup)
            .annotate(count=Count("pk", distinct=True))
            .order_by()
        )
        return [
            {
                "value": term.slug,
                "label": term.name,
                "count": counts.get(term.slug, 0),
                "selected": term.slug == selected,
            }
            for term in terms
            if counts.get(term.slug) or term.slug == selected
        ]

    def _contains_facet(self, name, field, choices, selected):
        aggregates = {
            f"c{index}": Count("pk", filter=Q(**{f"{field}__contains": f",{value},"}))
            for index, (value, _label) in enumerate(choices)
        }
        counts = self._facet_base(name).aggregate(**aggregates)
        selected = set(selected or [])
        return [
            {
                "value": value,
                "label": label,
                "count": counts[f"c{index}"],
                "selected": value in selected,
            }
            for index, (value, label) in enumerate(choices)
            if counts[f"c{index}"] or value in selected
        ]
