"""Signing a campaign pledge: the form, duplicate protection and the rate limit."""

import uuid

from django import forms
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from campaigns.models.pledge import (
    APPROVED,
    INDIVIDUAL,
    ORGANISATION,
    SIGNER_KINDS,
    PledgeSignature,
)
from home.clients import client_key
from home.invalidation import content_changed
from home.public_forms import SEND_AGAIN, answers

# At most this many signatures per address per campaign within the window.
RATE_LIMIT = 5
RATE_WINDOW_SECONDS = 60 * 60
PUBLIC_SIGNATORIES = 30


class PledgeForm(forms.Form):
    """The pledge form. The email is optional and kept only with its own consent. Its
    ``token`` makes a second sending of the same form find the first signature; on the
    public page it is empty, filled in from ``fresh_fields`` (home.public_forms)."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        choices=SIGNER_KINDS,
        initial=INDIVIDUAL,
        widget=forms.RadioSelect,
        label=_("I sign as"),
    )
    name = forms.CharField(
        max_length=120,
        required=False,
        label=_("Name shown publicly"),
        help_text=_("Leave empty to sign anonymously. Organisations: your organisation's name."),
    )
    country = CountryField(blank=False).formfield(label=_("Country"))
    organisation_website = forms.URLField(
        assume_scheme="https",
        required=False,
        label=_("Organisation's website"),
        help_text=_("Organisations only."),
    )
    commitment = forms.CharField(
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Your organisation's commitment"),
        help_text=_("Organisations only: what you will do, in a sentence or two."),
    )
    email = forms.EmailField(
        required=False,
        label=_("Email (optional)"),
        help_text=_("Only if you want news about the campaign. Never shown publicly."),
    )
    email_consent = forms.BooleanField(
        required=False,
        label=_("I agree to be contacted about this campaign at this email address."),
    )

    def __init__(self, *args, allow_organisations=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_organisations:
            self.fields["kind"].choices = [(INDIVIDUAL, SIGNER_KINDS[0][1])]

    def keep_answers_with_fresh_token(self):
        """A form sent without a valid token (a script that did not run its course) is shown
        again with the reader's answers and a fresh token, asking them to send it again.
        Returns the form."""
        if "token" in self.errors:
            data = self.data.copy()
            data.update(fresh_fields())
            self.data = data
            self.add_error(None, SEND_AGAIN)
        return self

    def clean(self):
        data = super().clean()
        if data.get("kind") == ORGANISATION:
            if not data.get("name", "").strip():
                self.add_error("name", _("Give your organisation's name."))
            if not data.get("commitment", "").strip():
                self.add_error(
                    "commitment", _("Say in a sentence what your organisation commits to.")
                )
        else:
            data["organisation_website"] = ""
            data["commitment"] = ""
        if data.get("email") and not data.get("email_consent"):
            self.add_error(
                "email_consent",
                _("Tick the box to let us contact you, or leave the email empty."),
            )
        if not data.get("email"):
            data["email_consent"] = False
        return data


def fresh_fields(request=None):
    """The pledge form's one-time hidden value: a new duplicate-protection token."""
    return {"token": str(uuid.uuid4())}


def rate_limited(request, campaign):
    """Count this attempt; True when the client has signed too often recently. Clients are
    told apart by a keyed hash of their address (home.clients, which knows the trusted
    proxy's header), so the cache holds no address."""
    key = f"pledge-rate:{campaign.translation_key}:{client_key(request)}"
    if cache.add(key, 1, RATE_WINDOW_SECONDS):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        count = 1
    return count > RATE_LIMIT


def existing_signature(token):
    return PledgeSignature.objects.filter(idempotency_key=token).first()


def save_signature(campaign, form):
    """Create the signature once per form token; a repeat returns the first one."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            return PledgeSignature.objects.create(
                campaign=campaign,
                idempotency_key=data["token"],
                kind=data["kind"],
                name=data["name"].strip(),
                country=data["country"],
                organisation_website=data["organisation_website"],
                commitment=data["commitment"].strip(),
                email=data["email"] if data["email_consent"] else "",
                email_consent=data["email_consent"],
            )
    except IntegrityError:
        return existing_signature(data["token"])


def pledge_summary(campaign):
    """Live counts (approved signatures only) and the public list of signatories."""
    approved = PledgeSignature.objects.for_campaign(campaign).approved()
    by_country = approved.counts_by_country()
    return {
        "total": sum(total for _country, total in by_country),
        "by_country": [
            {"code": code, "name": countries.name(code), "total": total}
            for code, total in by_country
        ],
        "signatories": list(
            approved.only("kind", "name", "country", "commitment", "organisation_website")[
                :PUBLIC_SIGNATORIES
            ]
        ),
    }


def thanks_url(page, request):
    return f"{page.get_url(request)}?pledged=1#pledge"


def handle_pledge(page, request):
    """POST of the pledge form: validate, refuse duplicates and abuse, save, then redirect
    (so a reload does not resend). Errors re-render the campaign page with the form."""
    if request.method != "POST" or not page.has_pledge or not page.pledge_open:
        return redirect(f"{page.get_url(request)}#pledge")
    form = PledgeForm(request.POST, allow_organisations=page.pledge_allows_organisations)
    status = 400
    if form.is_valid():
        if existing_signature(form.cleaned_data["token"]):
            return redirect(thanks_url(page, request))
        if not rate_limited(request, page):
            save_signature(page, form)
            return redirect(thanks_url(page, request))
        status = 429
        form.add_error(
            None,
            _("Too many signatures from your connection in the last hour. Please try later."),
        )
    form.keep_answers_with_fresh_token()
    response = page.render(request, context_overrides={"pledge_form": form})
    response.status_code = status
    return response


def signature_saved(sender, instance, created=False, raw=False, **kwargs):
    """A moderator's decision changes a campaign's public count and list of signatories; a
    new signature waiting for moderation changes nothing readers see (thousands may arrive
    while a campaign is busy, and none of them must empty the caches)."""
    if not raw and not (created and instance.status != APPROVED):
        content_changed()


def signature_deleted(sender, instance, **kwargs):
    """Only an approved signature was counted and listed."""
    if instance.status == APPROVED:
        content_changed()


def show_pledge_again(page, request, fresh, message):
    """The campaign page with the pledge form showing the reader's answers, the one-time
    values in ``fresh`` and ``message``, after the CSRF check refused the form
    (home.public_forms); nothing is saved. None when the pledge no longer takes signatures."""
    if not page.has_pledge or not page.pledge_open:
        return None
    form = PledgeForm(allow_organisations=page.pledge_allows_organisations)
    form.initial.update({**answers(form, request.POST), **fresh})
    return page.render(request, context_overrides={"pledge_form": form, "pledge_notice": message})
