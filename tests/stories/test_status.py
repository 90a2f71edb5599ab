"""The contributor's private status page: states, edits, approval of reviewer edits,
withdrawal in every language, token rules."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageLogEntry, WorkflowState

from campaigns.stories.constants import ContributorState
from campaigns.stories.models import ContributorRecord, StoryPage
from campaigns.stories.tokens import hash_token
from tests.stories.conftest import CONTRIBUTOR_EMAIL, publish_story

pytestmark = pytest.mark.django_db


def test_status_page_shows_the_state_and_is_private(client, submitted):
    _story, _record, url = submitted
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Received" in html
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "no-referrer"
    # The page never shows the contact details back.
    assert CONTRIBUTOR_EMAIL not in html


@pytest.mark.parametrize(
    "token",
    ["wrong", "x" * 43, "A" * 200, "%00", "../../admin"],
)
def test_wrong_token_is_a_plain_404(client, submitted, token):
    response = client.get(f"/en/stories/status/{token}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "story" not in html.lower() or "Withdraw" not in html


def test_token_is_stored_hashed(submitted):
    _story, record, url = submitted
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    assert token not in record.token_hash
    assert record.token_hash == hash_token(token)


def test_expired_token_is_a_404(client, submitted):
    import datetime

    from django.utils import timezone

    _story, record, url = submitted
    ContributorRecord.objects.filter(pk=record.pk).update(
        token_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(url).status_code == 404


def test_reviewer_message_and_changes_suggested_are_shown(client, submitted):
    story, record, url = submitted
    moderator = get_user_model().objects.create_superuser("boss", "boss@example.invalid", "x")
    state = WorkflowState.objects.get()
    state.current_task_state.task.specific.on_action(
        state.current_task_state, moderator, "reject", comment="Please shorten"
    )
    record.refresh_from_db()
    assert record.state == ContributorState.CHANGES_SUGGESTED
    record.reviewer_message = "Could you leave out the name of your doctor?"
    record.save()
    html = client.get(url).content.decode()
    assert "Changes suggested" in html
    assert "leave out the name of your doctor" in html


def test_contributor_edits_before_publication_and_review_resumes(client, submitted):
    story, record, url = submitted
    moderator = get_user_model().objects.create_superuser("boss", "boss@example.invalid", "x")
    state = WorkflowState.objects.get()
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "reject")
    assert client.get(url + "?step=edit").status_code == 200
    response = client.post(
        url,
        {
            "action": "edit",
            "title": "A better title",
            "body": "I rewrote my story so that it says what helped me, step by step.",
        },
    )
    assert response.status_code == 302
    story.refresh_from_db()
    latest = story.get_latest_revision_as_object()
    assert latest.title == "A better title"
    record.refresh_from_db()
    assert record.state == ContributorState.RECEIVED
    assert record.contributor_revision_id == story.get_latest_revision().pk
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not story.live


def test_reviewer_edit_needs_the_contributors_approval(client, submitted):
    story, record, url = submitted
    moderator = get_user_model().objects.create_superuser("boss", "boss@example.invalid", "x")
    draft = story.get_latest_revision_as_object()
    draft.title = "Edited by a reviewer"
    revision = draft.save_revision(user=moderator)
    html = client.get(url).content.decode()
    assert "Our reviewers edited your story" in html
    assert "Edited by a reviewer" in html
    # Publishing from the admin is refused until the contributor approves.
    assert _publish_hook_response(moderator, story) is not None
    # Approving the workflow does not publish it either.
    state = WorkflowState.objects.get()
    for _step in range(4):
        if state.status != WorkflowState.STATUS_IN_PROGRESS:
            break
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, moderator, "approve")
        state.refresh_from_db()
    story.refresh_from_db()
    assert not story.live
    assert PageLogEntry.objects.filter(action="stories.publication_held").exists()
    record.refresh_from_db()
    assert record.state != ContributorState.PUBLISHED
    response = client.post(url, {"action": "approve", "revision": revision.pk})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.contributor_revision_id == revision.pk
    assert "Our reviewers edited your story" not in client.get(url).content.decode()
    assert _publish_hook_response(moderator, story) is None


def _publish_hook_response(user, page):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.test import RequestFactory

    from campaigns.stories.wagtail_hooks import block_unapproved_story_publication

    request = RequestFactory().post("/admin/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return block_unapproved_story_publication(request, page)


def test_published_story_shows_published_and_cannot_be_edited(client, submitted):
    story, record, url = submitted
    publish_story(story)
    record.refresh_from_db()
    assert record.state == ContributorState.PUBLISHED
    html = client.get(url).content.decode()
    assert "Published" in html
    assert "?step=edit" not in html
    response = client.post(url, {"action": "edit", "title": "x" * 10, "body": "y" * 60})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().title != "x" * 10


def test_withdraw_asks_once_then_unpublishes_everywhere(client, submitted, translated_home):
    story, record, url = submitted
    publish_story(story)
    index = story.get_parent()
    fr_locale = translated_home["fr"].locale
    fr_index = index.copy_for_translation(fr_locale)
    fr_index.save_revision().publish()
    fr_story = story.copy_for_translation(fr_locale)
    fr_story.save_revision().publish()
    fr_story.refresh_from_db()
    assert fr_story.live and story.live
    assert client.get(fr_story.url).status_code == 200

    confirm = client.get(url + "?step=withdraw").content.decode()
    assert "Yes, withdraw my story" in confirm
    response = client.post(url, {"action": "withdraw"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your story has been withdrawn" in html
    assert "email address has been erased" in html

    for page in StoryPage.objects.all():
        assert not page.live
    assert client.get("/en/stories/").content.decode().count(story.title) == 0
    record.refresh_from_db()
    assert record.email == ""
    assert record.state == ContributorState.WITHDRAWN
    assert record.withdrawn_at is not None
    logged = PageLogEntry.objects.filter(action="stories.withdraw")
    assert {entry.page_id for entry in logged} == {story.pk, fr_story.pk}
    for entry in PageLogEntry.objects.all():
        assert CONTRIBUTOR_EMAIL not in str(entry.data)
        assert CONTRIBUTOR_EMAIL not in entry.message


def test_withdrawn_story_cannot_be_published_again(submitted):
    from campaigns.stories import lifecycle as services

    story, record, _url = submitted
    services.withdraw(record)
    story.refresh_from_db()
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live


def test_withdrawing_during_review_cancels_the_workflow(client, submitted):
    story, _record, url = submitted
    client.post(url, {"action": "withdraw"})
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_CANCELLED
    story.refresh_from_db()
    assert not story.live


def test_safety_approval_moves_to_in_review_and_tells_the_moderators(
    client, submitted, roles, django_capture_on_commit_callbacks
):
    from django.core import mail

    from home.cocreation.roles import MODERATORS, STORY_MODERATORS

    story, record, url = submitted
    user_model = get_user_model()
    safety = user_model.objects.create_user("safety", "safety@example.invalid", "x")
    safety.groups.add(roles[STORY_MODERATORS])
    approver = user_model.objects.create_user("approver", "approver@example.invalid", "x")
    approver.groups.add(roles[MODERATORS])
    mail.outbox.clear()
    state = WorkflowState.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(
            state.current_task_state, safety, "approve"
        )
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Story publication approval"
    record.refresh_from_db()
    assert record.state == ContributorState.IN_REVIEW
    assert "In review" in client.get(url).content.decode()
    assert [m.to for m in mail.outbox] == [["approver@example.invalid"]]
    assert mail.outbox[0].subject == "A new story is waiting for review"
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(
            state.current_task_state, approver, "approve"
        )
    story.refresh_from_db()
    record.refresh_from_db()
    assert story.live
    assert record.state == ContributorState.PUBLISHED


def test_a_new_language_story_index_gets_the_story_workflow(roles, story_index, translated_home):
    from wagtail.models import WorkflowPage

    fr_index = story_index.copy_for_translation(translated_home["fr"].locale)
    assert WorkflowPage.objects.get(page=fr_index).workflow.name == "Story review"


def test_translation_without_consent_is_not_published(submitted, translated_home):
    story, record, _url = submitted
    record.consent_translate = False
    record.save()
    publish_story(story)
    fr_locale = translated_home["fr"].locale
    story.get_parent().copy_for_translation(fr_locale).save_revision().publish()
    fr_story = story.copy_for_translation(fr_locale)
    fr_story.save_revision().publish()
    fr_story.refresh_from_db()
    assert not fr_story.live
    assert PageLogEntry.objects.filter(
        action="stories.publication_held", page_id=fr_story.pk
    ).exists()


def test_declining_a_story_ends_its_review(submitted):
    _story, record, _url = submitted
    record.state = ContributorState.DECLINED
    record.save()
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_CANCELLED
    record.refresh_from_db()
    assert record.closed_at is not None


@pytest.mark.parametrize("consent", [True, False])
def test_contributor_hears_about_changes_only_with_contact_consent(
    submitted, consent, django_capture_on_commit_callbacks
):
    from django.core import mail

    story, record, _url = submitted
    record.consent_contact = consent
    record.save()
    mail.outbox.clear()
    moderator = get_user_model().objects.create_superuser("boss", "boss@example.invalid", "x")
    state = WorkflowState.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(
            state.current_task_state, moderator, "reject"
        )
    to_contributor = [m for m in mail.outbox if CONTRIBUTOR_EMAIL in m.to]
    assert len(to_contributor) == (1 if consent else 0)
    if consent:
        message = to_contributor[0]
        assert message.subject == "News about your story"
        assert "Changes suggested" in message.body
        assert story.title not in message.body
        assert "/stories/status/" not in message.body
