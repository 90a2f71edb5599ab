"""The sitemap: an index (``/sitemap.xml``) of one sitemap per section and language, each
listing every live, public page of that section in that language, in every language tree
of the site (not only the source language's, which is all Wagtail's sitemap walks).

A section is the app a page type belongs to (home, campaigns, stories, events, …), so home
names no app. The index costs one grouped query however many pages there are; a section's
sitemap is kept in the cache under a key made from the section's newest publication and
size, so a publish, a new page or an unpublished page gives a fresh one at once."""

from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from home.conditional import summarise

# Bounds how long a section's sitemap outlives a change its key does not see (a move).
SITEMAP_CACHE_SECONDS = 60 * 60


def site_pages(site):
    """The live, public pages in every language tree of ``site``."""
    trees = Q()
    for home in site.root_page.get_translations(inclusive=True):
        trees |= Q(path__startswith=home.path)
    return Page.objects.filter(trees).live().public()


def section_name(app_label, language_code):
    return f"{app_label}-{language_code}"


class SectionSitemap(Sitemap):
    """The pages of one section (the app of their page type) in one language."""

    def __init__(self, request, app_label, language_code, summary=None, site_wide=None):
        """``summary`` and ``site_wide`` (the site's pages), when known, save queries."""
        super().__init__(request)
        self.app_label = app_label
        self.language_code = language_code
        self._summary = summary
        self._site_wide = site_wide

    def pages(self):
        if self._site_wide is None:
            self._site_wide = site_pages(self.get_wagtail_site())
        return self._site_wide.filter(
            content_type__app_label=self.app_label, locale__language_code=self.language_code
        )

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def summary(self):
        """``newest`` publication and ``count`` of the section's pages (one query)."""
        if self._summary is None:
            self._summary = summarise(self.pages())
        return self._summary

    def get_latest_lastmod(self):
        # Django's default reads every page of the section; the aggregate is enough.
        return self.summary()["newest"]

    @property
    def paginator(self):
        pages = Paginator(self._items(), self.limit)
        # The count is known from the summary: no COUNT query per section in the index.
        pages.count = self.summary()["count"]
        return pages


def sections(request):
    """{section name: its sitemap} for the sections that have pages (one query)."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    site_wide = site_pages(site)
    rows = (
        site_wide.order_by()
        .values("content_type__app_label", "locale__language_code")
        .annotate(newest=Max("last_published_at"), count=Count("pk"))
        .order_by("content_type__app_label", "locale__language_code")
    )
    return {
        section_name(row["content_type__app_label"], row["locale__language_code"]): (
            SectionSitemap(
                request,
                row["content_type__app_label"],
                row["locale__language_code"],
                summary={"newest": row["newest"], "count": row["count"]},
                site_wide=site_wide,
            )
        )
        for row in rows
    }


def sitemap_index(request):
    """``/sitemap.xml``: the index of the section sitemaps."""
    return sitemap_views.index(request, sections(request), sitemap_url_name="sitemap_section")


def section_sitemap(request, section):
    """``/sitemap-<section>-<language>.xml``, from the cache while the section is unchanged."""
    app_label, _dash, language_code = section.partition("-")
    if not (app_label and language_code):
        raise Http404("No such sitemap.")
    sitemap = SectionSitemap(request, app_label, language_code)
    summary = sitemap.summary()
    if not summary["count"]:
        raise Http404("No such sitemap.")
    site = sitemap.get_wagtail_site()
    latest = summary["newest"].isoformat() if summary["newest"] else ""
    page = request.GET.get("p", "1")
    key = f"sitemap:{site.pk}:{section}:{page}:{latest}:{summary['count']}"
    response = cache.get(key)
    if response is None:
        response = sitemap_views.sitemap(request, {section: sitemap}, section=section)
        response.render()
        cache.set(key, response, SITEMAP_CACHE_SECONDS)
    return response
