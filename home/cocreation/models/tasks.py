"""Custom workflow task types for the co-creation loop (Wagtail's engine, no admin forks):
the partner lead's review and the translation review."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision, Task, TaskState

from home.cocreation.models.organisations import LocaleAssignment
from home.cocreation.organisations import (
    lead_organisation_ids,
    organisation_leads,
    organisation_pages,
)
from home.cocreation.permissions import reviewer_locale_ids
from home.cocreation.roles import is_moderator, moderators
from home.models import ModeratedSnippet, concrete_models

APPROVE_ACTIONS = [
    ("reject", _("Request changes"), True),
    ("approve", _("Approve"), False),
    ("approve", _("Approve with comment"), True),
]


def _as_text(page_queryset):
    """Page (or snippet) ids as text, to compare with WorkflowState.object_id in one
    query."""
    return page_queryset.annotate(text_id=Cast("pk", models.CharField())).values("text_id")


def _page(obj):
    """The specific page, or ``obj`` itself when it is a snippet (which has no subclasses
    to resolve)."""
    return obj.specific if hasattr(obj, "specific") else obj


def moderated_snippet_models():
    """The snippet models with drafts and workflows (topics, audiences, helplines)."""
    return concrete_models(ModeratedSnippet)


def in_locales(locale_ids):
    """A filter on task states: the object under review (a page or a moderated snippet) is
    in one of ``locale_ids``. Workflow states name their object by content type and id as
    text, so each kind is matched on both."""
    condition = Q(
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id__in=_as_text(Page.objects.filter(locale_id__in=locale_ids)),
    )
    for model in moderated_snippet_models():
        condition |= Q(
            workflow_state__base_content_type=ContentType.objects.get_for_model(model),
            workflow_state__object_id__in=_as_text(model.objects.filter(locale_id__in=locale_ids)),
        )
    return condition


def authors(obj):
    """Ids of the people who may not approve ``obj`` at its current step: whoever submitted
    it for review and whoever wrote the revision under review (nobody approves their own
    work)."""
    state = obj.current_workflow_state
    if state is None:
        return set()
    ids = {state.requested_by_id}
    revision_id = getattr(state.current_task_state, "revision_id", None)
    if revision_id:
        ids.update(Revision.objects.filter(pk=revision_id).values_list("user_id", flat=True))
    ids.discard(None)
    return ids


def _active_users():
    return get_user_model().objects.filter(is_active=True)


class ReviewTaskMixin:
    """A review step whose reviewers depend on the page (``eligible_reviewers``): they, and
    administrators, may open the editor, lock the page and approve or request changes;
    everyone else sees it locked."""

    def eligible_reviewers(self, obj):
        raise NotImplementedError

    def is_reviewer(self, obj, user):
        if not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        return self.eligible_reviewers(_page(obj)).filter(pk=user.pk).exists()

    def user_can_access_editor(self, obj, user):
        return self.is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_reviewer(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_reviewer(obj, user)

    def get_actions(self, obj, user):
        return APPROVE_ACTIONS if self.is_reviewer(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser or self.always_reviews(user):
            return states
        candidates = self.candidate_states(states, user).select_related("workflow_state")
        return TaskState.objects.filter(
            pk__in=[
                state.pk
                for state in candidates
                if self.is_reviewer(state.workflow_state.content_object, user)
            ]
        )

    def candidate_states(self, states, user):
        """The in-progress states ``user`` might review (narrowed further per page)."""
        return states

    def always_reviews(self, user):
        """Whether ``user`` reviews every page at this step."""
        return False


class PartnerLeadReviewTask(ReviewTaskMixin, Task):
    """Review by a lead of the page's own partner organisation (nobody else's leads), other
    than the person who submitted the page or wrote the revision. When the organisation has
    no other lead, the moderators take this step. Pages without an organisation skip it."""

    class Meta:
        # Moved from the home app: the table keeps its name (see migrations/0001).
        db_table = "home_partnerleadreviewtask"
        verbose_name = _("Partner lead review")
        verbose_name_plural = _("Partner lead reviews")

    @classmethod
    def get_description(cls):
        return _(
            "A lead of the page's partner organisation approves it; not the person who "
            "submitted it. Without another lead, the moderators approve it."
        )

    def eligible_reviewers(self, obj):
        page = _page(obj)
        organisation = getattr(page, "organisation", None)
        if organisation is None:
            return _active_users().none()
        leads = organisation_leads(organisation).exclude(pk__in=authors(page))
        if leads.exists():
            return leads
        return moderators()

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

    def locked_for_user(self, obj, user):
        # Moderators keep their usual access while a lead reviews.
        return not self.is_reviewer(obj, user) and not is_moderator(user)

    def candidate_states(self, states, user):
        if is_moderator(user):
            return states
        ids = lead_organisation_ids(user)
        if not ids:
            return states.none()
        return states.filter(workflow_state__object_id__in=_as_text(organisation_pages(ids)))


class LocaleReviewTask(ReviewTaskMixin, Task):
    """Review of a translation (of a page, or of a topic, audience or helpline) by a
    reviewer of its language (not its own translator) or a moderator, before it goes
    live."""

    class Meta:
        db_table = "home_localereviewtask"
        verbose_name = _("Translation review")
        verbose_name_plural = _("Translation reviews")

    @classmethod
    def get_description(cls):
        return _(
            "A reviewer of the page's language, other than the person who submitted it, or a "
            "moderator approves the translation."
        )

    def language_reviewers(self, obj):
        """Reviewers assigned to the page's language, less its own translator."""
        page = _page(obj)
        return (
            _active_users()
            .filter(
                locale_assignments__locale_id=page.locale_id,
                locale_assignments__role=LocaleAssignment.REVIEWER,
            )
            .exclude(pk__in=authors(page))
        )

    def eligible_reviewers(self, obj):
        return _active_users().filter(
            Q(pk__in=self.language_reviewers(obj).values("pk"))
            | Q(pk__in=moderators().values("pk"))
        )

    def always_reviews(self, user):
        return is_moderator(user)

    def candidate_states(self, states, user):
        locale_ids = reviewer_locale_ids(user)
        if not locale_ids:
            return states.none()
        return states.filter(in_locales(locale_ids))
