"""Named queries of the action tracker's index: the filters its facets apply and the
counts they show (each a fixed number of queries, whatever the number of actions)."""

import datetime

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from events.tracker.conf import SOON_DAYS
from home.restrictions import restricted_sections

OVERDUE = "overdue"
SOON = "soon"
LATER = "later"
NO_DATE = "none"
WINDOWS = (OVERDUE, SOON, LATER, NO_DATE)
DONE = "done"


def window_conditions(today):
    """{due window: the Q selecting its actions} on ``today``. Done actions are never
    overdue: they are over, whatever their date said."""
    soon_end = today + datetime.timedelta(days=SOON_DAYS)
    return {
        OVERDUE: Q(due__lt=today) & ~Q(status=DONE),
        SOON: Q(due__gte=today, due__lte=soon_end),
        LATER: Q(due__gt=soon_end),
        NO_DATE: Q(due__isnull=True),
    }


class TrackedActionQuerySet(models.QuerySet):
    """Filters of the tracker (an empty choice leaves the queryset as it is, as
    home.listing.Facet requires) and the counts its facets show."""

    def in_locale(self, locale, source):
        """Actions in ``locale``, plus source-language actions not published in
        ``locale`` yet, so readers never miss one that concerns them."""
        if locale.pk == source.pk:
            return self.filter(locale=locale)
        translated = self.model.objects.filter(key=OuterRef("key"), locale=locale)
        return self.filter(Q(locale=locale) | Q(locale=source) & ~Exists(translated))

    def public(self):
        """Actions whose page is outside every private section (no query: the private
        sections come from the chrome cache)."""
        sections = restricted_sections()
        if not sections:
            return self
        private = Q()
        for path, depth in sections:
            private |= Q(source_page__path__startswith=path, source_page__depth__gte=depth)
        return self.exclude(private)

    def with_statuses(self, statuses):
        return self.filter(status__in=statuses) if statuses else self

    def with_organisations(self, slugs):
        return self.filter(organisation__slug__in=slugs) if slugs else self

    def with_countries(self, codes):
        return self.filter(country__in=codes) if codes else self

    def with_sources(self, ids):
        return self.filter(source_page_id__in=[int(value) for value in ids]) if ids else self

    def with_topics(self, slugs):
        """Actions of pages with any of the topic slugs (a subquery: listed once)."""
        if not slugs:
            return self
        links = self.model._meta.get_field("topic_links").related_model
        tagged = links.objects.filter(action=OuterRef("pk"), slug__in=slugs)
        return self.filter(Exists(tagged))

    def with_windows(self, windows, today=None):
        """Actions due in any of the windows (overdue, next 30 days, later, no date)."""
        if not windows:
            return self
        conditions = window_conditions(today or timezone.localdate())
        wanted = Q()
        for window in windows:
            wanted |= conditions[window]
        return self.filter(wanted)

    def matching(self, query):
        """Actions whose text, lead or organisation name contains ``query``."""
        if not query:
            return self
        return self.filter(
            Q(action__icontains=query)
            | Q(lead__icontains=query)
            | Q(organisation__name__icontains=query)
        )

    # -- counts (one query each) --------------------------------------------------

    def window_counts(self, today=None):
        """{due window: number of actions} (one aggregate query)."""
        conditions = window_conditions(today or timezone.localdate())
        counts = self.order_by().aggregate(
            **{window: Count("pk", filter=condition) for window, condition in conditions.items()}
        )
        return {window: counts[window] or 0 for window in WINDOWS}

    def source_counts(self):
        """{source page id as a string: number of actions} (one grouped query)."""
        rows = self.order_by().values("source_page_id").annotate(total=Count("pk"))
        return {str(row["source_page_id"]): row["total"] for row in rows}

    def sources(self):
        """[(source page id as a string, its title)] of these actions, by title."""
        rows = (
            self.order_by("source_page__title")
            .values_list("source_page_id", "source_page__title")
            .distinct()
        )
        return [(str(page_id), title) for page_id, title in rows]

    # -- order and display --------------------------------------------------------

    def by_due_date(self):
        """Soonest due first, actions without a date last."""
        return self.order_by(models.F("due").asc(nulls_last=True), "source_page_id", "position")

    def for_rows(self):
        """Everything a row of the tracker shows but its history, in one query."""
        return self.select_related("organisation", "source_page", "locale")
