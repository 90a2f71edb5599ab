"""Responses of the share form and the status page that carry a contributor's data or
token: never cached, indexed or referred."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from campaigns.stories.constants import STORY_TEXT_MAX_CHARS
from campaigns.stories.forms import CONSENT_VERSION
from campaigns.stories.reader import helplines_for


def private(response):
    """Mark ``response`` as private: no cache, no search index, no Referer to other sites."""
    add_never_cache_headers(response)
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


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
    """The share-your-story form, with helplines beside it."""
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
    return private(response)
