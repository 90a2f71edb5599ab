"""The tracker page at /<lang>/actions/: every published action with its history and
source, facets that combine without JavaScript, pagination, the .ics of due dates, and
only what the public may see. Dates are judged under a frozen clock."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailTestUtils

from events.models import EventPage
from events.tracker.models import ActionTrackerPage
from home.models import HomePage
from tests.events.tracker_helpers import (
    ActionTrackerPageFactory,
    event_with_actions,
    set_status,
)
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Europe/Brussels"))
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def tracker(home_page):
    return ActionTrackerPageFactory(parent=home_page)


@pytest.fixture
def workshop(event_index, tracker):
    """A workshop with four actions: overdue, due soon, later and undated."""
    minds = PartnerOrganisationFactory(name="Open Minds", slug="open-minds", country="BE")
    stimme = PartnerOrganisationFactory(name="Stimme", slug="stimme", country="DE")
    day = datetime.timedelta(days=1)
    return event_with_actions(
        event_index,
        [
            {"action": "Map the workforce", "owner": minds, "due": TODAY - 5 * day},
            {
                "action": "Translate the concordat",
                "owner": stimme,
                "status": "in_progress",
                "due": TODAY + 10 * day,
                "lead": "Policy team",
            },
            {"action": "Train line managers", "owner": minds, "due": TODAY + 90 * day},
            {"action": "Agree a shared measure", "owner": stimme, "status": "done"},
        ],
        title="Stakeholder workshop",
    )


def shown(client, query=""):
    response = client.get(f"/en/actions/{query}")
    assert response.status_code == 200
    return [action.action for action in response.context["actions"]]


def test_the_tracker_lives_under_a_home_page_only(home_page, tracker):
    utils = WagtailTestUtils()
    assert ActionTrackerPage in HomePage.allowed_subpage_models()
    assert ActionTrackerPage not in ActionTrackerPage.allowed_subpage_models()
    assert ActionTrackerPage not in EventPage.allowed_parent_page_models() and utils


def test_every_published_action_is_listed_soonest_first(client, workshop):
    assert shown(client) == [
        "Map the workforce",
        "Translate the concordat",
        "Train line managers",
        "Agree a shared measure",
    ]


def test_each_action_shows_its_source_lead_and_history(client, workshop):
    set_status(workshop, "Map the workforce", "done", evidence_url="https://example.org/map")
    response = client.get("/en/actions/")
    html = response.content.decode()
    assert 'href="/en/events/' in html and "Stakeholder workshop" in html
    assert "Source event" in html
    assert "Policy team" in html
    assert "https://example.org/map" in html
    first = response.context["actions"][0]
    assert [(c.from_status, c.to_status) for c in first.history] == [
        ("", "planned"),
        ("planned", "done"),
    ]
    assert "Planned → Done" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?status=done", ["Agree a shared measure"]),
        ("?status=planned&status=in_progress", ["Map the workforce", "Translate the concordat",
                                                "Train line managers"]),
        ("?organisation=stimme", ["Translate the concordat", "Agree a shared measure"]),
        ("?country=BE", ["Map the workforce", "Train line managers"]),
        ("?due=overdue", ["Map the workforce"]),
        ("?due=soon", ["Translate the concordat"]),
        ("?due=later", ["Train line managers"]),
        ("?due=none", ["Agree a shared measure"]),
        ("?due=overdue&organisation=stimme", []),
        ("?q=concordat", ["Translate the concordat"]),
        ("?status=bogus&due=yesterday&page=99", ["Map the workforce", "Translate the concordat",
                                                 "Train line managers", "Agree a shared measure"]),
    ],
)  # fmt: skip
def test_filters_combine(client, workshop, query, expected):
    assert shown(client, query) == expected


def test_filters_by_topic_and_source(client, workshop, event_index):
    from tests.factories import TopicFactory  # noqa: PLC0415 - only this test needs topics

    topic = TopicFactory(slug="stigma", name="Stigma")
    other = event_with_actions(event_index, [{"action": "Other action"}], title="Dialogue")
    page = EventPage.objects.get(pk=other.pk)
    page.topics = [topic]
    page.save_revision().publish()
    assert shown(client, "?topic=stigma") == ["Other action"]
    assert shown(client, f"?source={workshop.pk}")[0] == "Map the workforce"
    assert len(shown(client, f"?source={workshop.pk}")) == 4


def test_facets_work_without_javascript(client, workshop):
    response = client.get("/en/actions/?status=done")
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    assert set(facets) == {"status", "organisation", "topic", "country", "due", "source"}
    status = {option["value"]: option for option in facets["status"]["options"]}
    # A facet's counts leave its own choice out, so the other statuses stay reachable.
    assert (status["done"]["count"], status["planned"]["count"]) == (1, 2)
    assert status["done"]["selected"]
    html = response.content.decode()
    assert 'method="get"' in html
    assert 'type="checkbox" id="status-done" name="status" value="done" checked' in html


def test_pagination_keeps_the_filters(client, event_index, tracker):
    event_with_actions(
        event_index, [{"action": f"Action {n:02}", "status": "planned"} for n in range(25)]
    )
    response = client.get("/en/actions/?status=planned&page=2")
    assert len(response.context["actions"]) == 5
    assert "?status=planned&amp;page=1" in response.content.decode()


def test_the_public_sees_only_published_actions(client, workshop, event_index):
    draft = event_with_actions(event_index, [{"action": "Secret plan"}], title="Draft")
    EventPage.objects.get(pk=draft.pk).unpublish()
    private = event_with_actions(event_index, [{"action": "Members only"}], title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    titles = shown(client)
    assert "Secret plan" not in titles and "Members only" not in titles
    assert "Map the workforce" in titles


def test_the_calendar_feed_has_the_due_dates_of_the_filtered_actions(client, workshop):
    response = client.get("/en/actions/feed.ics?organisation=stimme")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Translate the concordat"]
    assert events[0].decoded("dtstart") == TODAY + datetime.timedelta(days=10)
    assert str(events[0]["uid"]).endswith("@actions.openly")
    # An empty selection is still a valid calendar.
    empty = Calendar.from_ical(client.get("/en/actions/feed.ics?due=none&status=planned").content)
    assert not empty.walk("VEVENT")


def test_the_uid_of_an_action_stays_when_it_changes(client, workshop):
    def uid():
        calendar = Calendar.from_ical(client.get("/en/actions/feed.ics?q=workforce").content)
        return str(calendar.walk("VEVENT")[0]["uid"])

    before = uid()
    set_status(workshop, "Map the workforce", "in_progress", due=TODAY)
    assert uid() == before


def test_arabic_readers_see_untranslated_actions_in_english(client, workshop, translated_home):
    Page.objects.get(pk=ActionTrackerPage.objects.get().pk).specific.copy_for_translation(
        translated_home["ar"].locale
    ).save_revision().publish()
    response = client.get("/ar/actions/")
    assert response.status_code == 200
    assert len(response.context["actions"]) == 4
    assert 'lang="en" dir="ltr"' in response.content.decode()


def test_a_calendar_that_has_the_current_feed_gets_304(client, workshop):
    response = client.get("/en/actions/feed.ics?status=planned")
    again = client.get("/en/actions/feed.ics?status=planned", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    set_status(workshop, "Map the workforce", "in_progress")
    changed = client.get("/en/actions/feed.ics?status=planned", HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed.status_code == 200
