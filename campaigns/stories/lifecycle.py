"""The story lifecycle: the one owner of every change to a story and its contributor record.

A story is submitted (draft page + contributor record + review workflow), edited by its
contributor, edited by reviewers (the contributor approves that edit), published, withdrawn
by its contributor, which erases it at once, or erased by the retention job when declined
or expired (``erasure`` does the erasing). ``go_live_blocker`` is the single rule saying
whether a story may be live; the admin's publish hook and the page-published signal both
ask it. Views, signals, hooks and commands call these functions
and hold no rule of their own. Each change is one transaction.
"""

import enum
import logging
import secrets
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.core.files import File
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState

from campaigns.stories import erasure, images, notifications
from campaigns.stories.constants import (
    CONTRIBUTOR_EDIT_ACTION,
    PUBLICATION_HELD_ACTION,
    ContributorState,
    ErasureReason,
)
from campaigns.stories.models.contributor import ContributorRecord
from campaigns.stories.models.story import StoryPage
from campaigns.stories.text import text_to_html
from campaigns.stories.workflow import is_first_task, story_workflow

logger = logging.getLogger(__name__)


class Submitted(NamedTuple):
    """What ``submit`` did: the contributor's record, whether this call created it, and the
    status-link email: its delivery id (see ``notifications.send_status_link``), None when
    it could not be sent, or "" when none was sent by this call (no email given, no link,
    or the story was already there)."""

    record: ContributorRecord
    created: bool
    status_link_email: str | None = ""


class SubmissionFailed(Exception):
    """The story could not be saved; nothing was kept."""


@dataclass(frozen=True)
class Submission:
    """What a contributor shares, already checked by the share form. The story fields become
    a draft page; email and consents go to the contributor record only."""

    title: str
    body: str  # plain text; blank lines separate paragraphs
    consent_version: str
    consent_process: bool
    consent_publish: bool
    consent_translate: bool = False
    consent_contact: bool = False
    display_name: str = ""
    age_range: str = ""
    country: str = ""
    email: str = ""
    content_notes: tuple[str, ...] = ()
    topics: tuple[Any, ...] = ()  # home.Topic snippets in the story section's language
    image: File | None = None  # already stripped of metadata by the form
    image_alt: str = ""


class GoLiveBlocker(enum.Enum):
    """Why a story may not be live."""

    WITHDRAWN = "withdrawn"
    NO_TRANSLATION_CONSENT = "no_translation_consent"
    AWAITING_CONTRIBUTOR = "awaiting_contributor"


# --- Submission ---------------------------------------------------------------------------


def _story_slug(title):
    base = slugify(title, allow_unicode=True)[:50].strip("-") or "story"
    return f"{base}-{secrets.token_hex(3)}"


def find_submission(token):
    """The record a status token already created, if any (idempotent resubmission)."""
    return ContributorRecord.objects.with_token(token).first()


def _create_story(index_page, submission, image, token, language):
    """Write the draft page and its record and start the review; the caller holds the
    transaction. Returns the record."""
    page = StoryPage(
        title=submission.title,
        slug=_story_slug(submission.title),
        body=text_to_html(submission.body),
        display_name=submission.display_name,
        age_range=submission.age_range,
        country=submission.country,
        content_notes=list(submission.content_notes),
        image=image,
        image_alt=submission.image_alt if image else "",
        live=False,
        locale=index_page.locale,
    )
    # Parental relations are written when the page is saved.
    page.topics = list(submission.topics)
    index_page.add_child(instance=page)
    revision = page.save_revision(user=None, log_action=False)
    record = ContributorRecord(
        page=page,
        email=submission.email,
        language=language,
        consent_process=submission.consent_process,
        consent_publish=submission.consent_publish,
        consent_translate=submission.consent_translate,
        consent_contact=submission.consent_contact,
        consent_version=submission.consent_version,
        consented_at=timezone.now(),
        contributor_revision_id=revision.pk,
    )
    record.set_token(token)
    record.save()
    story_workflow().start(page, None)
    return record


