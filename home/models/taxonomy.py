"""The shared taxonomy: topics and audiences, translated per locale and matched across
locales by slug."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.cache import default_locale
from home.models.snippets import LiveSnippetQuerySet, ModeratedSnippet


class TaxonomyTermQuerySet(LiveSnippetQuerySet):
    """Queries for topics and audiences."""

    def for_locale(self, locale, source=None):
        """{slug: term} for every published term, in ``locale`` where a published
        translation exists, else the source language's; sorted by name; one query. A draft
        translation is skipped, so readers keep seeing the published source term."""
        source = source or default_locale()
        chosen = {}
        for term in self.live().filter(locale_id__in={locale.pk, source.pk}).order_by("name"):
            if term.slug not in chosen or term.locale_id == locale.pk:
                chosen[term.slug] = term
        return dict(sorted(chosen.items(), key=lambda item: item[1].name.lower()))


class TaxonomyTerm(ModeratedSnippet):
    """A term of the shared taxonomy; translated per locale, matched across locales by slug."""

    name = models.CharField(
        max_length=80, help_text=_("The name readers see, e.g. 'Anxiety'."), verbose_name=_("Name")
    )
    slug = models.SlugField(
        max_length=80,
        help_text=_(
            "A short web-address name, e.g. 'anxiety'. Keep it the same in every language: "
            "filters use it."
        ),
        verbose_name=_("Slug"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("Optional: one sentence explaining the term to readers."),
        verbose_name=_("Description"),
    )

    objects = TaxonomyTermQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(ModeratedSnippet.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyTerm):
    """A subject such as stigma, depression or suicide prevention, shared by all content."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Audience(TaxonomyTerm):
    """A group of readers content is for, such as young people or employers."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
