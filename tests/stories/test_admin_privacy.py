"""A PLE contributor's admin account shows their own stories, never the titles of other
contributors' drafts (which can identify the person who wrote them)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from home.cocreation.roles import PLE_CONTRIBUTORS, STORY_MODERATORS
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def contributor(name, roles, *extra):
    user = get_user_model().objects.create_user(name, f"{name}@example.invalid", "pw")
    user.groups.add(roles[PLE_CONTRIBUTORS], *(roles[group] for group in extra))
    return user


@pytest.fixture
def stories(story_index, roles):
    amira = contributor("amira", roles)
    ben = contributor("ben", roles)
    own = StoryPageFactory(parent=story_index, title="Amira's first winter", owner=amira)
    other = StoryPageFactory(parent=story_index, title="Ben from Lyon, after the ward", owner=ben)
    for story in (own, other):
        story.unpublish()
    return amira, ben, own, other


def test_explorer_lists_only_the_contributors_own_stories(client, stories, story_index):
    amira, _ben, own, other = stories
    client.force_login(amira)
    html = client.get(reverse("wagtailadmin_explore", args=[story_index.pk])).content.decode()
    assert own.title in html.replace("&#x27;", "'")
    assert other.title not in html
    html = client.get(
        reverse("wagtailadmin_explore", args=[story_index.pk]), {"q": "Lyon"}
    ).content.decode()
    assert other.title not in html


def test_sidebar_explorer_and_chooser_leave_out_other_stories(client, stories, story_index):
    amira, _ben, own, other = stories
    client.force_login(amira)
    api = client.get(
        "/admin/api/main/pages/",
        {"child_of": story_index.pk, "for_explorer": 1, "fields": "title"},
    ).json()
    titles = {item["title"] for item in api["items"]}
    assert own.title in titles and other.title not in titles
    html = client.get(
        reverse("wagtailadmin_choose_page_child", args=[story_index.pk])
    ).content.decode()
    assert other.title not in html


def test_story_moderators_still_see_every_story(client, stories, story_index, roles):
    _amira, _ben, own, other = stories
    moderator = get_user_model().objects.create_user("mod", "mod@example.invalid", "pw")
    moderator.groups.add(roles[STORY_MODERATORS])
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_explore", args=[story_index.pk])).content.decode()
    assert own.title.replace("'", "&#x27;") in html and other.title in html


def test_a_contributor_who_is_also_a_story_moderator_sees_every_story(
    client, stories, story_index, roles
):
    _amira, _ben, own, other = stories
    both = contributor("both", roles, STORY_MODERATORS)
    client.force_login(both)
    html = client.get(reverse("wagtailadmin_explore", args=[story_index.pk])).content.decode()
    assert other.title in html
