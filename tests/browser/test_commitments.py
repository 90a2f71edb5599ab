"""What only a browser sees on the commitments pages: axe-core on the index (with and without
filters), a plan and the campaign's signatories, in English and Arabic."""

import datetime

import pytest

from campaigns.commitments.models import CommitmentIndexPage
from tests.browser.conftest import assert_no_axe_violations
from tests.campaigns.commitment_fixtures import make_plan, organisations_in
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def commitments_site(translated_home, locales):
    home = translated_home["en"]
    campaign = CampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=home),
        title="Prevention Concordat",
        slug="prevention-concordat",
        pledge_statement="We adopt the Prevention Concordat for Better Mental Health.",
    )
    index = home.add_child(instance=CommitmentIndexPage(title="Commitments", slug="commitments"))
    index.save_revision().publish()
    france, ireland = organisations_in("FR", "IE")
    plan = make_plan(
        index,
        campaign,
        statuses=["done", "in_progress", "planned"],
        dues=[datetime.date(2020, 1, 1), datetime.date(2021, 1, 1)],
        organisation=france,
        signed_on=datetime.date(2019, 6, 1),
    )
    make_plan(index, campaign, statuses=["planned"], organisation=ireland)
    for code in ("ar",):
        index.copy_for_translation(locales[code]).save_revision().publish()
        campaign.get_parent().copy_for_translation(locales[code]).save_revision().publish()
        campaign.copy_for_translation(locales[code]).save_revision().publish()
        plan.copy_for_translation(locales[code]).save_revision().publish()
    return plan


@pytest.mark.parametrize("language", ["en", "ar"])
def test_commitment_pages_pass_axe(browser_page, live_server, commitments_site, language):
    page = browser_page
    page.goto(f"{live_server.url}/{language}/commitments/")
    assert page.get_attribute("html", "lang") == language
    assert page.locator(".commitment-card").count() == 2
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/{language}/commitments/?country=FR&progress=overdue")
    assert page.locator(".commitment-card").count() == 1
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/{language}/commitments/{commitments_site.slug}/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/{language}/campaigns/prevention-concordat/")
    assert page.locator("#signatories").count() == 1
    assert_no_axe_violations(page)
