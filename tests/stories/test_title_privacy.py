"""An unpublished story's title is seen in the admin only by story moderators, administrators
and the contributor who wrote it: every screen that lists pages, audit entries, workflow
states or locks, fetched by every role. Pictures sent with a story are for story moderators."""

import html

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from wagtail.models import Page, PageSubscription
from wagtail_localize.models import Translation, TranslationSource

from campaigns.stories.workflow import story_workflow
from home.cocreation.roles import (
    MODERATORS,
    PARTNER_EDITORS,
    PARTNER_LEADS,
    PLE_CONTRIBUTORS,
    STORY_MODERATORS,
    TRANSLATORS,
)
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

# Unique words, so a hit can only be these stories' titles.
SECRET = "Quillamoor ward winter"
WITHDRAWN = "Brindlecott after the clinic"
PUBLIC = "Tessaly finds her group"
WORD = "Quillamoor"

ROLES = {
    "superuser": None,
    "story_moderator": STORY_MODERATORS,
    "moderator": MODERATORS,
    "partner_lead": PARTNER_LEADS,
    "partner_editor": PARTNER_EDITORS,
    "translator": TRANSLATORS,
    "author": PLE_CONTRIBUTORS,
    "other_contributor": PLE_CONTRIBUTORS,
}
# Who may see the unpublished story's title (the author wrote the secret one, not the
# withdrawn one).
SEES_SECRET = {"superuser", "story_moderator", "author"}
SEES_WITHDRAWN = {"superuser", "story_moderator"}


def make_user(role, roles):
    users = get_user_model().objects
    if ROLES[role] is None:
        return users.create_superuser(role, f"{role}@example.invalid", "pw")
    user = users.create_user(role, f"{role}@example.invalid", "pw")
    user.groups.add(roles[ROLES[role]])
    return user


def published(story):
    story.save_revision().publish()
    story.refresh_from_db()
    return story


@pytest.fixture
def scene(story_index, roles, locales, django_capture_on_commit_callbacks):
    """Every role's user; the author's story in review (locked by an administrator, a French
    translation started), a story published once and then withdrawn, and a published
    story."""
    users = {role: make_user(role, roles) for role in ROLES}
    public = published(StoryPageFactory(parent=story_index, title=PUBLIC, live=False))
    withdrawn = published(StoryPageFactory(parent=story_index, title=WITHDRAWN, live=False))
    withdrawn.unpublish()
    story = StoryPageFactory(parent=story_index, title=SECRET, live=False, owner=users["author"])
    story.save_revision(user=users["author"], log_action=True)
    with django_capture_on_commit_callbacks(execute=True):
        story_workflow().start(story, users["author"])
    Page.objects.filter(pk=story.pk).update(
        locked=True, locked_by=users["superuser"], locked_at=timezone.now()
    )
    source, _created = TranslationSource.get_or_create_from_instance(story)
    Translation.objects.create(source=source, target_locale=locales["fr"])
    return users, story, withdrawn, public


def screens(story_index):
    index = story_index.pk
    return {
        "explorer": f"/admin/pages/{index}/",
        "explorer search": f"/admin/pages/{index}/?q={WORD}",
        "page search": f"/admin/pages/search/?q={WORD}",
        "pages of a type": "/admin/pages/usage/stories/storypage/",
        "sidebar explorer": f"/admin/api/main/pages/?child_of={index}&for_explorer=1",
        "page api": f"/admin/api/main/pages/?child_of={index}",
        "page api search": f"/admin/api/main/pages/?search={WORD}",
        "chooser": f"/admin/choose-page/{index}/",
        "chooser search": f"/admin/choose-page/search/?q={WORD}",
        "site history": "/admin/reports/site-history/",
        "site history by name": f"/admin/reports/site-history/results/?label={WORD}",
        "workflows": "/admin/reports/workflow/",
        "workflow tasks": "/admin/reports/workflow_tasks/",
        "aging pages": "/admin/reports/aging-pages/",
        "locked pages": "/admin/reports/locked/",
        "page types usage": "/admin/reports/page-types-usage/",
        "translations": "/admin/localize/reports/translations/",
        "dashboard": "/admin/",
    }