def submit(index_page, submission, token, language, status_url=None):
    """Create the draft story page under ``index_page``, its contributor record and start the
    review workflow, all or nothing. A second call with the same ``token`` returns the first
    story (double clicks, resubmissions), also when both arrive at once: stories are added
    to a section one at a time, and the later one finds the story the first one stored.
    When the contributor gave an email and ``status_url`` is given, their private link is
    emailed (queued in the same transaction).
    Returns a Submitted (record, created, status_link_email); raises SubmissionFailed when
    nothing could be kept."""
    existing = find_submission(token)
    if existing is not None:
        return Submitted(existing, False)
    stored_file = None
    try:
        with transaction.atomic():
            # Stories join a section one at a time: adding a page locks the section's row
            # until the commit (and on SQLite every transaction takes the write lock as it
            # begins). Taking that lock first means a copy of this form that was stored
            # while this one waited is found here, before anything is written twice.
            Page.objects.select_for_update().filter(pk=index_page.pk).values_list("pk").get()
            existing = find_submission(token)
            if existing is not None:
                return Submitted(existing, False)
            image = None
            if submission.image:
                image = images.save_submission_image(submission.image)
                # A rollback keeps the file: remember it so a failure below can remove it.
                stored_file = image.file.name
            record = _create_story(index_page, submission, image, token, language)
            status_link_email = ""
            if submission.email and status_url:
                # Queued with the story (in its own savepoint: a failure to queue keeps
                # the story and is told on the thank-you page); sent once it commits.
                status_link_email = notifications.send_status_link(
                    submission.email, status_url, language, record=record
                )
    except Exception as error:  # noqa: BLE001 - any failure must leave nothing behind
        images.delete_stored_file(stored_file)
        if not isinstance(error, IntegrityError):
            # The type only: the message could quote what the contributor wrote.
            logger.error("A story submission could not be saved (%s)", type(error).__name__)
        # Two identical submissions raced (a double click), or this one waited too long
        # for the other: when the other one won, the story is kept and that is the answer.
        try:
            existing = find_submission(token)
        except DatabaseError:
            existing = None  # the database cannot answer either: the failure stands
        if existing is not None:
            return Submitted(existing, False)
        raise SubmissionFailed from None
    return Submitted(record, True, status_link_email)


# --- Review -------------------------------------------------------------------------------


def _records_for_page_id(page_id):
    translation_key = (
        StoryPage.objects.filter(pk=page_id).values_list("translation_key", flat=True).first()
    )
    return ContributorRecord.objects.filter(page__translation_key=translation_key)


def _tell_contributors(records):
    """After the commit, tell the contributors of ``records`` who agreed to be contacted
    that their story's status changed."""
    for record_id in records.filter(consent_contact=True).values_list("pk", flat=True):
        transaction.on_commit(lambda pk=record_id: notifications.send_contributor_update(pk))


def review_task_started(page_id, task_state):
    """A review task began for the story ``page_id``. Past the first (safety) task the
    contributor sees "In review"; the task's reviewers get a content-free notice after the
    commit."""
    if not is_first_task(task_state):
        _records_for_page_id(page_id).exclude(state=ContributorState.WITHDRAWN).update(
            state=ContributorState.IN_REVIEW, updated_at=timezone.now()
        )
    task_id = task_state.task_id
    transaction.on_commit(lambda: notifications.notify_reviewers(page_id, task_id))


def changes_requested(page_id):
    """Reviewers sent the story ``page_id`` back: its contributor sees "Changes suggested".
    Unless they edit or withdraw it, it expires ``EXPIRY_DAYS`` later (erase_due_records)."""
    records = _records_for_page_id(page_id).exclude(state=ContributorState.WITHDRAWN)
    records.update(state=ContributorState.CHANGES_SUGGESTED, updated_at=timezone.now())
    _tell_contributors(records)


def record_saved(record):
    """A moderator changed a contributor record: a declined story leaves the review queue."""
    if record.state != ContributorState.DECLINED or record.page_id is None:
        return
    state = record.page.current_workflow_state
    if state is not None:
        state.cancel(user=None)


# --- Contributor edits --------------------------------------------------------------------


def contributor_edit(record, title, body_text):
    """Save the contributor's own edit as a new revision and send it back to review."""
    with transaction.atomic():
        page = record.page.get_latest_revision_as_object()
        page.title = title
        page.body = text_to_html(body_text)
        revision = page.save_revision(user=None, log_action=False)
        log(instance=page, action=CONTRIBUTOR_EDIT_ACTION, user=None, revision=revision)
        record.contributor_revision_id = revision.pk
        record.state = ContributorState.RECEIVED
        record.save()
        _back_to_review(record.page)
    return revision


