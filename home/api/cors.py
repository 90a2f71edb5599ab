"""Cross-origin reading of the API and the feeds: partner sites may fetch them from a
browser script.

Everything they return is public and the same for every reader, and no cookie or
credential is needed or honoured, so the answer is the constant ``*`` (never an echo of the
Origin, and no ``Allow-Credentials``): a shared cache may keep one copy for every site.
A preflight (OPTIONS with ``Access-Control-Request-Method``) is answered here, before any
view. Outside these addresses nothing changes.

This is all django-cors-headers would be asked to do here (one constant origin on a few
paths, reads only), so a few lines keep it without another dependency; it sits outside the
page cache, so a cached copy and a 304 carry the header too.
"""

import re

from django.http import HttpResponse

from home.http_cache import private

READ_METHODS = {"GET", "HEAD", "OPTIONS"}
# /api/v2/…; the feeds: /<lang>/…/feed.ics|rss|atom, /<lang>/events/<slug>/event.ics, and the
# resources' and stories' /feed/ and /feed/atom/ routes.
SHARED_PATHS = re.compile(
    r"^/(?:api/v2/"
    r"|[\w-]+/(?:[\w-]+/)*(?:feed\.ics|feed\.rss|feed\.atom|event\.ics|feed/(?:atom/)?)$)"
)
PREFLIGHT_MAX_AGE = 60 * 60 * 24


def shared_path(path):
    """Whether ``path`` is one other sites' pages may read."""
    return SHARED_PATHS.match(path) is not None


class CrossOriginReadMiddleware:
    """``Access-Control-Allow-Origin: *`` on reads of the API and the feeds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in READ_METHODS or not shared_path(request.path):
            return self.get_response(request)
        if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
            response = private(HttpResponse(status=204))
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        if request.method != "OPTIONS":
            # Let scripts read the validators they may send back.
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response
