"""Responses of the share form and the status page. Those that carry a contributor's data
or token are never cached, indexed or referred; the empty share form is the same for every
reader, so caches may keep it."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from campaigns.stories.constants import STORY_TEXT_MAX_CHARS
from campaigns.stories.forms import CONSENT_VERSION
from campaigns.stories.reader import helplines_for
from home.database_faults import RETRY_AFTER
from home.http_cache import public


def unlisted(response):
    """No search index, no Referer to other sites."""
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def private(response):
    """Mark ``response`` as private: no cache, no search index, no Referer to other sites."""
    add_never_cache_headers(response)
    return unlisted(response)


def problem(page, request, status, heading, message):
    """A kind error page for a submission we refused before reading it."""
    response = TemplateResponse(
        request,
        "pages/story_problem.html",
        {
            "page": page,
            "problem_heading": heading,
            "problem_message": message,
            "share_url": page.get_url(request) + page.reverse_subpage("share"),
        },
        status=status,
    )
    return private(response)


def share_form(page, request, form, status=200, error=""):
    """The share-your-story form, with helplines beside it. Empty (a GET), it is the same for
    every reader: its security token and form state come from /forms/token/
    (home.public_forms). Shown again after a POST, it holds what the contributor wrote and
    is theirs alone."""
    response = TemplateResponse(
        request,
        "pages/story_share.html",
        {
            "page": page,
            "form": form,
            "error": error,
            "helplines": helplines_for(request),
            "emergency_number": settings.OPENLY_EMERGENCY_NUMBER,
            "text_max": STORY_TEXT_MAX_CHARS,
            "consent_version": CONSENT_VERSION,
        },
        status=status,
    )
    if status == 503:
        # The story could not be saved just now: say when trying again makes sense.
        response["Retry-After"] = str(RETRY_AFTER)
    return private(response) if request.method == "POST" else public(unlisted(response))
