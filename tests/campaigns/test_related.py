"""Related content on a campaign: chosen by hand, or found by shared topics."""

import pytest

from campaigns.detail import related_groups
from campaigns.models import CampaignRelatedPage
from home import registry
from home.registry import Registry
from tests.campaigns.factories import CampaignPageFactory, ResourcePageFactory
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def _campaign_about(campaign_index, topic):
    campaign = CampaignPageFactory(parent=campaign_index, slug="week")
    campaign.topics.add(topic)
    campaign.save()
    return campaign


def test_resources_sharing_a_topic_appear_automatically(client, campaign_index, resource_index):
    stigma = TopicFactory(slug="stigma")
    other = TopicFactory(slug="psychosis")
    campaign = _campaign_about(campaign_index, stigma)
    shared = ResourcePageFactory(parent=resource_index, title="Challenging stigma")
    shared.topics.add(stigma)
    shared.save()
    unrelated = ResourcePageFactory(parent=resource_index, title="What is psychosis?")
    unrelated.topics.add(other)
    unrelated.save()
    groups = dict(related_groups(campaign))
    assert [page.title for page in groups["resources"]] == ["Challenging stigma"]
    html = client.get("/en/campaigns/week/").content.decode()
    assert "Challenging stigma" in html
    assert "What is psychosis?" not in html


def test_hand_picked_pages_replace_the_automatic_ones(client, campaign_index, resource_index):
    stigma = TopicFactory(slug="stigma")
    campaign = _campaign_about(campaign_index, stigma)
    automatic = ResourcePageFactory(parent=resource_index, title="Automatic pick")
    automatic.topics.add(stigma)
    automatic.save()
    chosen = ResourcePageFactory(parent=resource_index, title="Chosen by the editor")
    CampaignRelatedPage.objects.create(campaign=campaign, page=chosen)
    html = client.get("/en/campaigns/week/").content.decode()
    assert "Chosen by the editor" in html
    assert "Automatic pick" not in html


def test_unpublished_pages_are_never_related(client, campaign_index, resource_index):
    stigma = TopicFactory(slug="stigma")
    campaign = _campaign_about(campaign_index, stigma)
    draft = ResourcePageFactory(parent=resource_index, title="Draft resource", live=False)
    draft.topics.add(stigma)
    draft.save()
    assert related_groups(campaign) == []


def test_kinds_from_apps_that_are_not_installed_are_skipped(campaign_index, monkeypatch):
    # An app that is not installed registers no kind of related content.
    monkeypatch.setattr(registry, "related_kinds", Registry("related content"))
    campaign = _campaign_about(campaign_index, TopicFactory())
    assert related_groups(campaign) == []


def test_stories_and_upcoming_events_of_the_campaign_appear(client, campaign_index, home_page):
    from tests.events.factories import EventIndexPageFactory, EventPageFactory
    from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

    stigma = TopicFactory(slug="stigma")
    campaign = _campaign_about(campaign_index, stigma)
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home_page), title="Ana's story")
    story.topics.add(stigma)
    story.save()
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Open talk")
    event.campaign = campaign
    event.save()
    groups = {
        str(label): [page.title for page in pages] for label, pages in related_groups(campaign)
    }
    assert groups["stories"] == ["Ana's story"]
    assert groups["events"] == ["Open talk"]
    html = client.get("/en/campaigns/week/").content.decode()
    assert "Ana&#x27;s story" in html and "Open talk" in html


def test_campaign_page_shows_its_past_events_outcomes(client, campaign_index, home_page):
    import datetime

    from django.utils import timezone

    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    campaign = _campaign_about(campaign_index, TopicFactory())
    start = timezone.now() - datetime.timedelta(days=30)
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        title="Policy dialogue",
        sessions=[(start, start + datetime.timedelta(hours=2))],
        report_outcomes="<p>Three councils adopted the prevention concordat.</p>",
    )
    event.campaign = campaign
    event.save()
    html = client.get("/en/campaigns/week/").content.decode()
    assert "Three councils adopted the prevention concordat." in html
