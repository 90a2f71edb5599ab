"""Create many event pages fast, for query-budget tests and the benchmark: the pages with
tests.bulk's bulk inserts, then their sessions and topics, so thousands of events take
seconds."""

import datetime

from django.utils import timezone

from events.models import EventPage, EventSession
from tests.bulk import add_live_children

CITIES = [
    ("FR", "Paris", "Europe/Paris"),
    ("DE", "Berlin", "Europe/Berlin"),
    ("GR", "Athens", "Europe/Athens"),
    ("UA", "Kyiv", "Europe/Kyiv"),
    ("IT", "Rome", "Europe/Rome"),
    ("ES", "Madrid", "Europe/Madrid"),
    ("PL", "Warsaw", "Europe/Warsaw"),
    ("RO", "Bucharest", "Europe/Bucharest"),
    ("IE", "Dublin", "Europe/Dublin"),
    ("BE", "Brussels", "Europe/Brussels"),
]
FORMATS = ["in_person", "in_person", "online", "hybrid", "in_person"]
LANGUAGES = [["en"], ["fr", "en"], ["de"], ["el", "en"], ["uk"], ["it"], ["es"], ["pl"]]
ACCESS = [["step_free"], ["step_free", "captions"], [], ["quiet_space", "sign_language"]]


def bulk_create_events(index, count, organisation, topics=(), now=None, past_every=0):
    """Add ``count`` live events under ``index``; every ``past_every``-th one is past.
    Returns the number of sessions created."""
    now = now or timezone.now()

    def event(number):
        country, city, zone = CITIES[number % len(CITIES)]
        event_format = FORMATS[number % len(FORMATS)]
        return {
            "title": f"Mental Health Week conversation {number}",
            "slug": f"bulk-event-{number}",
            "summary": "An open conversation about mental health, stigma and getting support.",
            "organisation": organisation,
            "time_zone": zone,
            "format": event_format,
            "venue_name": "" if event_format == "online" else "Community centre",
            "city": "" if event_format == "online" else city,
            "country": "" if event_format == "online" else country,
            "online_url": "" if event_format == "in_person" else "https://meet.example.org/x",
            "languages": LANGUAGES[number % len(LANGUAGES)],
            "accessibility": ACCESS[number % len(ACCESS)],
            "is_free": number % 4 != 0,
            "price": "" if number % 4 != 0 else "€5",
        }

    pages = add_live_children(index, EventPage, count, event, now=now)

    sessions = []
    for offset, page in enumerate(pages):
        if past_every and offset % past_every == 0:
            day = now - datetime.timedelta(days=1 + offset % 30)
        else:
            day = now + datetime.timedelta(days=1 + offset % 60, hours=offset % 7)
        for number in range(1 + offset % 3):
            start = day + datetime.timedelta(days=number)
            sessions.append(
                EventSession(
                    page=page,
                    locale_id=index.locale_id,
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                )
            )
    EventSession.objects.bulk_create(sessions, batch_size=1000)
    if topics:
        through = EventPage.topics.through
        through.objects.bulk_create(
            [
                through(eventpage_id=page.pk, topic_id=topics[offset % len(topics)].pk)
                for offset, page in enumerate(pages)
            ],
            batch_size=1000,
        )
    return len(sessions)
