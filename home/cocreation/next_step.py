"""What happens next to a page in a workflow, told to the person looking at it.

Wagtail's editor shows the workflow's status, and locks the page for whoever is not a
reviewer of the current step ("Only reviewers for this task can edit the page"); it does
not say who those reviewers are, what an editor does with a page sent back, or where the
reviewer's comment is. Untrained partner staff got stuck there. ``next_step`` answers, for
one user and one page, in one of a few situations (``NextStep.key``):

- ``submit``: no workflow running, the user may submit: how, and the steps ahead;
- ``publish``: no workflow running, the user may publish directly (moderators);
- ``review``: the page waits for this user's decision: approve, or request changes with a
  comment;
- ``wait``: the page waits for someone else: who, by name; and, for the person who
  submitted it, how to take it back (Cancel workflow); a reviewer who edited the page during
  the step (the task's ``leaves_approval_to_others``) waits too: nobody approves their own
  edit;
- ``resubmit``: changes were requested and this user can make them: the reviewer's comment,
  then Save draft and "Resubmit to …";
- ``changes_requested``: changes were requested, someone else makes them: who.

A step may add a sentence of its own: the rejected task state's ``next_step_hint()`` (the
language check's says whom to ask about a finding that looks wrong).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name
from wagtail.models import WorkflowState

from home.cocreation.roles import (
    MODERATORS,
    PARTNER_EDITORS,
    PARTNER_LEADS,
    PLE_CONTRIBUTORS,
    STORY_MODERATORS,
    TRANSLATORS,
)

# The role groups' names are data (kept in English so set-up finds them again); shown to
# people, they are translated here.
ROLE_LABELS = {
    MODERATORS: _("the moderators"),
    STORY_MODERATORS: _("the story moderators"),
    TRANSLATORS: _("the translators"),
    PARTNER_EDITORS: _("the partner editors"),
    PARTNER_LEADS: _("the partner leads"),
    PLE_CONTRIBUTORS: _("the PLE contributors"),
}
NAMES_SHOWN = 4


@dataclass
class NextStep:
    """One situation (``key``, for templates and tests) and what to tell the user."""

    key: str
    message: str
    comment: str = ""
    commented_by: str = ""
    hints: list = field(default_factory=list)

    @property
    def needs_attention(self):
        """Whether the user is the one to act now."""
        return self.key in {"review", "resubmit"}


def names(users):
    """ "Ana Lima, Ben Ode and 2 more": the people who can act, by name."""
    users = list(users.order_by("first_name", "last_name", "pk")[: NAMES_SHOWN + 1])
    shown = [get_user_display_name(user) for user in users[:NAMES_SHOWN]]
    if len(users) > NAMES_SHOWN:
        shown.append(gettext("others"))
    if len(shown) > 1:
        return gettext("%(names)s and %(last)s") % {
            "names": ", ".join(shown[:-1]),
            "last": shown[-1],
        }
    return shown[0] if shown else ""


def group_label(group):
    return str(ROLE_LABELS.get(group.name, group.name))


def who_acts(task, page):
    """Who may take ``task`` for ``page``, in words: named people, or a role with its
    members' names."""
    if hasattr(task, "eligible_reviewers"):
        reviewers = task.eligible_reviewers(page)
        if reviewers.exists():
            return names(reviewers)
        return gettext("an administrator")
    groups = list(task.groups.all()) if hasattr(task, "groups") else []
    parts = []
    for group in groups:
        members = group.user_set.filter(is_active=True)
        label = group_label(group)
        parts.append(f"{label} ({names(members)})" if members.exists() else label)
    return "; ".join(parts) or gettext("an administrator")


def _menu_hint():
    return gettext("in the menu beside the main button at the bottom of the page")


def _no_workflow(page, user, perms):
    workflow = page.get_workflow()
    if workflow is None:
        return None
    if perms.can_publish():
        return NextStep(
            "publish",
            gettext(
                "You can publish this page yourself, or choose “Submit to %(workflow)s” %(where)s "
                "to have it reviewed first."
            )
            % {"workflow": workflow.name, "where": _menu_hint()},
        )
    if perms.can_edit() and perms.can_submit_for_moderation():
        steps = " → ".join(str(task.name) for task in workflow.tasks.filter(active=True))
        return NextStep(
            "submit",
            gettext(
                "When the page is ready, choose “Submit to %(workflow)s” %(where)s. It then "
                "goes through these steps: %(steps)s. You will be told if anything needs "
                "changing."
            )
            % {"workflow": workflow.name, "where": _menu_hint(), "steps": steps},
        )
    return None


def _in_progress(page, user, state):
    task = state.current_task_state.task.specific
    leaves_to_others = getattr(task, "leaves_approval_to_others", None)
    if leaves_to_others is not None and leaves_to_others(page, user):
        return NextStep(
            "wait",
            gettext(
                "You edited this page during the step “%(task)s”, so %(who)s must approve it: "
                "nobody approves their own edit. You can still choose “Request changes” "
                "%(where)s."
            )
            % {"task": task.name, "who": who_acts(task, page), "where": _menu_hint()},
        )
    if task.get_actions(page, user):
        return NextStep(
            "review",
            gettext(
                "This page waits for your decision at the step “%(task)s”. Read it, then "
                "choose “Approve”, or “Request changes” with a comment telling its editor what "
                "to change, %(where)s."
            )
            % {"task": task.name, "where": _menu_hint()},
        )
    step = NextStep(
        "wait",
        gettext("This page waits for the step “%(task)s”, taken by %(who)s.")
        % {"task": task.name, "who": who_acts(task, page)},
    )
    if state.user_can_cancel(user):
        step.hints.append(
            gettext(
                "To change it before then, choose “Cancel workflow” %(where)s, make your "
                "changes and submit it again."
            )
            % {"where": _menu_hint()}
        )
    else:
        step.hints.append(gettext("They are told by email; nothing is needed from you now."))
    return step


def _needs_changes(page, user, state, perms):
    task_state = state.current_task_state.specific
    task = task_state.task
    comment = task_state.get_comment() or ""
    reviewer = get_user_display_name(task_state.finished_by) if task_state.finished_by else ""
    if perms.can_edit() and perms.can_submit_for_moderation():
        step = NextStep(
            "resubmit",
            gettext(
                "Changes were requested at the step “%(task)s”. Make them, choose “Save "
                "draft”, then “Resubmit to %(task)s” %(where)s."
            )
            % {"task": task.name, "where": _menu_hint()},
        )
    else:
        submitter = state.requested_by
        step = NextStep(
            "changes_requested",
            gettext(
                "Changes were requested at the step “%(task)s”: the page's editors make them "
                "and resubmit it (it was submitted by %(submitter)s)."
            )
            % {
                "task": task.name,
                "submitter": get_user_display_name(submitter) if submitter else "—",
            },
        )
    step.comment = comment
    step.commented_by = reviewer
    hint = getattr(task_state, "next_step_hint", None)
    if hint is not None:
        step.hints.append(hint())
    return step


def next_step(page, user):
    """What ``user`` should know and do next about ``page`` (a NextStep), or None when the
    page is in no workflow situation worth a word (e.g. no workflow applies)."""
    if not page.pk:
        return None
    perms = page.permissions_for_user(user)
    state = page.current_workflow_state
    if state is None:
        return _no_workflow(page, user, perms)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _needs_changes(page, user, state, perms)
    if state.current_task_state is None:
        return None
    return _in_progress(page, user, state)
