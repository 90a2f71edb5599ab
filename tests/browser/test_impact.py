"""The impact dashboard in a browser: axe-core finds nothing serious in English and
Arabic, on a phone and a desktop, with the tables open; nothing scrolls sideways at
320 px; the Arabic charts run from the right; the filter form works without JavaScript;
the coordinators' admin panel passes axe too."""

import uuid

import pytest

from campaigns.models import PledgeSignature
from home.cocreation.roles import MODERATORS, setup_roles
from tests.browser.admin import log_in
from tests.browser.conftest import assert_no_axe_violations
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.events.tracker_helpers import ActionTrackerPageFactory, bulk_actions
from tests.factories import PartnerOrganisationFactory
from tests.home.factories import make_user
from tests.impact.conftest import ImpactPageFactory, months_ago

pytestmark = pytest.mark.django_db(transaction=True)

SIDEWAYS = """() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
})"""


@pytest.fixture
def impact_site(translated_home):
    home = translated_home["en"]
    page = ImpactPageFactory(parent=home)
    page.copy_for_translation(translated_home["ar"].locale).save_revision().publish()
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home))
    rows = [
        PledgeSignature(
            campaign=campaign,
            name="",
            country=("FR", "DE", "IT", "GR", "PL")[number % 5],
            kind="organisation" if number % 4 == 0 else "individual",
            status="approved",
            idempotency_key=uuid.uuid4(),
        )
        for number in range(40)
    ]
    for number, row in enumerate(PledgeSignature.objects.bulk_create(rows)):
        PledgeSignature.objects.filter(pk=row.pk).update(created_at=months_ago(number % 14))
    tracker = ActionTrackerPageFactory(parent=home)
    bulk_actions(tracker, 12, PartnerOrganisationFactory())
    return page


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_dashboard_passes_axe_on_a_phone_and_a_desktop(
    browser_page, live_server, impact_site, language
):
    page = browser_page
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/{language}/impact/?period=12")
        assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        assert page.locator("figure svg[role=img]").count() >= 7
        for summary in page.locator(".impact-details summary").all():
            summary.click()
        assert_no_axe_violations(page)
        size = page.evaluate(SIDEWAYS)
        assert size["scroll"] <= size["width"], (width, size)
        chart = page.locator("svg[aria-labelledby^='impact-time-pledges']")
        labels = chart.locator("text[text-anchor=middle]")
        if width == 320:
            # The axis labels stay readable on a phone: at least 9 CSS pixels high.
            assert labels.first.bounding_box()["height"] >= 9
        # Time runs from the reader's starting side: from the right in Arabic.
        first = labels.first.bounding_box()["x"]
        last = labels.nth(labels.count() - 1).bounding_box()["x"]
        assert (first > last) if language == "ar" else (first < last)


def test_the_filters_work_without_javascript(
    browser_page_without_javascript, live_server, impact_site
):
    page = browser_page_without_javascript
    page.goto(f"{live_server.url}/en/impact/")
    page.select_option("#impact-country", "FR")
    page.select_option("#impact-period", "all")
    with page.expect_navigation():
        page.get_by_role("button", name="Show the figures").click()
    assert "country=FR" in page.url and "period=all" in page.url
    assert page.locator("#impact-country-pledges-title").count() == 0
    link = page.locator("a.impact-download").first
    assert link.get_attribute("href") == "/en/impact/pledges.csv?country=FR&period=all"


def test_the_admin_panel_passes_axe(browser_page, live_server, impact_site):
    setup_roles()
    coordinator = make_user("coordinator", [MODERATORS])
    page = browser_page
    log_in(page, live_server, coordinator)
    panel = page.locator("#impact-dashboard-section, #impact-dashboard").first
    assert panel.count() == 1
    assert page.locator("svg[aria-labelledby^='impact-admin']").count() == 1
    assert_no_axe_violations(page)
