"""The language check's part in the co-creation workflows: the step that opens them, and the
email to the moderators when a page waits for one."""

from django.contrib.auth import get_user_model

from home.cocreation.roles import MODERATORS
from home.cocreation.workflows import notify_reviewers, reviewed_object, task_named
from home.language_check.models import LanguageCheckTask

LANGUAGE_CHECK_TASK = "Language & safe-messaging check"


def language_check_step(groups):
    """The workflows' first step (registered in home.registry.workflow_checks): the automatic
    check, with the moderators deciding on a serious finding."""
    check = task_named(LanguageCheckTask, LANGUAGE_CHECK_TASK)
    check.groups.add(groups[MODERATORS])
    return check


def on_check_submitted(sender, instance, user=None, **kwargs):
    """A check that stopped on a serious finding: tell the members of its groups, with the
    findings."""
    page = reviewed_object(instance.workflow_state)
    if page is None:
        return
    task = instance.task.specific
    recipients = get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True)
    notify_reviewers(instance, page, recipients, user, findings=instance.findings)
