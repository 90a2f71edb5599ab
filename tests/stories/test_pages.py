"""Story index and story pages: tree rules, rendering, filters, query budget, the editor
round-trip, the home listing and the retention command."""

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from campaigns.stories.models import StoryIndexPage, StoryPage
from home.models import HomePage, StandardPage
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.factories import CrisisHelplineFactory, StandardPageFactory
from tests.queries import warm_count
from tests.stories.factories import ContributorRecordFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def test_tree_rules(home_page, story_index):
    assert StoryIndexPage.can_create_at(HomePage.objects.get()) is False  # one per home
    assert StoryPage.can_create_at(story_index)
    assert not StoryPage.can_create_at(home_page)
    assert not StoryPage.allowed_subpage_models()
    assert not StandardPage.can_create_at(story_index)
    other = StandardPageFactory(parent=home_page)
    assert not StoryIndexPage.can_create_at(other)
    assert not StoryPage.can_create_at(other)
    assert StoryIndexPage.can_create_at(Page.get_first_root_node()) is False


def test_story_index_lists_published_stories_with_card_details(client, story_index, topics):
    story = StoryPageFactory(parent=story_index, title="Finding my voice", display_name="")
    story.topics.set([topics["anxiety"]])
    story.save_revision().publish()
    StoryPageFactory(parent=story_index, title="Unpublished draft", live=False)
    response = client.get("/en/stories/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "pages/story_index_page.html" in [t.name for t in response.templates]
    assert "Finding my voice" in html
    assert "Unpublished draft" not in html
    assert "Anonymous" in html
    assert "France" in html
    assert "Anxiety" in html
    assert "I found people who listened" in html  # the excerpt
    assert html.count("<h1") == 1
    assert 'href="/en/stories/share/"' in html


def test_story_index_filters_by_topic_and_campaign(client, story_index, topics, home_page):
    campaign_index = CampaignIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(parent=campaign_index, title="Time to talk")
    about_anxiety = StoryPageFactory(parent=story_index, title="About anxiety")
    about_anxiety.topics.set([topics["anxiety"]])
    about_anxiety.save_revision().publish()
    in_campaign = StoryPageFactory(parent=story_index, title="In the campaign", campaign=campaign)
    StoryPageFactory(parent=story_index, title="Something else")

    html = client.get("/en/stories/?topic=anxiety").content.decode()
    assert "About anxiety" in html and "Something else" not in html
    html = client.get(f"/en/stories/?campaign={campaign.pk}").content.decode()
    assert "In the campaign" in html and "About anxiety" not in html
    assert "Time to talk" in html  # offered in the filter
    for bad in ["?topic=%00", "?campaign=abc", "?topic=" + "x" * 500, "?page=-1", "?page=zz"]:
        response = client.get("/en/stories/" + bad)
        assert response.status_code == 200
    assert in_campaign.title in client.get("/en/stories/?campaign=999999").content.decode()


def test_story_index_paginates(client, story_index):
    for n in range(14):
        StoryPageFactory(parent=story_index, title=f"Paged story {n:02d}")
    first = client.get("/en/stories/").content.decode()
    second = client.get("/en/stories/?page=2").content.decode()
    assert first.count('class="card story-card"') == 12
    assert second.count('class="card story-card"') == 2
    assert "Page 1 of 2" in first


def test_story_index_query_budget_is_flat(client, story_index, topics):
    def add(count):
        for _ in range(count):
            story = StoryPageFactory(parent=story_index)
            story.topics.set(list(topics.values()))
            story.save_revision().publish()

    add(2)
    few = warm_count(client, "/en/stories/")
    add(38)
    many = warm_count(client, "/en/stories/?topic=anxiety")
    many_plain = warm_count(client, "/en/stories/")
    assert many_plain == few
    assert many <= few + 1


def test_story_page_with_content_notes_warns_first_with_helplines(client, story_index, locales):
    CrisisHelplineFactory(name="Samaritans", country="IE", phone="116 123")
    story = StoryPageFactory(
        parent=story_index,
        title="After the hospital",
        content_notes=["self-harm", "hospitalisation"],
        age_range="25-34",
    )
    response = client.get(story.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "pages/story_page.html" in [t.name for t in response.templates]
    notice = html.index('class="content-notice"')
    body = html.index('class="rich-text story__body"')
    assert notice < body
    assert "Self-harm" in html and "Hospital or compulsory treatment" in html
    assert "Samaritans" in html and 'href="tel:116123"' in html
    assert 'href="#story-end"' in html and 'id="story-end"' in html
    # Nothing hides the story: it is in the page, not behind a dialog.
    assert "I found people who listened" in html
    assert "<dialog" not in html and 'aria-hidden="true"' not in html[notice:]
    assert "25–34" in html
    assert html.count("<h1") == 1


def test_story_page_without_notes_has_no_notice(client, story_index):
    story = StoryPageFactory(parent=story_index)
    html = client.get(story.url).content.decode()
    assert 'class="content-notice"' not in html
    assert "Mira" in html


def test_related_stories_share_a_topic(client, story_index, topics):
    main = StoryPageFactory(parent=story_index, title="Main story")
    related = StoryPageFactory(parent=story_index, title="A related one")
    StoryPageFactory(parent=story_index, title="Unrelated one")
    for page in (main, related):
        page.topics.set([topics["stigma"]])
        page.save_revision().publish()
    html = client.get(main.url).content.decode()
    assert "A related one" in html
    assert "Unrelated one" not in html


class TestEditorRoundTrip(WagtailTestUtils):
    def test_moderator_creates_a_story_in_the_admin(self, client, story_index, topics):
        from django.contrib.auth import get_user_model

        admin = get_user_model().objects.create_superuser("ada", "ada@example.invalid", "pw")
        client.force_login(admin)
        data = nested_form_data(
            {
                "title": "Written with a contributor",
                "slug": "written-with-a-contributor",
                "summary": "",
                "display_name": "Sam",
                "body": rich_text("<p>The story as agreed with Sam.</p>"),
                "image_alt": "",
                "age_range": "35-44",
                "country": "DE",
                "comments": inline_formset([]),
            }
        )
        # Multiple-choice fields post one value per ticked box.
        data["topics"] = [topics["stigma"].pk]
        data["content_notes"] = ["trauma"]
        url = f"/admin/pages/add/stories/storypage/{story_index.pk}/"
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        story = StoryPage.objects.get(slug="written-with-a-contributor")
        assert story.content_notes == ["trauma"]
        assert story.display_name == "Sam"
        assert [t.slug for t in story.topics.all()] == ["stigma"]
        response = client.get(f"/admin/pages/{story.pk}/edit/")
        assert response.status_code == 200
        assert 'value="trauma"' in response.content.decode()

    def test_image_without_alt_text_is_refused(self, story_index):
        from django.core.exceptions import ValidationError
        from wagtail.images import get_image_model
        from wagtail.images.tests.utils import get_test_image_file

        image = get_image_model().objects.create(title="x", file=get_test_image_file())
        story = StoryPageFactory.build(image=image, image_alt="")
        with pytest.raises(ValidationError):
            story.clean()


def test_latest_stories_home_listing(rf, story_index, locales):
    from home.sections import get_listing

    StoryPageFactory(parent=story_index, title="Newest story")
    listing = get_listing("latest_stories")
    assert listing is not None
    items = listing.loader(rf.get("/en/"), locales["en"], 3)
    assert [s.title for s in items] == ["Newest story"]
    from django.template.loader import render_to_string

    html = render_to_string(listing.template, {"items": items})
    assert "Newest story" in html


def test_factories_build(story_index):
    story = StoryPageFactory(parent=story_index)
    record = ContributorRecordFactory(page=story)
    assert story.pk and record.pk and story_index.pk
    assert str(record) == f"Contributor record #{record.pk}"


def test_related_resources_share_a_topic(client, story_index, topics, home_page):
    from tests.campaigns.factories import ResourceIndexPageFactory, ResourcePageFactory

    library = ResourceIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(parent=library, title="Talking about anxiety")
    resource.topics.set([topics["anxiety"]])
    resource.save_revision().publish()
    ResourcePageFactory(parent=library, title="About something else")
    story = StoryPageFactory(parent=story_index)
    story.topics.set([topics["anxiety"]])
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "Talking about anxiety" in html
    assert "About something else" not in html


def test_story_page_query_count_does_not_grow_with_related_content(client, story_index, topics):
    def make(count):
        pages = []
        for _ in range(count):
            page = StoryPageFactory(parent=story_index)
            page.topics.set(list(topics.values()))
            page.save_revision().publish()
            pages.append(page)
        return pages

    main = make(1)[0]
    make(2)
    few = warm_count(client, main.url)
    make(20)
    assert warm_count(client, main.url) == few


def test_excerpt_keeps_words_of_separate_paragraphs_apart(story_index):
    story = StoryPageFactory.build(body="<p>First part.</p><p>Second<br/>part.</p>", summary="")
    assert story.excerpt == "First part. Second part."


def test_story_feed_answers_conditional_gets(client, story_index):
    StoryPageFactory(parent=story_index, title="Heard at last", first_published_at=timezone.now())
    first = client.get("/en/stories/feed/")
    assert first.status_code == 200 and first["ETag"]
    assert b"Heard at last" in first.content
    assert client.get("/en/stories/feed/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    StoryPageFactory(parent=story_index, title="A new start", first_published_at=timezone.now())
    changed = client.get("/en/stories/feed/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and b"A new start" in changed.content
    for headers in ({"HTTP_IF_NONE_MATCH": '",\x7f'}, {"HTTP_IF_MODIFIED_SINCE": "soon"}):
        assert client.get("/en/stories/feed/", **headers).status_code == 200
