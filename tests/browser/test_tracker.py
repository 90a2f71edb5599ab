"""A coordinator follows one action from a workshop's report to "done": edits the event's
report in the admin, sets the action to done, publishes, and sees it on /en/actions/ with
its history. The tracker passes axe-core in English and Arabic."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventActionPoint, EventPage
from home.cocreation.roles import MODERATORS, setup_roles
from tests.browser.admin import log_in
from tests.browser.conftest import assert_no_axe_violations
from tests.browser.editing import choose_from_more_actions
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.events.tracker_helpers import ActionTrackerPageFactory
from tests.factories import PartnerOrganisationFactory
from tests.home.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)

ACTION = "Translate the prevention concordat for municipal councils"


@pytest.fixture
def tracker_site(translated_home):
    index = EventIndexPageFactory(parent=translated_home["en"], title="Events", slug="events")
    tracker = ActionTrackerPageFactory(parent=translated_home["en"])
    owner = PartnerOrganisationFactory(name="Open Minds", slug="open-minds", country="BE")
    start = timezone.now() - datetime.timedelta(days=30)
    workshop = EventPageFactory(
        parent=index,
        title="Stakeholder workshop",
        slug="stakeholder-workshop",
        sessions=[(start, start + datetime.timedelta(hours=6))],
        report_outcomes="<p>Four organisations will adopt the prevention concordat.</p>",
    )
    for order, (action, status) in enumerate(
        [(ACTION, "in_progress"), ("Map the community workforce", "planned")]
    ):
        EventActionPoint.objects.create(
            page=workshop,
            locale=workshop.locale,
            sort_order=order,
            action=action,
            owner=owner,
            status=status,
            lead="Policy team",
            due=timezone.localdate() + datetime.timedelta(days=20 + order),
        )
    EventPage.objects.get(pk=workshop.pk).save_revision().publish()
    arabic = translated_home["ar"].locale
    tracker.copy_for_translation(arabic).save_revision().publish()
    return workshop


def test_a_coordinator_follows_an_action_to_done(browser_page, live_server, tracker_site):
    setup_roles()
    coordinator = make_user("coordinator", [MODERATORS])
    page = browser_page
    log_in(page, live_server, coordinator, f"/admin/pages/{tracker_site.pk}/edit/")
    page.get_by_role("tab", name="After the event").click()
    point = page.locator("[id^='inline_child_action_points-']").filter(
        has=page.locator(f"textarea:has-text('{ACTION}')")
    )
    status = point.locator("select[name$='-status']")
    status.select_option("done")
    point.locator("input[name$='-evidence_url']").fill("https://open-minds.example.org/concordat")
    choose_from_more_actions(page, "Publish")
    assert EventPage.objects.get(pk=tracker_site.pk).action_points.get(action=ACTION).status == (
        "done"
    )

    page.goto(f"{live_server.url}/en/actions/?status=done")
    item = page.locator(".action").filter(has_text=ACTION)
    assert item.count() == 1
    assert "Done" in item.locator(".action-status").first.inner_text()
    item.locator(".action__history summary").click()
    history = item.locator(".action__history li")
    assert history.count() == 2
    assert "In progress → Done" in history.nth(1).inner_text()
    link = item.get_by_role("link", name="Stakeholder workshop")
    assert link.get_attribute("href") == "/en/events/stakeholder-workshop/"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_tracker_passes_axe(browser_page, live_server, tracker_site, language):
    page = browser_page
    page.goto(f"{live_server.url}/{language}/actions/")
    assert page.get_attribute("html", "lang") == language
    assert page.locator(".action").count() == 2
    page.locator(".action__history summary").first.click()
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/{language}/actions/?status=planned&due=soon")
    assert_no_axe_violations(page)
