"""What happens to a story: submission, the contributor's edits and approvals, withdrawal
and erasure. Views and commands call these; each change is one transaction."""

import logging
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, WorkflowState

from campaigns.stories.models import (
    ContributorRecord,
    ContributorState,
    StoryPage,
    hash_token,
)
from campaigns.stories.workflow import story_workflow

logger = logging.getLogger(__name__)

SUBMISSIONS_COLLECTION = "Story submissions"
WITHDRAW_ACTION = "stories.withdraw"
CONTRIBUTOR_EDIT_ACTION = "stories.contributor_edit"
PUBLICATION_HELD_ACTION = "stories.publication_held"


class SubmissionFailed(Exception):
    """The story could not be saved; nothing was kept."""


def text_to_html(text):
    """Plain text from the form as safe rich text: blank lines make paragraphs."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format(escape(part).replace("\n", "<br/>")) for part in paragraphs if part
    )


def html_to_text(html):
    """The reverse of text_to_html, for the contributor's edit form."""
    from django.utils.html import strip_tags

    text = html.replace("<br/>", "\n").replace("<br>", "\n").replace("</p>", "\n\n")
    from html import unescape

    return unescape(strip_tags(text)).strip()


def _story_slug(title):
    base = slugify(title, allow_unicode=True)[:50].strip("-") or "story"
    return f"{base}-{secrets.token_hex(3)}"


def _submissions_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=SUBMISSIONS_COLLECTION).first()
    return existing or root.add_child(name=SUBMISSIONS_COLLECTION)


def find_submission(token):
    """The record a status token already created, if any (idempotent resubmission)."""
    return ContributorRecord.objects.filter(token_hash=hash_token(token)).first()


def submit_story(index_page, data, token, language):
    """Create the draft story page, its contributor record and start the review workflow,
    all or nothing. Returns (record, created)."""
    existing = find_submission(token)
    if existing is not None:
        return existing, False
    stored_file = None
    try:
        with transaction.atomic():
            image = None
            if data.get("image"):
                image = get_image_model()(
                    title="Story submission picture", collection=_submissions_collection()
                )
                image.file = data["image"]
                image.save()
                stored_file = image.file.name
            page = StoryPage(
                title=data["title"],
                slug=_story_slug(data["title"]),
                body=text_to_html(data["body"]),
                display_name=data.get("display_name", ""),
                age_range=data.get("age_range", ""),
                country=data.get("country", ""),
                content_notes=list(data.get("content_notes") or []),
                image=image,
                image_alt=data.get("image_alt", "") if image else "",
                live=False,
                locale=index_page.locale,
            )
            # Parental relations are written when the page is saved.
            page.topics = list(data.get("topics") or [])
            index_page.add_child(instance=page)
            revision = page.save_revision(user=None, log_action=False)
            now = timezone.now()
            record = ContributorRecord(
                page=page,
                email=data.get("email", ""),
                language=language,
                consent_process=bool(data.get("consent_process")),
                consent_publish=bool(data.get("consent_publish")),
                consent_translate=bool(data.get("consent_translate")),
                consent_contact=bool(data.get("consent_contact")),
                consent_version=data["consent_version"],
                consented_at=now,
                contributor_revision_id=revision.pk,
            )
            record.set_token(token)
            record.save()
            story_workflow().start(page, None)
    except IntegrityError:
        # Two identical submissions raced (a double click): the other one won.
        _delete_file(stored_file)
        existing = find_submission(token)
        if existing is not None:
            return existing, False
        raise SubmissionFailed from None
    except Exception as error:  # noqa: BLE001 - any failure must leave nothing behind
        _delete_file(stored_file)
        # The type only: the message could quote what the contributor wrote.
        logger.error("A story submission could not be saved (%s)", type(error).__name__)
        raise SubmissionFailed from None
    return record, True


def _delete_file(name):
    if not name:
        return
    image_model = get_image_model()
    storage = image_model._meta.get_field("file").storage
    try:
        storage.delete(name)
    except OSError:
        logger.warning("Could not remove an unsaved story picture file")


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
    """The contributor accepts the reviewers' version of their story."""
    pending = record.pending_reviewer_revision()
    if pending is None or pending.pk != revision_id:
        return False
    record.contributor_revision_id = pending.pk
    record.save(update_fields=["contributor_revision_id", "updated_at"])
    return True


def withdraw(record):
    """Unpublish the story in every language, stop its review, erase the contact details and
    write the withdrawal to the audit log (without any personal data)."""
    with transaction.atomic():
        record = ContributorRecord.objects.select_for_update().get(pk=record.pk)
        if record.page is not None:
            versions = StoryPage.objects.filter(translation_key=record.page.translation_key)
            for page in versions:
                state = page.current_workflow_state
                if state is not None:
                    state.cancel(user=None)
                if page.live:
                    page.unpublish(user=None)
                log(instance=page, action=WITHDRAW_ACTION, user=None)
        now = timezone.now()
        record.email = ""
        record.consent_contact = False
        record.consent_publish = False
        record.consent_translate = False
        record.state = ContributorState.WITHDRAWN
        record.withdrawn_at = now
        record.closed_at = now
        record.save()
    return record


def erase_due_records(now=None):
    """Delete the contributor records kept past the retention period. Returns how many."""
    count = 0
    for record in ContributorRecord.objects.due_for_erasure(now):
        record.delete()
        count += 1
    return count