def _back_to_review(page):
    state = page.current_workflow_state
    if state is None:
        story_workflow().start(page, None)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=None)


def approve_reviewer_edit(record, revision_id):
    """The contributor accepts the reviewers' version of their story. Returns False when
    ``revision_id`` is not the edit waiting for them."""
    pending = record.pending_reviewer_revision()
    if pending is None or pending.pk != revision_id:
        return False
    record.contributor_revision_id = pending.pk
    record.save(update_fields=["contributor_revision_id", "updated_at"])
    return True


# --- Going live ---------------------------------------------------------------------------


def go_live_blocker(page):
    """Why ``page`` may not be live, or None when it may. The one rule for every path to
    publication: a withdrawn story never goes live again (in any language); a translation
    needs its contributor's consent to translation; a reviewer's edit waits for the
    contributor's approval. Pages other than stories are never blocked."""
    if not isinstance(page.specific_deferred, StoryPage):
        return None
    records = ContributorRecord.objects.for_story(page)
    if records.filter(state=ContributorState.WITHDRAWN).exists():
        return GoLiveBlocker.WITHDRAWN
    source = records.first()
    if source is None:
        return None
    if source.page_id != page.pk and not source.consent_translate:
        return GoLiveBlocker.NO_TRANSLATION_CONSENT
    own = records.filter(page_id=page.pk).first()
    if own is not None and own.pending_reviewer_revision() is not None:
        return GoLiveBlocker.AWAITING_CONTRIBUTOR
    return None


def published(page):
    """A story page (or a translation) was just published, by whatever path. If the go-live
    rule forbids it, it is unpublished again in the same transaction, so never visible;
    otherwise its contributor records become "Published" and contributors are told.
    Returns whether the story stays live."""
    blocker = go_live_blocker(page)
    if blocker is GoLiveBlocker.WITHDRAWN:
        page.unpublish(user=None)
        return False
    if blocker is not None:
        page.unpublish(user=None, log_action=False)
        log(instance=page, action=PUBLICATION_HELD_ACTION, user=None)
        return False
    newly_published = ContributorRecord.objects.for_story(page).exclude(
        state=ContributorState.PUBLISHED
    )
    ids = list(newly_published.values_list("pk", flat=True))
    newly_published.update(state=ContributorState.PUBLISHED)
    _tell_contributors(ContributorRecord.objects.filter(pk__in=ids))
    return True


# --- Withdrawal and erasure ---------------------------------------------------------------

# Why the retention job erases a record's story, by the record's state (see
# ContributorRecordQuerySet.due_for_erasure).
_DUE_REASONS = {
    ContributorState.WITHDRAWN: ErasureReason.WITHDRAWN,
    ContributorState.DECLINED: ErasureReason.DECLINED,
    ContributorState.CHANGES_SUGGESTED: ErasureReason.EXPIRED,
}


def withdraw(record):
    """The contributor withdraws their story: it is erased at once (``erasure.erase``), in
    every language with its revisions, translations, search entries, pictures, cached
    copies and the contact details; the record stays as a tombstone with an audit entry and
    the erasure is noted in the erasure ledger. Returns the record (a tombstone). Withdrawing
    a story already erased changes nothing."""
    with transaction.atomic():
        record = ContributorRecord.objects.select_for_update().get(pk=record.pk)
        if not record.is_erased:
            erasure.erase(record, ErasureReason.WITHDRAWN)
    return record


def erase_due_records(now=None):
    """The retention job: erase the stories of declined records after the retention period,
    of expired ones ("Changes suggested" and untouched for the expiry period) and of
    withdrawals not erased yet, each in its own transaction. Returns how many."""
    count = 0
    due = ContributorRecord.objects.due_for_erasure(now)
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            # Asked again under the lock: the contributor may have just edited or withdrawn.
            record = due.select_for_update().filter(pk=pk).first()
            if record is None:
                continue
            erasure.erase(record, _DUE_REASONS[record.state])
        count += 1
    return count
