"""The home page's "Upcoming events" section."""


def upcoming_events(request, locale, count):
    """The next ``count`` events in ``locale`` (source-language events where untranslated)."""
    from events.models import EventPage

    return list(EventPage.objects.in_locale(locale).upcoming().for_cards()[:count])
