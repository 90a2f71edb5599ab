"""What a person sees when sign-in throttling (django-axes, configured in settings) pauses
signing in to an account from their address: a page in their language that says what
happened, for how long, and what to do, answered with 429 and Retry-After."""

import math

from axes.helpers import get_cool_off
from django.shortcuts import render
from wagtail.admin.views.account import password_reset_enabled


def sign_in_paused(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: replaces the refused sign-in's response. It does not echo
    the name typed; the form's own page may be a frontend login, so nothing admin-only is
    assumed beyond Wagtail's sign-in and password-reset addresses."""
    pause = get_cool_off(request)
    seconds = max(60, int(pause.total_seconds())) if pause else None
    context = {
        "minutes": math.ceil(seconds / 60) if seconds else None,
        "show_password_reset": password_reset_enabled(),
    }
    response = render(request, "home/admin/sign_in_paused.html", context, status=429)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response
