"""Admin integration of the co-creation tools: partner organisations and language
assignments as snippets, the dashboard panel, the per-language limit on translators' snippet
editing and wagtail-localize's views narrowed to translators' languages
(home.cocreation.localize)."""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import BaseDropdownMenuButton
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.views import edit_translation

from home.cocreation import localised_dates, localize, workflow_names
from home.cocreation.admin_views import OrganisationContentPanel
from home.cocreation.models import LocaleAssignment, OrganisationOwnedMixin
from home.cocreation.organisations import organisation_ids
from home.cocreation.own_edits import approval_of_own_edit_refused
from home.cocreation.permissions import is_organisation_scoped
from home.cocreation.snippets import PartnerOrganisationViewSet
from home.cocreation.translation_decisions import decide
from home.cocreation.translation_progress import register_log_actions
from home.cocreation.translation_review import (
    page_buttons,
    snippet_buttons,
    submit_page_translation,
    submit_snippet_translation,
)
from home.snippets import KeepsHomeSnippetURLs


class LocaleAssignmentViewSet(KeepsHomeSnippetURLs, SnippetViewSet):
    """Who translates and reviews which language."""

    model = LocaleAssignment
    icon = "globe"
    menu_label = _("Language assignments")
    list_display = ["user", "locale", "role"]
    list_filter = ["role", "locale"]


register_snippet(PartnerOrganisationViewSet)
register_snippet(LocaleAssignmentViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "translations/<int:page_id>/submit-for-review/",
            submit_page_translation,
            name="openly_submit_translation_review",
        ),
        path(
            "translations/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/submit-for-review/",
            submit_snippet_translation,
            name="openly_submit_snippet_translation_review",
        ),
        path(
            "translations/review/<int:task_state_id>/<slug:action>/",
            decide,
            name="openly_translation_decision",
        ),
    ]


@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    """Our narrowed versions of wagtail-localize's views (home.cocreation.localize), at its
    own paths.

    Admin URL patterns are added in hook order, so with order=-1 these come before
    wagtail-localize's and Django resolves its paths to them; its URL names (reversed by its
    buttons and templates) still build the same paths. They carry names of their own: a
    second "wagtail_localize" namespace would hide the first one's other URL names."""
    guarded = localize.limited_to_assigned_snippet_locales
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            localize.SubmitPageTranslationToAssignedLocalesView.as_view(),
            name="openly_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize.SubmitSnippetTranslationToAssignedLocalesView.as_view(),
            name="openly_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            localize.SyncTranslationsWithoutPublishingView.as_view(),
            name="openly_update_translations",
        ),
        # The translation editor's endpoints that change a translation.
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            localised_dates.with_localised_note(guarded(edit_translation.edit_string_translation)),
            name="openly_edit_string_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            guarded(edit_translation.edit_override),
            name="openly_edit_override",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            guarded(edit_translation.upload_pofile),
            name="openly_upload_pofile",
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            guarded(edit_translation.machine_translate),
            name="openly_machine_translate",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            guarded(edit_translation.stop_translation),
            name="openly_stop_translation",
        ),
    ]


@hooks.register("construct_page_listing_buttons")
def hide_translate_page_without_assigned_locale_left(buttons, page, user, context=None):
    """Drop wagtail-localize's "Translate this page" from a page's "More" menu in listings
    when the translator has no assigned language left for the page."""
    if not localize.has_no_assigned_locale_left(user, page):
        return
    url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
    kept = []
    for button in buttons:
        if isinstance(button, BaseDropdownMenuButton):
            items = button.dropdown_buttons
            button.dropdown_buttons = [item for item in items if getattr(item, "url", None) != url]
            if items and not button.dropdown_buttons:
                continue  # it held only "Translate this page": no empty menu
        kept.append(button)
    buttons[:] = kept


@hooks.register("construct_snippet_listing_buttons")
def hide_translate_snippet_without_assigned_locale_left(buttons, snippet, user):
    """Drop wagtail-localize's "Translate" from a snippet's "More" menu when the translator
    has no assigned language left for it."""
    if not isinstance(snippet, TranslatableMixin):
        return
    if not localize.has_no_assigned_locale_left(user, snippet):
        return
    meta = snippet._meta
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, quote(snippet.pk)],
    )
    buttons[:] = [button for button in buttons if getattr(button, "url", None) != url]


@hooks.register("insert_editor_js")
def translation_review_js():
    return format_html('<script src="{}" defer></script>', static("home/js/translation_review.js"))


@hooks.register("construct_homepage_panels")
def add_organisation_content_panel(request, panels):
    panels.append(OrganisationContentPanel(request.user))


@hooks.register("before_edit_snippet", order=-10)
def limit_translators_to_their_languages(request, instance):
    """A translator (who is not also a moderator) edits translated snippets only in their
    assigned languages. Runs before wagtail-localize's hook, which would otherwise open its
    translation editor for any language."""
    locale_id = getattr(instance, "locale_id", None)
    if locale_id is not None and not localize.works_in_locale(request.user, locale_id):
        raise PermissionDenied
    return None


def _refuse_foreign_organisation(request):
    """Whatever a page type's form offers, a partner cannot hand a page to an organisation
    they do not belong to."""
    if request.method != "POST" or "organisation" not in request.POST:
        return
    if not is_organisation_scoped(request.user):
        return
    chosen = request.POST.get("organisation", "")
    if chosen and (not chosen.isdigit() or int(chosen) not in organisation_ids(request.user)):
        raise PermissionDenied


@hooks.register("before_create_page")
def limit_partners_to_organisation_pages(request, parent_page, page_class):
    """Partner editors and leads create only organisation-owned pages, for their own
    organisations."""
    if is_organisation_scoped(request.user) and not issubclass(page_class, OrganisationOwnedMixin):
        raise PermissionDenied
    _refuse_foreign_organisation(request)
    return None


@hooks.register("before_edit_page")
def keep_pages_in_the_partners_organisations(request, page):
    _refuse_foreign_organisation(request)
    return None


hooks.register("register_log_actions", register_log_actions)
# After Wagtail's own (order 0): its workflow log messages quote the names in English.
hooks.register("register_log_actions", workflow_names.translate_workflow_log_messages, order=10)
hooks.register("after_edit_page", approval_of_own_edit_refused)
hooks.register("register_page_header_buttons", page_buttons)
hooks.register("register_page_listing_more_buttons", page_buttons)
hooks.register("register_snippet_listing_buttons", snippet_buttons)
