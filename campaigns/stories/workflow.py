"""The story-review workflow: a safety review by story moderators (StorySafetyReviewTask:
one approval after a reviewer's edit, never by its editor), then publication approval by
moderators (Wagtail's GroupApprovalTask); set up idempotently. Which pages the workflow
covers is set up with the roles (campaigns.stories.roles)."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from campaigns.stories.models.review import StorySafetyReviewTask
from home.cocreation.roles import MODERATORS, STORY_MODERATORS

WORKFLOW_NAME = "Story review"
SAFETY_TASK_NAME = "Story safety review"
APPROVAL_TASK_NAME = "Story publication approval"

# How the admin shows them (registered in home.registry.workflow_names by the app's ready());
# the database keeps the English names, by which the set-up finds them again.
NAMES = {
    WORKFLOW_NAME: _("Story review"),
    SAFETY_TASK_NAME: _("Story safety review"),
    APPROVAL_TASK_NAME: _("Story publication approval"),
}


def _task(model, name, group_name):
    group, _created = Group.objects.get_or_create(name=group_name)
    # By type as well as name: a plain group approval task still called "Story safety
    # review" (made before the task type existed and not migrated) is not the safety review.
    content_type = ContentType.objects.get_for_model(model)
    task = model.objects.filter(name=name, content_type=content_type).first()
    if task is None:
        task = model.objects.create(name=name)
    task.groups.add(group)
    return task


def story_workflow():
    """The "Story review" workflow, created with its two tasks (in order, and only those)
    if missing."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    tasks = [
        _task(StorySafetyReviewTask, SAFETY_TASK_NAME, STORY_MODERATORS),
        _task(GroupApprovalTask, APPROVAL_TASK_NAME, MODERATORS),
    ]
    current = workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True)
    if list(current) != [task.pk for task in tasks]:
        workflow.workflow_tasks.all().delete()
        for position, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)
    return workflow


def is_first_task(task_state):
    """Whether a task state belongs to the workflow's first task (the safety review)."""
    first = task_state.workflow_state.workflow.tasks.first()
    return first is not None and first.pk == task_state.task_id
