"""Calendar files every client reads alike: icalendar, vobject and ics-py agree on every
start and end of the demo's events and feed; joining links travel with the event when its
page shows them; an empty calendar is still a valid one; a session keeps one SEQUENCE in
every language."""

import datetime

import ics as ics_py
import pytest
import time_machine
import vobject
from django.utils import timezone
from django.utils.http import http_date
from icalendar import Calendar

from events.ics import session_uid
from events.models import EventPage
from tests.events.calendar_readers import READERS, read_alike, with_vobject
from tests.events.factories import EventPageFactory, athens

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def expected_times(event):
    """{uid: (start, end)} of an event's sessions as every reader should see them."""
    expected = {}
    for session in event.ordered_sessions:
        if event.all_day:
            start = timezone.localtime(session.start, event.zone).date()
            end = timezone.localtime(session.end, event.zone).date()
            expected[session_uid(session)] = (start, max(end, start + datetime.timedelta(1)))
        else:
            expected[session_uid(session)] = (
                session.start.astimezone(UTC),
                session.end.astimezone(UTC),
            )
    return expected


def ics(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


# Slow by nature: it reads every calendar file of the demo with three libraries. The demo
# is the run's one load of it (the demo_site fixture, tests/demo_database.py), whose events
# are those of the events demo content. Transactional: wagtail-localize publishes the
# translations when the transaction commits.
@pytest.mark.django_db(transaction=True)
def test_three_readers_agree_on_every_demo_event_and_the_feed(client, demo_site):
    events = EventPage.objects.live().prefetch_related("sessions").select_related("locale")
    by_key = {}
    years = set()
    for event in events:
        expected = expected_times(event)
        # vobject keeps what it read before (time-zone definitions among it) for the rest
        # of the process: every file is read after all the others so far.
        assert read_alike(ics(client, f"{event.url}event.ics")) == expected, event.url
        if event.locale.language_code == "en":
            by_key[event.translation_key] = expected
            years |= {session.start.year for session in event.ordered_sessions}
        else:
            # A translation is the same event at the same times.
            assert expected == by_key.get(event.translation_key, expected)
    assert len(years) >= 3, "the demo spans past editions and the next week"
    assert {e.locale.language_code for e in events} >= {"en", "fr", "uk", "ar"}
    upcoming = {}
    for event in EventPage.objects.filter(locale__language_code="en").upcoming():
        upcoming.update(by_key[event.translation_key])
    feed = read_alike(ics(client, "/en/events/feed.ics"))
    assert upcoming.items() <= feed.items() and len(upcoming) > 40
    online = read_alike(ics(client, "/en/events/feed.ics?format=online"))
    assert online and online.items() <= feed.items() and len(online) < len(feed)


def test_every_reader_reads_a_file_alike_whatever_it_read_before(client, event_index):
    """vobject caches a time-zone definition by name; files of events years apart, read in
    turn, must still give each its own instants (18:00 Athens, on both sides of the
    clock change)."""
    summer = EventPageFactory(
        parent=event_index, sessions=[(athens(2026, 7, 1, 18, 0), athens(2026, 7, 1, 20, 0))]
    )
    winter = EventPageFactory(
        parent=event_index,
        sessions=[(athens(2031, 12, 1, 18, 0), athens(2031, 12, 1, 20, 0))],
    )
    for event, utc_hour in ((summer, 15), (winter, 16), (summer, 15)):
        ((start, _end),) = read_alike(ics(client, f"{event.url}event.ics")).values()
        assert start.hour == utc_hour and start.tzinfo is UTC or start.utcoffset() == 0


def online_event(event_index, visibility, **fields):
    return EventPageFactory(
        parent=event_index,
        format="online",
        online_url="https://meet.example.org/abc",
        online_link_visibility=visibility,
        venue_name="",
        address="",
        city="",
        country="",
        **fields,
    )


def one_vevent(content):
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    return vevent


def test_a_public_joining_link_is_in_the_calendar_file(client, event_index):
    event = online_event(event_index, "public")
    html = client.get(event.url).content.decode()
    assert 'href="https://meet.example.org/abc"' in html
    vevent = one_vevent(ics(client, f"{event.url}event.ics"))
    assert str(vevent["location"]) == "https://meet.example.org/abc"
    assert str(vevent["conference"]) == "https://meet.example.org/abc"
    assert "Join online: https://meet.example.org/abc" in str(vevent["description"])
    assert str(vevent["url"]).endswith(event.url)
    rss = client.get("/en/events/feed.rss").content.decode()
    assert "Join online: https://meet.example.org/abc" in rss
    # Every reader finds the link where it looks for a place.
    content = ics(client, f"{event.url}event.ics")
    assert vobject.readOne(content.decode()).vevent.location.value == event.online_url
    (parsed,) = ics_py.Calendar(content.decode()).events
    assert parsed.location == event.online_url
    # A hybrid event keeps its venue as the place and gives the link beside it.
    hybrid = EventPageFactory(
        parent=event_index, format="hybrid", online_url="https://meet.example.org/h"
    )
    vevent = one_vevent(ics(client, f"{hybrid.url}event.ics"))
    assert str(vevent["location"]).startswith("Town library, ")
    assert "https://meet.example.org/h" in str(vevent["description"])
    assert str(vevent["conference"]) == "https://meet.example.org/h"


def test_a_hidden_joining_link_stays_out_of_the_file(client, event_index):
    registered = online_event(event_index, "registered")
    vevent = one_vevent(ics(client, f"{registered.url}event.ics"))
    assert "meet.example.org" not in vevent.to_ical().decode()
    assert "meet.example.org" not in client.get("/en/events/feed.rss").content.decode()
    assert "The organiser sends the joining link to people who register." in str(
        vevent["description"]
    )
    assert str(vevent["location"]) == "Online"
    cancelled = online_event(event_index, "public", status="cancelled")
    assert b"meet.example.org" not in ics(client, f"{cancelled.url}event.ics")


def test_a_near_start_link_is_in_the_file_while_the_page_shows_it(client, event_index):
    start = athens(2030, 10, 5, 18, 0)
    event = online_event(
        event_index, "near_start", sessions=[(start, start + datetime.timedelta(hours=2))]
    )
    url = f"{event.url}event.ics"
    early_time = start - datetime.timedelta(hours=3)
    with time_machine.travel(early_time, tick=False):
        early = client.get(url)
        assert b"meet.example.org" not in early.content
        assert "one hour before each session" in str(one_vevent(early.content)["description"])
        assert "meet.example.org" not in client.get(event.url).content.decode()
        feed = client.get("/en/events/feed.ics")
        assert b"meet.example.org" not in feed.content
    with time_machine.travel(start - datetime.timedelta(minutes=30), tick=False):
        assert "https://meet.example.org/abc" in client.get(event.url).content.decode()
        # The copy the reader had is stale now: no 304 for it, by ETag or by date.
        for validators in (
            {"HTTP_IF_NONE_MATCH": early["ETag"]},
            {"HTTP_IF_MODIFIED_SINCE": http_date(early_time.timestamp())},
        ):
            fresh = client.get(url, **validators)
            assert fresh.status_code == 200
            assert str(one_vevent(fresh.content)["conference"]) == event.online_url
        now_feed = client.get("/en/events/feed.ics", HTTP_IF_NONE_MATCH=feed["ETag"])
        assert now_feed.status_code == 200 and b"meet.example.org/abc" in now_feed.content
        assert client.get(url, HTTP_IF_NONE_MATCH=fresh["ETag"]).status_code == 304


def test_an_empty_calendar_is_a_valid_calendar(client, event_index):
    EventPageFactory(parent=event_index, country="GR")
    content = ics(client, "/en/events/feed.ics?country=FR")
    calendar = Calendar.from_ical(content)
    assert calendar.walk("VEVENT") == []
    # RFC 5545, 3.6: a calendar holds at least one component, besides VERSION and PRODID.
    assert calendar.subcomponents, "a calendar without any component"
    assert str(calendar["version"]) == "2.0" and str(calendar["prodid"])
    for name, read in READERS.items():
        assert read(content) == {}, name
    # The component it carries is the UTC definition, which cannot shift any time.
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "UTC"
    assert with_vobject(ics(client, "/en/events/feed.ics")) != {}


def test_one_sequence_per_event_in_every_language(
    client, event_index, translated_home, django_capture_on_commit_callbacks
):
    from home.demo.building import translate_page

    event = EventPageFactory(parent=event_index, slug="walk")
    event.save_revision().publish()
    for code in ("fr", "uk"):
        # One step at a time, as in autocommit mode: wagtail-localize publishes on commit.
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(event_index, code, {})
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(event, code, {event.title: f"{event.title} ({code})"})

    def sequences():
        found = {}
        for code in ("en", "fr", "uk"):
            (vevent,) = Calendar.from_ical(ics(client, f"/{code}/events/walk/event.ics")).walk(
                "VEVENT"
            )
            found[code] = (str(vevent["uid"]), int(vevent["sequence"]))
        assert len(set(found.values())) == 1, found
        return next(iter(found.values()))[1]

    first = sequences()
    # Publishing any one language moves every language on.
    french = EventPage.objects.get(
        translation_key=event.translation_key, locale__language_code="fr"
    )
    french.save_revision().publish()
    assert sequences() == first + 1
    EventPage.objects.get(pk=event.pk).save_revision().publish()
    assert sequences() == first + 2
