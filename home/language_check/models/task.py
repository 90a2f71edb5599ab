"""The automatic workflow step: checks a submitted revision against the language rules."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState
from wagtail.signals import task_submitted

from home.language_check.engine import check_page


class LanguageCheckTaskState(TaskState):
    """A language check of one revision, with the findings that stopped it."""

    findings = models.JSONField(default=list, blank=True)

    class Meta:
        # Moved from the home app: the table keeps its name (see migrations/0001).
        db_table = "home_languagechecktaskstate"
        verbose_name = _("language check task state")
        verbose_name_plural = _("language check task states")


class LanguageCheckTask(AbstractGroupApprovalTask):
    """Checks the submitted revision against the language & safe-messaging rules. A page with
    no high-severity finding passes at once; otherwise the task waits for a moderator (the
    chosen groups) with the findings attached."""

    task_state_class = LanguageCheckTaskState

    class Meta:
        # The groups' table follows (home_languagechecktask_groups).
        db_table = "home_languagechecktask"
        verbose_name = _("Language & safe-messaging check")
        verbose_name_plural = _("Language & safe-messaging checks")

    @classmethod
    def get_description(cls):
        return _(
            "Checks the wording automatically. Pages with a serious finding wait for a "
            "member of the chosen groups."
        )

    def start(self, workflow_state, user=None):
        content = workflow_state.content_object
        revision = content.get_latest_revision()
        # A snippet under review has no subclasses to resolve; a page does.
        current = content.specific if hasattr(content, "specific") else content
        page = revision.as_object() if revision else current
        findings = [f for f in check_page(page) if f.blocking]
        state = LanguageCheckTaskState(
            workflow_state=workflow_state,
            task=self,
            revision=revision,
            findings=[f.as_dict() for f in findings],
        )
        if findings:
            state.status = TaskState.STATUS_IN_PROGRESS
            state.save()
            # Only when a moderator is needed: a passing check notifies nobody.
            task_submitted.send(sender=LanguageCheckTaskState, instance=state, user=user)
        else:
            state.status = TaskState.STATUS_APPROVED
            state.finished_at = timezone.now()
            state.comment = str(_("No high-severity language finding."))
            state.save()
            state.log_state_change_action(None, "approve")
        return state
