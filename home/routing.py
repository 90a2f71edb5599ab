"""Finding the page a request asks for in two queries, whatever its depth.

Wagtail routes one level at a time: the site (a query), the active Locale (a query), the
localised home page (``.specific``, a query), then for every path segment the child by
slug and its ``.specific`` (two queries a level), and its view-restriction check reads
the ancestors and their restrictions (two more): nine queries before a campaign page's
own context starts. Here:

- the request's Site comes from the chrome cache (``cached_site``);
- every page on the path is read in one query by ``url_path`` (which Wagtail keeps equal
  to the parent's ``url_path`` plus the slug), then the page asked for in one query as
  its specific class, with its locale;
- whether any page view restriction exists is cached (``restricted_sections``), so pages
  of a site without private sections skip the restriction queries, and listings filter
  ``public()`` without reading the restrictions again.

The router only answers what Wagtail would answer: it walks the same pages, lets a
routable page (``RoutablePageMixin``) claim the rest of the path exactly as Wagtail
does, hands over to the page's own ``route()`` where a page type routes in another way,
and leaves any case it does not recognise (a language without its own home page, a
draft home page) to Wagtail's routing. ``RoutingMiddleware`` plugs it in: Wagtail's
serve view reads the route it stored on the request.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from home.cache import cached_chrome

SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")
# The route this module leaves to Wagtail.
NOT_HANDLED = object()


def pick_site(sites, hostname, port):
    """The site Wagtail's ``Site.find_for_request`` picks among ``sites`` (dicts of
    SITE_FIELDS) for a request to ``hostname`` and ``port``: the site with that hostname
    and port; else the default site if it has that hostname; else the only site with that
    hostname; else the default site; None when there is none."""
    same_host = [site for site in sites if site["hostname"] == hostname]
    for site in same_host:
        if site["port"] == port:
            return site
    default = next((site for site in sites if site["is_default_site"]), None)
    if default is not None and default["hostname"] == hostname:
        return default
    if len(same_host) == 1:
        return same_host[0]
    return default


def cached_site(request):
    """The Site Wagtail's ``Site.find_for_request`` would pick for ``request``, chosen
    from every Site's fields in the chrome cache (no query once cached; a Host header,
    however odd, adds no cache entry)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except ValueError:
        port = None
    sites = cached_chrome("sites", (), lambda: list(Site.objects.values(*SITE_FIELDS)))
    site = pick_site(sites, hostname, port)
    if site is None:
        return None
    return Site.from_db("default", SITE_FIELDS, [site[name] for name in SITE_FIELDS])


def _site_root_path(site, language):
    """The ``url_path`` of the site's home page in ``language`` (from Wagtail's cached
    site root paths), or None when the language has none of its own."""
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and root.language_code == language:
            return root.root_path
    return None


def _route_kind(model):
    """How a page type routes: 'plain' (Wagtail's child-by-slug routing), 'routable'
    (RoutablePageMixin's sub-URLs, then children) or 'own' (a route() of its own)."""
    if model.route is Page.route:
        return "plain"
    if model.route is RoutablePageMixin.route:
        return "routable"
    return "own"


def _resolves(model, components):
    """Whether a routable page type has a sub-URL for ``components``."""
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in components))
    except Http404:
        return False
    return True


def _specific(row, model):
    """The page of ``row`` as its specific class, with its locale, in one query."""
    related = ("locale", *getattr(model, "route_select_related", ()))
    page = model._default_manager.select_related(*related).get(pk=row.pk)
    if row.openly_parent is not None:
        # As Wagtail's routing does: get_parent() then needs no query.
        page._cached_parent_obj = row.openly_parent
    return page


def route_from(request, root_path, components):
    """Wagtail's route (RouteResult) for ``components`` (the path's segments) under the
    page whose ``url_path`` is ``root_path``; None where Wagtail answers 404;
    ``NOT_HANDLED`` where this router leaves it to Wagtail."""
    prefixes = [root_path]
    for component in components:
        prefixes.append(f"{prefixes[-1]}{component}/")
    # The slug narrows the lookup to a few rows through its index (url_path has none).
    slugs = {root_path.rstrip("/").rpartition("/")[2], *components}
    pages = Page.objects.filter(slug__in=slugs, url_path__in=prefixes).order_by()
    found = {page.url_path: page for page in pages}
    chain = []
    for prefix in prefixes:
        page = found.get(prefix)
        if page is None or (chain and page.depth != chain[-1].depth + 1):
            break
        page.openly_parent = chain[-1] if chain else None
        chain.append(page)
    if not chain or not chain[0].live:
        return NOT_HANDLED
    for index, row in enumerate(chain):
        model = ContentType.objects.get_for_id(row.content_type_id).model_class()
        if model is None:
            return NOT_HANDLED
        remaining = components[index:]
        kind = _route_kind(model)
        if kind == "routable":
            # Wagtail lets a live routable page claim the rest of the path first.
            kind = "own" if row.live and _resolves(model, remaining) else "plain"
        if kind == "own":
            try:
                return _specific(row, model).route(request, remaining)
            except Http404:
                return None
        if index == len(components):
            # The page asked for (Wagtail serves it only when live).
            return RouteResult(_specific(row, model)) if row.live else None
    # A segment matched no child page of the last page found.
    return None


def route_for_request(request, path):
    """Wagtail's route for ``request`` and ``path`` (see ``route_from``)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return NOT_HANDLED
    return route_in_language(request, site, language, [part for part in path.split("/") if part])


def route_in_language(request, site, language, components):
    """Wagtail's route for ``components`` under the site's home page in ``language`` (see
    ``route_from``); ``NOT_HANDLED`` when that language has no home page of its own."""
    root_path = _site_root_path(site, language)
    if root_path is None:
        return NOT_HANDLED
    return route_from(request, root_path, components)


class RoutingMiddleware:
    """Gives every request its Site from the cache, and Wagtail's serve view the route
    found by ``route_for_request`` (Wagtail reads both from the request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = cached_site(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        route = route_for_request(request, path)
        if route is not NOT_HANDLED:
            request._wagtail_route_for_request = route
        return None
