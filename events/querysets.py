"""Listing queries for events. Each returns a queryset with a fixed number of queries,
whatever the number of events."""

from django.db import models
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.models import PageManager

from home.querysets import LocaleFallbackQuerySet

FORMAT_IN_PERSON = "in_person"
FORMAT_ONLINE = "online"
FORMAT_HYBRID = "hybrid"
# The image size of event cards (templates/components/event_card.html uses the same).
CARD_IMAGE_SPEC = "fill-640x360-c100"


class EventQuerySet(LocaleFallbackQuerySet):
    """Queries for event pages: the upcoming listing, the archive and the filters.
    ``in_locale()`` (shared) lists source-language events not translated yet too."""

    def _sessions(self):
        """The sessions of the event in the outer query (for subqueries)."""
        sessions = self.model._meta.get_field("sessions").related_model
        return sessions.objects.filter(page=OuterRef("pk"))

    def with_next_session(self, after=None, before=None):
        """Annotate each event with its first session that ends after ``after`` (now by
        default) and, when given, starts before ``before``: ``next_start``, ``next_end``,
        ``next_session_id``. Events without such a session get None."""
        after = after or timezone.now()
        sessions = self._sessions().filter(end__gt=after)
        if before is not None:
            sessions = sessions.filter(start__lt=before)
        sessions = sessions.order_by("start", "pk")
        return self.annotate(
            next_start=Subquery(sessions.values("start")[:1]),
            next_end=Subquery(sessions.values("end")[:1]),
            next_session_id=Subquery(sessions.values("pk")[:1]),
        )

    def with_session_count(self):
        """Annotate ``session_count`` (all sessions of the event) without a join."""
        counts = (
            self._sessions().order_by().values("page").annotate(total=Count("pk")).values("total")
        )
        return self.annotate(
            session_count=models.functions.Coalesce(
                Subquery(counts[:1]), 0, output_field=models.IntegerField()
            )
        )

    def with_date_span(self):
        """Annotate ``first_start`` and ``last_end`` over all sessions."""
        firsts = self._sessions().order_by().values("page").annotate(value=Min("start"))
        lasts = self._sessions().order_by().values("page").annotate(value=Max("end"))
        return self.annotate(
            first_start=Subquery(firsts.values("value")[:1]),
            last_end=Subquery(lasts.values("value")[:1]),
        )

    def upcoming(self, now=None, start=None, end=None):
        """Events with a session still to come (or running), one row per event, soonest
        next session first. ``start``/``end`` (aware datetimes) narrow the window."""
        now = now or timezone.now()
        after = max(now, start) if start else now
        sessions = self._sessions().filter(end__gt=after)
        if end is not None:
            sessions = sessions.filter(start__lt=end)
        # Filter with EXISTS, not on the annotation: counts and facet queries then skip
        # the per-event "next session" subquery, which only the page of results needs.
        return (
            self.filter(Exists(sessions))
            .with_next_session(after=after, before=end)
            .order_by("next_start", "pk")
        )

    def past(self, now=None):
        """Events whose sessions have all ended, most recent first."""
        now = now or timezone.now()
        return (
            self.filter(Exists(self._sessions()))
            .exclude(Exists(self._sessions().filter(end__gt=now)))
            .with_date_span()
            .order_by("-last_end", "-pk")
        )

    def in_country(self, code):
        """Events in a country; online events take place everywhere, so they always match."""
        return self.filter(Q(country=code) | Q(format=FORMAT_ONLINE))

    def in_city(self, city):
        return self.filter(city__iexact=city)

    def by_organisation(self, slug):
        """Events the partner organisation ``slug`` runs."""
        return self.filter(organisation__slug=slug)

    def of_format(self, event_format):
        return self.filter(format=event_format)

    def about_topic(self, slug):
        """Events tagged with the topic ``slug`` in any language (slugs match across
        locales)."""
        through = self.model.topics.through
        return self.filter(
            Exists(through.objects.filter(eventpage=OuterRef("pk"), topic__slug=slug))
        )

    def for_audience(self, slug):
        through = self.model.audiences.through
        return self.filter(
            Exists(through.objects.filter(eventpage=OuterRef("pk"), audience__slug=slug))
        )

    def in_language(self, code):
        return self.filter(languages__contains=f",{code},")

    def with_accessibility(self, codes):
        """Events offering every one of the accessibility features in ``codes``."""
        qs = self
        for code in codes:
            qs = qs.filter(accessibility__contains=f",{code},")
        return qs

    def free(self):
        return self.filter(is_free=True)

    def country_counts(self, also=None):
        """{country code: events there}, online events counting in every country, and
        ``also`` (the chosen country) listed even without events there (one query)."""
        rows = list(
            self.order_by()
            .values("country")
            .annotate(
                here=Count("pk", filter=~Q(format=FORMAT_ONLINE)),
                online=Count("pk", filter=Q(format=FORMAT_ONLINE)),
            )
        )
        online = sum(row["online"] for row in rows)
        here = {row["country"]: row["here"] for row in rows if row["country"] and row["here"]}
        if also:
            here.setdefault(also, 0)
        return {code: count + online for code, count in here.items()}

    def city_counts(self):
        """[(city, events there)] in alphabetical order (one query)."""
        rows = self.exclude(city="").values("city").annotate(count=Count("pk")).order_by("city")
        return [(row["city"], row["count"]) for row in rows]

    def for_cards(self):
        """What an event card needs, loaded up front: organisation, image renditions."""
        return self.select_related("organisation", "locale").with_renditions(
            "image", CARD_IMAGE_SPEC
        )

    def outcomes_for_campaign(self, campaign, locale=None, now=None):
        """Past events of ``campaign`` (in any of its languages) that have a summary
        report, most recent first, with their action points and owners prefetched: the
        campaign page's "what our events achieved" list. With ``locale``, each event in
        that language where translated, else in the source language. Two queries."""
        qs = self.in_locale(locale) if locale is not None else self.live().public()
        return (
            qs.filter(campaign__translation_key=campaign.translation_key)
            .past(now=now)
            .exclude(report_outcomes="", report_key_insights="")
            .select_related("organisation")
            .prefetch_related(
                models.Prefetch(
                    "action_points",
                    queryset=self.model.action_points.rel.related_model.objects.select_related(
                        "owner"
                    ),
                )
            )
        )


class EventPageManager(PageManager.from_queryset(EventQuerySet)):
    """The manager of event pages: ``EventPage.objects.upcoming()`` and friends."""
