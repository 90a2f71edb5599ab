"""Custom workflow task types for the co-creation loop (Wagtail's engine, no admin forks):
the automatic language check, the partner lead's review and the translation review."""

from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState
from wagtail.signals import task_submitted

APPROVE_ACTIONS = [
    ("reject", _("Request changes"), True),
    ("approve", _("Approve"), False),
    ("approve", _("Approve with comment"), True),
]


def _as_text(page_queryset):
    """Page ids as text, to compare with WorkflowState.object_id in one query."""
    return page_queryset.annotate(text_id=Cast("pk", models.CharField())).values("text_id")


def _page(obj):
    return obj.specific if hasattr(obj, "specific") else obj


class LanguageCheckTaskState(TaskState):
    """A language check of one revision, with the findings that stopped it."""

    findings = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("language check task state")
        verbose_name_plural = _("language check task states")


class LanguageCheckTask(AbstractGroupApprovalTask):
    """Checks the submitted revision against the language & safe-messaging rules. A page with
    no high-severity finding passes at once; otherwise the task waits for a moderator (the
    chosen groups) with the findings attached."""

    task_state_class = LanguageCheckTaskState

    class Meta:
        verbose_name = _("Language & safe-messaging check")
        verbose_name_plural = _("Language & safe-messaging checks")

    @classmethod
    def get_description(cls):
        return _(
            "Checks the wording automatically. Pages with a serious finding wait for a "
            "member of the chosen groups."
        )

    def start(self, workflow_state, user=None):
        from home.language_check.engine import check_page

        content = workflow_state.content_object
        revision = content.get_latest_revision()
        page = revision.as_object() if revision else _page(content)
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


class PartnerLeadReviewTask(Task):
    """Review by a lead of the page's own partner organisation (nobody else's leads). Pages
    without an organisation skip this step."""

    class Meta:
        verbose_name = _("Partner lead review")
        verbose_name_plural = _("Partner lead reviews")

    @classmethod
    def get_description(cls):
        return _("A lead of the page's partner organisation approves it.")

    def is_reviewer(self, obj, user):
        from home.organisations import lead_organisation_ids

        if not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        organisation_id = getattr(_page(obj), "organisation_id", None)
        return organisation_id is not None and organisation_id in lead_organisation_ids(user)

    def start(self, workflow_state, user=None):
        page = _page(workflow_state.content_object)
        if getattr(page, "organisation_id", None) is None:
            state = TaskState(
                workflow_state=workflow_state,
                task=self,
                revision=workflow_state.content_object.get_latest_revision(),
                status=TaskState.STATUS_SKIPPED,
                finished_at=timezone.now(),
            )
            state.save()
            return state
        return super().start(workflow_state, user=user)

    def user_can_access_editor(self, obj, user):
        return self.is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        from home.roles import MODERATORS

        if self.is_reviewer(obj, user):
            return False
        return not user.groups.filter(name=MODERATORS).exists()

    def user_can_lock(self, obj, user):
        return self.is_reviewer(obj, user)

    def get_actions(self, obj, user):
        return APPROVE_ACTIONS if self.is_reviewer(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from home.organisations import lead_organisation_ids, organisation_pages

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        ids = lead_organisation_ids(user)
        if not ids:
            return TaskState.objects.none()
        return states.filter(workflow_state__object_id__in=_as_text(organisation_pages(ids)))


class LocaleReviewTask(Task):
    """Review of a translation by a reviewer of its language (or a moderator) before it
    goes live. Pages in the source language skip this step."""

    class Meta:
        verbose_name = _("Translation review")
        verbose_name_plural = _("Translation reviews")

    @classmethod
    def get_description(cls):
        return _("A reviewer of the page's language, or a moderator, approves the translation.")

    def is_reviewer(self, obj, user):
        from home.permissions import reviewer_locale_ids
        from home.roles import MODERATORS

        if not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        if _page(obj).locale_id in reviewer_locale_ids(user):
            return True
        return user.groups.filter(name=MODERATORS).exists()

    def user_can_access_editor(self, obj, user):
        return self.is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_reviewer(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_reviewer(obj, user)

    def get_actions(self, obj, user):
        return APPROVE_ACTIONS if self.is_reviewer(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from wagtail.models import Page

        from home.permissions import reviewer_locale_ids
        from home.roles import MODERATORS

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
            return states
        locale_ids = reviewer_locale_ids(user)
        if not locale_ids:
            return TaskState.objects.none()
        pages = Page.objects.filter(locale_id__in=locale_ids)
        return states.filter(workflow_state__object_id__in=_as_text(pages))
