"""QuerySet pieces every section's pages share."""

from django.db.models import Exists, OuterRef, Q
from wagtail.models import Locale, PageQuerySet


class LocaleFallbackQuerySet(PageQuerySet):
    """Pages for readers of one language, never missing one that is not translated yet."""

    def in_locale(self, locale, source=None):
        """Live, public pages in ``locale``, plus source-language pages that have no live
        translation there yet, so readers never miss one that concerns them."""
        source = source or Locale.get_default()
        qs = self.live().public()
        if locale.pk == source.pk:
            return qs.filter(locale=locale)
        translated = self.model.objects.live().filter(
            translation_key=OuterRef("translation_key"), locale=locale
        )
        return qs.filter(Q(locale=locale) | Q(locale=source) & ~Exists(translated))
