"""The "Upcoming events" sections of the home page and of partner organisations' pages
(registered in EventsConfig.ready(), once the models are loaded)."""

from events.models import EventPage
from home.listing import first

# Events leave these listings when they end: which ones to show is kept this long.
KEYS_SECONDS = 5 * 60


def upcoming_events(request, locale, count):
    """The next ``count`` events in ``locale`` (source-language events where untranslated)."""
    events = EventPage.objects.in_locale(locale).upcoming().for_cards()
    return first(events, count, key=("upcoming-events", locale.pk), timeout=KEYS_SECONDS)


def organisation_events(request, locale, organisation, count):
    """The next ``count`` events ``organisation`` runs (running now or to come), in
    ``locale`` or, where untranslated, the source language, as the events listing has."""
    events = (
        EventPage.objects.in_locale(locale)
        .by_organisation(organisation.slug)
        .upcoming()
        .for_cards()
        .with_session_count()
    )
    key = ("organisation-events", organisation.pk, locale.pk)
    return first(events, count, key=key, timeout=KEYS_SECONDS)
