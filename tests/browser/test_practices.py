"""The practice library and working groups in a real browser: the library filtered by
country and stage with JavaScript off, and axe-core on their index and detail pages in en
and ar (as tests/browser/test_campaigns.py does for campaigns and resources)."""

import datetime

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.campaigns.practice_factories import (
    PracticeCaseStudyFactory,
    PracticeIndexPageFactory,
    PracticePageFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.events.working_group_factories import (
    WorkingGroupActionFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.factories import PartnerOrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def coalition(translated_home):
    """Two practices with case studies and a working group created from a workshop, in en
    and ar."""
    home = translated_home["en"]
    ar = translated_home["ar"].locale
    partner = PartnerOrganisationFactory(name="Hromada Mental Health", slug="hromada")
    topic = TopicFactory(name="Suicide prevention", slug="suicide-prevention")
    practices = PracticeIndexPageFactory(parent=home)
    community = PracticePageFactory(parent=practices, title="Community care", slug="community")
    PracticeCaseStudyFactory(practice=community, country="UA", stage="implementing")
    PracticeCaseStudyFactory(practice=community, country="PL", stage="sustained")
    prevention = PracticePageFactory(parent=practices, title="Prevention", slug="prevention")
    prevention.topics.add(topic)
    prevention.save_revision().publish()
    PracticeCaseStudyFactory(practice=prevention, country="GR", stage="piloting")
    events = EventIndexPageFactory(parent=home)
    workshop = EventPageFactory(parent=events, title="Stakeholder workshop", organisation=partner)
    groups = WorkingGroupIndexPageFactory(parent=home)
    group = WorkingGroupPageFactory(
        parent=groups, slug="task-force", organisation=partner, from_workshop=workshop
    )
    group.members.add(partner)
    group.meetings.create(event=workshop)
    group.save_revision().publish()
    for status in ("planned", "in_progress", "done"):
        WorkingGroupActionFactory(
            group=group, status=status, organisation=partner, due=datetime.date(2027, 5, 1)
        )
    for page in (practices, community, events, workshop, groups, group):
        page.copy_for_translation(ar).save_revision().publish()


def test_filter_practices_by_country_and_stage_without_javascript(
    browser_page_without_javascript, live_server, coalition
):
    page = browser_page_without_javascript
    page.goto(f"{live_server.url}/en/practices/")
    page.click("details.facet:has(#country-UA) > summary")
    page.check("#country-UA")
    page.click("details.facet:has(#stage-implementing) > summary")
    page.check("#stage-implementing")
    page.click(".filters__actions button[type=submit]")
    page.wait_for_url("**/en/practices/?*")
    assert "country=UA" in page.url and "stage=implementing" in page.url
    results = page.locator(".library__results .card__title a")
    assert results.all_inner_texts() == ["Community care"]
    assert page.is_checked("#country-UA")


AXE_PATHS = [
    "practices/",
    "practices/community/",
    "working-groups/",
    "working-groups/task-force/",
]


def test_no_serious_axe_violations(browser_page, live_server, coalition):
    page, base = browser_page, live_server.url
    for code in ("en", "ar"):
        for path in AXE_PATHS:
            response = page.goto(f"{base}/{code}/{path}")
            assert response.status == 200, path
            assert page.get_attribute("html", "lang") == code, path
            assert_no_axe_violations(page)
