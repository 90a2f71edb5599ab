"""The story-review workflow: a safety review by story moderators, then publication approval
by moderators. Built from Wagtail's own GroupApprovalTask; set up idempotently. Which pages
the workflow covers is set up with the roles (campaigns.stories.roles)."""

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from home.cocreation.roles import MODERATORS, STORY_MODERATORS

WORKFLOW_NAME = "Story review"
SAFETY_TASK_NAME = "Story safety review"
APPROVAL_TASK_NAME = "Story publication approval"

# Translators run makemessages over this file; the database keeps the English names so the
# set-up can find them again.
_LABELS = [_("Story review"), _("Story safety review"), _("Story publication approval")]


def _task(name, group_name, position, workflow):
    group, _created = Group.objects.get_or_create(name=group_name)
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(group)
    WorkflowTask.objects.update_or_create(
        workflow=workflow, task=task, defaults={"sort_order": position}
    )
    return task


def story_workflow():
    """The "Story review" workflow, created with its two tasks if missing."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    _task(SAFETY_TASK_NAME, STORY_MODERATORS, 0, workflow)
    _task(APPROVAL_TASK_NAME, MODERATORS, 1, workflow)
    return workflow


def is_first_task(task_state):
    """Whether a task state belongs to the workflow's first task (the safety review)."""
    first = task_state.workflow_state.workflow.tasks.first()
    return first is not None and first.pk == task_state.task_id
