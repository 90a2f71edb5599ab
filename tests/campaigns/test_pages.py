"""Campaign and resource pages: tree rules, validation, rendering, editor round-trips and
translations."""

import datetime
import json
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
)
from home.models import StandardPage
from tests.campaigns.factories import CampaignPageFactory, ResourcePageFactory
from tests.factories import (
    AudienceFactory,
    PartnerOrganisationFactory,
    StandardPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def test_tree_rules(home_page, campaign_index, resource_index):
    assert not CampaignIndexPage.can_create_at(home_page)  # one per home page
    assert not ResourceIndexPage.can_create_at(home_page)
    assert CampaignPage.can_create_at(campaign_index)
    assert ResourcePage.can_create_at(resource_index)
    assert not CampaignPage.can_create_at(home_page)
    assert not CampaignPage.can_create_at(resource_index)
    assert not ResourcePage.can_create_at(campaign_index)
    assert not StandardPage.can_create_at(campaign_index)
    standard = StandardPageFactory(parent=home_page)
    assert not CampaignIndexPage.can_create_at(standard)
    assert CampaignPage.allowed_subpage_models() == []
    assert ResourcePage.allowed_subpage_models() == []


def test_index_pages_can_be_created_under_a_home_page(home_page):
    assert CampaignIndexPage.can_create_at(home_page)
    assert ResourceIndexPage.can_create_at(home_page)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        ("2026-09-30", "upcoming"),
        ("2026-10-01", "active"),
        ("2026-10-31", "active"),
        ("2026-11-01", "ended"),
    ],
)
def test_campaign_status_follows_the_dates(campaign_index, today, status):
    campaign = CampaignPageFactory(parent=campaign_index)
    with time_machine.travel(datetime.datetime.fromisoformat(f"{today}T12:00:00+01:00")):
        assert campaign.status() == status
        assert campaign.status_key == status


def test_campaign_without_end_date_stays_active(campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, end_date=None)
    assert campaign.status(datetime.date(2030, 1, 1)) == "active"


def test_campaign_hero_image_needs_alt_text(campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index)
    campaign.hero_image = Image.objects.create(title="hero", file=get_test_image_file())
    campaign.hero_image_alt = " "
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "hero_image_alt" in error.value.message_dict


def test_campaign_cannot_end_before_it_starts(campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index)
    campaign.end_date = datetime.date(2026, 9, 1)
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "end_date" in error.value.message_dict


def test_reading_time_is_computed_from_the_text(resource_index):
    words = " ".join(["word"] * 650)
    resource = ResourcePageFactory(
        parent=resource_index, body=[{"type": "paragraph", "value": f"<p>{words}</p>"}]
    )
    assert resource.reading_time == 4  # 650 words + summary at 200 a minute, rounded up
    short = ResourcePageFactory(parent=resource_index)
    assert short.reading_time == 1


def test_easy_read_link_must_point_to_an_easy_read_resource(resource_index):
    article = ResourcePageFactory(parent=resource_index, format="article")
    other = ResourcePageFactory(parent=resource_index, format="guide")
    article.easy_read_version = other
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "easy_read_version" in error.value.message_dict


def test_easy_read_versions_link_both_ways(client, resource_index):
    easy = ResourcePageFactory(parent=resource_index, format="easy-read", title="Easy read")
    full = ResourcePageFactory(parent=resource_index, title="Full", easy_read_version=easy)
    full_html = client.get(full.url).content.decode()
    easy_html = client.get(easy.url).content.decode()
    assert f'href="{easy.url}"' in full_html
    assert "Read the easy-read version" in full_html
    assert f'href="{full.url}"' in easy_html
    assert "Read the full version" in easy_html


