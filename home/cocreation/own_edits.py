"""When a reviewer edits a page in the page editor and chooses "Approve" at a co-creation
review step (a partner lead's review, a translation review): the editor saves the edit
first, and the step then refuses the approval of that edit by its editor
(home.cocreation.models.tasks: nobody approves their own edit). Wagtail would only say
"Page updated"; this says why it is not approved, who approves it now, and tells them by
email, since the edit may have handed the step to people who were not asked before (the
moderators, when the organisation has no other lead). Registered as an after_edit_page
hook."""

from django.contrib import messages
from django.utils.translation import gettext
from wagtail.models import Page

from home.cocreation.models.tasks import ReviewTaskMixin
from home.cocreation.next_step import who_acts
from home.cocreation.workflows import notify_reviewers


def approval_of_own_edit_refused(request, page):
    if request.POST.get("workflow-action-name") != "approve":
        return None
    # Read again: the view's copy may hold the workflow's state from before the action.
    page = Page.objects.get(pk=page.pk).specific
    task = page.current_workflow_task
    if not isinstance(task, ReviewTaskMixin):
        return None
    if not task.leaves_approval_to_others(page, request.user):
        return None
    messages.warning(
        request,
        gettext(
            "Your changes are saved, but nobody approves their own edit: %(who)s must approve "
            "the step “%(task)s”. They have been told. You can still request changes."
        )
        % {"who": who_acts(task, page), "task": task.name},
    )
    notify_reviewers(
        page.current_workflow_task_state, page, task.eligible_reviewers(page), request.user
    )
    return None
