"""The story safety review as a task type of its own: Wagtail's group approval (story
moderators approve) with two rules for the edits reviewers make during the review.

- One approval is enough after an edit. Wagtail (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT)
  counts an approval only for the revision the step started on, so a reviewer who edited
  and approved found the step started again on their edit, to approve a second time. Here
  an approval covers the latest revision, which is what the approver has in front of them.
- Nobody approves their own edit: whoever wrote the revision under review or edited the
  story since the step began may request changes, not approve; another story moderator
  approves. The contributor still approves reviewers' edits before the story goes live
  (campaigns.stories.lifecycle.go_live_blocker): that rule is not this task's.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Revision


class StorySafetyReviewTask(GroupApprovalTask):
    """The first step of the story review: a story moderator other than the story's editors
    at this step approves it (module docstring)."""

    class Meta:
        verbose_name = _("Story safety review")
        verbose_name_plural = _("Story safety reviews")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups check a story is safe to publish. Whoever edited "
            "the story during this step cannot approve it: another member approves it, once."
        )

    def editors(self, task_state):
        """Ids of the people who wrote the revision ``task_state`` reviews or saved a later
        one: none of them may approve the step. The contributor's own edits (saved without
        a user) do not count."""
        revision = task_state.revision
        return set(
            Revision.objects.filter(
                base_content_type_id=revision.base_content_type_id,
                object_id=revision.object_id,
                pk__gte=revision.pk,
                user__isnull=False,
            ).values_list("user_id", flat=True)
        )

    def edited_by(self, obj, user):
        """Whether ``user`` edited ``obj`` while it is at this step (so may not approve)."""
        task_state = obj.current_workflow_task_state
        if task_state is None or task_state.task_id != self.pk:
            return False
        return user.pk in self.editors(task_state)

    def leaves_approval_to_others(self, obj, user):
        """Whether ``user`` reviews at this step but edited ``obj`` during it, so another
        reviewer must approve it."""
        return bool(super().get_actions(obj, user)) and self.edited_by(obj, user)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.edited_by(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            if user is not None and user.pk in self.editors(task_state):
                # Also an edit saved by this very request (the editor's "approve" saves
                # first): refused; the admin tells them why (campaigns.stories.wagtail_hooks).
                return None
            latest = task_state.workflow_state.content_object.get_latest_revision()
            if latest is not None and latest.pk != task_state.revision_id:
                task_state.revision = latest
                task_state.save(update_fields=["revision"])
        return super().on_action(task_state, user, action_name, **kwargs)
