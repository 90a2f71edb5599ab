"""The practice library's index: facets by country, topic and stage that work with plain
links and a form (no JavaScript), bad input, and query budgets of the index and a
practice page pinned at 5 and 500 items."""

import uuid

import pytest

from campaigns.practices.models import PracticeCaseStudy, PracticeRelatedPage
from tests.campaigns.practice_factories import (
    PracticeCaseStudyFactory,
    PracticeIndexPageFactory,
    PracticePageFactory,
    bulk_practices,
)
from tests.factories import PartnerOrganisationFactory, TopicFactory
from tests.queries import warm_count

pytestmark = pytest.mark.django_db

COUNTRIES = ["UA", "PL", "RO", "GR"]
STAGES = ["planning", "piloting", "implementing", "scaling_up", "sustained"]
# The pinned query budgets (a change that adds a query raises them here, in review).
INDEX_QUERIES = 5
PAGE_QUERIES = 8


@pytest.fixture
def practice_index(home_page):
    return PracticeIndexPageFactory(parent=home_page)


@pytest.fixture
def library(practice_index):
    """Three practices: community care (UA scaling up, PL sustained), suicide prevention
    (UA piloting), peer support (RO planning)."""
    community = TopicFactory(name="Community care", slug="community-care")
    prevention = TopicFactory(name="Suicide prevention", slug="suicide-prevention")
    pages = {}
    for title, topic, studies in (
        ("Community care", community, [("UA", "scaling_up"), ("PL", "sustained")]),
        ("Prevention", prevention, [("UA", "piloting")]),
        ("Peer support", community, [("RO", "planning")]),
    ):
        page = PracticePageFactory(parent=practice_index, title=title)
        page.topics.add(topic)
        page.save_revision().publish()
        for country, stage in studies:
            PracticeCaseStudyFactory(practice=page, country=country, stage=stage)
        pages[title] = page
    return pages


def _titles(response):
    return [item.title for item in response.context["practices"]]


def test_index_lists_every_practice_alphabetically(client, library):
    response = client.get("/en/practices/")
    assert response.status_code == 200
    assert _titles(response) == ["Community care", "Peer support", "Prevention"]
    assert "Ukraine, Poland" not in response.content.decode()  # countries sorted by code
    assert "Poland, Ukraine" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=UA", ["Community care", "Prevention"]),
        ("country=UA&country=RO", ["Community care", "Peer support", "Prevention"]),
        ("stage=planning", ["Peer support"]),
        ("topic=community-care", ["Community care", "Peer support"]),
        ("topic=community-care&country=UA", ["Community care"]),
        ("topic=suicide-prevention&stage=sustained", []),
    ],
)
def test_facets_combine(client, library, query, expected):
    assert _titles(client.get(f"/en/practices/?{query}")) == expected


def test_facets_are_a_plain_form_with_counts(client, library):
    response = client.get("/en/practices/?country=UA")
    html = response.content.decode()
    # Checkboxes in a GET form: choosing and submitting needs no script.
    assert '<form class="filters library__filters" method="get"' in html
    assert 'name="country" value="UA" checked' in html
    assert '<button type="submit" class="button">Show practices</button>' in html
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    # A facet's counts leave its own choice out, so other countries stay reachable.
    assert {o["value"]: o["count"] for o in facets["country"]["options"]} == {
        "PL": 1,
        "RO": 1,
        "UA": 2,
    }
    assert {o["value"]: o["count"] for o in facets["stage"]["options"]} == {
        "piloting": 1,
        "scaling_up": 1,
        "sustained": 1,
    }
    empty = client.get("/en/practices/?country=UA&stage=planning").content.decode()
    assert "No practices match your filters." in empty
    assert "Remove “Ukraine”" in empty


@pytest.mark.parametrize(
    "query", ["country=XX", "stage=%00", "topic=nope", "page=-1", "page=abc", "page=99999"]
)
def test_bad_filters_are_ignored(client, library, query):
    response = client.get(f"/en/practices/?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["", "?topic=budget&country=UA", "?stage=piloting&page=2"])
def test_index_query_budget(client, practice_index, query):
    topic = TopicFactory(name="Budget", slug="budget")
    organisation = PartnerOrganisationFactory()
    bulk_practices(practice_index, 5, topic, organisation)
    few = warm_count(client, f"/en/practices/{query}")
    bulk_practices(practice_index, 495, topic, organisation)
    many = warm_count(client, f"/en/practices/{query}")
    assert few == many == INDEX_QUERIES


def test_practice_page_query_budget(client, practice_index, home_page):
    from tests.campaigns.factories import ResourceIndexPageFactory, ResourcePageFactory

    resources = ResourceIndexPageFactory(parent=home_page)
    practice = PracticePageFactory(parent=practice_index, slug="budget")
    organisations = [PartnerOrganisationFactory() for _ in range(3)]

    def add(count):
        PracticeCaseStudy.objects.bulk_create(
            PracticeCaseStudy(
                practice=practice,
                locale_id=practice.locale_id,
                translation_key=uuid.uuid4(),
                country=COUNTRIES[number % len(COUNTRIES)],
                stage=STAGES[number % len(STAGES)],
                organisation=organisations[number % len(organisations)],
                outcomes="Fewer admissions.",
                sort_order=number,
            )
            for number in range(count)
        )
        for _number in range(min(count, 5)):
            PracticeRelatedPage.objects.create(
                practice=practice, page=ResourcePageFactory(parent=resources)
            )

    add(5)
    few = warm_count(client, "/en/practices/budget/")
    html = client.get("/en/practices/budget/").content.decode()
    assert html.count('<article class="case-study">') == 5
    assert PracticeRelatedPage.objects.filter(practice=practice).first().page.title in html
    add(495)
    many = warm_count(client, "/en/practices/budget/")
    assert few == many == PAGE_QUERIES
