"""Sending a translation (of a page or a snippet) to review from the admin.

wagtail-localize's translation editor keeps what the translator types as translated strings
and offers no "submit for moderation": its only way to turn the strings into content is
"Publish", and its draft-saving path writes a page's translated text straight into the live
page row. So a translation could not reach its reviewers. This adds a "Submit translation
for review" action: it applies the translator's strings to a new *draft revision* (the live
content is untouched), then starts the object's workflow, whose first step tells the
reviewers of the language (home.cocreation.workflows). The button sits in the page listing
and header menu, the snippet listing, and - through translation_review.js, as the translation editor
has no button hook - the translation editor's header."""

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page, WorkflowMixin, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments

from home.cocreation.localize import works_in_locale
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


def save_translated_draft(obj, user):
    """A new draft revision of ``obj`` with the strings its translators saved applied (and
    the source's synchronised fields copied, as publishing would). The live row is not
    written."""
    draft = obj.get_latest_revision_as_object()
    translation = (
        Translation.objects.filter(
            source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True
        )
        .select_related("source", "source__locale", "target_locale")
        .first()
    )
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
    if request.GET.get("format") == "json":
        # For the button translation_review.js adds to the translation editor's header.
        return JsonResponse(
            {"show": can_submit_translation(obj, request.user), "label": str(BUTTON_LABEL)}
        )
    if obj.workflow_in_progress:
        messages.info(request, _("This translation is already waiting for review."))
        return redirect(edit_url)
    if not can_submit_translation(obj, request.user):
        messages.error(request, _("This is not a translation that can be sent for review."))
        return redirect(edit_url)
    workflow = obj.get_workflow()
    if request.method == "POST":
        try:
            save_translated_draft(obj, request.user)
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
            reverse("openly_submit_translation_review", args=[page.pk]),
            priority=55,
            icon_name="resubmit",
        )


def snippet_buttons(snippet, user, next_url=None):
    """The button in snippet listings, where it applies."""
    if can_submit_translation(snippet, user):
        yield ListingButton(
            BUTTON_LABEL, snippet_submit_url(snippet), priority=55, icon_name="resubmit"
        )
