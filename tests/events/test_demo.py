"""The events demo: enough events, countries and kinds to show every feature; idempotent."""

import io

import pytest

from events.models import EventPage, EventSession

pytestmark = pytest.mark.django_db


# Slow by nature (~15 s): it loads the home and events demo content, then the events demo
# again to prove it idempotent.
def test_events_demo_content(locales):
    from events import demo_content
    from home.demo import demo_content as home_demo_content
    from home.demo.loading import Demo

    demo = Demo(stdout=io.StringIO())
    home_demo_content.load(demo)
    demo_content.load(demo)
    english = EventPage.objects.filter(locale__language_code="en")
    assert english.count() >= 40
    countries = set(english.exclude(country="").values_list("country", flat=True))
    assert len(countries) >= 10
    assert set(english.values_list("format", flat=True)) == {"in_person", "online", "hybrid"}
    assert {"cancelled", "postponed"} <= set(english.values_list("status", flat=True))
    assert english.past().exists() and english.upcoming().exists()
    assert english.with_session_count().filter(session_count__gt=1).exists()
    assert english.exclude(report_outcomes="").filter(action_points__isnull=False).exists()
    assert len(set(english.values_list("organisation", flat=True))) >= 5
    for code in ("fr", "uk", "ar"):
        assert EventPage.objects.filter(locale__language_code=code).count() >= 4
    index = english.first().get_parent()
    assert index.show_in_menus and index.slug == "events"
    pages, sessions = EventPage.objects.count(), EventSession.objects.count()
    demo_content.load(demo)
    assert (EventPage.objects.count(), EventSession.objects.count()) == (pages, sessions)
