"""The retention job (``manage.py erase_story_contributors``): declined stories are erased
after the retention period, expired ones (sent back for changes and never touched again)
after the expiry period, and withdrawals not erased yet at once; each leaves a tombstone,
an audit entry and a ledger entry. Open, published and recent stories are left alone."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from wagtail.models import ModelLogEntry

from campaigns.stories import ledger, lifecycle
from campaigns.stories.constants import ContributorState
from campaigns.stories.models import ContributorRecord, StoryPage
from tests.stories.conftest import STATUS_PAGE, open_link
from tests.stories.factories import ContributorRecordFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def _story(story_index, state, **record):
    page = StoryPageFactory(parent=story_index, title=f"A {state} story")
    page.save_revision(user=None, log_action=False)
    return page, ContributorRecordFactory(page=page, state=state, **record)


def _run():
    out = io.StringIO()
    call_command("erase_story_contributors", stdout=out)
    return out.getvalue()


def _assert_erased(page, record, state):
    record.refresh_from_db()
    assert not StoryPage.objects.filter(pk=page.pk).exists()
    assert record.page_id is None
    assert record.state == state
    assert record.erased_at is not None
    assert record.email == "" and record.reviewer_message == ""
    assert not (record.consent_publish or record.consent_process)


def _assert_kept(page, record):
    record.refresh_from_db()
    assert StoryPage.objects.filter(pk=page.pk).exists()
    assert record.page_id == page.pk and record.erased_at is None and record.email


def test_a_declined_story_is_erased_after_the_retention_period(story_index):
    page, record = _story(
        story_index, ContributorState.DECLINED, reviewer_message="We cannot publish it."
    )
    assert "Erased 0 stories" in _run()
    _assert_kept(page, record)
    with time_machine.travel(timezone.now() + 29 * DAY):
        _run()
    _assert_kept(page, record)
    with time_machine.travel(timezone.now() + 31 * DAY):
        assert "Erased 1 story" in _run()
    _assert_erased(page, record, ContributorState.DECLINED)
    audit = ModelLogEntry.objects.get(action="stories.erase", object_id=str(record.pk))
    assert audit.data["reason"] == "declined"
    [entry] = ledger.entries()
    assert entry.reason == "declined" and entry.record_id == record.pk
    # The next day's run finds nothing more to do.
    with time_machine.travel(timezone.now() + 32 * DAY):
        assert "Erased 0 stories" in _run()
    assert len(ledger.entries()) == 1


def test_a_story_waiting_for_changes_that_never_come_expires(story_index, settings):
    settings.OPENLY_STORY_EXPIRY_DAYS = 90
    page, record = _story(story_index, ContributorState.CHANGES_SUGGESTED)
    touched, _touched_record = _story(story_index, ContributorState.CHANGES_SUGGESTED)
    later = timezone.now() + 91 * DAY
    ContributorRecord.objects.filter(pk=_touched_record.pk).update(updated_at=later - 10 * DAY)
    with time_machine.travel(later):
        assert "Erased 1 story" in _run()
    _assert_erased(page, record, ContributorState.EXPIRED)
    _assert_kept(touched, _touched_record)
    assert ledger.entries()[0].reason == "expired"


@pytest.mark.parametrize(
    "state",
    [ContributorState.RECEIVED, ContributorState.IN_REVIEW, ContributorState.PUBLISHED],
)
def test_stories_waiting_for_reviewers_or_published_are_never_erased_by_the_job(story_index, state):
    page, record = _story(story_index, state)
    with time_machine.travel(timezone.now() + 3650 * DAY):
        assert "Erased 0 stories" in _run()
    _assert_kept(page, record)


def test_a_withdrawal_from_before_erasure_existed_is_erased_at_once(story_index):
    page, record = _story(story_index, ContributorState.WITHDRAWN, email="")
    assert "Erased 1 story" in _run()
    _assert_erased(page, record, ContributorState.WITHDRAWN)
    assert ledger.entries()[0].reason == "withdrawn"


def test_the_retention_period_is_a_setting(story_index, settings):
    settings.OPENLY_STORY_RETENTION_DAYS = 2
    page, record = _story(story_index, ContributorState.DECLINED)
    with time_machine.travel(timezone.now() + 3 * DAY):
        assert "Erased 1 story" in _run()
    _assert_erased(page, record, ContributorState.DECLINED)


def test_an_edit_by_the_contributor_stops_the_expiry(story_index, settings):
    page, record = _story(story_index, ContributorState.CHANGES_SUGGESTED)
    ContributorRecord.objects.filter(pk=record.pk).update(updated_at=timezone.now() - 200 * DAY)
    record.refresh_from_db()
    lifecycle.contributor_edit(record, "A better title", "Some better words. " * 5)
    assert "Erased 0 stories" in _run()
    _assert_kept(page, record)


def test_the_status_page_says_when_a_declined_story_will_be_erased(client, submitted):
    _story_page, record, link = submitted
    record.state = ContributorState.DECLINED
    record.save()
    open_link(client, link)
    html = client.get(STATUS_PAGE).content.decode()
    due = timezone.localtime(record.closed_at + 30 * DAY)
    assert f"We will erase it, with your details, on {date_filter(due, 'DATE_FORMAT')}." in html
    # The contributor may still have it erased at once.
    assert "Withdraw your story" in html
