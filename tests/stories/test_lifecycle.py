"""The lifecycle's go-live rule, asked directly: the admin's publish hook and the
page-published signal both rely on it."""

import dataclasses

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from campaigns.stories import lifecycle
from campaigns.stories.constants import ContributorState
from campaigns.stories.lifecycle import GoLiveBlocker, go_live_blocker
from campaigns.stories.models import ContributorRecord
from campaigns.stories.wagtail_hooks import BLOCKED_MESSAGES, block_unapproved_story_publication
from home.models import StandardPage
from tests.factories import StandardPageFactory
from tests.stories.factories import ContributorRecordFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):
    """A story whose latest revision is the contributor's own, with its record."""
    page = StoryPageFactory(parent=story_index)
    revision = page.save_revision(user=None, log_action=False)
    ContributorRecordFactory(page=page, contributor_revision_id=revision.pk)
    return page


@pytest.fixture
def reviewer():
    return get_user_model().objects.create_user("reviewer", "reviewer@example.invalid", "x")


def _translate(page, locale):
    page.get_parent().specific.copy_for_translation(locale)
    return page.copy_for_translation(locale)


def test_a_story_as_its_contributor_wrote_it_may_go_live(story):
    assert go_live_blocker(story) is None


def test_pages_that_are_not_stories_are_never_blocked(home_page):
    page = StandardPageFactory(parent=home_page)
    assert go_live_blocker(page) is None
    assert go_live_blocker(StandardPage.objects.get(pk=page.pk).page_ptr) is None


def test_a_story_without_a_contributor_record_may_go_live(story_index):
    assert go_live_blocker(StoryPageFactory(parent=story_index)) is None


def _withdrawn_but_not_erased(record):
    """A withdrawal whose erasure has not run: one made before withdrawal erased stories
    (the retention job erases those), or a record restored from a backup."""
    record.state = ContributorState.WITHDRAWN
    record.save()


def test_a_withdrawn_story_may_not_go_live_in_any_language(story, translated_home):
    translation = _translate(story, translated_home["fr"].locale)
    _withdrawn_but_not_erased(story.contributor_record)
    assert go_live_blocker(story) is GoLiveBlocker.WITHDRAWN
    assert go_live_blocker(translation) is GoLiveBlocker.WITHDRAWN


def test_a_reviewers_edit_waits_for_the_contributor(story, reviewer):
    draft = story.get_latest_revision_as_object()
    draft.title = "Edited by a reviewer"
    revision = draft.save_revision(user=reviewer)
    assert go_live_blocker(story) is GoLiveBlocker.AWAITING_CONTRIBUTOR
    # A fresh record: the one cached on ``story`` holds the page as it was before the edit.
    record = ContributorRecord.objects.get(page=story)
    assert lifecycle.approve_reviewer_edit(record, revision.pk)
    assert go_live_blocker(story) is None


def test_a_reviewers_edit_no_longer_waits_once_the_story_is_published(story, reviewer):
    story.save_revision(user=reviewer)
    record = story.contributor_record
    record.state = ContributorState.PUBLISHED
    record.save()
    assert go_live_blocker(story) is None


@pytest.mark.parametrize(("consent", "expected"), [(False, "blocked"), (True, "allowed")])
def test_a_translation_needs_consent_to_translation(story, translated_home, consent, expected):
    record = story.contributor_record
    record.consent_translate = consent
    record.save()
    translation = _translate(story, translated_home["fr"].locale)
    blocker = go_live_blocker(translation)
    if expected == "blocked":
        assert blocker is GoLiveBlocker.NO_TRANSLATION_CONSENT
    else:
        assert blocker is None
    # The source story itself is not concerned by translation consent.
    assert go_live_blocker(story) is None


def _admin_publish(user, page):
    request = RequestFactory().post("/admin/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return block_unapproved_story_publication(request, page), request


def test_the_admin_hook_refuses_with_the_rules_reason(story, reviewer):
    assert _admin_publish(reviewer, story)[0] is None
    _withdrawn_but_not_erased(story.contributor_record)
    response, request = _admin_publish(reviewer, story)
    assert response.status_code == 302
    assert [str(m) for m in get_messages(request)] == [
        str(BLOCKED_MESSAGES[GoLiveBlocker.WITHDRAWN])
    ]


def test_the_admin_hook_leaves_a_translation_without_consent_to_the_publish_signal(
    story, translated_home, reviewer
):
    translation = _translate(story, translated_home["fr"].locale)
    assert go_live_blocker(translation) is GoLiveBlocker.NO_TRANSLATION_CONSENT
    assert _admin_publish(reviewer, translation)[0] is None
    translation.save_revision().publish()
    translation.refresh_from_db()
    assert not translation.live


def test_a_submission_cannot_be_changed_after_the_form_checked_it():
    submission = lifecycle.Submission(
        title="A title",
        body="Text",
        consent_version="v1",
        consent_process=True,
        consent_publish=True,
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        submission.title = "Another"