def _campaign_with_everything(campaign_index):
    topic = TopicFactory(name="Stigma", slug="stigma")
    audience = AudienceFactory(name="Employers", slug="employers")
    partner = PartnerOrganisationFactory(name="Santé Mentale Ensemble", country="FR")
    image = Image.objects.create(title="hero", file=get_test_image_file())
    campaign = CampaignPageFactory(
        parent=campaign_index,
        title="Mental Health Week 2026",
        slug="mhw-2026",
        hero_image=image,
        hero_image_alt="People talking at a table",
        body=[
            {"type": "paragraph", "value": "<p>Let's talk about it at work.</p>"},
            {
                "type": "key_facts",
                "value": {
                    "heading": "The facts",
                    "facts": [
                        {
                            "figure": "1 in 4",
                            "label": "people have a mental health problem",
                            "source_title": "WHO",
                            "source_url": "https://www.who.int/",
                        }
                    ],
                },
            },
            {
                "type": "myth_fact",
                "value": {
                    "heading": "Myth or fact?",
                    "items": [{"myth": "It is rare.", "fact": "<p>It is common.</p>"}],
                },
            },
            {
                "type": "video",
                "value": {
                    "title": "Why we talk",
                    "url": "https://www.youtube.com/watch?v=abc123",
                    "duration": "3 min",
                    "transcript": "We talk.",
                },
            },
        ],
    )
    campaign.topics.add(topic)
    campaign.audiences.add(audience)
    campaign.partners.add(partner)
    campaign.save_revision().publish()
    return campaign


def test_campaign_page_renders_its_content(client, campaign_index):
    _campaign_with_everything(campaign_index)
    response = client.get("/en/campaigns/mhw-2026/")
    assert response.status_code == 200
    assert "pages/campaign_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in (
        "Mental Health Week 2026",
        "talk about it at work",
        "1 in 4",
        'href="https://www.who.int/"',
        "It is rare.",
        "Santé Mentale Ensemble",
        "Stigma",
        "Employers",
        'alt="People talking at a table"',
    ):
        assert text in html, text


def test_video_loads_nothing_from_the_provider_until_clicked(client, campaign_index):
    _campaign_with_everything(campaign_index)
    html = client.get("/en/campaigns/mhw-2026/").content.decode()
    assert "<iframe" not in html
    # Without JavaScript the reader still has a plain link to the video.
    assert 'href="https://www.youtube.com/watch?v=abc123"' in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/abc123?autoplay=1"' in html
    assert not re.search(r'<(script|img)[^>]+src="https?://(?!testserver)', html)


def test_campaign_page_has_social_metadata_and_json_ld(client, campaign_index):
    _campaign_with_everything(campaign_index)
    html = client.get("/en/campaigns/mhw-2026/").content.decode()
    assert '<meta property="og:title" content="Mental Health Week 2026">' in html
    assert '<meta property="og:url" content="http://testserver/en/campaigns/mhw-2026/">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'property="og:image" content="http://testserver/' in html
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "WebPage"
    assert data["name"] == "Mental Health Week 2026"
    assert data["startDate"] == "2026-10-01"
    assert data["contributor"][0]["name"] == "Santé Mentale Ensemble"


def test_json_ld_cannot_close_the_script_element(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, slug="x", title="</script><script>alert(1)")
    html = client.get("/en/campaigns/x/").content.decode()
    assert "</script><script>alert(1)" not in html


def test_share_links_are_plain_urls(client, campaign_index):
    _campaign_with_everything(campaign_index)
    html = client.get("/en/campaigns/mhw-2026/").content.decode()
    for start in (
        'href="mailto:?subject=',
        'href="https://wa.me/?text=',
        'href="https://bsky.app/intent/compose?text=',
        'href="https://toot.kytta.dev/?text=',
        'href="https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver',
        'href="https://x.com/intent/post?text=',
    ):
        assert start in html, start