def text_of(response):
    body = response.content.decode()
    return html.unescape(body)


@pytest.mark.parametrize("role", list(ROLES))
def test_each_screen_shows_unpublished_titles_only_to_whom_they_belong(
    client, scene, story_index, role
):
    users, _story, _withdrawn, _public = scene
    client.force_login(users[role])
    leaks = []
    for name, url in screens(story_index).items():
        response = client.get(url)
        assert response.status_code in (200, 302, 403), (name, response.status_code)
        text = text_of(response)
        if SECRET in text and role not in SEES_SECRET:
            leaks.append(name)
        if WITHDRAWN in text and role not in SEES_WITHDRAWN:
            leaks.append(name)
    assert leaks == []


@pytest.mark.parametrize(
    ("role", "screen"),
    [
        ("superuser", "site history"),
        ("superuser", "aging pages"),
        ("superuser", "page types usage"),
        ("story_moderator", "translations"),
        ("story_moderator", "explorer"),
        ("story_moderator", "page search"),
        ("story_moderator", "chooser search"),
        ("story_moderator", "site history"),
        ("story_moderator", "workflows"),
        ("story_moderator", "workflow tasks"),
        ("superuser", "locked pages"),
        ("story_moderator", "dashboard"),  # awaiting their safety review
        ("author", "explorer"),
        ("author", "site history"),
        ("author", "workflows"),
        ("author", "dashboard"),  # their story in a workflow
    ],
)
def test_who_may_see_the_title_still_sees_it(client, scene, story_index, role, screen):
    users, _story, _withdrawn, _public = scene
    client.force_login(users[role])
    response = client.get(screens(story_index)[screen])
    assert response.status_code == 200
    text = text_of(response)
    assert SECRET in text or (role != "author" and WITHDRAWN in text)


@pytest.mark.parametrize("role", ["moderator", "partner_editor", "translator", "other_contributor"])
def test_published_stories_stay_listed_for_everyone(client, scene, story_index, role):
    users, _story, _withdrawn, _public = scene
    client.force_login(users[role])
    for screen in ("explorer", "chooser"):
        response = client.get(screens(story_index)[screen])
        assert response.status_code == 200
        assert PUBLIC in text_of(response), screen


def test_the_site_history_leaves_out_a_published_storys_first_title(client, scene, story_index):
    """A published story's early audit entries carry the title it was sent in with."""
    users, _story, _withdrawn, public = scene
    first_title = "Quillamoor, by Anna from the ward"
    public.title = first_title
    public.save_revision(user=users["story_moderator"], log_action=True)
    public.title = PUBLIC
    public.save_revision(user=users["story_moderator"], log_action=True).publish()
    client.force_login(users["partner_editor"])
    text = text_of(client.get("/admin/reports/site-history/"))
    assert PUBLIC in text and first_title not in text
    client.force_login(users["story_moderator"])
    assert first_title in text_of(client.get("/admin/reports/site-history/"))


def test_a_deleted_storys_history_keeps_its_title_from_others(client, scene, story_index):
    users, story, _withdrawn, _public = scene
    story.delete()
    for role in ("moderator", "partner_lead", "partner_editor"):
        client.force_login(users[role])
        response = client.get("/admin/reports/site-history/")
        assert response.status_code == 200
        assert SECRET not in text_of(response), role
    client.force_login(users["superuser"])
    assert SECRET in text_of(client.get("/admin/reports/site-history/"))


def test_the_publication_approver_sees_a_neutral_label(
    client, scene, django_capture_on_commit_callbacks
):
    """Past the safety review, moderators approve the story: their dashboard lists it under a
    label that names no one, and the link still leads to it."""
    users, story, _withdrawn, _public = scene
    state = story.current_workflow_state
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.approve(user=users["story_moderator"])
    client.force_login(users["moderator"])
    text = text_of(client.get("/admin/"))
    assert f"Unpublished story #{story.pk}" in text
    assert f"/admin/pages/{story.pk}/edit/" in text
    assert SECRET not in text
    # The approver still reviews the story itself, and approves it.
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200
    state.refresh_from_db()
    approve = f"/admin/pages/workflow/action/{story.pk}/approve/{state.current_task_state.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    story.refresh_from_db()
    assert story.live


