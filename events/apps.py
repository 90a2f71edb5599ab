from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published

from campaigns.related import register_related_kind
from home import registry
from home.sections import register_listing, register_organisation_listing


class EventsConfig(AppConfig):
    """Mental Health Week event listings and calendar feeds."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        """Plug events into home's registries; keep calendar entries' sequence numbers."""
        # Inside ready(): these modules import the models, which load after this config.
        from events import api, demo_content, embed, home, impact, models

        # The section index the campaign workflow covers.
        registry.index_pages.register("events", models.EventIndexPage, order=30)
        registry.impact_series.register("events", impact.EVENTS_HELD, order=40)
        registry.search_types.register("events", models.EventPage, order=40)
        registry.api_endpoints.register("events", api.EventEndpoint, order=40)
        registry.embeds.register("events", embed.ROUTE, order=10)
        register_related_kind("events", models.EventPage, ordering="upcoming", order=30)
        register_listing(
            "upcoming_events",
            _("Upcoming events"),
            "components/event_home_listing.html",
            home.upcoming_events,
        )
        register_organisation_listing(
            "events",
            _("Upcoming events"),
            "components/event_home_listing.html",
            home.organisation_events,
            models.EventIndexPage,
            _("All events organised by %(name)s"),
            order=20,
        )
        page_published.connect(
            _bump_sequence, sender=models.EventPage, dispatch_uid="events_sequence"
        )
        registry.demo_loaders.register("events", demo_content.load, order=40)


def _bump_sequence(sender, instance, **kwargs):
    """Every publication changes the calendar entry, so calendars must replace it."""
    instance.bump_sequence()
