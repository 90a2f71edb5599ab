"""Custom workflow task types for the co-creation loop (Wagtail's engine, no admin forks):
the partner lead's review and the translation review.

Both follow two rules for edits a reviewer makes during the step (as the story safety review
does, campaigns.stories.models.review):

- One approval is enough after an edit. Wagtail (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT)
  counts an approval only for the revision the step started on, so a lead who edited and
  approved saw the step start again on their edit, to be approved a second time. Here an
  approval covers the latest revision, which is what the approver has in front of them (the
  automatic language check still runs again on it).
- Nobody approves their own edit: whoever edited the page during the step may request
  changes, not approve; another reviewer (another lead, or the moderators when none is
  left) approves it.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
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


def step_editors(obj):
    """Ids of the people who saved a revision of ``obj`` after the one its current step
    reviews, i.e. who edited it during the step (revisions saved without a user, such as a
    contributor's, do not count)."""
    state = obj.current_workflow_state
    task_state = state.current_task_state if state is not None else None
    if task_state is None or task_state.revision_id is None:
        return set()
    return set(
        Revision.objects.for_instance(obj)
        .filter(pk__gt=task_state.revision_id, user__isnull=False)
        .values_list("user_id", flat=True)
    )


def _active_users():
    return get_user_model().objects.filter(is_active=True)


class ReviewTaskMixin:
    """A review step whose reviewers depend on the page (``reviewers``): they, and
    administrators, may open the editor, lock the page and approve or request changes;
    everyone else sees it locked. A reviewer who edited the page during the step may still
    request changes, but another reviewer approves it (module docstring)."""

    def reviewers(self, obj, excluded=frozenset()):
        """Who reviews ``obj`` (a specific page or a snippet) at this step, leaving out the
        people whose ids are in ``excluded``."""
        raise NotImplementedError

    def eligible_reviewers(self, obj):
        """Who may approve ``obj`` now: its reviewers, less those who edited it during the
        step (who are told, and emailed, that the page waits for)."""
        page = _page(obj)
        return self.reviewers(page, excluded=step_editors(page))

    def is_reviewer(self, obj, user):
        """Whether ``user`` may act at this step (approve, or only request changes when they
        edited the page during it)."""
        if not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        page = _page(obj)
        return (
            self.reviewers(page).filter(pk=user.pk).exists()
            or self.eligible_reviewers(page).filter(pk=user.pk).exists()
        )

    def edited_during_step(self, obj, user):
        return user.pk in step_editors(_page(obj))

    def leaves_approval_to_others(self, obj, user):
        """Whether ``user`` reviews at this step but edited ``obj`` during it, so someone else
        approves it (the "What next" panel says so: home.cocreation.next_step)."""
        return self.is_reviewer(obj, user) and self.edited_during_step(obj, user)

    def user_can_access_editor(self, obj, user):
        return self.is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_reviewer(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_reviewer(obj, user)

    def get_actions(self, obj, user):
        if not self.is_reviewer(obj, user):
            return []
        if self.edited_during_step(obj, user):
            return [action for action in APPROVE_ACTIONS if action[0] != "approve"]
        return APPROVE_ACTIONS

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            content = task_state.workflow_state.content_object
            if user is not None and user.pk in step_editors(_page(content)):
                # Also an edit saved by this very request (the editor's "Approve" saves
                # first): refused, and the admin says why (home.cocreation.own_edits).
                return None
            latest = content.get_latest_revision()
            if latest is not None and latest.pk != task_state.revision_id:
                task_state.revision = latest
                task_state.save(update_fields=["revision"])
        return super().on_action(task_state, user, action_name, **kwargs)

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
    than the person who submitted the page or wrote the revision; a lead who edits it during
    the step leaves the approval to another (module docstring). When the organisation has no
    such lead, the moderators (other than those) take this step. Pages without an
    organisation skip it."""

    class Meta:
        # Moved from the home app: the table keeps its name (see migrations/0001).
        db_table = "home_partnerleadreviewtask"
        verbose_name = _("Partner lead review")
        verbose_name_plural = _("Partner lead reviews")

    @classmethod
    def get_description(cls):
        return _(
            "A lead of the page's partner organisation approves it, once; not the person who "
            "submitted it, nor one who edited it during this step. Without another lead, the "
            "moderators approve it."
        )

    def reviewers(self, obj, excluded=frozenset()):
        page = _page(obj)
        organisation = getattr(page, "organisation", None)
        if organisation is None:
            return _active_users().none()
        excluded = authors(page) | set(excluded)
        leads = organisation_leads(organisation).exclude(pk__in=excluded)
        if leads.exists():
            return leads
        return moderators().exclude(pk__in=excluded)

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

    def reviewers(self, obj, excluded=frozenset()):
        return (
            _active_users()
            .filter(
                Q(pk__in=self.language_reviewers(obj).values("pk"))
                | Q(pk__in=moderators().values("pk"))
            )
            .exclude(pk__in=excluded)
        )

    def always_reviews(self, user):
        return is_moderator(user)

    def candidate_states(self, states, user):
        locale_ids = reviewer_locale_ids(user)
        if not locale_ids:
            return states.none()
        return states.filter(in_locales(locale_ids))
