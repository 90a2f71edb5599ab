"""QuerySet pieces every section's pages share."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from wagtail.images import get_image_model
from wagtail.models import Page, PageQuerySet

from home.cache import default_locale
from home.restrictions import private_q


def with_renditions(queryset, image_field, *specs):
    """``queryset`` with the image of ``image_field`` joined and its renditions in
    ``specs`` prefetched (one query, however many rows)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return queryset.select_related(image_field).prefetch_related(
        Prefetch(f"{image_field}__renditions", queryset=renditions)
    )


def subtree_range(page):
    """(first, last) tree paths of ``page`` and its descendants: every descendant's path
    starts with the page's, and tree paths use only digits and capital letters, so a
    range holds them all. A range is served by the path index, where a "starts with"
    (LIKE on SQLite) scans every page."""
    longest = Page._meta.get_field("path").max_length
    return page.path, page.path + "Z" * (longest - len(page.path))


class PublicPageQuerySet(PageQuerySet):
    """Wagtail's PageQuerySet, reading the private sections for ``public()`` and
    ``private()`` from the cache (home.restrictions) instead of on every call, and
    finding descendants (``child_of``, ``descendant_of``) through the path index."""

    def private_q(self):
        return private_q()

    def descendant_of_q(self, other, inclusive=False):
        query = Q(path__range=subtree_range(other)) & Q(depth__gte=other.depth)
        return query if inclusive else query & ~Q(pk=other.pk)

    def with_renditions(self, image_field, *specs):
        """Join the image of ``image_field`` (e.g. "image", "organisation__logo") and
        prefetch its renditions in ``specs``: one query for a whole list of cards, which
        Wagtail's ``{% image %}`` then reads instead of looking up each image."""
        return with_renditions(self, image_field, *specs)


class LocaleFallbackQuerySet(PublicPageQuerySet):
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
