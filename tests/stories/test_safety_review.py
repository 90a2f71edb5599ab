"""The story safety review after a reviewer's edit: one approval is enough, never the
editor's own, through the admin's editor and its approve button; the contributor still
approves the edit before the story goes live. Also the task type's set-up and migration."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.urls import reverse
from wagtail.models import GroupApprovalTask, PageLogEntry, Task, TaskState, Workflow, WorkflowTask

from campaigns.stories.models import StorySafetyReviewTask
from campaigns.stories.wagtail_hooks import OWN_EDIT_MESSAGE, OWN_EDIT_REFUSED_MESSAGE
from campaigns.stories.workflow import (
    APPROVAL_TASK_NAME,
    SAFETY_TASK_NAME,
    WORKFLOW_NAME,
    story_workflow,
)
from home.cocreation.roles import MODERATORS, STORY_MODERATORS
from tests.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

migration = importlib.import_module("campaigns.stories.migrations.0004_story_safety_review_task")


@pytest.fixture
def people(roles):
    users = get_user_model().objects
    first = users.create_user("safety1", "safety1@example.invalid", "x")
    second = users.create_user("safety2", "safety2@example.invalid", "x")
    for user in (first, second):
        user.groups.add(roles[STORY_MODERATORS])
    moderator = users.create_user("approver", "approver@example.invalid", "x")
    moderator.groups.add(roles[MODERATORS])
    return SimpleNamespace(first=first, second=second, moderator=moderator)


def _safety_state(story):
    state = story.current_workflow_state
    assert state.current_task_state.task.name == SAFETY_TASK_NAME
    return state.current_task_state


def _approve_url(story, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])


def test_a_reviewer_who_edits_and_approves_leaves_the_approval_to_another(
    client, submitted, people
):
    story, _record, _link = submitted
    client.force_login(people.first)
    data = edit_form_data(client, story)
    data.update(
        {
            "title": "Edited by a reviewer",
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 302
    assert str(OWN_EDIT_REFUSED_MESSAGE) in [str(m) for m in get_messages(response.wsgi_request)]
    # The edit is saved; the safety review still waits, on nobody's approval yet.
    story.refresh_from_db()
    assert story.get_latest_revision().user == people.first
    task_state = _safety_state(story)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    # Opening the story again: no "Approve" for them, and the reason.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert str(OWN_EDIT_MESSAGE) in response.content.decode()
    task = task_state.task.specific
    assert [name for name, *_rest in task.get_actions(story, people.first)] == ["reject"]
    # A forged approval is refused and changes nothing.
    response = client.post(_approve_url(story, task_state))
    assert response.status_code == 302  # "Sorry, you do not have permission"
    assert response["Location"] == reverse("wagtailadmin_home")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    # Another story moderator approves once, and the story moves on.
    client.force_login(people.second)
    assert "Approve" in [label for _name, label, _modal in task.get_actions(story, people.second)]
    response = client.post(_approve_url(story, task_state))
    assert response.status_code == 302
    state = story.current_workflow_state
    assert state.current_task_state.task.name == APPROVAL_TASK_NAME
    approvals = TaskState.objects.filter(task=task, status=TaskState.STATUS_APPROVED)
    assert [(s.finished_by, s.revision_id) for s in approvals] == [
        (people.second, story.get_latest_revision().pk)
    ]

    # The contributor has not approved the reviewer's edit: publication is held.
    client.force_login(people.moderator)
    client.post(_approve_url(story, state.current_task_state))
    story.refresh_from_db()
    assert not story.live
    assert PageLogEntry.objects.filter(page=story, action="stories.publication_held").exists()


def test_after_a_reviewers_draft_one_approval_by_someone_else_is_enough(submitted, people):
    story, _record, _link = submitted
    draft = story.get_latest_revision_as_object()
    draft.title = "Edited by a reviewer"
    edit = draft.save_revision(user=people.first)
    task_state = _safety_state(story)
    task = task_state.task.specific

    task.on_action(task_state, people.first, "approve")  # their own edit: refused
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    task.on_action(task_state, people.second, "approve")
    state = story.current_workflow_state
    assert state.current_task_state.task.name == APPROVAL_TASK_NAME
    assert TaskState.objects.filter(task=task).count() == 1  # the step did not start again
    task_state.refresh_from_db()
    assert task_state.revision_id == edit.pk  # the approval covers the edit


def test_the_contributors_own_edit_does_not_stop_a_reviewer_approving(submitted, people):
    story, _record, _link = submitted
    story.get_latest_revision_as_object().save_revision(user=None)  # a contributor's edit
    task_state = _safety_state(story)
    task_state.task.specific.on_action(task_state, people.first, "approve")
    assert story.current_workflow_state.current_task_state.task.name == APPROVAL_TASK_NAME


def test_the_story_workflow_set_up_is_idempotent(roles):
    workflow = story_workflow()
    tasks = [task.specific for task in workflow.tasks]
    assert [type(task) for task in tasks] == [StorySafetyReviewTask, GroupApprovalTask]
    assert list(tasks[0].groups.values_list("name", flat=True)) == [STORY_MODERATORS]
    assert story_workflow() == workflow
    assert [task.pk for task in story_workflow().tasks] == [task.pk for task in tasks]
    assert Task.objects.filter(name=SAFETY_TASK_NAME).count() == 1
    assert WorkflowTask.objects.filter(workflow=workflow).count() == 2


def test_the_migration_turns_the_old_safety_task_into_the_new_type_and_back(story_index):
    """As set up before the task type existed: the safety review a plain group approval."""
    group = Group.objects.get_or_create(name=STORY_MODERATORS)[0]
    old = GroupApprovalTask.objects.create(name=SAFETY_TASK_NAME)
    old.groups.add(group)
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=old, sort_order=0)

    migration.to_safety_review_task(apps, None)
    task = Task.objects.get(pk=old.pk).specific
    assert isinstance(task, StorySafetyReviewTask)
    assert list(task.groups.all()) == [group]
    # The set-up finds it: no second safety task, and the approval step added after it.
    assert story_workflow() == workflow
    assert [t.pk for t in workflow.tasks][0] == old.pk
    assert Task.objects.filter(name=SAFETY_TASK_NAME).count() == 1

    migration.to_group_approval_task(apps, SimpleNamespace(connection=connection))
    task = Task.objects.get(pk=old.pk).specific
    assert type(task) is GroupApprovalTask
    assert list(task.groups.all()) == [group]