def test_recent_edits_and_locks_on_the_dashboard_are_masked(client, scene):
    """A moderator who edited and locked a story (they may edit every page) finds it on their
    dashboard under the neutral label."""
    users, story, _withdrawn, _public = scene
    moderator = users["moderator"]
    story.save_revision(user=moderator, log_action=True)
    Page.objects.filter(pk=story.pk).update(locked_by=moderator)
    client.force_login(moderator)
    text = text_of(client.get("/admin/"))
    assert text.count(f"Unpublished story #{story.pk}") >= 2
    assert SECRET not in text


def test_no_workflow_email_names_a_story(scene, django_capture_on_commit_callbacks):
    """Wagtail tells the person who submitted a page when it is approved or sent back, quoting
    its title; for stories the lifecycle's content-free notices are all that is sent."""
    users, story, _withdrawn, _public = scene
    state = story.current_workflow_state
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.reject(user=users["story_moderator"])
    state.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        state.resume(user=users["author"])
        state.refresh_from_db()
        state.current_task_state.approve(user=users["story_moderator"])
        state.refresh_from_db()
        state.current_task_state.approve(user=users["moderator"])
    story.refresh_from_db()
    assert story.live
    assert mail.outbox, "the reviewers' notices were sent"
    for message in mail.outbox:
        assert SECRET not in message.subject + message.body
        for content, _type in getattr(message, "alternatives", []):
            assert SECRET not in content


def test_subscribing_to_a_storys_comments_sends_no_emails(scene, story_index):
    users, story, _withdrawn, _public = scene
    subscription = PageSubscription.objects.create(
        page=story, user=users["moderator"], comment_notifications=True
    )
    subscription.refresh_from_db()
    assert subscription.comment_notifications is False
    other = PageSubscription.objects.create(
        page=story_index, user=users["moderator"], comment_notifications=True
    )
    other.refresh_from_db()
    assert other.comment_notifications is True


# --- Pictures sent with a story -----------------------------------------------------------


@pytest.fixture
def story_picture(scene):
    from django.core.files.base import ContentFile

    from campaigns.stories.images import clean_upload, save_submission_image
    from tests.stories.conftest import image_bytes

    upload = ContentFile(image_bytes(), name="upload.jpg")
    return save_submission_image(clean_upload(upload))


@pytest.fixture
def other_picture(scene):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from tests.stories.conftest import image_bytes

    image = get_image_model()(title="Campaign poster", collection=Collection.get_first_root_node())
    import io

    image.file = ImageFile(io.BytesIO(image_bytes()), name="poster.jpg")
    image.save()
    return image


@pytest.mark.parametrize("role", list(ROLES))
def test_story_pictures_are_for_story_moderators(client, scene, story_picture, other_picture, role):
    users, _story, _withdrawn, _public = scene
    client.force_login(users[role])
    sees = role in {"superuser", "story_moderator"}
    marker = f"/admin/images/{story_picture.pk}/"
    for url in ("/admin/images/", "/admin/images/chooser/", "/admin/images/chooser/results/"):
        response = client.get(url)
        assert response.status_code in (200, 302, 403), url
        text = text_of(response)
        if not sees:
            assert "Story submission picture" not in text, url
            assert marker not in text, url
    chooser = text_of(client.get("/admin/images/chooser/"))
    assert "Campaign poster" in chooser
    assert ("Story submission picture" in chooser) is sees
    chosen = client.get(f"/admin/images/chooser/chosen/{story_picture.pk}/")
    assert (chosen.status_code == 200) is sees
    edit = client.get(f"/admin/images/{story_picture.pk}/")
    assert edit.status_code != 500
    if not sees:
        assert edit.status_code in (302, 403, 404)
