"""Event times are typed and checked on the clocks of the event's own zone, whatever the
editor's zone: the nights the clocks change (a time that never happens, a time that happens
twice), the offset readers see on those days, and the zone names editors are offered."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from events.choices import TIME_ZONE_CHOICES
from events.models import EventPage
from events.zones import changes_on_day, current_name, listed_zones, read_wall_clock
from tests.events.factories import EventPageFactory
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

KYIV = ZoneInfo("Europe/Kyiv")
UTC = datetime.UTC


def utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.fixture
def editor_in_brussels(admin_user, admin_client):
    """The admin works in Brussels time: its clocks change an hour (UTC) apart from Kyiv's
    wall clocks, on the same nights."""
    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = "Europe/Brussels"
    profile.save()
    return admin_client


def event_data(organisation, start, end, zone="Europe/Kyiv", **session_extra):
    return nested_form_data(
        {
            "title": "Peer support evening",
            "slug": "peer-support-evening",
            "summary": "An evening with peer supporters.",
            "organisation": organisation.pk,
            "description": streamfield([]),
            "status": "scheduled",
            "time_zone": zone,
            "format": "in_person",
            "venue_name": "City library",
            "address": "Khreshchatyk 1",
            "city": "Kyiv",
            "country": "UA",
            "online_link_visibility": "public",
            "languages": ("uk",),
            "accessibility": (),
            "is_free": "on",
            "registration": "none",
            "sessions": inline_formset(
                [
                    {
                        "title": "",
                        "start": start,
                        "end": end,
                        "programme": streamfield([]),
                        **session_extra,
                    }
                ]
            ),
            "speakers": inline_formset([]),
            "action_points": inline_formset([]),
            "report_documents": streamfield([]),
            "action-publish": "publish",
        }
    )


def add_event(client, index, data):
    return client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)


def saved_session():
    return EventPage.objects.get(slug="peer-support-evening").sessions.get()


# -- the editor ---------------------------------------------------------------------------


def test_a_time_the_clocks_skip_is_refused_naming_the_change(editor_in_brussels, event_index):
    data = event_data(PartnerOrganisationFactory(), "2027-03-28 03:30", "2027-03-28 05:00")
    response = add_event(editor_in_brussels, event_index, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "03:00–04:00 does not exist in Europe/Kyiv" in html
    assert "from 03:00 (EET) to 04:00 (EEST)" in html
    assert "Europe/Brussels" not in html.split("does not exist")[1][:300]
    assert not EventPage.objects.filter(slug="peer-support-evening").exists()


def test_a_time_that_happens_twice_asks_which_one(editor_in_brussels, event_index):
    organisation = PartnerOrganisationFactory()
    data = event_data(organisation, "2026-10-25 03:30", "2026-10-25 05:00")
    response = add_event(editor_in_brussels, event_index, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "03:30 happens twice in Europe/Kyiv" in html
    assert 'name="sessions-0-start_fold"' in html  # the choice, shown only now
    assert "The first 03:30 (EEST, UTC+03:00)" in html
    assert "The second 03:30 (EET, UTC+02:00)" in html
    assert 'name="sessions-0-end_fold"' not in html  # 05:00 happens once
    assert not EventPage.objects.filter(slug="peer-support-evening").exists()

    response = add_event(
        editor_in_brussels,
        event_index,
        event_data(organisation, "2026-10-25 03:30", "2026-10-25 05:00", start_fold="1"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    session = saved_session()
    assert session.start == utc(2026, 10, 25, 1, 30)  # the second 03:30, in EET
    assert session.end == utc(2026, 10, 25, 3, 0)


def test_the_first_occurrence_when_chosen(editor_in_brussels, event_index):
    data = event_data(
        PartnerOrganisationFactory(),
        "2026-10-25 03:30",
        "2026-10-25 03:45",
        start_fold="0",
        end_fold="1",
    )
    assert add_event(editor_in_brussels, event_index, data).status_code == 302
    session = saved_session()
    assert session.start == utc(2026, 10, 25, 0, 30)  # the first 03:30, in EEST
    assert session.end == utc(2026, 10, 25, 1, 45)  # the second 03:45, in EET: 75 minutes


def test_an_end_in_the_repeated_hour_needs_a_choice_too(editor_in_brussels, event_index):
    data = event_data(
        PartnerOrganisationFactory(), "2026-10-25 01:00", "2026-10-25 03:15", start_fold=""
    )
    html = add_event(editor_in_brussels, event_index, data).content.decode()
    assert "03:15 happens twice in Europe/Kyiv" in html
    assert 'name="sessions-0-end_fold"' in html
    assert 'name="sessions-0-start_fold"' not in html


@pytest.mark.parametrize(
    ("start", "end", "expected_start"),
    [
        # Missing in Brussels (02:00–03:00 skipped), a normal time in Kyiv (EET, +02:00).
        ("2027-03-28 02:30", "2027-03-28 02:50", utc(2027, 3, 28, 0, 30)),
        # Happens twice in Brussels (02:00–03:00 repeated), once in Kyiv (EEST, +03:00).
        ("2026-10-25 02:30", "2026-10-25 02:50", utc(2026, 10, 24, 23, 30)),
    ],
)
def test_valid_local_times_on_change_days_are_read_in_the_events_zone(
    editor_in_brussels, event_index, start, end, expected_start
):
    data = event_data(PartnerOrganisationFactory(), start, end)
    response = add_event(editor_in_brussels, event_index, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert saved_session().start == expected_start


def test_the_edit_form_shows_which_occurrence_was_chosen(editor_in_brussels, event_index):
    event = EventPageFactory(
        parent=event_index,
        time_zone="Europe/Kyiv",
        sessions=[(utc(2026, 10, 25, 1, 30), utc(2026, 10, 25, 3, 0))],  # the second 03:30
    )
    html = editor_in_brussels.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="2026-10-25 03:30"' in html  # Kyiv's clocks, not Brussels' (02:30)
    assert 'value="2026-10-25 05:00"' in html
    assert 'name="sessions-0-start_fold" value="1"' in html
    checked = html.split('name="sessions-0-start_fold" value="1"')[1].split(">")[0]
    assert "checked" in checked
    # A session on an ordinary day shows no choice.
    plain = EventPageFactory(
        parent=event_index,
        time_zone="Europe/Kyiv",
        sessions=[(utc(2026, 11, 2, 16, 0), utc(2026, 11, 2, 18, 0))],
    )
    html = editor_in_brussels.get(f"/admin/pages/{plain.pk}/edit/").content.decode()
    assert "start_fold" not in html.split('id="id_sessions-EMPTY')[0].split("__prefix__")[0]


def test_overlap_message_names_times_in_the_events_zone(editor_in_brussels, event_index):
    data = event_data(PartnerOrganisationFactory(), "2030-10-05 10:00", "2030-10-05 12:00")
    data.update(
        {
            "sessions-TOTAL_FORMS": "2",
            "sessions-1-title": "",
            "sessions-1-start": "2030-10-05 11:00",
            "sessions-1-end": "2030-10-05 13:00",
            "sessions-1-programme-count": "0",
            "sessions-1-ORDER": "2",
            "sessions-1-DELETE": "",
        }
    )
    html = add_event(editor_in_brussels, event_index, data).content.decode()
    assert "Sessions may not overlap" in html
    # 10:00 in Kyiv (it would read 9 a.m. in the editor's Brussels time).
    assert "2030, 10 a.m.)" in html.split("starts before the previous one")[1][:80]


# -- zone names ---------------------------------------------------------------------------


def test_old_zone_names_are_not_offered():
    offered = {name for name, _label in TIME_ZONE_CHOICES}
    assert "Europe/Kyiv" in offered and "Europe/Brussels" in offered and "UTC" in offered
    for old in ("Europe/Kiev", "Europe/Belfast", "Europe/Tiraspol", "Europe/Nicosia"):
        assert old not in offered
    for old in ("Europe/Uzhgorod", "Europe/Zaporozhye", "US/Eastern"):
        assert old not in offered
    # Every name offered is one the database lists for people to choose (or UTC).
    assert offered - {"UTC"} <= listed_zones()


def test_old_names_read_as_their_current_ones():
    assert current_name("Europe/Kiev") == "Europe/Kyiv"
    assert current_name("Europe/Belfast") == "Europe/London"
    assert current_name("US/Eastern") == "America/New_York"
    assert current_name("Europe/Athens") == "Europe/Athens"


def test_an_event_saved_under_an_old_name_shows_and_saves_the_current_one(
    editor_in_brussels, event_index
):
    event = EventPageFactory(parent=event_index, time_zone="Europe/Kiev")
    assert event.zone_label == "Kyiv"
    html = editor_in_brussels.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert '<option value="Europe/Kyiv" selected>' in html
    assert 'value="Europe/Kiev"' not in html


def test_a_zone_not_offered_is_refused(editor_in_brussels, event_index):
    data = event_data(
        PartnerOrganisationFactory(), "2030-10-05 10:00", "2030-10-05 12:00", zone="Asia/Tokyo"
    )
    html = add_event(editor_in_brussels, event_index, data).content.decode()
    assert "Choose the time zone from the list" in html
    # An old name posted anyway is saved as the current one.
    data = event_data(
        PartnerOrganisationFactory(), "2030-10-05 10:00", "2030-10-05 12:00", zone="Europe/Kiev"
    )
    assert add_event(editor_in_brussels, event_index, data).status_code == 302
    assert EventPage.objects.get(slug="peer-support-evening").time_zone == "Europe/Kyiv"


# -- readers --------------------------------------------------------------------------------


def test_the_page_shows_the_offset_on_a_day_the_clocks_change(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        time_zone="Europe/Kyiv",
        sessions=[
            (utc(2026, 10, 25, 1, 30), utc(2026, 10, 25, 3, 0)),  # 03:30 EET – 05:00
            (utc(2026, 11, 2, 16, 0), utc(2026, 11, 2, 18, 0)),  # an ordinary day
        ],
    )
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    sessions = html.split('class="event-sessions"')[1].split("</ul>")[0]
    first, second = sessions.split("<li")[1:3]
    assert '03:30</time> <span class="event-offset">UTC+02:00</span>' in first
    assert '05:00</time> <span class="event-offset">UTC+02:00</span>' in first
    assert "UTC+" not in second
    # Django's "T" format is empty for a repeated time: the abbreviation must still show.
    assert "(Kyiv time, EET)" in first


def test_a_session_across_the_change_shows_both_offsets(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        time_zone="Europe/Kyiv",
        sessions=[(utc(2026, 10, 24, 23, 0), utc(2026, 10, 25, 3, 0))],  # 02:00 EEST – 05:00 EET
    )
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert '02:00</time> <span class="event-offset">UTC+03:00</span>' in html
    assert '05:00</time> <span class="event-offset">UTC+02:00</span>' in html


# -- the clock arithmetic --------------------------------------------------------------------


def test_reading_wall_clock_times():
    missing = read_wall_clock(datetime.datetime(2027, 3, 28, 3, 30), KYIV)
    assert missing.missing and not missing.repeated
    assert missing.change.from_time == datetime.datetime(2027, 3, 28, 3, 0)
    assert missing.change.to_time == datetime.datetime(2027, 3, 28, 4, 0)
    assert missing.change.instant == utc(2027, 3, 28, 1, 0)
    with pytest.raises(ValueError):
        missing.aware()
    repeated = read_wall_clock(datetime.datetime(2026, 10, 25, 3, 30), KYIV)
    assert repeated.repeated and not repeated.missing
    assert repeated.aware(0) == utc(2026, 10, 25, 0, 30)
    assert repeated.aware(1) == utc(2026, 10, 25, 1, 30)
    assert (repeated.change.before.tzname(), repeated.change.after.tzname()) == ("EEST", "EET")
    plain = read_wall_clock(datetime.datetime(2026, 10, 25, 2, 30), KYIV)
    assert plain.change is None and plain.aware() == utc(2026, 10, 24, 23, 30)


def test_change_days():
    assert changes_on_day(utc(2026, 10, 25, 12, 0), KYIV)
    assert changes_on_day(utc(2027, 3, 28, 12, 0), KYIV)
    assert not changes_on_day(utc(2026, 10, 26, 12, 0), KYIV)
    assert not changes_on_day(utc(2026, 10, 25, 12, 0), ZoneInfo("UTC"))


def test_the_messages_speak_the_editors_language(editor_in_brussels, admin_user, event_index):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    data = event_data(PartnerOrganisationFactory(), "2027-03-28 03:30", "2027-03-28 05:00")
    html = add_event(editor_in_brussels, event_index, data).content.decode()
    assert "03:00–04:00 n&#x27;existe pas dans le fuseau Europe/Kyiv" in html
    assert "28 mars 2027" in html
