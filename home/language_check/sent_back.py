"""After "Submit" in the page editor: when the language check sent the page straight back,
say so, instead of Wagtail's "submitted for moderation", and stay in the editor, where the
"What next" panel and the findings are (registered as after_create_page and
after_edit_page hooks)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import WorkflowState

from home.language_check.models import LanguageCheckTaskState


def sent_back_by_the_check(page):
    """Whether ``page``'s workflow is waiting for changes the language check asked for."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return False
    return isinstance(state.current_task_state.specific, LanguageCheckTaskState)


def _drop_success_messages(request):
    """Remove the messages queued as successes in this request (Wagtail's "has been
    submitted for moderation"), keeping the others."""
    storage = messages.get_messages(request)
    kept = [message for message in storage if message.level != messages.SUCCESS]
    # Iterating marked the storage as read: what is added now is all that will be shown.
    for message in kept:
        messages.add_message(request, message.level, message.message, message.tags)


def after_submit(request, page):
    if request.method != "POST" or "action-submit" not in request.POST:
        return None
    if not sent_back_by_the_check(page):
        return None
    _drop_success_messages(request)
    messages.warning(
        request,
        gettext(
            "“%(title)s” was not sent for review: the language check found wording to change. "
            "The page is back with you: see “What next” at the top of the page."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
