"""Views that are not pages: site search, robots.txt, the web app manifest, the favicon
and the 'not translated yet' 404."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.models import Site

from home import registry
from home.cache import default_locale
from home.chrome import active_locale
from home.http_cache import private
from home.listing import clean_query, paginate, querystring, querystring_prefix
from home.routing import NOT_HANDLED, route_in_language
from home.search import SearchBusy, SiteSearch, throttle
from home.site_address import absolute

SEARCH_RESULTS_PER_PAGE = 10
# A longer query string is redirected to its short form (a query is cut to 200 characters).
SEARCH_MAX_QUERY_STRING = 1000
# Seconds a reader is asked to wait when the search is busy.
SEARCH_BUSY_RETRY_AFTER = 10


class SearchView(TemplateView):
    """Site search in the reader's language across every public page type, with an
    optional filter by kind of content (campaigns, resources, stories, events).

    Bad input gives a normal page: the query is cut to a safe length, an unknown kind is
    ignored and a bad page number gives the first or last page. A client searching too
    often is asked to wait (429), and a search the database cut off asks the reader to try
    again (503): both kind pages with the search form, never stored by a cache. The view
    reads no session and sets no cookie, so its pages can be shared by every reader."""

    template_name = "pages/search_results.html"

    def get(self, request, *args, **kwargs):
        if len(request.META.get("QUERY_STRING", "")) > SEARCH_MAX_QUERY_STRING:
            # Every link on the page (pagination, the language switcher) repeats the query
            # string: send an oversized one to its short form first.
            return redirect(f"{request.path}?{self.canonical_querystring()}")
        if clean_query(request.GET.get("q")):
            wait = throttle.retry_after(request)
            if wait:
                notice = _(
                    "You have searched many times in a short while. Please wait a minute, "
                    "then search again."
                )
                return self.refusal(429, wait, notice)
        try:
            return self.render_to_response(self.get_context_data(**kwargs))
        except SearchBusy:
            notice = _("Search is very busy right now. Please try again in a moment.")
            return self.refusal(503, SEARCH_BUSY_RETRY_AFTER, notice)

    def canonical_querystring(self):
        """The query, kind and page number alone, each as the view reads it."""
        params = self.request.GET
        kind = params.get("type", "")
        page = params.get("page", "")
        return querystring(
            {
                "q": clean_query(params.get("q")),
                "type": kind if kind in registry.search_types else "",
                "page": page if page.isdigit() and len(page) < 6 else "",
            }
        )

    def refusal(self, status, retry_after, notice):
        """The search form with ``notice`` instead of results, for this reader only."""
        context = self.form_context(clean_query(self.request.GET.get("q")), "")
        context["notice"] = notice
        response = self.render_to_response(context, status=status)
        response["Retry-After"] = str(retry_after)
        return private(response)

    def form_context(self, query, chosen):
        # (parameter value, page model), registered by the apps (registry.search_types).
        kinds = registry.search_types.items()
        return {
            "query": query,
            "results": None,
            "kinds": [(value, capfirst(kind._meta.verbose_name_plural)) for value, kind in kinds],
            "chosen_kind": chosen,
            "querystring_prefix": querystring_prefix({"q": query, "type": chosen}),
            # Results pages are kept out of search engines (robots.txt says so too).
            "noindex": True,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = clean_query(self.request.GET.get("q"))
        chosen = self.request.GET.get("type", "")
        model = registry.search_types.get(chosen)
        if model is None:
            chosen = ""
        context.update(self.form_context(query, chosen))
        if query:
            search = SiteSearch(query, active_locale(self.request), model)
            # Rendering happens after the view returns: evaluate the page of results here,
            # where a cut-off search can still be answered kindly.
            results = paginate(self.request, search, SEARCH_RESULTS_PER_PAGE)
            for result in results:
                # The page type's name in the reader's language (verbose names are lazy).
                result.type_label = capfirst(type(result)._meta.verbose_name)
            context.update({"results": results, "capped": search.capped, "cap": search.cap})
        return context


class RobotsView(TemplateView):
    """robots.txt: everything public may be indexed; the admin, search results and story
    status links may not. The sitemap's address carries the site's configured host."""

    template_name = "robots.txt"
    content_type = "text/plain"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = absolute(reverse("sitemap"), self.request)
        return context


class ManifestView(TemplateView):
    """The web app manifest: the site's name, colours and icons."""

    template_name = "site.webmanifest"
    content_type = "application/manifest+json"
    extra_context = {"name": settings.WAGTAIL_SITE_NAME}


def favicon(request):
    """/favicon.ico, which browsers ask for without reading the page: the PNG icon."""
    return redirect(static("icons/favicon-32.png"), permanent=True)


def untranslated_original(request):
    """The live source-language page at the same address, when the requested language has
    no translation of it; None otherwise."""
    language = get_language_from_path(request.path_info)
    if not language or language == settings.OPENLY_SOURCE_LANGUAGE:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [part for part in request.path_info.split("/")[2:] if part]
    source = default_locale()
    route = route_in_language(request, site, source.language_code, components)
    if route is NOT_HANDLED:
        route = _wagtail_route(request, site, source, components)
    if route is None:
        return None
    page = route.page if hasattr(route, "page") else route[0]
    return page if page.live else None


def _wagtail_route(request, site, source, components):
    """Wagtail's own routing from the site's source-language home page (None: 404)."""
    source_home = site.root_page.get_translation_or_none(source)
    if source_home is None:
        return None
    try:
        return source_home.specific.route(request, components)
    except Http404:
        return None


def page_not_found(request, exception=None):
    """404 handler: says when a page exists but is not translated yet, and links to it."""
    original = untranslated_original(request)
    if original is not None:
        context = {"original": original, "original_url": original.get_url(request)}
        return render(request, "pages/not_translated.html", context, status=404)
    return render(request, "404.html", status=404)
