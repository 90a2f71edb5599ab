"""The read API's addresses: /api/v2/ lists the endpoints, then one per registered endpoint
(/api/v2/<name>/ and /api/v2/<name>/<id>/) and Wagtail's generic /api/v2/pages/."""

from django.http import JsonResponse
from django.urls import path, reverse
from wagtail.api.v2.router import WagtailAPIRouter

from home.api.endpoints import AllPagesEndpoint
from home.http_cache import public
from home.registry import api_endpoints

NAMESPACE = "openly_api"


def build_router():
    """A router with Wagtail's pages endpoint and every registered endpoint (the registry
    is full: URLs are loaded after every app is ready)."""
    router = WagtailAPIRouter(NAMESPACE)
    router.register_endpoint("pages", AllPagesEndpoint)
    for name, endpoint in api_endpoints.items():
        router.register_endpoint(name, endpoint)
    return router


router = build_router()


def api_index(request):
    """What the API offers: each endpoint's address and filters (a public page)."""
    endpoints = {
        "pages": {"url": request.build_absolute_uri(reverse(f"{NAMESPACE}:pages:listing"))},
    }
    for name, endpoint in api_endpoints.items():
        endpoints[name] = {
            "url": request.build_absolute_uri(reverse(f"{NAMESPACE}:{name}:listing")),
            "filters": dict(endpoint.filter_docs()),
        }
    common = ["locale", "fields", "order", "limit", "offset"]
    return public(JsonResponse({"endpoints": endpoints, "parameters": common}))


urlpatterns = [path("", api_index, name="api_index"), path("", router.urls)]
