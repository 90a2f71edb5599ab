"""Sending a translation to review from the admin.

wagtail-localize's translation editor saves drafts but has no "submit for moderation"
action, so a translator would have no way to start the "Translation review" workflow.
This adds one: a "Submit translation for review" button in the page listing and the page
header menu, and (through translation_review.js, as the translation editor has no button
hook) in the translation editor's header, leading to a confirmation screen that starts the
page's workflow. The workflow's first step notifies the reviewers of the
page's language (home.workflows)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page


def can_submit_translation(page, user):
    """Whether ``user`` may send ``page`` (a translation with unreviewed changes) to review."""
    if page.is_root() or page.locale_id == Locale.get_default().pk:
        return False
    if not (page.has_unpublished_changes or not page.live):
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and permissions.can_submit_for_moderation()


def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.GET.get("format") == "json":
        # For the button the translation editor adds to its header (translation_review.js).
        shown = can_submit_translation(page, request.user) and not page.workflow_in_progress
        return JsonResponse({"show": shown, "label": _("Submit translation for review")})
    workflow = page.get_workflow()
    if page.workflow_in_progress:
        messages.info(request, _("This translation is already waiting for review."))
        return redirect(edit_url)
    if not can_submit_translation(page, request.user) or workflow is None:
        messages.error(
            request,
            _("This page has no translated changes to send for review."),
        )
        return redirect(edit_url)
    if request.method == "POST":
        if page.get_latest_revision() is None:
            page.save_revision(user=request.user)
        workflow.start(page, request.user)
        messages.success(
            request,
            _("“%(title)s” (%(language)s) is sent for review. Its reviewers have been told.")
            % {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()},
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "home/admin/submit_translation_review.html",
        {
            "page": page,
            "workflow": workflow,
            "edit_url": edit_url,
            "page_title": gettext_lazy("Submit translation for review"),
        },
    )


def review_buttons(page, user, view_name=None, next_url=None):
    """The "Submit translation for review" button, where it applies."""
    if can_submit_translation(page, user):
        yield ListingButton(
            gettext_lazy("Submit translation for review"),
            reverse("openly_submit_translation_review", args=[page.pk]),
            priority=55,
            icon_name="resubmit",
        )
