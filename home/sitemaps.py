"""The sitemap: an index (``/sitemap.xml``) of one sitemap per section and language, each
listing every live, public page of that section in that language, in every language tree
of the site (not only the source language's, which is all Wagtail's sitemap walks).

A section is the app a page type belongs to (home, campaigns, stories, events, …), so home
names no app. The sections' summaries (newest publication and size) come from one grouped
query, kept in the chrome cache until the next publish; a section's sitemap is kept in the
cache under a key made from that summary, so a publish, a new page or an unpublished page
gives a fresh one at once."""

from django.apps import apps
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from home.cache import cached_chrome
from home.conditional import summarise
from home.restrictions import private_q

# Bounds how long a section's sitemap outlives a change its key does not see (a move).
SITEMAP_CACHE_SECONDS = 60 * 60
# What Wagtail's Page.get_sitemap_urls reads (the address from url_path and the locale).
SITEMAP_FIELDS = ("id", "path", "depth", "url_path", "locale_id", "last_published_at")


def site_pages(site):
    """The live, public pages in every language tree of ``site`` (the trees' home pages
    from Wagtail's cached site root paths, the private sections from home.restrictions)."""
    trees = Q()
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk:
            trees |= Q(url_path__startswith=root.root_path)
    return Page.objects.filter(trees if trees else Q(pk__in=[])).live().exclude(private_q())


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
        pages = self.pages().order_by("path").defer_streamfields()
        if all(model.get_sitemap_urls is Page.get_sitemap_urls for model in self.models()):
            # Wagtail's own sitemap entry (address and last publication) needs no field of
            # the specific page: thousands of pages are read in one narrow query.
            return pages.only(*SITEMAP_FIELDS)
        return pages.specific()

    def models(self):
        """The page types of this section (the app's Page models)."""
        return [
            model
            for model in apps.get_app_config(self.app_label).get_models()
            if issubclass(model, Page)
        ]

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


def _site(request):
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


def section_summaries(site):
    """{section name: (app label, language code, {"newest", "count"})} of the site's
    sections that have pages: one grouped query, kept in the chrome cache (every publish,
    unpublish, move or deletion starts a new generation)."""

    def build():
        rows = (
            site_pages(site)
            .order_by()
            .values("content_type__app_label", "locale__language_code")
            .annotate(newest=Max("last_published_at"), count=Count("pk"))
            .order_by("content_type__app_label", "locale__language_code")
        )
        return [
            (
                row["content_type__app_label"],
                row["locale__language_code"],
                {"newest": row["newest"], "count": row["count"]},
            )
            for row in rows
        ]

    return {
        section_name(app_label, language_code): (app_label, language_code, summary)
        for app_label, language_code, summary in cached_chrome("sitemaps", (site.pk,), build)
    }


def sections(request):
    """{section name: its sitemap} for the sections that have pages."""
    site = _site(request)
    site_wide = site_pages(site)
    return {
        name: SectionSitemap(request, app_label, language_code, summary, site_wide)
        for name, (app_label, language_code, summary) in section_summaries(site).items()
    }


def sitemap_index(request):
    """``/sitemap.xml``: the index of the section sitemaps."""
    return sitemap_views.index(request, sections(request), sitemap_url_name="sitemap_section")


def section_sitemap(request, section):
    """``/sitemap-<section>-<language>.xml``, from the cache while the section is unchanged."""
    site = _site(request)
    found = section_summaries(site).get(section)
    if found is None:
        raise Http404("No such sitemap.")
    app_label, language_code, summary = found
    sitemap = SectionSitemap(request, app_label, language_code, summary)
    latest = summary["newest"].isoformat() if summary["newest"] else ""
    page = request.GET.get("p", "1")
    key = f"sitemap:{site.pk}:{section}:{page}:{latest}:{summary['count']}"
    response = cache.get(key)
    if response is None:
        response = sitemap_views.sitemap(request, {section: sitemap}, section=section)
        response.render()
        cache.set(key, response, SITEMAP_CACHE_SECONDS)
    return response
