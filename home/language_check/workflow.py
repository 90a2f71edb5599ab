"""The language check's part in the co-creation workflows: the step that opens them.

A check that finds serious wording sends the page straight back to its editors (see
LanguageCheckTask.start): nobody else is waiting on it, so nobody else is emailed. When
someone other than the submitter resubmitted, Wagtail's own "changes requested" email tells
the submitter, with the check's comment."""

from django.utils.translation import gettext_lazy as _

from home.cocreation.roles import MODERATORS
from home.cocreation.workflows import task_named
from home.language_check.models import LanguageCheckTask

LANGUAGE_CHECK_TASK = "Language & safe-messaging check"
# How the admin shows it (home.registry.workflow_names; stored in English, found by it).
LANGUAGE_CHECK_LABEL = _("Language & safe-messaging check")


def language_check_step(groups):
    """The workflows' first step (registered in home.registry.workflow_checks): the automatic
    check. Its groups (moderators) decide only on checks left waiting by earlier versions."""
    check = task_named(LanguageCheckTask, LANGUAGE_CHECK_TASK)
    check.groups.add(groups[MODERATORS])
    return check
