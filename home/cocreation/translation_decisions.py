"""Deciding on a translation inside wagtail-localize's translation editor, and what its
translator is told when it comes back.

wagtail-localize replaces the page (and snippet) editor with its translation editor, whose
footer offers no workflow actions: a reviewer of the language could approve or request
changes only from the dashboard, and a translator whose translation was sent back saw
neither the reviewer's comment nor what the language check found. Openly's bar in the
editor (home.cocreation.translation_editor) therefore shows

- to whoever may act at the current step (``task.get_actions``), "Approve" and "Request
  changes" with a comment. Both post to ``decide``, which runs Wagtail's own workflow action
  view for the object (its permission checks, its comment form, the task's ``on_action``)
  and then says what happened; a request for changes needs a comment, since it is all the
  translator will have to go on;
- while changes are requested, who asked for them and their comment, or, when the
  automatic language check sent it back, its findings (what was found, where, why and what
  to write instead), read from the stopped step (``findings_to_show`` on its task state),
  in the reader's language.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.urls import resolve, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, TaskState, WorkflowState

from home.cocreation.workflows import admin_title

DECISIONS = ("approve", "reject")


@dataclass(frozen=True)
class ReviewChoice:
    """The decision waiting for this user: the step, and where each action posts."""

    task: str
    approve_url: str | None
    reject_url: str | None
    publishes: bool  # approving ends the workflow, so the translation goes live


@dataclass(frozen=True)
class SentBack:
    """Changes requested: at which step, by whom, why."""

    task: str
    by: str
    comment: str
    findings: list = field(default_factory=list)


def decision_url(task_state, action):
    return reverse("openly_translation_decision", args=[task_state.pk, action])


def review_choice(instance, user):
    """What ``user`` may decide on ``instance`` (a translation in review) now, or None."""
    if not instance.workflow_in_progress:
        return None
    state = instance.current_workflow_state
    task_state = state.current_task_state
    if task_state is None:
        return None
    names = {name for name, _label, _modal in task_state.task.specific.get_actions(instance, user)}
    if not names & set(DECISIONS):
        return None
    return ReviewChoice(
        task=task_state.task.name,
        approve_url=decision_url(task_state, "approve") if "approve" in names else None,
        reject_url=decision_url(task_state, "reject") if "reject" in names else None,
        publishes=state.is_at_final_task,
    )


def sent_back(instance):
    """What was asked of ``instance``'s translator when its review sent it back, or None."""
    state = instance.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state.specific
    findings = getattr(task_state, "findings_to_show", None)
    return SentBack(
        task=task_state.task.name,
        by=get_user_display_name(task_state.finished_by) if task_state.finished_by else "",
        comment=task_state.get_comment() or "",
        findings=findings() if findings is not None else [],
    )


def _reviewed(task_state):
    obj = task_state.workflow_state.content_object
    return obj.specific if isinstance(obj, Page) else obj


def _wagtail_action_url(obj, action, task_state):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:workflow_action", args=[obj.pk, action, task_state.pk])
    name = obj.snippet_viewset.get_url_name("workflow_action")
    return reverse(name, args=[quote(obj.pk), action, task_state.pk])


@require_POST
def decide(request, task_state_id, action):
    """Approve, or request changes on, the translation at ``task_state_id``'s step, through
    Wagtail's own workflow action view; then say what happened (that view says nothing when
    it is not called from its modal). It sends the reviewer back to the object's editor,
    which for a translation is the translation editor."""
    task_state = get_object_or_404(TaskState, pk=task_state_id)
    obj = _reviewed(task_state)
    edit_url = AdminURLFinder().get_edit_url(obj)
    if action not in DECISIONS:
        return redirect(edit_url)
    if action == "reject" and not request.POST.get("comment", "").strip():
        messages.error(
            request,
            _("Say what the translator should change: your comment is all they will see."),
        )
        return redirect(edit_url)
    match = resolve(_wagtail_action_url(obj, action, task_state))
    response = match.func(request, *match.args, **match.kwargs)
    task_state.refresh_from_db()
    label = {"title": admin_title(obj), "language": obj.locale.get_display_name()}
    if task_state.status == TaskState.STATUS_APPROVED:
        workflow_state = task_state.workflow_state
        workflow_state.refresh_from_db()
        if workflow_state.status == WorkflowState.STATUS_APPROVED:
            messages.success(
                request, _("“%(title)s” (%(language)s) is approved and published.") % label
            )
        else:
            messages.success(
                request, _("“%(title)s” (%(language)s) is approved at this step.") % label
            )
    elif task_state.status == TaskState.STATUS_REJECTED:
        messages.success(
            request,
            _("“%(title)s” (%(language)s) is back with its translator, with your comment.") % label,
        )
    return response
