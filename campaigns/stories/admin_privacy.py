"""Wagtail's admin screens adapted to the title and picture rule of campaigns.stories.privacy.

Wagtail asks one permission policy per model which pages and images a user may list
(``wagtail.permissions.register_permission_policy``, its documented way to change that): the
explorer, the admin page search, the sidebar's page API, the audit log (which lists the
entries of explorable pages), the workflow, aging-pages and locked-pages reports, the "pages
using a type" listing and the image listing and chooser all ask it. The policies here are
Wagtail's own with the stories a user may not see left out; the page tree permissions that
decide who may edit, publish or lock a page are untouched (they are asked per page, through
``home.cocreation.permissions``).

The dashboard panels list the user's own workflow items, locks and edits without asking the
policy; their replacements show a neutral label instead of the title, since the row is the
user's to act on (a moderator approving a story is sent to "Awaiting your review").
"""

from wagtail.admin.views import home as dashboard
from wagtail.images import get_permission_policy as image_permission_policy
from wagtail.permission_policies.pages import PagePermissionPolicy

from campaigns.stories import privacy


class StoryPrivatePagePolicy(PagePermissionPolicy):
    """Wagtail's page policy, with the stories whose title the user may not see left out of
    every list of pages it gives."""

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        return privacy.without_hidden_stories(pages, user)

    def explorable_instances(self, user):
        return privacy.without_hidden_stories(super().explorable_instances(user), user)


class StoryPicturePolicy(type(image_permission_policy())):
    """Wagtail's image policy, with the pictures contributors sent with their story kept
    for story moderators: left out of listings and choosers, refused when asked for."""

    def instances_user_has_any_permission_for(self, user, actions):
        images = super().instances_user_has_any_permission_for(user, actions)
        return privacy.without_story_pictures(images, user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not privacy.may_see_picture(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def story_picture_policy():
    """The image policy Wagtail builds (same model, owner field), as a StoryPicturePolicy."""
    policy = image_permission_policy()
    return StoryPicturePolicy(
        policy.model, auth_model=policy.auth_model, owner_field_name=policy.owner_field_name
    )


class AwaitingReviewPanel(dashboard.WorkflowObjectsToModeratePanel):
    """ "Awaiting your review": a story's reviewer who may not see its title (a moderator at
    the publication approval) gets the row under the neutral label."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        for state in context["states"]:
            state["obj"] = privacy.masked(state["obj"], user)
        return context


class OwnWorkflowItemsPanel(dashboard.UserObjectsInWorkflowModerationPanel):
    """ "Your pages in a workflow" (ones you own or submitted), titles masked as above."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        for state in context["workflow_states"]:
            state.content_object = privacy.masked(state.content_object, user)
        return context


class RecentEditsPanel(dashboard.RecentEditsPanel):
    """ "Your most recent edits", titles masked as above."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["last_edits"] = [
            (when, privacy.masked(page, user)) for when, page in context["last_edits"]
        ]
        return context


class LockedPagesPanel(dashboard.LockedPagesPanel):
    """ "Your locked pages", titles masked as above."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["locked_pages"] = [privacy.masked(page, user) for page in context["locked_pages"]]
        return context


DASHBOARD_PANELS = {
    panel.name: panel
    for panel in (AwaitingReviewPanel, OwnWorkflowItemsPanel, RecentEditsPanel, LockedPagesPanel)
}


def replace_dashboard_panels(panels):
    """Swap Wagtail's dashboard panels for the ones above, in place and in the same order."""
    for position, panel in enumerate(panels):
        replacement = DASHBOARD_PANELS.get(getattr(panel, "name", None))
        if replacement is not None and type(panel) is not replacement:
            panels[position] = replacement()