def test_resource_page_renders_its_content(client, resource_index):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Printable guide", file=ContentFile(b"%PDF-1.4", name="guide.pdf")
    )
    resource = ResourcePageFactory(
        parent=resource_index,
        title="Understanding depression",
        slug="understanding-depression",
        format="guide",
        reviewed_by_name="Dr Ana Novak",
        reviewed_by_role="Clinical psychologist",
        review_due=datetime.date(2027, 10, 1),
        references=[
            {
                "type": "reference",
                "value": {"citation": "WHO. World mental health report. 2022.", "url": ""},
            }
        ],
    )
    ResourceDocument.objects.create(
        resource=resource, document=document, label="Printable version (PDF)"
    )
    response = client.get("/en/resources/understanding-depression/")
    assert response.status_code == 200
    assert "pages/resource_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in (
        "Understanding depression",
        "Guide",
        "1 min read",
        "Depression is common and treatable.",
        "WHO. World mental health report. 2022.",
        # The name and role are isolated: their own direction holds in any language.
        "Reviewed by <bdi>Dr Ana Novak</bdi>, <bdi>Clinical psychologist</bdi>",
        f'href="{document.url}"',
        "Printable version (PDF)",
    ):
        assert text in html, text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "LearningResource"
    assert data["reviewedBy"]["name"] == "Dr Ana Novak"


def test_editor_can_create_a_campaign(admin_client, campaign_index):
    topic = TopicFactory(slug="stigma")
    partner = PartnerOrganisationFactory()
    data = nested_form_data(
        {
            "title": "Workplace anti-stigma",
            "slug": "workplace",
            "summary": "Talking about mental health at work.",
            "start_date": "2026-10-01",
            "end_date": "2026-12-31",
            "organisation": partner.pk,
            "hero_image_alt": "",
            "pledge_statement": "I pledge to talk openly about mental health at work.",
            "pledge_open": "on",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Line managers make the difference.</p>")),
                    (
                        "call_to_action",
                        {
                            "text": "Get the toolkit",
                            "page": "",
                            "url": "https://example.org/",
                            "email": "",
                        },
                    ),
                ]
            ),
            "related_pages": inline_formset([]),
            "action-publish": "publish",
        }
    )
    # Many-to-many choices are repeated form keys, which nested_form_data does not build.
    data.update({"partners": [partner.pk], "topics": [topic.pk]})
    url = f"/admin/pages/add/campaigns/campaignpage/{campaign_index.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    campaign = CampaignPage.objects.get(slug="workplace")
    assert campaign.live
    assert list(campaign.topics.all()) == [topic]
    assert "Line managers" in str(campaign.body)
    assert campaign.has_pledge


def test_call_to_action_needs_exactly_one_destination(admin_client, campaign_index):
    data = nested_form_data(
        {
            "title": "Bad button",
            "slug": "bad",
            "start_date": "2026-10-01",
            "organisation": PartnerOrganisationFactory().pk,
            "body": streamfield(
                [("call_to_action", {"text": "Go", "page": "", "url": "", "email": ""})]
            ),
            "related_pages": inline_formset([]),
            "action-publish": "publish",
        }
    )
    url = f"/admin/pages/add/campaigns/campaignpage/{campaign_index.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Choose exactly one destination" in response.content.decode()
    assert not CampaignPage.objects.filter(slug="bad").exists()


def test_editor_can_create_a_resource(admin_client, resource_index):
    audience = AudienceFactory(slug="teachers")
    data = nested_form_data(
        {
            "title": "A toolkit for teachers",
            "slug": "teachers-toolkit",
            "summary": "Spotting the signs in the classroom.",
            "format": "toolkit",
            "organisation": PartnerOrganisationFactory().pk,
            "image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Notice, ask, listen.</p>"))]),
            "documents": inline_formset([]),
            "references": streamfield(
                [("reference", {"citation": "Mental health literacy study, 2024", "url": ""})]
            ),
            "reviewed_by_name": "Dr K.",
            "reviewed_by_role": "School psychologist",
            "review_due": "2027-09-01",
            "action-publish": "publish",
        }
    )
    data["audiences"] = [audience.pk]
    url = f"/admin/pages/add/campaigns/resourcepage/{resource_index.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    resource = ResourcePage.objects.get(slug="teachers-toolkit")
    assert resource.live
    assert resource.format == "toolkit"
    assert list(resource.audiences.all()) == [audience]
    assert resource.reading_time == 1


def test_video_block_refuses_unsupported_addresses():
    from wagtail.blocks import StructBlockValidationError

    from campaigns.blocks import VideoEmbedBlock

    block = VideoEmbedBlock()
    value = block.to_python({"title": "x", "url": "https://tracker.example.com/v/1"})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_key_fact_needs_a_source():
    from wagtail.blocks import StructBlockValidationError

    from campaigns.blocks import KeyFactsBlock

    block = KeyFactsBlock()
    value = block.to_python(
        {"facts": [{"figure": "60%", "label": "x", "source_title": "", "source_url": ""}]}
    )
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(value)


