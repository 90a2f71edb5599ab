"""Keep contributor records in step with the review workflow, and notify reviewers of
stories with our own content-free notice instead of Wagtail's (which quotes the title)."""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.admin import signal_handlers as wagtail_handlers
from wagtail.models import TaskState, Workflow, WorkflowPage, WorkflowState
from wagtail.signals import page_published, task_submitted, workflow_rejected, workflow_submitted

from campaigns.stories.models import (
    ContributorRecord,
    ContributorState,
    StoryIndexPage,
    StoryPage,
)


@cache
def _story_content_type_id():
    return ContentType.objects.get_for_model(StoryPage).pk


def _is_story_state(workflow_state):
    return workflow_state.content_type_id == _story_content_type_id()


def _records_for_page_id(page_id):
    translation_key = (
        StoryPage.objects.filter(pk=page_id).values_list("translation_key", flat=True).first()
    )
    return ContributorRecord.objects.filter(page__translation_key=translation_key)


def on_task_submitted(sender, instance, user=None, **kwargs):
    from campaigns.stories import notifications
    from campaigns.stories.workflow import is_first_task

    workflow_state = instance.workflow_state
    if not _is_story_state(workflow_state):
        return
    page_id = int(workflow_state.object_id)
    if not is_first_task(instance):
        _records_for_page_id(page_id).exclude(state=ContributorState.WITHDRAWN).update(
            state=ContributorState.IN_REVIEW
        )
    task_id = instance.task_id
    transaction.on_commit(lambda: notifications.notify_reviewers(page_id, task_id))


def _tell_contributors(records):
    from campaigns.stories import notifications

    for record_id in records.filter(consent_contact=True).values_list("pk", flat=True):
        transaction.on_commit(lambda pk=record_id: notifications.send_contributor_update(pk))


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    if _is_story_state(instance):
        records = _records_for_page_id(int(instance.object_id)).exclude(
            state=ContributorState.WITHDRAWN
        )
        records.update(state=ContributorState.CHANGES_SUGGESTED)
        _tell_contributors(records)


def on_page_published(sender, instance, **kwargs):
    from wagtail.log_actions import log

    from campaigns.stories.services import PUBLICATION_HELD_ACTION

    records = ContributorRecord.objects.filter(page__translation_key=instance.translation_key)
    if records.filter(state=ContributorState.WITHDRAWN).exists():
        # A withdrawn story never goes live again, whatever path published it.
        instance.unpublish(user=None)
        return
    source_record = records.first()
    if (
        source_record is not None
        and source_record.page_id != instance.pk
        and not source_record.consent_translate
    ):
        # A translation of a story whose contributor did not agree to translation.
        instance.unpublish(user=None, log_action=False)
        log(instance=instance, action=PUBLICATION_HELD_ACTION, user=None)
        return
    own = records.filter(page_id=instance.pk).first()
    if own is not None and own.pending_reviewer_revision() is not None:
        # Approving the workflow publishes directly; a reviewer's edit must first be
        # approved by the contributor. Undone in the same transaction, so never visible.
        instance.unpublish(user=None, log_action=False)
        log(instance=instance, action=PUBLICATION_HELD_ACTION, user=None)
        return
    newly_published = records.exclude(state=ContributorState.PUBLISHED)
    ids = list(newly_published.values_list("pk", flat=True))
    newly_published.update(state=ContributorState.PUBLISHED)
    _tell_contributors(ContributorRecord.objects.filter(pk__in=ids))


def on_story_index_created(sender, instance, created=False, raw=False, **kwargs):
    """A new story index (e.g. a new language's translation) is covered by the story
    workflow and open to PLE contributors at once, without re-running the role set-up."""
    if raw or not created:
        return
    from django.contrib.auth.models import Group

    from campaigns.stories.roles import grant_ple_permissions
    from campaigns.stories.workflow import WORKFLOW_NAME
    from home.cocreation.roles import PLE_CONTRIBUTORS

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=instance, defaults={"workflow": workflow})
    group = Group.objects.filter(name=PLE_CONTRIBUTORS).first()
    if group is not None:
        grant_ple_permissions(group, instance)


def on_record_saved(sender, instance, created=False, raw=False, **kwargs):
    """A declined story leaves the review queue."""
    if raw or instance.state != ContributorState.DECLINED or instance.page_id is None:
        return
    state = instance.page.current_workflow_state
    if state is not None:
        state.cancel(user=None)


def _skip_stories(notifier):
    """Wrap a Wagtail notifier so it stays silent about stories."""

    def handler(sender, instance=None, **kwargs):
        workflow_state = instance.workflow_state if isinstance(instance, TaskState) else instance
        if workflow_state is not None and _is_story_state(workflow_state):
            return False
        return notifier(instance=instance, **kwargs)

    return handler


def connect():
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="stories_task")
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="stories_rejected"
    )
    page_published.connect(on_page_published, sender=StoryPage, dispatch_uid="stories_published")
    post_save.connect(on_record_saved, sender=ContributorRecord, dispatch_uid="stories_record")
    post_save.connect(
        on_story_index_created, sender=StoryIndexPage, dispatch_uid="stories_index_created"
    )
    # Wagtail's submission notices name the story; ours do not. Same dispatch_uid, so this
    # replaces Wagtail's handler whichever app's ready() runs first.
    for signal, sender, uid, notifier in [
        (
            task_submitted,
            TaskState,
            "group_approval_task_submitted_email_notification",
            wagtail_handlers.task_submission_email_notifier,
        ),
        (
            workflow_submitted,
            WorkflowState,
            "workflow_state_submitted_email_notification",
            wagtail_handlers.workflow_submission_email_notifier,
        ),
    ]:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(_skip_stories(notifier), sender=sender, dispatch_uid=uid, weak=False)
