"""The partner lead review after a reviewer's edit, as the story safety review: one approval
is enough (the step does not start again on the edit), never by the person who edited it
(they may still request changes); another lead approves, or the moderators when no lead is
left. Through the workflow action and through the page editor's own "Approve"."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from home.cocreation.models import LocaleReviewTask, PartnerLeadReviewTask
from home.cocreation.next_step import next_step
from home.language_check.models import LanguageCheckTask
from tests import admin_forms
from tests.admin_forms import edit_form_data, submit
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh, translate

world = factories.world

LABEL = CONTENT_TYPES[0][0]


def act(client, user, page, state, action="approve"):
    return admin_forms.act(client, user, page, state, action, comment="Please check the dates.")


def edit(page, user, title):
    draft = fresh(page).get_latest_revision_as_object()
    draft.title = title
    return draft.save_revision(user=user)


def action_names(task, page, user):
    return [name for name, _label, _modal in task.get_actions(page, user)]


def lead_steps(state):
    return TaskState.objects.filter(
        workflow_state=state, task__in=PartnerLeadReviewTask.objects.all()
    )


@pytest.fixture
def page(world):
    return world.pages_a[LABEL]


@pytest.fixture
def second_lead(world):
    lead = factories.make_user("lead2")
    world.org_a.add_lead(lead)
    return lead


@pytest.mark.django_db
def test_a_lead_who_edits_leaves_the_approval_to_another_lead_who_approves_once(
    world, page, second_lead, client
):
    state = submit(page, world.editor_a)
    task = state.current_task_state.task.specific
    assert isinstance(task, PartnerLeadReviewTask)
    edit_revision = edit(page, world.lead_a, "Talk about it, rewritten by the lead")

    # Their own edit: only "Request changes" is offered, and a forged approval is refused.
    assert action_names(task, page, world.lead_a) == ["reject"]
    assert task.leaves_approval_to_others(page, world.lead_a)
    _response, task_state = act(client, world.lead_a, page, state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    task.on_action(task_state, world.lead_a, "approve")  # past the view's check too
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # The "What next" panel tells them why and who approves.
    step = next_step(fresh(page), world.lead_a)
    assert step.key == "wait"
    assert "nobody approves their own edit" in step.message and "Lead2" in step.message
    assert list(task.eligible_reviewers(page)) == [second_lead]

    # The other lead approves once: the step does not come back for the edit.
    act(client, second_lead, page, state)
    assert state.current_task_state.task.name == "Moderator approval"
    approved = lead_steps(state)
    assert [(s.status, s.finished_by, s.revision_id) for s in approved] == [
        (TaskState.STATUS_APPROVED, second_lead, edit_revision.pk)
    ]
    # The automatic check read the edit too.
    checks = TaskState.objects.filter(
        workflow_state=state, task__in=LanguageCheckTask.objects.all()
    )
    assert edit_revision.pk in {s.revision_id for s in checks}
    act(client, world.moderator, page, state)
    assert state.status == WorkflowState.STATUS_APPROVED
    assert fresh(page).title == "Talk about it, rewritten by the lead"


@pytest.mark.django_db
def test_the_editing_lead_may_still_request_changes(world, page, second_lead, client):
    state = submit(page, world.editor_a)
    edit(page, world.lead_a, "Talk about it, rewritten by the lead")
    _response, task_state = act(client, world.lead_a, page, state, action="reject")
    assert task_state.status == TaskState.STATUS_REJECTED
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.django_db
def test_the_only_lead_who_edits_hands_the_step_to_the_moderators(world, page, client):
    state = submit(page, world.editor_a)
    task = state.current_task_state.task.specific
    edit(page, world.lead_a, "Talk about it, rewritten by the only lead")
    assert list(task.eligible_reviewers(page)) == [world.moderator]
    assert action_names(task, page, world.moderator) == ["reject", "approve", "approve"]
    act(client, world.moderator, page, state)
    assert state.current_task_state.task.name == "Moderator approval"
    assert lead_steps(state).count() == 1


@pytest.mark.django_db
def test_a_moderator_taking_the_step_does_not_approve_their_own_edit(world, page, client):
    state = submit(page, world.lead_a)  # the only lead: the moderators take the step
    task = state.current_task_state.task.specific
    edit(page, world.moderator, "Talk about it, edited by the moderator")
    assert action_names(task, page, world.moderator) == ["reject"]
    _response, task_state = act(client, world.moderator, page, state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # Nobody else is left but an administrator, who approves once.
    assert not task.eligible_reviewers(page).exists()
    assert "administrator" in next_step(fresh(page), world.editor_a).message
    act(client, world.admin, page, state)
    assert state.current_task_state.task.name == "Moderator approval"


@pytest.mark.django_db
def test_approving_an_own_edit_in_the_editor_saves_it_says_why_and_tells_the_approvers(
    world, page, second_lead, client
):
    state = submit(page, world.editor_a)
    client.force_login(world.lead_a)
    data = edit_form_data(client, page)
    data.update(
        {
            "title": "Talk about it, edited and approved by the lead",
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        }
    )
    mail.outbox.clear()
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("nobody approves their own edit" in m and "Lead2" in m for m in shown)
    assert [m.to[0] for m in mail.outbox] == ["lead2@example.org"]
    # The edit is saved; the step waits for the other lead, once.
    page = fresh(page)
    assert page.get_latest_revision().user == world.lead_a
    state.refresh_from_db()
    task_state = state.current_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert isinstance(task_state.task.specific, PartnerLeadReviewTask)
    act(client, second_lead, page, state)
    assert state.current_task_state.task.name == "Moderator approval"
    assert lead_steps(state).count() == 1


@pytest.mark.django_db
def test_without_edits_a_lead_approves_as_before(world, page, client):
    state = submit(page, world.editor_a)
    task = state.current_task_state.task.specific
    assert action_names(task, page, world.lead_a) == ["reject", "approve", "approve"]
    assert not task.leaves_approval_to_others(page, world.lead_a)
    act(client, world.lead_a, page, state)
    assert state.current_task_state.task.name == "Moderator approval"


@pytest.mark.django_db
def test_a_translation_reviewer_who_edits_leaves_the_approval_to_a_moderator(world, page, client):
    french = translate(page, world.locales["fr"])
    french.title = "Parlons-en"
    state = submit(french, world.translator)
    task = state.current_task_state.task.specific
    assert isinstance(task, LocaleReviewTask)
    edit(french, world.reviewer_fr, "Parlons-en, relu")
    assert action_names(task, french, world.reviewer_fr) == ["reject"]
    _response, task_state = act(client, world.reviewer_fr, french, state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    act(client, world.moderator, french, state)
    assert state.status == WorkflowState.STATUS_APPROVED
    assert fresh(french).title == "Parlons-en, relu"
