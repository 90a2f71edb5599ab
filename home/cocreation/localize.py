"""Translators start wagtail-localize translations themselves, into their own languages only.

wagtail-localize lets anyone holding ``wagtail_localize.submit_translation`` start a
translation of a page or snippet into every locale that has none yet, and "sync" a source
into all its translations, optionally publishing every one of them at once. It has no hook
or setting to narrow either per user. Its views are ordinary class-based views, so the
subclasses here narrow them, and ``home.wagtail_hooks`` registers them at wagtail-localize's
own admin paths ahead of its URL patterns: every link wagtail-localize builds with
``reverse("wagtail_localize:…")`` then lands on these views.

A language-scoped translator (a member of the Translators role who is not a moderator or
administrator):

- is offered, and may submit, only the locales assigned to them (``LocaleAssignment``),
  including when the whole subtree is translated (it uses the same locales); the only one
  offered is ticked already (of several, the one their admin is in);
- may sync a source's text into its translations (the source is the approved original), but
  not "publish immediately" nor machine-translate them: both act on every language at once
  and would skip the translation review;
- does not see the "Translate" item in page and snippet listings once every assigned locale
  has a translation (Wagtail has no hook to filter the page header's buttons: there the form
  says so instead);
- edits snippet translations only in assigned locales, also through the translation editor's
  own endpoints (strings, overrides, PO upload, machine translation, stop), which
  wagtail-localize guards with the model-wide "change" permission alone. Page translations
  need no such guard: there it asks ``Page.permissions_for_user``, which is language-scoped
  already (home.cocreation.permissions).

Translations of pages are created as drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is
off) and go live through the "Translation review" workflow like any other change. So are
translations of topics, audiences and crisis helplines (``home.models.ModeratedSnippet``):
wagtail-localize saves a translation of a model with drafts as a draft, and only holders of
the model's "publish" permission (moderators) may publish it from its translation editor.
"""

import functools

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from home.cocreation.permissions import LOCALE_SCOPED_GROUPS, group_names, translator_locale_ids
from home.cocreation.roles import MODERATORS

ONLY_ASSIGNED_LOCALES = _(
    "Choose only from the languages listed: you can start translations only into the "
    "languages assigned to you that have no translation yet."
)
CHOOSE_ASSIGNED_LOCALES = _(
    "The languages assigned to you that have no translation yet. The translation is saved "
    "as a draft and goes live only after review."
)
NO_LOCALE_ASSIGNED = _(
    "No language is assigned to you yet, so you cannot start a translation. Ask an "
    "administrator to assign you a language."
)
ALL_ASSIGNED_LOCALES_TRANSLATED = _(
    "Every language assigned to you already has a translation of this. Open that translation "
    "to work on it."
)
SYNC_WITHOUT_PUBLISHING = _(
    "Syncing adds the source's new text to each translation for translators to work on. It "
    "publishes nothing: every translation goes live only after review."
)


def assigned_locale_ids(user):
    """The locales ``user`` translates into, or ``None`` when they may work in every locale.

    Only members of a language-scoped role (Translators) are limited, and not when they are
    also moderators or administrators, who work in every language."""
    if not user.is_authenticated or user.is_superuser:
        return None
    names = set(group_names(user).values())
    if not names & LOCALE_SCOPED_GROUPS or MODERATORS in names:
        return None
    return translator_locale_ids(user)


def works_in_locale(user, locale_id):
    """Whether ``user`` may translate into the locale ``locale_id`` (everyone not limited
    to assigned locales may)."""
    allowed = assigned_locale_ids(user)
    return allowed is None or locale_id in allowed


def has_no_assigned_locale_left(user, instance):
    """Whether a language-scoped ``user`` has no assigned locale left to translate ``instance``
    into, so the "Translate" form would offer them nothing. False for those not limited:
    wagtail-localize already hides its button when no locale at all is left."""
    allowed = assigned_locale_ids(user)
    if allowed is None:
        return False
    if not allowed:
        return True
    translations = instance.get_translations(inclusive=True)
    if isinstance(instance, Page):
        # As in wagtail-localize's form: an alias can still become a real translation.
        translations = translations.exclude(alias_of__isnull=False)
    return not (
        Locale.objects.filter(pk__in=allowed)
        .exclude(pk__in=translations.values("locale_id"))
        .exists()
    )


