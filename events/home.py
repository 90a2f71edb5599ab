"""The "Upcoming events" sections of the home page and of partner organisations' pages
(registered in EventsConfig.ready(), once the models are loaded)."""

from events.models import EventPage


def upcoming_events(request, locale, count):
    """The next ``count`` events in ``locale`` (source-language events where untranslated)."""
    return list(EventPage.objects.in_locale(locale).upcoming().for_cards()[:count])


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
    return list(events[:count])
