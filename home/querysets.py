"""QuerySet pieces every section's pages share."""

from django.db.models import Exists, OuterRef, Q
from wagtail.models import PageQuerySet

from home.cache import default_locale


class LocaleFallbackQuerySet(PageQuerySet):
    """Pages for readers of one language, never missing one that is not translated yet."""

    def in_locale(self, locale, source=None):
        """Live, public pages in ``locale``, plus source-language pages that have no live
        translation there yet, so readers never miss one that concerns them."""
        source = source or default_locale()
        qs = self.live().public()
        if locale.pk == source.pk:
            return qs.filter(locale=locale)
        translated = self.model.objects.live().filter(
            translation_key=OuterRef("translation_key"), locale=locale
        )
        return qs.filter(Q(locale=locale) | Q(locale=source) & ~Exists(translated))


class TaggedQuerySetMixin:
    """Filters for pages tagged with the shared topics and audiences (slugs match across
    languages). A subquery rather than a join, so a page with two chosen terms is listed
    once; an empty choice leaves the queryset as it is (see home.listing.Facet)."""

    def with_topics(self, slugs):
        """Pages with any of the given topic slugs."""
        return self._tagged("topics", slugs)

    def with_audiences(self, slugs):
        """Pages for any of the given audience slugs."""
        return self._tagged("audiences", slugs)

    def _tagged(self, relation, slugs):
        if not slugs:
            return self
        tagged = self.model.objects.filter(**{f"{relation}__slug__in": slugs}).values("pk")
        return self.filter(pk__in=tagged)
