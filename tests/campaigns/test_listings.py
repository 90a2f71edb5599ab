"""The campaign index and the resource library: order, filters, facets, search, sorting,
bad input and query budgets."""

import datetime

import pytest
import time_machine
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from campaigns.models.campaign import CAMPAIGNS_PER_PAGE
from campaigns.models.resource import RESOURCES_PER_PAGE
from tests.campaigns.factories import CampaignPageFactory, ResourcePageFactory
from tests.factories import AudienceFactory, PartnerOrganisationFactory, TopicFactory
from tests.queries import warm_count

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2026, 10, 15, 12, 0, tzinfo=datetime.UTC)


def _titles(response, key):
    return [item.title for item in response.context[key]]


@time_machine.travel(TODAY)
def test_campaigns_run_active_then_upcoming_then_archive(client, campaign_index):
    day = datetime.date
    CampaignPageFactory(
        parent=campaign_index, title="Ended", start_date=day(2025, 1, 1), end_date=day(2025, 2, 1)
    )
    CampaignPageFactory(
        parent=campaign_index, title="Later", start_date=day(2027, 3, 1), end_date=None
    )
    CampaignPageFactory(
        parent=campaign_index,
        title="Active",
        start_date=day(2026, 10, 1),
        end_date=day(2026, 10, 31),
    )
    CampaignPageFactory(
        parent=campaign_index, title="Soon", start_date=day(2026, 11, 1), end_date=day(2026, 11, 30)
    )
    CampaignPageFactory(
        parent=campaign_index, title="Open-ended", start_date=day(2026, 1, 1), end_date=None
    )
    response = client.get("/en/campaigns/")
    assert response.status_code == 200
    assert _titles(response, "campaigns") == ["Active", "Open-ended", "Soon", "Later", "Ended"]
    html = response.content.decode()
    assert html.index("Running now") < html.index("Coming up") < html.index("Archive")


def test_campaigns_filter_by_topic_and_audience(client, campaign_index):
    stigma = TopicFactory(name="Stigma", slug="stigma")
    youth = AudienceFactory(name="Young people", slug="young-people")
    both = CampaignPageFactory(parent=campaign_index, title="Both")
    both.topics.add(stigma)
    both.audiences.add(youth)
    both.save()
    topic_only = CampaignPageFactory(parent=campaign_index, title="Topic only")
    topic_only.topics.add(stigma)
    topic_only.save()
    CampaignPageFactory(parent=campaign_index, title="Neither")

    assert sorted(_titles(client.get("/en/campaigns/?topic=stigma"), "campaigns")) == [
        "Both",
        "Topic only",
    ]
    response = client.get("/en/campaigns/?topic=stigma&audience=young-people")
    assert _titles(response, "campaigns") == ["Both"]
    assert 'value="stigma" checked' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "topic=does-not-exist",
        "audience=%00",
        "page=-1",
        "page=abc",
        "page=99999",
        "topic=" + "x" * 5000,
    ],
)
def test_campaign_index_survives_bad_input(client, campaign_index, query):
    CampaignPageFactory(parent=campaign_index, title="Still here")
    response = client.get(f"/en/campaigns/?{query}")
    assert response.status_code == 200
    assert "Still here" in response.content.decode()


def test_campaign_index_says_when_nothing_matches(client, campaign_index):
    TopicFactory(name="Psychosis", slug="psychosis")
    CampaignPageFactory(parent=campaign_index)
    html = client.get("/en/campaigns/?topic=psychosis").content.decode()
    assert "No campaigns match these filters." in html
    assert "Remove “Psychosis”" in html


def _resources(resource_index):
    depression = TopicFactory(name="Depression", slug="depression")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    teachers = AudienceFactory(name="Teachers", slug="teachers")
    parents = AudienceFactory(name="Parents", slug="parents")
    made = {}
    for title, topics, audiences, fmt in [
        ("Understanding depression", [depression], [parents], "guide"),
        ("Anxiety in the classroom", [anxiety], [teachers], "toolkit"),
        ("Depression at school", [depression], [teachers], "toolkit"),
        ("Easy read: what is anxiety?", [anxiety], [parents], "easy-read"),
    ]:
        body = [{"type": "paragraph", "value": f"<p>About {title.lower()}.</p>"}]
        page = ResourcePageFactory(parent=resource_index, title=title, format=fmt, body=body)
        page.topics.set(topics)
        page.audiences.set(audiences)
        page.save_revision().publish()
        made[title] = page
    return made


def test_library_facets_combine_and_show_counts(client, resource_index):
    _resources(resource_index)
    response = client.get("/en/resources/?topic=depression&audience=teachers")
    assert _titles(response, "resources") == ["Depression at school"]
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    topic_counts = {o["value"]: o["count"] for o in facets["topic"]["options"]}
    # Counts for a facet apply the other facets' choices: teachers have one of each topic.
    assert topic_counts == {"anxiety": 1, "depression": 1}
    audience_counts = {o["value"]: o["count"] for o in facets["audience"]["options"]}
    assert audience_counts == {"parents": 1, "teachers": 1}
    html = response.content.decode()
    assert 'name="topic" value="depression" checked' in html
    assert "(1 result)" in html


def test_library_values_within_a_facet_widen_the_result(client, resource_index):
    _resources(resource_index)
    response = client.get("/en/resources/?format=toolkit&format=easy-read&sort=title")
    assert _titles(response, "resources") == [
        "Anxiety in the classroom",
        "Depression at school",
        "Easy read: what is anxiety?",
    ]


