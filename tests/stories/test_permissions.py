"""Who may see contributor records, edit stories and publish them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from home.cocreation.roles import PARTNER_EDITORS, PLE_CONTRIBUTORS, STORY_MODERATORS, TRANSLATORS
from tests.stories.conftest import CONTRIBUTOR_EMAIL
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": None,
    "ple": PLE_CONTRIBUTORS,
    "partner_editor": PARTNER_EDITORS,
    "translator": TRANSLATORS,
    "story_moderator": STORY_MODERATORS,
    "administrator": "superuser",
}
# role: (view contributor record, edit story, publish story)
MATRIX = {
    "anonymous": (False, False, False),
    "ple": (False, False, False),
    "partner_editor": (False, False, False),
    "translator": (False, False, False),
    "story_moderator": (True, True, True),
    "administrator": (True, True, True),
}


def make_user(role, groups):
    group = ROLES[role]
    if group is None:
        return AnonymousUser()
    user_model = get_user_model()
    if group == "superuser":
        return user_model.objects.create_superuser(role, f"{role}@example.invalid", "pw")
    user = user_model.objects.create_user(role, f"{role}@example.invalid", "pw")
    user.groups.add(groups[group])
    return user


@pytest.mark.parametrize("role", list(ROLES))
def test_permission_matrix(client, submitted, roles, role):
    story, record, _url = submitted
    user = make_user(role, roles)
    can_view, can_edit, can_publish = MATRIX[role]
    if user.is_authenticated:
        client.force_login(user)

    for url in ["/admin/story_contributors/", f"/admin/story_contributors/inspect/{record.pk}/"]:
        response = client.get(url)
        html = response.content.decode()
        if can_view:
            assert response.status_code == 200, url
            assert "Contributor record" in html
        else:
            assert response.status_code in (302, 403), url
            assert CONTRIBUTOR_EMAIL not in html
    inspect = client.get(f"/admin/story_contributors/inspect/{record.pk}/")
    assert (CONTRIBUTOR_EMAIL in inspect.content.decode()) is can_view

    permissions = story.permissions_for_user(user)
    assert permissions.can_edit() is can_edit
    assert permissions.can_publish() is can_publish
    edit = client.get(f"/admin/pages/{story.pk}/edit/")
    assert (edit.status_code == 200) is can_edit


def test_denied_record_edit_changes_nothing(client, submitted, roles):
    _story, record, _url = submitted
    client.force_login(make_user("partner_editor", roles))
    response = client.post(
        f"/admin/story_contributors/edit/{record.pk}/",
        {"state": "declined", "reviewer_message": "hijacked"},
    )
    assert response.status_code in (302, 403)
    record.refresh_from_db()
    assert record.state == "received"
    assert record.reviewer_message == ""


def test_story_moderator_updates_state_and_message(client, submitted, roles):
    _story, record, _url = submitted
    client.force_login(make_user("story_moderator", roles))
    response = client.post(
        f"/admin/story_contributors/edit/{record.pk}/",
        {"state": "changes_suggested", "reviewer_message": "Thank you! One small change."},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.reviewer_message == "Thank you! One small change."
    assert record.email == CONTRIBUTOR_EMAIL  # not editable, not touched
    from wagtail.models import ModelLogEntry

    entries = ModelLogEntry.objects.all()
    assert entries.exists()
    for entry in entries:
        assert CONTRIBUTOR_EMAIL not in entry.label + entry.message + str(entry.data)


def test_nobody_adds_records_in_the_admin(client, submitted, roles):
    client.force_login(make_user("story_moderator", roles))
    assert client.get("/admin/story_contributors/new/").status_code in (302, 403)


def test_ple_contributor_drafts_in_stories_only_and_never_publishes(client, story_index, roles):
    from campaigns.stories.models import StoryPage
    from home.models import StandardPage

    user = make_user("ple", roles)
    own = StoryPageFactory(parent=story_index, owner=user, live=False)
    others = StoryPageFactory(parent=story_index, live=False)
    assert story_index.permissions_for_user(user).can_add_subpage()
    assert StoryPage in [
        m
        for m in story_index.specific_class.creatable_subpage_models()
        if m.can_create_at(story_index)
    ]
    assert not story_index.get_parent().permissions_for_user(user).can_add_subpage()
    assert own.permissions_for_user(user).can_edit()
    assert not own.permissions_for_user(user).can_publish()
    assert not others.permissions_for_user(user).can_edit()
    client.force_login(user)
    assert (
        client.get(f"/admin/pages/add/home/standardpage/{story_index.get_parent().pk}/").status_code
        != 200
    )
    assert StandardPage.objects.count() == 0


@pytest.mark.parametrize(("role", "shown"), [("story_moderator", True), ("ple", False)])
def test_story_editor_shows_the_contributor_summary_only_to_moderators(
    client, submitted, roles, role, shown
):
    story, record, _url = submitted
    user = make_user(role, roles)
    if role == "ple":
        story.owner = user
        story.save()
    client.force_login(user)
    response = client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Open the contributor record" in html) is shown
    assert CONTRIBUTOR_EMAIL not in html