def test_every_campaign_block_has_preview_metadata():
    from campaigns.blocks import CampaignBodyBlock, ResourceBodyBlock

    for stream in (CampaignBodyBlock(), ResourceBodyBlock()):
        for name, block in stream.child_blocks.items():
            meta = block.meta
            assert meta.icon, name
            assert meta.template, name
            assert meta.description, name
            assert block.get_preview_value() is not None, name


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=abc_1-2",
            "https://www.youtube-nocookie.com/embed/abc_1-2",
        ),
        ("https://youtu.be/abc123", "https://www.youtube-nocookie.com/embed/abc123"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://example.com/watch?v=abc", ""),
        ("https://www.youtube.com/watch?v=<script>", ""),
    ],
)
def test_video_embed_urls(url, embed):
    from campaigns.blocks import video_embed_url

    assert video_embed_url(url).split("?")[0] == embed


def test_french_translation_renders_in_french(client, translated_home, locales):
    from tests.campaigns.factories import CampaignIndexPageFactory, ResourceIndexPageFactory

    campaigns = CampaignIndexPageFactory(parent=translated_home["en"])
    resources = ResourceIndexPageFactory(parent=translated_home["en"])
    campaign = CampaignPageFactory(parent=campaigns, title="Workplace", slug="workplace")
    resource = ResourcePageFactory(
        parent=resources, title="Understanding depression", slug="understanding-depression"
    )
    fr = locales["fr"]
    for index in (campaigns, resources):
        translated_index = index.copy_for_translation(fr)
        translated_index.save_revision().publish()
    french_campaign = campaign.copy_for_translation(fr)
    french_campaign.title = "Au travail"
    french_campaign.summary = "Parler de santé mentale au travail."
    french_campaign.save_revision().publish()
    french_resource = resource.copy_for_translation(fr)
    french_resource.title = "Comprendre la dépression"
    french_resource.save_revision().publish()

    response = client.get("/fr/campaigns/workplace/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Au travail" in html and "Parler de santé mentale au travail." in html
    assert french_campaign.locale == Locale.objects.get(language_code="fr")

    html = client.get("/fr/resources/understanding-depression/").content.decode()
    assert "Comprendre la dépression" in html
    # The French lists show the French pages only.
    assert "Au travail" in client.get("/fr/campaigns/").content.decode()
    listing = client.get("/fr/resources/").content.decode()
    assert "Comprendre la dépression" in listing
    assert "Understanding depression" not in listing


@pytest.mark.parametrize(
    ("model", "slug", "template"),
    [
        ("campaignindexpage", "campaigns", "pages/campaign_index_page.html"),
        ("resourceindexpage", "resources", "pages/resource_index_page.html"),
    ],
)
def test_editor_can_create_the_index_pages(admin_client, client, home_page, model, slug, template):
    data = nested_form_data(
        {
            "title": slug.capitalize(),
            "slug": slug,
            "summary": "",
            "intro": f"All our {slug} in one place.",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/campaigns/{model}/{home_page.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(f"/en/{slug}/")
    assert page.status_code == 200
    assert template in [t.name for t in page.templates]
    assert f"All our {slug} in one place." in page.content.decode()


def test_french_index_pages_render_in_french(client, translated_home, locales):
    from tests.campaigns.factories import CampaignIndexPageFactory, ResourceIndexPageFactory

    for factory, slug, title in (
        (CampaignIndexPageFactory, "campaigns", "Campagnes"),
        (ResourceIndexPageFactory, "resources", "Ressources"),
    ):
        index = factory(parent=translated_home["en"])
        french = index.copy_for_translation(locales["fr"])
        french.title = title
        french.intro = "En français."
        french.save_revision().publish()
        response = client.get(f"/fr/{slug}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<h1>{title}</h1>" in html
        assert "En français." in html
        assert '<html lang="fr"' in html
