"""Views that are not pages: site search, robots.txt and the 'not translated yet' 404."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import get_language_from_path
from django.views.generic import TemplateView
from wagtail.models import Page, Site

from home import registry
from home.cache import default_locale
from home.chrome import active_locale
from home.listing import clean_query, paginate, querystring_prefix
from home.routing import NOT_HANDLED, route_in_language

SEARCH_RESULTS_PER_PAGE = 10


class SearchView(TemplateView):
    """Site search in the reader's language across every public page type, with an
    optional filter by kind of content (campaigns, resources, stories, events).

    Bad input gives a normal page: the query is cut to a safe length, an unknown kind is
    ignored and a bad page number gives the first or last page."""

    template_name = "pages/search_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = clean_query(self.request.GET.get("q"))
        # (parameter value, page model), registered by the apps (registry.search_types).
        kinds = registry.search_types.items()
        chosen = self.request.GET.get("type", "")
        model = dict(kinds).get(chosen)
        if model is None:
            chosen = ""
        results = None
        if query:
            locale = active_locale(self.request)
            pages = Page.objects.live().public().filter(locale=locale)
            if model is not None:
                pages = pages.type(model)
            results = paginate(
                self.request, pages.specific().search(query), SEARCH_RESULTS_PER_PAGE
            )
            for result in results:
                # The page type's name in the reader's language (verbose names are lazy).
                result.type_label = capfirst(type(result)._meta.verbose_name)
        context.update(
            {
                "query": query,
                "results": results,
                "kinds": [
                    (value, capfirst(kind._meta.verbose_name_plural)) for value, kind in kinds
                ],
                "chosen_kind": chosen,
                "querystring_prefix": querystring_prefix({"q": query, "type": chosen}),
            }
        )
        return context


class RobotsView(TemplateView):
    """robots.txt: everything public may be indexed; the admin may not."""

    template_name = "robots.txt"
    content_type = "text/plain"


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
