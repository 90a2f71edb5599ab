"""Events: the listing, archive and feeds with 5,000 events (about 10,000 sessions)."""

import time

from tests.bench.site import english_home

EVENTS = 5000


def _site():
    from tests.events.factories import EventIndexPageFactory

    return EventIndexPageFactory(parent=english_home(), title="Events", slug="events")


def run(bench):
    from events.models import EventPage
    from tests.events.bulk import bulk_create_events
    from tests.factories import PartnerOrganisationFactory, TopicFactory

    index = _site()
    organisation = PartnerOrganisationFactory(name="Open Minds Coalition", slug="open-minds")
    topics = [TopicFactory(slug=slug, name=slug.title()) for slug in ("stigma", "anxiety")]
    started = time.perf_counter()
    sessions = bulk_create_events(index, EVENTS, organisation, topics, past_every=10)
    bench.note(
        f"created {EVENTS} events and {sessions} sessions in "
        f"{time.perf_counter() - started:.1f}s (bulk inserts)"
    )
    event = EventPage.objects.filter(slug="bulk-event-2").first()
    bench.measure("listing /en/events/", "/en/events/")
    bench.measure("listing, page 40", "/en/events/?page=40")
    bench.measure("listing, 4 filters", "/en/events/?country=FR&format=online&topic=stigma&free=on")
    bench.measure("listing, next 7 days + language", "/en/events/?when=week&language=en")
    bench.measure("listing, bad input", "/en/events/?date_from=2026-13-45&page=abc&country=ZZ")
    bench.measure("past-events archive", "/en/events/past/")
    bench.measure("feed.ics (200 events max)", "/en/events/feed.ics")
    bench.measure("feed.ics?country=GR", "/en/events/feed.ics?country=GR")
    bench.measure("feed.rss", "/en/events/feed.rss")
    bench.measure("feed.atom", "/en/events/feed.atom")
    bench.measure("event page", event.url)
    bench.measure("event.ics", f"{event.url}event.ics")
