"""Story permissions for the role groups (called by home.cocreation.roles.setup_roles)."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

from home.cocreation.roles import PLE_CONTRIBUTORS, STORY_MODERATORS

RECORD_PERMISSIONS = ["view_contributorrecord", "change_contributorrecord"]
# "add" only, not "change": Wagtail lets a page's owner edit the pages they created with
# "add", while "change" would let a PLE contributor open every other contributor's draft.
PLE_PAGE_PERMISSIONS = ["add_page"]


def configure_roles(groups):
    """Story moderators see and update contributor records (nobody else does); PLE
    contributors may draft and submit stories in the stories section only; the story-review
    workflow exists and covers every story index. Idempotent."""
    from campaigns.stories.models import StoryIndexPage
    from campaigns.stories.workflow import assign_story_workflow

    story_moderators = groups[STORY_MODERATORS]
    for codename in RECORD_PERMISSIONS:
        story_moderators.permissions.add(
            Permission.objects.get(content_type__app_label="stories", codename=codename)
        )
    for index_page in StoryIndexPage.objects.all():
        grant_ple_permissions(groups[PLE_CONTRIBUTORS], index_page)
    assign_story_workflow()


def grant_ple_permissions(group, index_page):
    """Let PLE contributors draft and submit stories under ``index_page``."""
    for codename in PLE_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page=index_page, permission=permission
        )
