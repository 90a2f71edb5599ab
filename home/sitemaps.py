"""A sitemap that lists every language's pages, not only the source language's tree."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalisedSitemap(Sitemap):
    """Wagtail's sitemap walks the site's root page only; translations live in sibling
    trees (one home page per language), so include the trees of every translation."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
