"""Campaigns, the resource library and the partner organisations' pages in a real browser:
filter the library by two facets, open a result, and axe-core on the index and detail
pages in en and ar."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from campaigns.models import PledgeSignature
from tests.browser.conftest import assert_no_axe_violations
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PledgeSignatureFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from tests.factories import AudienceFactory, PartnerOrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def library(translated_home, settings, tmp_path):
    """Campaign, resource and partner sections in en and ar, with taxonomy, images, a
    pledge and an organisation whose page lists its campaign and resources."""
    settings.MEDIA_ROOT = tmp_path / "media"
    home = translated_home["en"]
    ar = translated_home["ar"].locale
    depression = TopicFactory(name="Depression", slug="depression")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    teachers = AudienceFactory(name="Teachers", slug="teachers")
    parents = AudienceFactory(name="Parents", slug="parents")
    image = Image.objects.create(title="hero", file=get_test_image_file())
    partner = PartnerOrganisationFactory(
        name="Open Minds Coalition",
        slug="open-minds-coalition",
        logo=image,
        description="The European coalition that coordinates Mental Health Week.",
    )

    campaigns = CampaignIndexPageFactory(parent=home)
    campaign = CampaignPageFactory(
        parent=campaigns,
        title="Open minds at work",
        slug="work",
        hero_image=image,
        hero_image_alt="Colleagues talking",
        pledge_statement="I pledge to talk openly about mental health.",
        body=[
            {"type": "paragraph", "value": "<p>Let's talk about it at work.</p>"},
            {
                "type": "video",
                "value": {"title": "Why we talk", "url": "https://vimeo.com/76979871"},
            },
            {
                "type": "myth_fact",
                "value": {"items": [{"myth": "It is rare.", "fact": "<p>It is common.</p>"}]},
            },
        ],
    )
    campaign.topics.add(depression)
    campaign.partners.add(partner)
    campaign.save_revision().publish()
    PledgeSignatureFactory(campaign=campaign, name="Ana", country="PT")

    resources = ResourceIndexPageFactory(parent=home)
    made = {}
    for title, topic, audience, fmt in [
        ("Depression at school", depression, teachers, "toolkit"),
        ("Understanding depression", depression, parents, "guide"),
        ("Anxiety in the classroom", anxiety, teachers, "toolkit"),
    ]:
        page = ResourcePageFactory(
            parent=resources,
            title=title,
            format=fmt,
            image=image,
            image_alt="Abstract shapes",
            organisation=partner,
        )
        page.topics.add(topic)
        page.audiences.add(audience)
        page.save_revision().publish()
        made[title] = page
    section = partner.section
    for page in (
        campaigns,
        campaign,
        resources,
        made["Depression at school"],
        section.get_parent(),
        section,
    ):
        page.copy_for_translation(ar).save_revision().publish()
    return made


def test_filter_the_library_by_two_facets_and_open_a_result(browser_page, live_server, library):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/en/resources/")
    # Facets are closed disclosures until one of their options is chosen.
    assert not page.is_visible("#topic-depression")
    page.click("details.facet:has(#topic-depression) > summary")
    page.check("#topic-depression")
    page.click("details.facet:has(#audience-teachers) > summary")
    page.check("#audience-teachers")
    page.click(".filters__actions button[type=submit]")
    page.wait_for_url("**/en/resources/?*")
    assert "topic=depression" in page.url and "audience=teachers" in page.url
    results = page.locator(".library__results .card__title a")
    assert results.all_inner_texts() == ["Depression at school"]
    # After filtering, the chosen facets stay open and checked.
    assert page.is_visible("#topic-depression") and page.is_checked("#topic-depression")
    results.first.click()
    page.wait_for_url(f"{base}/en/resources/{library['Depression at school'].slug}/")
    assert page.locator("h1").inner_text() == "Depression at school"


def test_video_loads_only_after_a_click(browser_page, live_server, library):
    page, base = browser_page, live_server.url
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base}/en/campaigns/work/")
    assert page.locator("iframe").count() == 0
    assert not [url for url in requested if "vimeo" in url]
    page.click("[data-video-load]")
    assert page.locator("iframe").get_attribute("src").startswith("https://player.vimeo.com/")


def test_the_pledge_form_fetches_its_token_and_signs(browser_page, live_server, library):
    page, base = browser_page, live_server.url
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base}/en/campaigns/work/")
    assert not page.context.cookies()  # the shared page sets none
    page.fill("#id_name", "Marta")
    page.select_option("#id_country", "ES")
    page.click(".pledge__form button[type=submit]")
    page.wait_for_url(f"{base}/en/campaigns/work/?pledged=1#pledge")
    assert f"{base}/forms/token/?form=pledge" in requested
    assert page.locator(".pledge__thanks").is_visible()
    assert PledgeSignature.objects.filter(name="Marta", country="ES").count() == 1


def test_without_javascript_the_pledge_is_signed_on_the_second_sending(
    browser_page_without_javascript, live_server, library
):
    page = browser_page_without_javascript
    page.goto(f"{live_server.url}/en/campaigns/work/")
    page.fill("#id_name", "Jonas")
    page.select_option("#id_country", "LT")
    page.click(".pledge__form button[type=submit]")
    # The errors come back with the page the form sends for: wait for them.
    page.locator(".pledge .form-errors[role=alert]").wait_for()
    assert page.locator("#id_name").input_value() == "Jonas"
    assert not PledgeSignature.objects.filter(name="Jonas").exists()
    page.click(".pledge__form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/en/campaigns/work/?pledged=1#pledge")
    assert PledgeSignature.objects.filter(name="Jonas", country="LT").count() == 1


def test_when_the_token_cannot_be_fetched_the_form_comes_back_accessible(
    browser_page, live_server, library
):
    page, base = browser_page, live_server.url
    page.route("**/forms/token/**", lambda route: route.abort())
    page.goto(f"{base}/en/campaigns/work/")
    page.fill("#id_name", "Nadia")
    page.select_option("#id_country", "BE")
    page.click(".pledge__form button[type=submit]")
    notice = page.locator(".pledge .form-errors[role=alert]")
    notice.wait_for()
    assert page.locator("#id_name").input_value() == "Nadia"
    assert not PledgeSignature.objects.filter(name="Nadia").exists()
    assert_no_axe_violations(page)
    page.click(".pledge__form button[type=submit]")
    page.wait_for_url(f"{base}/en/campaigns/work/?pledged=1#pledge")
    assert PledgeSignature.objects.filter(name="Nadia").count() == 1


AXE_PATHS = [
    "campaigns/",
    "campaigns/work/",
    "resources/",
    "resources/depression-at-school/",
    "partners/",
    "partners/open-minds-coalition/",
]


def test_no_serious_axe_violations(browser_page, live_server, library):
    # One site for every page and language (building it is most of the cost).
    page, base = browser_page, live_server.url
    for code in ("en", "ar"):
        for path in AXE_PATHS:
            response = page.goto(f"{base}/{code}/{path}")
            assert response.status == 200, path
            assert page.get_attribute("html", "lang") == code, path
            assert_no_axe_violations(page)
