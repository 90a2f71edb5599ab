"""Sending a translation (of a page or a snippet) to review from the admin.

wagtail-localize's translation editor keeps what the translator types as translated strings
and offers no "submit for moderation": its only way to turn the strings into content is
"Publish", and its draft-saving path writes a page's translated text straight into the live
page row. So a translation could not reach its reviewers. This adds a "Submit translation
for review" action: it applies the translator's strings to a new *draft revision* (the live
content is untouched), then starts the object's workflow, whose first step tells the
reviewers of the language (home.cocreation.workflows). The button sits in the page listing
and header menu, the snippet listing, and in the translation editor, where it is the main
action (home.cocreation.translation_editor). Sending shows how much is translated and, below
100%, asks the translator to confirm (home.cocreation.translation_progress)."""

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page, WorkflowMixin, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.segments.ingest import ingest_segments

from home.cocreation.localize import works_in_locale
from home.cocreation.translation_progress import progress_of, record_submission, translation_of
from home.cocreation.workflows import admin_title

BUTTON_LABEL = gettext_lazy("Submit translation for review")


def _may_edit(obj, user):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    if not works_in_locale(user, obj.locale_id):
        return False
    return user.has_perm(f"{obj._meta.app_label}.change_{obj._meta.model_name}")


def can_submit_translation(obj, user):
    """Whether ``user`` may send ``obj`` (a translation, not in review) to review now: for
    the first time, or again after changes were requested."""
    if not isinstance(obj, WorkflowMixin) or getattr(obj, "locale_id", None) is None:
        return False
    if obj.locale_id == Locale.get_default().pk or obj.get_workflow() is None:
        return False
    if isinstance(obj, Page) and obj.is_root():
        return False
    if getattr(obj, "locked", False) and obj.locked_by_id != user.pk:
        return False
    return not obj.workflow_in_progress and _may_edit(obj, user)


def save_translated_draft(obj, user, translation=None):
    """A new draft revision of ``obj`` with the strings its translators saved applied (and
    the source's synchronised fields copied, as publishing would). The live row is not
    written."""
    draft = obj.get_latest_revision_as_object()
    translation = translation or translation_of(obj)
    if translation is not None:
        source = translation.source
        original = source.as_instance()
        copy_synchronised_fields(original, draft)
        segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
        ingest_segments(original, draft, source.locale, translation.target_locale, segments)
    return draft.save_revision(user=user)


def _submit(request, obj):
    edit_url = AdminURLFinder().get_edit_url(obj)
    label = admin_title(obj)
    if not _may_edit(obj, request.user):
        raise PermissionDenied
    if obj.workflow_in_progress:
        messages.info(request, _("This translation is already waiting for review."))
        return redirect(edit_url)
    if not can_submit_translation(obj, request.user):
        messages.error(request, _("This is not a translation that can be sent for review."))
        return redirect(edit_url)
    workflow = obj.get_workflow()
    translation = translation_of(obj)
    progress = progress_of(translation)
    incomplete = progress is not None and not progress.complete
    # Below 100% the translator confirms with "Submit anyway" (which posts this flag).
    confirmed = not incomplete or request.POST.get("submit_incomplete") == "1"
    if request.method == "POST" and confirmed:
        try:
            save_translated_draft(obj, request.user, translation)
        except ValidationError as error:
            messages.error(
                request,
                _("The translation cannot be sent yet: %(problems)s")
                % {"problems": "; ".join(error.messages)},
            )
            return redirect(edit_url)
        state = obj.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # Sent back earlier: resubmitting resumes that workflow (a second one cannot
            # start while it is open) at the step that asked for changes.
            state.resume(request.user)
        else:
            state = workflow.start(obj, request.user)
        state.refresh_from_db()
        record_submission(obj, request.user, progress)
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = state.current_task_state.specific
            messages.warning(
                request,
                _("“%(title)s” was not sent for review: the step “%(task)s” sent it back. %(why)s")
                % {"title": label, "task": task_state.task.name, "why": task_state.get_comment()},
            )
            return redirect(edit_url)
        messages.success(
            request,
            _("“%(title)s” (%(language)s) is sent for review. Its reviewers have been told.")
            % {"title": label, "language": obj.locale.get_display_name()},
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "home/admin/submit_translation_review.html",
        {
            "object_label": label,
            "language": obj.locale.get_display_name(),
            "source_language": translation.source.locale.get_display_name() if translation else "",
            "progress": progress,
            "incomplete": incomplete,
            "workflow": workflow,
            "edit_url": edit_url,
            "page_title": BUTTON_LABEL,
        },
    )


def submit_page_translation(request, page_id):
    return _submit(request, get_object_or_404(Page, pk=page_id).specific)


def submit_snippet_translation(request, app_label, model_name, pk):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if not issubclass(model, WorkflowMixin) or issubclass(model, Page):
        raise Http404
    return _submit(request, get_object_or_404(model, pk=pk))


def submit_url(obj):
    """Where ``obj`` (a translated page or snippet) is sent for review."""
    if isinstance(obj, Page):
        return reverse("openly_submit_translation_review", args=[obj.pk])
    return snippet_submit_url(obj)


def snippet_submit_url(obj):
    return reverse(
        "openly_submit_snippet_translation_review",
        args=[obj._meta.app_label, obj._meta.model_name, quote(obj.pk)],
    )


def page_buttons(page, user, view_name=None, next_url=None):
    """The button in the page listing and header menus, where it applies."""
    if can_submit_translation(page, user):
        yield ListingButton(
            BUTTON_LABEL,
            submit_url(page),
            priority=55,
            icon_name="resubmit",
        )


def snippet_buttons(snippet, user, next_url=None):
    """The button in snippet listings, where it applies."""
    if can_submit_translation(snippet, user):
        yield ListingButton(
            BUTTON_LABEL, snippet_submit_url(snippet), priority=55, icon_name="resubmit"
        )
