"""The events demo: enough events, countries and kinds to show every feature; idempotent."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine

from events.models import EventPage, EventSession

pytestmark = pytest.mark.django_db


# Slow by nature (~40 s): it loads the home, campaign and events demo content on a day of
# its own, frozen, and reads the listing as a visitor would; then the events demo again, to
# prove it idempotent. One load serves every check, as a load is the costliest step in the
# suite. The day is in the middle of a week, whose events are then neither next nor past:
# the hardest case (the rules for other days: tests/home/test_demo_dates_and_pictures.py).
def test_the_demo_always_has_the_next_week_ahead_and_shows_every_feature(client, locales):
    from campaigns import demo_content as campaigns_demo_content
    from campaigns.models import CampaignPage
    from events import demo_content
    from events.models import EventIndexPage
    from home.demo import demo_content as home_demo_content
    from home.demo.dates import week_of
    from home.demo.loading import Demo

    today, year = datetime.date(2031, 10, 8), 2032
    moment = datetime.datetime.combine(today, datetime.time(9), tzinfo=ZoneInfo("Europe/Brussels"))
    with time_machine.travel(moment, tick=True):
        demo = Demo(stdout=io.StringIO())
        assert demo.today == today
        for loader in (home_demo_content, campaigns_demo_content, demo_content):
            loader.load(demo)
        start, end = week_of(year)
        index = EventIndexPage.objects.get(locale__language_code="en")
        assert index.mental_health_week == (start, end) and start > today
        english = EventPage.objects.filter(locale__language_code="en")
        week = english.filter(slug__startswith=f"mhw-{year}-")
        assert week.count() == 44
        assert week.upcoming().count() == 44
        # The editions before it are over, with their reports, in the archive.
        past = english.past()
        # (A week under way is neither next nor past: in the 2031 week, 2030 and 2029.)
        editions = [edition for edition, _start, _end in demo.dates.past_editions(2)]
        assert editions == [2030, 2029]
        for edition in editions:
            reports = past.filter(title__endswith=f"({edition})").exclude(report_outcomes="")
            assert reports.count() == 6, edition
        campaign = CampaignPage.objects.get(
            slug=f"mental-health-week-{year}", locale__language_code="en"
        )
        assert campaign.start_date <= today <= campaign.end_date or campaign.start_date > today
        assert set(week.values_list("campaign", flat=True)) == {campaign.pk}

        response = client.get("/en/events/")
        countries = response.context["facets"]["country"]
        assert len(countries) == 10 and all(option["count"] for option in countries)
        upcoming = english.upcoming().prefetch_related("sessions")
        kinds = {event.title.split(" — ")[0].split(" (")[0] for event in upcoming}
        assert len(kinds) >= 20  # sixteen kinds of week event and ten follow-ups
        assert len({event.summary for event in upcoming}) >= 20
        descriptions = {str(event.description) for event in upcoming}
        assert len(descriptions) >= 20
        assert {event.format for event in upcoming} == {"in_person", "online", "hybrid"}
        times = {
            event.first_session.start.astimezone(event.zone).strftime("%H:%M")
            for event in upcoming
            if not event.all_day
        }
        assert len(times) >= 12
        # The first page a visitor sees is not one kind of event at one time.
        first_page = response.context["events"]
        assert len({event.summary for event in first_page}) == len(first_page) >= 10
        assert len({event.first_session.start.time() for event in first_page}) >= 5
        archive = client.get("/en/events/past/").context["events"]
        assert len(archive) == 12

        # Every feature of the listing and the event page has something to show.
        assert {"cancelled", "postponed"} <= set(english.values_list("status", flat=True))
        assert english.with_session_count().filter(session_count__gt=1).exists()
        assert english.exclude(report_outcomes="").filter(action_points__isnull=False).exists()
        assert len(set(english.values_list("organisation", flat=True))) >= 5
        for code in ("fr", "uk", "ar"):
            assert EventPage.objects.filter(locale__language_code=code).count() >= 4
        assert index.show_in_menus and index.slug == "events"

        # The two workshops' reports feed the action tracker, in every state, with history.
        from events.tracker import demo_content as tracker_demo_content
        from events.tracker.models import ActionStatusChange, TrackedAction

        tracker_demo_content.load(demo)
        workshops = english.filter(
            slug__in=[
                "workshop-leadership-and-service-transformation",
                "policy-dialogue-suicide-prevention-at-work",
            ]
        )
        tracked = TrackedAction.objects.filter(source_page__in=workshops)
        assert workshops.count() == 2 and tracked.count() == 8
        assert set(tracked.values_list("status", flat=True)) == {"planned", "in_progress", "done"}
        assert ActionStatusChange.objects.exclude(from_status="").exists()
        tracker = client.get("/en/actions/?due=overdue")
        assert tracker.status_code == 200 and tracker.context["actions"].paginator.count >= 1
        assert client.get("/ar/actions/").status_code == 200
        assert client.get("/en/search/?q=concordat").context["results"]

        # Idempotent on the same day.
        counts = EventPage.objects.count(), EventSession.objects.count()
        demo_content.load(Demo(stdout=io.StringIO()))
        assert (EventPage.objects.count(), EventSession.objects.count()) == counts
