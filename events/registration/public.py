"""The registration form on an event page and the private cancel link: what the event
page's routes (events.models.event) hand over to.

The event page is shared by every reader, so caches may keep it: the form carries no CSRF
token and no one-time value until js/forms.js fetches them (home.public_forms); a form the
CSRF check refused comes back with the reader's answers (``show_again``). A second sending
of the same form finds the first registration (its one-time ``token``); bots filling the
hidden ``website`` field are thanked and nothing is saved; each client may send a few
registrations per event per hour. The thank-you page is the same whether the address was
new or registered before, so the form never tells who registered.
"""

import uuid

from django import forms
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.registration import lifecycle
from events.registration.conf import rate_limit
from events.registration.lifecycle import Outcome
from events.registration.models import RegistrationSetup
from home.clients import client_key
from home.http_cache import private
from home.public_forms import SEND_AGAIN, answers, trap_field

FORM_NAME = "event-registration"


class RegistrationForm(forms.Form):
    """Name, email, access needs and consent; ``token`` makes a second sending harmless;
    ``website`` is a trap only bots fill in."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    name = forms.CharField(max_length=120, label=_("Your name"))
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("We send your confirmation and a private link to cancel here."),
    )
    accessibility_needs = forms.CharField(
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Accessibility needs (optional)"),
        help_text=_("Anything the organisers should prepare so that you can take part."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers keep my name, email and access needs for this event "
            "only; they are erased after the event."
        ),
        error_messages={"required": _("Tick the box so that we may keep your registration.")},
    )
    website = trap_field()

    @property
    def is_trap(self):
        return bool(self.data.get("website"))

    def keep_answers_with_fresh_token(self):
        """A form sent without a valid token comes back with a fresh one. Returns it."""
        if "token" in self.errors:
            data = self.data.copy()
            data.update(fresh_fields())
            self.data = data
            self.errors.pop("token")
            self.add_error(None, SEND_AGAIN)
        return self


def fresh_fields(request=None):
    """The form's one-time hidden value: a new duplicate-protection token."""
    return {"token": str(uuid.uuid4())}


def rate_limited(request, page):
    """Count this attempt; True when the client sent too many to this event recently
    (counted per keyed hash of the client's address: the cache holds no address)."""
    limit, window = rate_limit()
    key = f"registration-rate:{page.translation_key}:{client_key(request)}"
    if cache.add(key, 1, window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        count = 1
    return count > limit


def _anchor(page, request, route="", *args):
    url = page.get_url(request)
    if route:
        return url + page.reverse_subpage(route, args=args)
    return f"{url}#registration"


def _form_again(page, request, form, status, notice=None):
    response = page.render(
        request,
        context_overrides={"registration_form": form, "registration_notice": notice},
    )
    response.status_code = status
    return private(response)


NOTICES = {
    Outcome.FULL: _("Sorry, the event is now full."),
    Outcome.CLOSED: _("Sorry, registration for this event is closed."),
}
TOO_MANY = _("Too many registrations from your connection in the last hour. Please try later.")


def handle_register(page, request):
    """POST of the registration form: validate, refuse abuse, register, then redirect to
    the thank-you page (a reload sends nothing again). Anything else goes to the form."""
    setup = RegistrationSetup.objects.for_event(page)
    if request.method != "POST" or setup is None or not setup.enabled:
        return redirect(_anchor(page, request))
    form = RegistrationForm(request.POST)
    if form.is_trap:
        rate_limited(request, page)
        return redirect(_anchor(page, request, "registration_thanks"))
    if not form.is_valid():
        return _form_again(page, request, form.keep_answers_with_fresh_token(), 400)
    if rate_limited(request, page):
        return _form_again(page, request, form, 429, TOO_MANY)
    result = lifecycle.register(page, setup, form.cleaned_data, get_language())
    if result.outcome in NOTICES:
        return _form_again(page, request, form, 409, NOTICES[result.outcome])
    return redirect(_anchor(page, request, "registration_thanks"))


def show_again(page, request, fresh, message):
    """The event page with the form showing the reader's answers, after the CSRF check
    refused it (home.public_forms); nothing is saved. None when registration is off."""
    setup = RegistrationSetup.objects.for_event(page)
    if setup is None or not setup.enabled:
        return None
    form = RegistrationForm()
    form.initial.update({**answers(form, request.POST), **fresh})
    return page.render(
        request,
        context_overrides={"registration_form": form, "registration_notice": message},
    )


def thanks(page, request):
    """The same thank-you page for every registration (so it may be cached)."""
    return page.render(request, template="registration/thanks.html")


def cancel(page, request, token):
    """The private cancel link: a confirmation step (GET), then the cancellation (POST).
    A link that no longer works (used, or erased after the event) says so, with 404."""
    registrant = lifecycle.for_token(token)
    if registrant is None or registrant.setup.translation_key != page.translation_key:
        response = page.render(
            request, template="registration/cancel.html", context_overrides={"unknown": True}
        )
        response.status_code = 404
        return private(response)
    if request.method == "POST":
        lifecycle.cancel(registrant, page)
        response = page.render(
            request, template="registration/cancel.html", context_overrides={"cancelled": True}
        )
        return private(response)
    response = page.render(
        request,
        template="registration/cancel.html",
        context_overrides={"registrant": registrant, "waiting": registrant.status == "waiting"},
    )
    return private(response)