def test_library_search_within_the_library(client, resource_index):
    _resources(resource_index)
    response = client.get("/en/resources/?q=classroom")
    assert _titles(response, "resources") == ["Anxiety in the classroom"]
    response = client.get("/en/resources/?q=depression&audience=parents")
    assert _titles(response, "resources") == ["Understanding depression"]


def test_library_sorts_newest_or_a_to_z(client, resource_index):
    _resources(resource_index)
    newest = _titles(client.get("/en/resources/"), "resources")
    assert newest[0] == "Easy read: what is anxiety?"
    assert _titles(client.get("/en/resources/?sort=title"), "resources") == sorted(newest)


def test_library_empty_result_suggests_removing_a_filter(client, resource_index):
    _resources(resource_index)
    response = client.get("/en/resources/?topic=anxiety&format=guide")
    html = response.content.decode()
    assert response.status_code == 200
    assert "No resources match your search and filters." in html
    assert "Remove “Anxiety”" in html
    assert 'href="?format=guide&amp;sort=newest"' in html


@pytest.mark.parametrize(
    "query",
    [
        "q=" + "depression " * 1000,
        "page=-1",
        "page=abc",
        "format=podcast",
        "topic=nope&audience=nope",
        "sort=drop-table",
        "q=%00%00",
        "q=AND OR NOT (",
    ],
)
def test_library_survives_bad_input(client, resource_index, query):
    _resources(resource_index)
    response = client.get(f"/en/resources/?{query}")
    assert response.status_code in (200, 404)
    assert response.status_code == 200


# Two full pages of results: every card of a page is drawn, so a query per card would show;
# more cards only cost time (each is a page with its own organisation).
RICH_CAMPAIGNS = 2 * CAMPAIGNS_PER_PAGE
RICH_RESOURCES = 2 * RESOURCES_PER_PAGE


def _taxonomy():
    image = Image.objects.create(title="card", file=get_test_image_file())
    return TopicFactory(slug="budget"), AudienceFactory(), PartnerOrganisationFactory(), image


def _rich_campaigns(campaign_index, count, topic, audience, partner, image):
    for _number in range(count):
        page = CampaignPageFactory(parent=campaign_index, hero_image=image, hero_image_alt="x")
        page.topics.add(topic)
        page.audiences.add(audience)
        page.partners.add(partner)
        page.save()


def _rich_resources(resource_index, count, topic, audience, image):
    for _number in range(count):
        page = ResourcePageFactory(parent=resource_index, image=image, image_alt="x")
        page.topics.add(topic)
        page.audiences.add(audience)
        page.save()


def test_campaign_index_query_budget(client, campaign_index):
    taxonomy = _taxonomy()
    _rich_campaigns(campaign_index, 2, *taxonomy)
    few = warm_count(client, "/en/campaigns/?topic=budget")
    _rich_campaigns(campaign_index, RICH_CAMPAIGNS - 2, *taxonomy)
    many = warm_count(client, "/en/campaigns/?topic=budget")
    assert few == many


def test_resource_library_query_budget(client, resource_index):
    topic, audience, _partner, image = _taxonomy()
    _rich_resources(resource_index, 2, topic, audience, image)
    few = warm_count(client, "/en/resources/?topic=budget&q=resource")
    _rich_resources(resource_index, RICH_RESOURCES - 2, topic, audience, image)
    many = warm_count(client, "/en/resources/?topic=budget&q=resource")
    assert few == many


def test_campaign_filters_show_counts_and_hide_empty_options(client, campaign_index):
    stigma = TopicFactory(name="Stigma", slug="stigma")
    TopicFactory(name="Psychosis", slug="psychosis")
    youth = AudienceFactory(name="Young people", slug="young-people")
    for number in range(2):
        page = CampaignPageFactory(parent=campaign_index, title=f"Campaign {number}")
        page.topics.add(stigma)
        if number:
            page.audiences.add(youth)
        page.save()
    response = client.get("/en/campaigns/?audience=young-people")
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    assert [(o["value"], o["count"]) for o in facets["topic"]["options"]] == [("stigma", 1)]
    assert [(o["value"], o["count"]) for o in facets["audience"]["options"]] == [
        ("young-people", 1)
    ]


def test_library_pagination_keeps_the_filters(client, resource_index):
    topic = TopicFactory(name="Stigma", slug="stigma")
    for number in range(14):
        page = ResourcePageFactory(parent=resource_index, title=f"Stigma resource {number:02}")
        page.topics.add(topic)
        page.save()
    response = client.get("/en/resources/?topic=stigma&sort=title")
    assert len(response.context["resources"]) == 12
    html = response.content.decode()
    assert 'href="?topic=stigma&amp;sort=title&amp;page=2"' in html
    second = client.get("/en/resources/?topic=stigma&sort=title&page=2")
    assert _titles(second, "resources") == ["Stigma resource 12", "Stigma resource 13"]


def test_campaign_page_query_count_does_not_grow_with_partners_or_signatures(
    client, campaign_index
):
    from tests.campaigns.factories import PledgeSignatureFactory

    campaign = CampaignPageFactory(parent=campaign_index, slug="budget", pledge_statement="Yes.")
    logo = Image.objects.create(title="logo", file=get_test_image_file())

    def add(count):
        for _number in range(count):
            campaign.partners.add(PartnerOrganisationFactory(logo=logo))
            campaign.topics.add(TopicFactory())
            PledgeSignatureFactory(campaign=campaign, country="DE")
        campaign.save()

    add(2)
    few = warm_count(client, "/en/campaigns/budget/")
    add(20)
    many = warm_count(client, "/en/campaigns/budget/")
    assert few == many
