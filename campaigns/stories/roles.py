"""Story permissions and the story workflow for the role groups (called by
home.cocreation.roles.setup_roles), and the same set-up for each new story index."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from campaigns.stories.models import StoryIndexPage
from campaigns.stories.workflow import WORKFLOW_NAME, story_workflow
from home.cocreation.roles import PLE_CONTRIBUTORS, STORY_MODERATORS

RECORD_PERMISSIONS = ["view_contributorrecord", "change_contributorrecord"]
# "add" only, not "change": Wagtail lets a page's owner edit the pages they created with
# "add", while "change" would let a PLE contributor open every other contributor's draft.
PLE_PAGE_PERMISSIONS = ["add_page"]


def configure_roles(groups):
    """Story moderators see and update contributor records (nobody else does); PLE
    contributors may draft and submit stories in the stories section only; the story-review
    workflow exists and covers every story index. Idempotent."""
    story_moderators = groups[STORY_MODERATORS]
    for codename in RECORD_PERMISSIONS:
        story_moderators.permissions.add(
            Permission.objects.get(content_type__app_label="stories", codename=codename)
        )
    for index_page in StoryIndexPage.objects.all():
        grant_ple_permissions(groups[PLE_CONTRIBUTORS], index_page)
    assign_story_workflow()


def assign_story_workflow():
    """Attach the story workflow to every language's story index, so stories and their
    translations are reviewed the same way. Returns the workflow."""
    workflow = story_workflow()
    for index_page in StoryIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow


def grant_ple_permissions(group, index_page):
    """Let PLE contributors draft and submit stories under ``index_page``."""
    for codename in PLE_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page=index_page, permission=permission
        )


def cover_new_story_index(index_page):
    """A new story index (e.g. a new language's translation) is covered by the story
    workflow and open to PLE contributors at once, without re-running the role set-up.
    Only where the set-up ran before: the active workflow and the group must exist."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    group = Group.objects.filter(name=PLE_CONTRIBUTORS).first()
    if group is not None:
        grant_ple_permissions(group, index_page)
