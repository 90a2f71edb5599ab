"""Signal adapters: Wagtail's workflow and publishing signals, and saves of contributor
records and story indexes, passed on to the story lifecycle (and the role set-up). No rule
lives here. Also keeps every Wagtail email that quotes a page's title (and comments) away
from stories: the lifecycle sends content-free review notices and contributor updates instead
(campaigns.stories.notifications), and no story title may travel by email."""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save
from wagtail.admin import signal_handlers as wagtail_handlers
from wagtail.models import PageSubscription, TaskState, WorkflowState
from wagtail.signals import (
    page_published,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from campaigns.stories import lifecycle, roles
from campaigns.stories.models import ContributorRecord, StoryIndexPage, StoryPage


@cache
def _story_content_type_id():
    return ContentType.objects.get_for_model(StoryPage).pk


def _is_story_state(workflow_state):
    return workflow_state.content_type_id == _story_content_type_id()


def on_task_submitted(sender, instance, user=None, **kwargs):
    """A story reached a review task."""
    workflow_state = instance.workflow_state
    if _is_story_state(workflow_state):
        lifecycle.review_task_started(int(workflow_state.object_id), instance)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """Reviewers asked for changes to a story."""
    if _is_story_state(instance):
        lifecycle.changes_requested(int(instance.object_id))


def on_page_published(sender, instance, **kwargs):
    """A story went live by any path (admin, workflow approval, scheduled publishing)."""
    lifecycle.published(instance)


def on_story_index_created(sender, instance, created=False, raw=False, **kwargs):
    """A new story index gets the story workflow and PLE permissions."""
    if created and not raw:
        roles.cover_new_story_index(instance)


def on_record_saved(sender, instance, created=False, raw=False, **kwargs):
    """A moderator changed a contributor record (e.g. declined the story)."""
    if not raw:
        lifecycle.record_saved(instance)


def no_comment_emails_for_stories(sender, instance, raw=False, **kwargs):
    """Wagtail emails a page's comment subscribers its title and the comments, which on a
    story discuss its text: a subscription to a story's comments never asks for emails."""
    if not raw and StoryPage.objects.filter(pk=instance.page_id).exists():
        instance.comment_notifications = False


def _skip_stories(notifier):
    """Wrap a Wagtail notifier so it stays silent about stories."""

    def handler(sender, instance=None, **kwargs):
        workflow_state = instance.workflow_state if isinstance(instance, TaskState) else instance
        if workflow_state is not None and _is_story_state(workflow_state):
            return False
        return notifier(instance=instance, **kwargs)

    return handler


def connect():
    """Connect the adapters (called once from StoriesConfig.ready)."""
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="stories_task")
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="stories_rejected"
    )
    page_published.connect(on_page_published, sender=StoryPage, dispatch_uid="stories_published")
    post_save.connect(on_record_saved, sender=ContributorRecord, dispatch_uid="stories_record")
    post_save.connect(
        on_story_index_created, sender=StoryIndexPage, dispatch_uid="stories_index_created"
    )
    pre_save.connect(
        no_comment_emails_for_stories, sender=PageSubscription, dispatch_uid="stories_comments"
    )
    # Wagtail's workflow notices name the story; ours do not. Same dispatch_uid, so this
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
        (
            workflow_approved,
            WorkflowState,
            "workflow_state_approved_email_notification",
            wagtail_handlers.workflow_approval_email_notifier,
        ),
        (
            workflow_rejected,
            WorkflowState,
            "workflow_state_rejected_email_notification",
            wagtail_handlers.workflow_rejection_email_notifier,
        ),
    ]:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(_skip_stories(notifier), sender=sender, dispatch_uid=uid, weak=False)
