"""Who may keep a copy of a response: the cache policy of every response Openly sends.

A public page is the same for every anonymous reader, so browsers, the embedded page cache
and a shared cache in front (Varnish) may keep it: ``public()`` marks it with
``Cache-Control: public`` and how long each may keep it. Everything else — the admin,
previews, forms answered after a POST, story status links, thank-you pages, anything that
sets a cookie or is shown to a signed-in user — is ``private, no-store``.

``CachePolicyMiddleware`` has the last word on every response: a response marked public
keeps its mark only when it really is the same for everyone (a GET or HEAD from a reader who
is not signed in, no cookie set, a cacheable status); a response nobody marked is private.
Nor does it keep it when another process changed the content while the response was being
made (a new content generation, home.cache): made partly from rows older than the change,
it could reach Varnish after the change's ban and be kept there for its whole s-maxage.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control

from home.cache import generation, started_here

# Statuses a shared cache may keep (RFC 9111's heuristically cacheable ones that Openly sends).
CACHEABLE_STATUSES = {200, 203, 204, 300, 301, 304, 308, 404, 410}
SAFE_METHODS = {"GET", "HEAD"}


def _setting(name, default):
    return getattr(settings, name, default)


def public(response, max_age=None, shared_max_age=None):
    """Mark ``response`` as the same for every anonymous reader and return it.

    Browsers keep it for ``OPENLY_CACHE_MAX_AGE`` seconds; shared caches (the page cache,
    Varnish) for ``OPENLY_CACHE_SHARED_MAX_AGE`` — they are purged on every change, so that
    is only an upper bound — and may serve a stale copy while they fetch a fresh one or while
    the site is down, so a reader in crisis still gets the page. A response that already says
    who may keep it (for example ``private()``) is left as it is."""
    if response.has_header("Cache-Control"):
        return response
    patch_cache_control(
        response,
        public=True,
        max_age=_setting("OPENLY_CACHE_MAX_AGE", 60) if max_age is None else max_age,
        s_maxage=(
            _setting("OPENLY_CACHE_SHARED_MAX_AGE", 600)
            if shared_max_age is None
            else shared_max_age
        ),
        stale_while_revalidate=_setting("OPENLY_CACHE_STALE_WHILE_REVALIDATE", 60),
        stale_if_error=_setting("OPENLY_CACHE_STALE_IF_ERROR", 60 * 60 * 24),
    )
    response._openly_public = True
    return response


def private(response):
    """Mark ``response`` as for this reader only: no cache anywhere may store it."""
    if response.has_header("Cache-Control"):
        del response.headers["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)
    response._openly_public = False
    return response


def is_public(response):
    """True when ``response`` was marked ``public()`` and nothing since made it private."""
    return getattr(response, "_openly_public", False) is True


def _signed_in(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def shareable(request, response):
    """May every anonymous reader get this very response?"""
    return (
        is_public(response)
        and request.method in SAFE_METHODS
        and response.status_code in CACHEABLE_STATUSES
        and not response.cookies
        and not _signed_in(request)
        and not getattr(request, "is_preview", False)
    )


def _drop_vary_cookie(response):
    """A shared response is the same whatever cookies the reader sends."""
    vary = [
        part.strip()
        for part in response.headers.get("Vary", "").split(",")
        if part.strip() and part.strip().lower() != "cookie"
    ]
    if vary:
        response.headers["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response.headers["Vary"]


class CachePolicyMiddleware:
    """The outermost middleware: settles every response's ``Cache-Control``.

    A Wagtail page (remembered on the request by the ``before_serve_page`` hook in
    home.wagtail_hooks) whose response says nothing is public when the page says it is
    ``shared_with_every_reader``. Public stays public only when ``shareable()``; then
    ``Vary: Cookie`` goes, since the page does not depend on the reader's cookies. A
    response without a policy is private. So is a public one made while the content changed
    (see the module's docstring): the reader gets it, no cache keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The page cache, outside this middleware, read it already when it looked up.
        began = getattr(request, "openly_content_generation", None) or generation()
        response = self.get_response(request)
        page = getattr(request, "openly_page", None)
        if (
            page is not None
            and not response.has_header("Cache-Control")
            and getattr(page, "shared_with_every_reader", lambda _request: False)(request)
        ):
            public(response)
        if is_public(response):
            if shareable(request, response) and _unchanged_since(began):
                _drop_vary_cookie(response)
            else:
                private(response)
        elif not response.has_header("Cache-Control"):
            private(response)
        return response


def _unchanged_since(began):
    """Is the content generation still ``began``, or one this thread started itself (the
    response then shows its own change)?"""
    now = generation()
    return now == began or now == started_here()


def public_view(view):
    """Decorate ``view`` so its answers are ``public()`` (the middleware still makes them
    private for signed-in users, unsafe methods and set cookies)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return public(view(request, *args, **kwargs))

    return wrapped
