"""A read-only panel on the story editor: where the contributor stands, for story moderators
only. It shows consent scopes and approvals, never contact details."""

from django.urls import reverse
from wagtail.admin.panels import Panel

# The submodule, not the models package: the story page module imports this panel while the
# package is still loading, and the contributor record module needs neither.
from campaigns.stories.models.contributor import ContributorRecord


class ContributorStatusPanel(Panel):
    """Shows the story's contributor record summary to users allowed to see records."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/contributor_status_panel.html"

        def _record(self):
            page = self.instance
            if not getattr(page, "translation_key", None) or not page.pk:
                return None
            return ContributorRecord.objects.for_story(page).select_related("page").first()

        def is_shown(self):
            user = getattr(self.request, "user", None)
            if user is None or not user.has_perm("stories.view_contributorrecord"):
                return False
            self.record = self._record()
            return self.record is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            record = self.record
            context.update(
                {
                    "record": record,
                    "needs_approval": record.pending_reviewer_revision() is not None,
                    "record_url": reverse("story_contributors:inspect", args=[record.pk]),
                }
            )
            return context
