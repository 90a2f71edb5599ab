from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Mental Health Week event listings and calendar feeds."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from wagtail.signals import page_published

        from events.home import organisation_events, upcoming_events
        from events.models import EventIndexPage, EventPage
        from home.registry import index_pages
        from home.sections import register_listing, register_organisation_listing

        # Home's registries: the indexes the campaign workflow covers.
        index_pages.register("events", EventIndexPage, order=30)

        register_listing(
            "upcoming_events",
            _("Upcoming events"),
            "components/event_home_listing.html",
            upcoming_events,
        )
        register_organisation_listing(
            "events",
            _("Upcoming events"),
            "components/event_home_listing.html",
            organisation_events,
            "events.EventIndexPage",
            _("All events organised by %(name)s"),
            order=20,
        )
        page_published.connect(_bump_sequence, sender=EventPage, dispatch_uid="events_sequence")


def _bump_sequence(sender, instance, **kwargs):
    """Every publication changes the calendar entry, so calendars must replace it."""
    instance.bump_sequence()
