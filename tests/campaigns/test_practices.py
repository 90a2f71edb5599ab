"""The practice library: tree rules, the pages in English and Arabic, country case
studies, the editor round trip, validation, and site search."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.practices.models import PracticeCaseStudy, PracticeIndexPage, PracticePage
from home.models import HomePage
from tests.campaigns.factories import ResourcePageFactory
from tests.campaigns.practice_factories import (
    PracticeCaseStudyFactory,
    PracticeIndexPageFactory,
    PracticePageFactory,
)
from tests.factories import PartnerOrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice_index(home_page):
    return PracticeIndexPageFactory(parent=home_page)


def test_every_factory_builds(practice_index):
    practice = PracticePageFactory(parent=practice_index)
    assert PracticeCaseStudyFactory(practice=practice).pk


def test_tree_rules():
    assert PracticeIndexPage.can_create_at(HomePage())
    assert PracticePage.can_create_at(PracticeIndexPage())
    assert not PracticePage.can_create_at(HomePage())
    assert PracticePage.allowed_subpage_models() == []


def test_practice_page_shows_evidence_case_studies_and_links(client, practice_index, home_page):
    from tests.campaigns.factories import ResourceIndexPageFactory  # fixture-free index

    resource = ResourcePageFactory(
        parent=ResourceIndexPageFactory(parent=home_page), title="Community care guide"
    )
    partner = PartnerOrganisationFactory(name="Mental Health Ukraine")
    practice = PracticePageFactory(
        parent=practice_index, title="Community-based care", slug="community-based-care"
    )
    PracticeCaseStudyFactory(
        practice=practice,
        country="UA",
        organisation=partner,
        stage="scaling_up",
        organisation_name="",
        outcomes="Twelve mobile teams in three regions.",
    )
    PracticeCaseStudyFactory(practice=practice, country="PL", stage="sustained")
    practice.related_links.create(page=resource)
    practice.organisations.add(partner)
    practice.save_revision().publish()
    response = client.get("/en/practices/community-based-care/")
    assert response.status_code == 200
    assert response.templates[0].name == "pages/practice_page.html"
    html = response.content.decode()
    for text in (
        "Evaluations in several countries",
        "Community mental health teams",
        "Country case studies",
        "Ukraine",
        "Poland",
        "Scaling up",
        "Twelve mobile teams in three regions.",
        "Involve people with lived experience",
        "Community care guide",
        "Mental Health Ukraine",
    ):
        assert text in html, text


def test_practice_pages_render_in_arabic(client, translated_home, locales):
    index = PracticeIndexPageFactory(parent=translated_home["en"])
    practice = PracticePageFactory(parent=index, title="Suicide prevention", slug="prevention")
    PracticeCaseStudyFactory(practice=practice, country="UA")
    index.copy_for_translation(locales["ar"]).save_revision().publish()
    arabic = practice.copy_for_translation(locales["ar"])
    arabic.title = "الوقاية من الانتحار"
    arabic.save_revision().publish()
    for url in ("/ar/practices/", "/ar/practices/prevention/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'dir="rtl"' in html
        assert "الوقاية من الانتحار" in html
        assert "أوكرانيا" in html  # the country named in Arabic
    # The copied case study keeps its country in every language (a synchronised field).
    assert arabic.case_studies.get().country.code == "UA"


def test_case_study_needs_an_organisation(practice_index):
    practice = PracticePageFactory(parent=practice_index)
    study = PracticeCaseStudy(
        practice=practice, country="PL", stage="piloting", outcomes="Some.", locale=practice.locale
    )
    with pytest.raises(Exception) as error:
        study.full_clean()
    assert "type the organisation's name" in str(error.value)


def test_editor_creates_a_practice_with_a_case_study(admin_client, practice_index):
    topic = TopicFactory(slug="community-care")
    partner = PartnerOrganisationFactory()
    data = nested_form_data(
        {
            "title": "Community mental health teams",
            "slug": "teams",
            "summary": "Care close to home.",
            "organisation": partner.pk,
            "evidence": rich_text("<p>Fewer admissions.</p>"),
            "components": rich_text("<p>Mobile teams.</p>"),
            "sources": streamfield([]),
            "case_studies": inline_formset(
                [
                    {
                        "country": "RO",
                        "stage": "implementing",
                        "organisation": "",
                        "organisation_name": "County health council",
                        "adapted": "Teams share a building with social services.",
                        "outcomes": "Waiting times halved.",
                        "lessons": "",
                        "source_url": "",
                    }
                ]
            ),
            "related_links": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data.update({"topics": [topic.pk], "organisations": [partner.pk]})
    url = f"/admin/pages/add/practices/practicepage/{practice_index.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    practice = PracticePage.objects.get(slug="teams")
    assert practice.live
    assert practice.case_studies.get().organisation_name == "County health council"


def test_editor_sees_why_a_case_study_is_refused(admin_client, practice_index):
    data = nested_form_data(
        {
            "title": "No organisation",
            "slug": "no-organisation",
            "organisation": PartnerOrganisationFactory().pk,
            "evidence": rich_text("<p>Some.</p>"),
            "components": rich_text(""),
            "sources": streamfield([]),
            "case_studies": inline_formset(
                [{"country": "RO", "stage": "implementing", "outcomes": "Some."}]
            ),
            "related_links": inline_formset([]),
            "action-publish": "publish",
        }
    )
    url = f"/admin/pages/add/practices/practicepage/{practice_index.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "type the organisation&#x27;s name" in response.content.decode()
    assert not PracticePage.objects.filter(slug="no-organisation").exists()


def test_site_search_finds_practices_by_their_case_studies(client, practice_index):
    practice = PracticePageFactory(parent=practice_index, title="Multi-level prevention")
    PracticeCaseStudyFactory(practice=practice, lessons="Train gatekeepers in every village.")
    practice.save_revision().publish()
    html = client.get("/en/search/?q=prevention").content.decode()
    assert "Multi-level prevention" in html
    html = client.get("/en/search/?q=gatekeepers").content.decode()
    assert "Multi-level prevention" in html
    response = client.get("/en/search/?q=prevention&type=practices")
    assert [result.title for result in response.context["results"]] == ["Multi-level prevention"]
