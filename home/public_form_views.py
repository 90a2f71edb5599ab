"""The views behind forms on public pages (home.public_forms).

When a reader first reaches such a form, a script (js/forms.js) fetches its CSRF token and
one-time values from ``form_tokens`` — an answer for that reader only, never cached, and the
only one that sets the ``csrftoken`` cookie — and fills in the hidden fields before the form
is sent.

Without JavaScript, or with a token gone stale, Django's CSRF check refuses the POST and
calls ``csrf_failure`` (``CSRF_FAILURE_VIEW``). For a registered form it shows the same form
again with what the reader wrote, fresh hidden values, a valid token and a message asking
them to send it again: nothing is saved and nothing is lost, and the second sending goes
through. Any other refused POST gets Django's plain 403 page: the CSRF check itself is
exactly as strict as before.
"""

from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import REASON_CSRF_TOKEN_MISSING, REASON_NO_CSRF_COOKIE, get_token
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.models import Page

from home import registry
from home.http_cache import private
from home.public_forms import SEND_AGAIN

# Refusals the reader fixes by sending the form again with a fresh token. A wrong Origin or
# Referer is not one of them: such a POST never gets the form back.
TOKEN_REASONS = (REASON_NO_CSRF_COOKIE, REASON_CSRF_TOKEN_MISSING)
TOKEN_REASON_PREFIXES = ("CSRF token from ", "CSRF cookie ")


@require_safe
def form_tokens(request):
    """``/forms/token/?form=<name>``: the CSRF token and the form's one-time hidden values
    as JSON, for this reader only (``private, no-store``); it sets the ``csrftoken`` cookie."""
    form = registry.public_forms.get(request.GET.get("form", ""))
    if form is None:
        return private(JsonResponse({"error": "unknown form"}, status=400))
    values = {"csrfmiddlewaretoken": get_token(request), **form.fresh_fields(request)}
    return private(JsonResponse(values))


def _is_token_problem(reason):
    return reason in TOKEN_REASONS or reason.startswith(TOKEN_REASON_PREFIXES)


def _public_form_for(request):
    """(page, registered form) the refused POST was sent to, or (None, None)."""
    match = request.resolver_match
    if match is None or match.url_name != "wagtail_serve":
        return None, None
    path = match.args[0] if match.args else match.kwargs.get("path", "")
    route = Page.route_for_request(request, path)
    subpage = getattr(request, "routable_resolver_match", None)
    if route is None or subpage is None:
        return None, None
    page, args, kwargs = route
    for form in registry.public_forms.values():
        if isinstance(page, form.page_model) and subpage.url_name == form.route:
            # As Wagtail's serve view does: a page behind a password or a login says so.
            for hook in hooks.get_hooks("before_serve_page"):
                if isinstance(hook(page, request, args, kwargs), HttpResponse):
                    return None, None
            return page, form
    return None, None


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a registered form refused for a missing or stale token comes
    back with the reader's answers, fresh hidden values and a valid token (403, private);
    every other refusal gets Django's own 403 page (templates/403_csrf.html)."""
    if request.method == "POST" and _is_token_problem(reason):
        page, form = _public_form_for(request)
        if form is not None:
            response = form.show_again(page, request, form.fresh_fields(request), SEND_AGAIN)
            if response is not None:
                # The form shown again carries the token itself (``form_token``), which sets
                # the csrftoken cookie; the reader's second sending then passes the check. A
                # refusal of its own (too large, too many) keeps its status.
                if response.status_code == 200:
                    response.status_code = 403
                return private(response)
    return django_csrf_failure(request, reason=reason)
