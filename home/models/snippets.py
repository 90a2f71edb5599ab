"""What the site-wide snippets share: drafts, revisions, locking and workflows
(``ModeratedSnippet``) and reading only what is published (``LiveSnippetQuerySet``)."""

from django.apps import apps
from django.db import models
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from home.cache import default_locale


class ModeratedSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """A translatable snippet with drafts, revisions, locking and workflows (Wagtail's mixins,
    in their documented order). A translation starts as a draft and goes live only when it
    is published: by a moderator, or when the "Translation review" workflow approves it.
    Public queries read live rows only (``live()`` on the querysets)."""

    # A translation is a copy of the source (copy_for_translation): it must not inherit the
    # source's publication, lock or schedule, or a draft translation would point at the
    # source's live revision and be shown as published in the admin. Pages exclude the same.
    exclude_fields_in_copy = [
        "live_revision",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def get_workflow(self):
        """The "Translation review" workflow for translations only: as with pages, changes
        in the source language are published directly by moderators."""
        if self.locale_id is None or self.locale_id == default_locale().pk:
            return None
        return super().get_workflow()


class LiveSnippetQuerySet(models.QuerySet):
    """Queries shared by the moderated snippets."""

    def live(self):
        """Only what has been published: what readers may see."""
        return self.filter(live=True)


def concrete_models(base):
    """The installed models that subclass ``base`` and are not abstract."""
    return [
        model for model in apps.get_models() if issubclass(model, base) and not model._meta.abstract
    ]
