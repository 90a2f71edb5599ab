"""The calendar and RSS/Atom feeds answer conditional GETs (ETag / Last-Modified → 304)
and keep events that ended in the last 30 days."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

FEEDS = [
    "/en/events/feed.ics?country=GR",
    "/en/events/feed.rss",
    "/en/events/feed.atom",
]
NOW = datetime.datetime(2030, 5, 15, 12, 0, tzinfo=datetime.UTC)


def published_event(event_index, **kwargs):
    event = EventPageFactory(parent=event_index, **kwargs)
    event.save_revision().publish()
    return event


@pytest.mark.parametrize("url", [*FEEDS, "event"])
def test_conditional_get_answers_304_until_a_publish(client, event_index, url):
    event = published_event(event_index, title="Athens walk")
    url = event.url + "event.ics" if url == "event" else url
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert b"Athens walk" in first.content

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304

    event.title = "Athens evening walk"
    event.save_revision().publish()
    changed = client.get(
        url, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert b"Athens evening walk" in changed.content


@pytest.mark.parametrize("url", FEEDS)
def test_filters_and_languages_have_their_own_etags(client, event_index, url):
    published_event(event_index)
    other = url + ("&" if "?" in url else "?") + "format=online"
    assert client.get(url)["ETag"] != client.get(other)["ETag"]


def test_a_new_event_changes_the_etag(client, event_index):
    published_event(event_index, title="First")
    etag = client.get("/en/events/feed.ics")["ETag"]
    published_event(event_index, title="Second")
    response = client.get("/en/events/feed.ics", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and b"Second" in response.content


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_IF_NONE_MATCH": 'not-an-etag, ,,"unclosed'},
        {"HTTP_IF_NONE_MATCH": "\x00\xff"},
        {"HTTP_IF_MODIFIED_SINCE": "yesterday at noon"},
        {"HTTP_IF_MODIFIED_SINCE": "Mon, 99 Foo 99999 99:99:99 GMT"},
        {"HTTP_IF_MODIFIED_SINCE": "Sun, 06 Nov 1994 08:49:37 GMT", "HTTP_IF_NONE_MATCH": "x"},
    ],
)
@pytest.mark.parametrize("url", [*FEEDS, "event"])
def test_malformed_validators_get_a_normal_200(client, event_index, url, headers):
    event = published_event(event_index, title="Athens walk")
    url = event.url + "event.ics" if url == "event" else url
    response = client.get(url, **headers)
    assert response.status_code == 200
    assert b"Athens walk" in response.content


SESSION_ROWS = '"events_eventsession"."id"'


def test_a_304_reads_no_feed_items(client, event_index):
    published_event(event_index)
    url = "/en/events/feed.ics"
    etag = client.get(url)["ETag"]

    def sessions_read(**headers):
        # From a cold cache, so nothing the feed shows comes from an earlier render.
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(url, **headers)
        # Session rows, not the summary's subquery over them.
        return [sql["sql"] for sql in captured.captured_queries if SESSION_ROWS in sql["sql"]]

    assert sessions_read()
    assert not sessions_read(HTTP_IF_NONE_MATCH=etag)


def summaries(response):
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return {str(vevent["summary"]) for vevent in calendar.walk("VEVENT")}


def ended_days_ago(event_index, title, days):
    end = NOW - datetime.timedelta(days=days)
    return published_event(
        event_index, title=title, sessions=[(end - datetime.timedelta(hours=2), end)]
    )


@time_machine.travel(NOW, tick=False)
def test_feeds_keep_events_of_the_last_30_days(client, event_index):
    ended_days_ago(event_index, "Ten days ago", 10)
    ended_days_ago(event_index, "Forty days ago", 40)
    published_event(event_index, title="Tomorrow")
    assert summaries(client.get("/en/events/feed.ics")) == {"Ten days ago", "Tomorrow"}
    rss = client.get("/en/events/feed.rss").content
    assert b"Ten days ago" in rss and b"Forty days ago" not in rss
    html = client.get("/en/events/").content
    assert b"Tomorrow" in html and b"Ten days ago" not in html


@time_machine.travel(NOW, tick=False)
def test_date_filters_still_narrow_the_feed(client, event_index):
    ended_days_ago(event_index, "Ten days ago", 10)
    published_event(event_index, title="Tomorrow")
    assert summaries(client.get("/en/events/feed.ics?when=week")) == {"Tomorrow"}


def test_an_event_ending_changes_last_modified(client, event_index):
    start = timezone.now() + datetime.timedelta(hours=1)
    published_event(event_index, sessions=[(start, start + datetime.timedelta(hours=1))])
    first = client.get("/en/events/feed.rss")
    with time_machine.travel(start + datetime.timedelta(hours=2), tick=False):
        later = client.get(
            "/en/events/feed.rss",
            HTTP_IF_NONE_MATCH=first["ETag"],
            HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
        )
    assert later.status_code == 200
    assert later["Last-Modified"] != first["Last-Modified"]