def limit_locale_choices(form, user):
    """Narrow wagtail-localize's "Translate" form to the locales ``user`` may translate into.

    Narrowing the queryset also makes the form refuse any other locale posted to it."""
    allowed = assigned_locale_ids(user)
    if allowed is None:
        return form
    field = form.fields["locales"]
    field.queryset = field.queryset.filter(pk__in=allowed)
    field.error_messages = {**field.error_messages, "invalid_choice": ONLY_ASSIGNED_LOCALES}
    choices = len(field.queryset)
    if choices:
        field.help_text = CHOOSE_ASSIGNED_LOCALES
    elif allowed:
        field.help_text = ALL_ASSIGNED_LOCALES_TRANSLATED
    else:
        field.help_text = NO_LOCALE_ASSIGNED
    if choices < 2:
        form.fields["select_all"].widget = forms.HiddenInput()
    return form


def preferred_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile is not None else None


def preselect_locale(form, user):
    """Tick a locale in the unbound "Translate" form when the choice is plain: the only
    one offered, or, for a translator offered several, the language their admin is in
    (none otherwise). A locale asked for in the address (``?select_locale=``) stays."""
    if form.is_bound or form.initial.get("locales"):
        return form
    offered = list(form.fields["locales"].queryset)
    if len(offered) == 1:
        chosen = offered
    elif assigned_locale_ids(user) is not None:
        language = preferred_language(user)
        chosen = [locale for locale in offered if locale.language_code == language]
    else:
        chosen = []
    if chosen:
        form.initial["locales"] = [locale.pk for locale in chosen]
    return form


class AssignedLocalesMixin:
    """The "Translate" form, offering language-scoped translators their locales only."""

    def get_form(self):
        form = limit_locale_choices(super().get_form(), self.request.user)
        return preselect_locale(form, self.request.user)


class SubmitPageTranslationToAssignedLocalesView(AssignedLocalesMixin, SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", limited to the translator's languages."""


class SubmitSnippetTranslationToAssignedLocalesView(
    AssignedLocalesMixin, SubmitSnippetTranslationView
):
    """wagtail-localize's "Translate" for snippets, limited to the translator's languages."""


class SyncTranslationsWithoutPublishingView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages/snippets". Language-scoped translators may
    sync, but the options acting on every language's translation at once are removed."""

    template_name = "home/admin/sync_translations.html"

    def is_limited(self):
        return assigned_locale_ids(self.request.user) is not None

    def get_form(self):
        form = super().get_form()
        if self.is_limited():
            form.fields.pop("publish_translations", None)
            form.fields.pop("use_machine_translation", None)
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_limited():
            context["sync_note"] = SYNC_WITHOUT_PUBLISHING
        return context

    def form_valid(self, form):
        if self.is_limited():
            # The fields are gone, so whatever was posted for them is ignored.
            form.cleaned_data["publish_translations"] = False
            form.cleaned_data["use_machine_translation"] = False
        return super().form_valid(form)


def limited_to_assigned_snippet_locales(view):
    """Wrap a wagtail-localize translation-editor endpoint taking a ``translation_id`` so that
    a language-scoped translator may use it for snippet translations in their locales only."""

    @functools.wraps(view)
    def wrapped(request, *args, translation_id, **kwargs):
        if assigned_locale_ids(request.user) is not None:
            translation = get_object_or_404(
                Translation.objects.select_related("source"), pk=translation_id
            )
            model = translation.source.specific_content_type.model_class()
            is_page = model is not None and issubclass(model, Page)
            if not is_page and not works_in_locale(request.user, translation.target_locale_id):
                raise PermissionDenied
        return view(request, *args, translation_id=translation_id, **kwargs)

    return wrapped
