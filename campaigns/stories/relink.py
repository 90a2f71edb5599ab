""" "Ask for your link again": a contributor who lost their private status link enters the
email address they gave, and every open story held for it gets a new link by email. The old
link stops working. Nothing tells the person asking whether the address is known, and the
address is never logged."""

from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from campaigns.stories import forms, notifications
from campaigns.stories.constants import ContributorState
from campaigns.stories.models.contributor import ContributorRecord
from campaigns.stories.throttle import link_request_refused
from campaigns.stories.tokens import new_status_token
from home.http_cache import private
from home.site_address import absolute


def records_for_email(email):
    """The records a new link may be sent for: those holding ``email`` (any case), except
    withdrawn ones (their address is erased at once; this is a second guard)."""
    if not email:
        return ContributorRecord.objects.none()
    return ContributorRecord.objects.filter(email__iexact=email.strip()).exclude(
        state=ContributorState.WITHDRAWN
    )


def send_new_links(email, status_url_for):
    """Give each record held for ``email`` a new status token and email its link
    (``status_url_for(token)`` makes the absolute URL). The token and its email are saved
    together: either the old link still works and no email is queued, or the new one is
    queued. Returns how many links were sent, for tests only: callers must not show it."""
    sent = 0
    for record_id in records_for_email(email).values_list("pk", flat=True):
        with transaction.atomic():
            record = (
                ContributorRecord.objects.select_for_update()
                .exclude(state=ContributorState.WITHDRAWN)
                .filter(pk=record_id)
                .first()
            )
            if record is None or not record.email:
                continue
            token = new_status_token()
            record.set_token(token)
            record.save(update_fields=["token_hash", "token_expires_at", "updated_at"])
            delivered = notifications.send_new_status_link(
                record.email, status_url_for(token), record.language, record=record
            )
            if delivered is None:
                # Not even queued: keep the old link working rather than leave none.
                transaction.set_rollback(True)
                continue
        sent += 1
    return sent


def answer(page, request):
    """The "Ask for your link again" page of the story section ``page``: one email field.
    The answer is the same whether or not a story is held for the address; each story held
    for it gets a new link by email and its old link stops working. Rate limited per
    client; private, never cached."""
    context = {"page": page, "form": forms.RequestLinkForm()}
    if request.method != "POST":
        return _request_link_page(request, context)
    retry_after = link_request_refused(request)
    if retry_after is not None:
        context["refused"] = gettext(
            "You have asked for a new link several times in a short while. Please wait "
            "an hour and try again. If you asked already, the email may still be on its "
            "way: check your spam folder too."
        )
        response = _request_link_page(request, context, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    form = forms.RequestLinkForm(request.POST)
    if not form.is_valid():
        context["form"] = form
        return _request_link_page(request, context, status=400)

    def status_url_for(token):
        return absolute(page.subpage_url(request, "status", token=token), request)

    send_new_links(form.cleaned_data["email"], status_url_for)
    # Nothing about the address or the outcome: the same page for everyone.
    return _request_link_page(request, {"page": page, "answered": True})


def _request_link_page(request, context, status=200):
    response = TemplateResponse(request, "pages/story_request_link.html", context, status=status)
    return private(response)
