"""The contributor's private status page: states, edits, approval of reviewer edits,
withdrawal in every language, token rules."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState

from campaigns.stories import status_session
from campaigns.stories.constants import ContributorState
from campaigns.stories.models import ContributorRecord, StoryPage
from campaigns.stories.tokens import hash_token, new_status_token
from tests.stories.conftest import CONTRIBUTOR_EMAIL, STATUS_PAGE, open_link, publish_story

pytestmark = pytest.mark.django_db


def test_status_page_shows_the_state_and_is_private(client, submitted):
    _story, _record, link = submitted
    url = open_link(client, link)
    assert url == STATUS_PAGE
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
    story, record, link = submitted
    url = open_link(client, link)
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
    story, record, link = submitted
    url = open_link(client, link)
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
    story, record, link = submitted
    url = open_link(client, link)
    moderator = get_user_model().objects.create_superuser("boss", "boss@example.invalid", "x")
    draft = story.get_latest_revision_as_object()
    draft.title = "Edited by a reviewer"
    revision = draft.save_revision(user=moderator)
    html = client.get(url).content.decode()
    assert "Our reviewers edited your story" in html
    assert "Edited by a reviewer" in html
    # Publishing from the admin is refused until the contributor approves.
    assert _publish_hook_response(moderator, story) is not None
    # Approving the workflow does not publish it either (approved by another reviewer:
    # nobody approves their own edit).
    other = get_user_model().objects.create_superuser("other", "other@example.invalid", "x")
    state = WorkflowState.objects.get()
    for _step in range(4):
        if state.status != WorkflowState.STATUS_IN_PROGRESS:
            break
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, other, "approve")
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
    story, record, link = submitted
    url = open_link(client, link)
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


def test_withdraw_asks_once_then_erases_everywhere(client, submitted, translated_home):
    story, record, link = submitted
    url = open_link(client, link)
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
    assert "Yes, withdraw and erase my story" in confirm
    # The confirmation says what goes, that it goes at once, and how long backups keep it.
    for said in (
        "As soon as you confirm, we erase:",
        "every earlier version and every translation",
        "its place in our search and every copy of its page our servers keep",
        "your email address, your consents",
        "at most 30 days later",
        "erased again before the site goes back online",
    ):
        assert said in confirm.replace("&#x27;", "'"), said
    response = client.post(url, {"action": "withdraw"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your story has been erased" in html
    assert "Your email address, your consents" in html.replace("&#x27;", "'")
    assert "Learning to ask for help" not in html

    assert not StoryPage.objects.filter(pk__in=[story.pk, fr_story.pk]).exists()
    assert client.get(story.url).status_code == 404
    assert client.get(fr_story.url).status_code == 404
    assert client.get("/en/stories/").content.decode().count(story.title) == 0
    record.refresh_from_db()
    assert record.email == ""
    assert record.state == ContributorState.WITHDRAWN
    assert record.withdrawn_at is not None and record.erased_at is not None
    assert record.page_id is None
    audit = ModelLogEntry.objects.get(action="stories.erase")
    assert audit.object_id == str(record.pk)
    assert audit.data["reason"] == "withdrawn" and audit.data["pages"] == 2
    for entry in PageLogEntry.objects.filter(page_id__in=[story.pk, fr_story.pk]):
        assert entry.label == "Erased story"
    for entry in [*PageLogEntry.objects.all(), *ModelLogEntry.objects.all()]:
        assert CONTRIBUTOR_EMAIL not in str(entry.data)
        assert CONTRIBUTOR_EMAIL not in entry.message
        assert story.title not in entry.label + str(entry.data)

    # Later visits say what happened, and offer nothing more to do.
    later = client.get(url).content.decode()
    assert "Your story and your details were erased on" in later
    assert "Withdraw your story" not in later


def test_a_withdrawn_story_is_gone_and_cannot_be_published_again(submitted):
    from campaigns.stories import lifecycle as services

    story, record, _url = submitted
    services.withdraw(record)
    assert not StoryPage.objects.filter(translation_key=story.translation_key).exists()
    # Withdrawing again (a second click, a replayed form) changes nothing.
    again = services.withdraw(record)
    assert again.is_erased
    assert ModelLogEntry.objects.filter(action="stories.erase").count() == 1


def test_withdrawing_during_review_ends_the_workflow_with_the_story(client, submitted):
    story, _record, link = submitted
    assert WorkflowState.objects.count() == 1
    url = open_link(client, link)
    client.post(url, {"action": "withdraw"})
    assert not WorkflowState.objects.exists()
    assert not StoryPage.objects.filter(pk=story.pk).exists()


def test_safety_approval_moves_to_in_review_and_tells_the_moderators(
    client, submitted, roles, django_capture_on_commit_callbacks
):
    from django.core import mail

    from home.cocreation.roles import MODERATORS, STORY_MODERATORS

    story, record, link = submitted
    url = open_link(client, link)
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


# --- The link is exchanged for a short private session --------------------------------------


def test_the_link_leaves_the_address_for_a_short_private_session(client, submitted, settings):
    _story, record, link = submitted
    token = link.rstrip("/").rsplit("/", 1)[1]
    response = client.get(link)
    assert response.status_code == 303
    assert response["Location"] == STATUS_PAGE
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["max-age"] == 3 * 60 * 60
    # The session names the one story, never the token.
    entry = client.session[status_session.SESSION_KEY]
    assert entry["record"] == record.pk
    assert token not in str(dict(client.session.items()))
    page = client.get(STATUS_PAGE)
    html = page.content.decode()
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "Withdraw your story" in html
    assert token not in html  # no form or link on the page carries it


def test_without_the_session_the_page_asks_for_the_link_again_and_changes_nothing(
    client, submitted
):
    _story, record, _link = submitted
    for response in (
        client.get(STATUS_PAGE),
        client.get(STATUS_PAGE + "?step=withdraw"),
        client.post(STATUS_PAGE, {"action": "withdraw"}),
    ):
        html = response.content.decode()
        assert response.status_code == 403
        assert "no-store" in response["Cache-Control"]
        assert "Open your private link again" in html
        assert "Withdraw your story" not in html
        assert "Learning to ask for help" not in html
    record.refresh_from_db()
    assert record.state == ContributorState.RECEIVED


def test_after_a_few_hours_the_link_is_needed_again_and_works_again(client, submitted):
    _story, record, link = submitted
    url = open_link(client, link)
    assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=2, minutes=50)):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=3, minutes=1)):
        response = client.get(url)
        assert response.status_code == 403
        assert "Open your private link again" in response.content.decode()
        client.post(url, {"action": "withdraw"})
        record.refresh_from_db()
        assert record.state == ContributorState.RECEIVED
        # Following the link from the email again opens it again, as often as needed.
        for _visit in range(3):
            assert client.get(open_link(client, link)).status_code == 200
        client.post(url, {"action": "withdraw"})
    record.refresh_from_db()
    assert record.state == ContributorState.WITHDRAWN


def test_the_session_ends_with_the_link_itself(client, submitted):
    _story, record, link = submitted
    url = open_link(client, link)
    ContributorRecord.objects.filter(pk=record.pk).update(
        token_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(url).status_code == 403
    assert client.get(link).status_code == 404


def test_the_session_shows_only_the_story_whose_link_was_followed_last(client, submitted):
    from tests.stories.factories import ContributorRecordFactory, StoryPageFactory

    story, _record, link = submitted
    other_token = new_status_token()
    other_story = StoryPageFactory(parent=story.get_parent(), title="Another person's story")
    ContributorRecordFactory(page=other_story, token_hash=hash_token(other_token))
    open_link(client, link)
    assert "Learning to ask for help" in client.get(STATUS_PAGE).content.decode()
    open_link(client, f"/en/stories/status/{other_token}/")
    html = client.get(STATUS_PAGE).content.decode()
    assert "Another person&#x27;s story" in html
    assert "Learning to ask for help" not in html


def test_a_signed_in_editor_keeps_their_own_session_lifetime(client, submitted, settings):
    _story, _record, link = submitted
    editor = get_user_model().objects.create_user("editor", "editor@example.invalid", "x")
    client.force_login(editor)
    url = open_link(client, link)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=4)):
        assert client.get(url).status_code == 403


@pytest.mark.parametrize("language", ["fr", "uk", "ar"])
def test_the_page_asking_for_the_link_again_speaks_the_readers_language(
    client, story_index, translated_home, language
):
    story_index.copy_for_translation(translated_home[language].locale).save_revision().publish()
    response = client.get(f"/{language}/stories/status/")
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert "Open your private link again" not in html
    assert "private link" not in html
